import 'server-only';
import { getDb } from '../db';
import { hashPassword, verifyPassword } from '../auth/password';
import { checkPassword } from '../auth/password-rules';
import { DEFAULT_WORDING_PRESET, isWordingPreset } from '../instruments/wording';
import { UserInputError, type Actor } from './actor';
import { checkLimits, recordAttempt, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_CLIENT } from './rate-limit';

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
 * While limited, even the right password is refused (without being checked),
 * so guessing cannot continue; a failure counts against both keys.
 */
export async function signInWithPassword(email: string, password: string, client: string, now: Date = new Date()): Promise<PasswordSignIn> {
  const checks = [
    { limit: SIGN_IN_PER_ACCOUNT, key: normaliseEmail(email) },
    { limit: SIGN_IN_PER_CLIENT, key: client },
  ];
  const state = await checkLimits(checks, now);
  if (state.limited) return { ok: false, reason: 'limited', retryAfterMinutes: state.retryAfterMinutes };
  const user = await authenticateWithPassword(email, password);
  if (!user) {
    await recordAttempt(checks, now);
    return { ok: false, reason: 'invalid' };
  }
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

/**
 * Changes the actor's password after checking the current one. Every other
 * session ends (the session version moves on); the caller signs in again.
 * @throws UserInputError naming the field ("currentPassword" or "newPassword")
 */
export async function changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new UserInputError('That is not your current password.', 'currentPassword');
  }
  const check = checkPassword(newPassword, { email: actor.email, name: actor.name });
  if (!check.ok) throw new UserInputError(check.message, 'newPassword');
  await db.user.update({
    where: { id: actor.userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
}

/** Ends every session of the actor, on every device, including this one. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
}
