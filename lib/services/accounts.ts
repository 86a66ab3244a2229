import 'server-only';
import { getDb } from '../db';
import { hashPassword, verifyPassword } from '../auth/password';
import { checkPassword } from '../auth/password-rules';
import { DEFAULT_WORDING_PRESET, isWordingPreset } from '../instruments/wording';
import { UserInputError, type Actor } from './actor';
import { hashToken, newToken } from './tokens';
import { appOrigin } from '../config/server';
import { enqueueMail } from '../mail/outbox';
import { consumeLimits, MAGIC_LINK_PER_ACCOUNT, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_CLIENT } from './rate-limit';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The account for an email and password, or null. Never says which of the two
 * was wrong, and takes as long either way.
 */
export async function authenticateWithPassword(
  email: string,
  password: string,
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export type PasswordSignIn =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'limited'; retryAfterMinutes: number };

/**
 * Password sign-in with attempt limits per account and per client address.
 * The attempt is counted before the password is checked (consumeLimits), so
 * simultaneous guesses cannot slip past the limit; while limited, even the
 * right password is refused without being checked. Only failures count: a
 * success takes its count back.
 */
export async function signInWithPassword(email: string, password: string, client: string, now: Date = new Date()): Promise<PasswordSignIn> {
  const consumed = await consumeLimits(
    [
      { limit: SIGN_IN_PER_ACCOUNT, key: normaliseEmail(email) },
      { limit: SIGN_IN_PER_CLIENT, key: client },
    ],
    now,
  );
  if (consumed.limited) return { ok: false, reason: 'limited', retryAfterMinutes: consumed.retryAfterMinutes };
  const user = await authenticateWithPassword(email, password);
  if (!user) return { ok: false, reason: 'invalid' };
  await consumed.refund();
  return { ok: true, user };
}

/**
 * The actor for a verified session, or null when the account is gone or the
 * session was revoked (its version is older than the account's).
 */
export async function getActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      sessionVersion: true,
      privacyAcknowledgedAt: true,
      memberships: {
        where: { removedAt: null },
        orderBy: { createdAt: 'asc' },
        take: 1,
        select: { roles: true, organisation: { select: { id: true, name: true, wordingPreset: true } } },
      },
    },
  });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  const membership = user.memberships[0];
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    organisation: membership
      ? {
          id: membership.organisation.id,
          name: membership.organisation.name,
          wordingPreset: isWordingPreset(membership.organisation.wordingPreset)
            ? membership.organisation.wordingPreset
            : DEFAULT_WORDING_PRESET,
        }
      : null,
    roles: membership?.roles ?? [],
    privacyAcknowledged: user.privacyAcknowledgedAt !== null,
  };
}

const tooMany = (minutes: number) =>
  `Too many attempts. For your security, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;

/** Whether the actor's account has a password (otherwise it signs in by email link or single sign-on). */
export async function hasPassword(actor: Actor): Promise<boolean> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  return !!user?.passwordHash;
}

/**
 * Changes the actor's password after checking the current one. Guesses at the
 * current password count against the account's sign-in limit, so a stolen
 * session cannot be used to find it out. Every session ends (the session
 * version moves on); the caller signs in again. An account without a password
 * sets one through an emailed link instead (requestPasswordSetLink).
 * @throws UserInputError naming the field ("currentPassword" or "newPassword")
 */
export async function changePassword(actor: Actor, currentPassword: string, newPassword: string, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user.passwordHash) throw new UserInputError('Your account has no password yet: ask for a link to set one below.');
  const consumed = await consumeLimits([{ limit: SIGN_IN_PER_ACCOUNT, key: normaliseEmail(actor.email) }], now);
  if (consumed.limited) throw new UserInputError(tooMany(consumed.retryAfterMinutes), 'currentPassword');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new UserInputError('That is not your current password.', 'currentPassword');
  }
  await consumed.refund();
  await setPasswordHash(actor, newPassword);
}

async function setPasswordHash(actor: Actor, newPassword: string): Promise<void> {
  const check = checkPassword(newPassword, { email: actor.email, name: actor.name });
  if (!check.ok) throw new UserInputError(check.message, 'newPassword');
  const db = await getDb();
  await db.user.update({
    where: { id: actor.userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
}

/** Links that let a passwordless account set a password work once, within this many minutes. */
export const PASSWORD_LINK_MINUTES = 30;
const passwordLinkIdentifier = (userId: string) => `set-password:${userId}`;

/**
 * Emails the actor a single-use link to set a password. An account that signs
 * in only by email link or single sign-on proves it owns the address again
 * before a password can be added (a borrowed session alone is not enough).
 */
export async function requestPasswordSetLink(actor: Actor, now: Date = new Date()): Promise<void> {
  const consumed = await consumeLimits([{ limit: MAGIC_LINK_PER_ACCOUNT, key: `set-password:${normaliseEmail(actor.email)}` }], now);
  if (consumed.limited) throw new UserInputError(tooMany(consumed.retryAfterMinutes));
  const token = newToken();
  const expires = new Date(now.getTime() + PASSWORD_LINK_MINUTES * 60_000);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.verificationToken.create({ data: { identifier: passwordLinkIdentifier(actor.userId), token: hashToken(token), expires } });
    await enqueueMail(
      {
        to: actor.email,
        subject: 'Set a password for Tend',
        text: [
          'Hello,',
          '',
          `Open this link, signed in to Tend, to set a password for your account. It works once, within ${PASSWORD_LINK_MINUTES} minutes:`,
          `${appOrigin()}/account/password?token=${token}`,
          '',
          'If you did not ask for it, you can ignore this email.',
        ].join('\n'),
        expiresAt: expires,
      },
      tx,
      now,
    );
  });
}

/**
 * Sets a password with a link from requestPasswordSetLink, for the account it
 * was sent to only. Every session ends, as with any password change.
 * @throws UserInputError for a used, expired or foreign link ("form") or a weak password ("newPassword")
 */
export async function setPasswordWithLink(actor: Actor, token: string, newPassword: string, now: Date = new Date()): Promise<void> {
  const check = checkPassword(newPassword, { email: actor.email, name: actor.name });
  if (!check.ok) throw new UserInputError(check.message, 'newPassword');
  const db = await getDb();
  const used = await db.verificationToken.deleteMany({
    where: { identifier: passwordLinkIdentifier(actor.userId), token: hashToken(token), expires: { gt: now } },
  });
  if (used.count !== 1) throw new UserInputError('This link has expired or was already used. Ask for a new one from your account page.');
  await setPasswordHash(actor, newPassword);
}

/** Whether a set-password link is open for the actor (the page checks before showing the form). */
export async function isPasswordSetLinkOpen(actor: Actor, token: string, now: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  const row = await db.verificationToken.findFirst({
    where: { identifier: passwordLinkIdentifier(actor.userId), token: hashToken(token), expires: { gt: now } },
    select: { identifier: true },
  });
  return row !== null;
}

/** Ends every session of the actor, on every device, including this one. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
}
