import 'server-only';
import { randomUUID } from 'node:crypto';
import { appOrigin } from '../config/server';
import { getDb } from '../db';
import { normaliseEmail } from './accounts';
import { hashToken, newToken, TOKEN_SHAPE } from './tokens';
import { consumeLimits, MAGIC_LINK_PER_ACCOUNT, MAGIC_LINK_PER_CLIENT, type LimitState } from './rate-limit';

/**
 * Email sign-in links ("magic links"), issued and checked here:
 * - Asking for a link looks and takes the same whether or not the address has
 *   an account: the request is counted against the limits, then one SQL
 *   statement stores the token's hash and queues the email only if the account
 *   exists, and the email is sent after the response (lib/mail/outbox.ts).
 *   Nothing is stored for an unknown address or a limited request.
 * - The link opens a page that asks "Sign in as …?" and signs in only on POST:
 *   a mail scanner that follows links does not use it up, and nobody can sign
 *   someone else into their own account by sending them a link unnoticed.
 * - A token works once, within SIGN_IN_LINK_MINUTES; only its sha256 is stored.
 * - The link's origin is the configured one (APP_URL), never a request's Host.
 */

export const SIGN_IN_LINK_MINUTES = 15;

export type SignInUser = { id: string; email: string; name: string; emailVerified: Date | null; sessionVersion: number };

const userSelect = { id: true, email: true, name: true, emailVerified: true, sessionVersion: true } as const;


export async function findUserByEmail(email: string): Promise<SignInUser | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { email: normaliseEmail(email) }, select: userSelect });
}

export async function findUserById(id: string): Promise<SignInUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  return db.user.findUnique({ where: { id }, select: userSelect });
}

const limitChecks = (email: string, client: string) => [
  { limit: MAGIC_LINK_PER_ACCOUNT, key: normaliseEmail(email) },
  { limit: MAGIC_LINK_PER_CLIENT, key: client },
];

export function signInLinkMail(url: string): { subject: string; text: string } {
  return {
    subject: 'Your Tend sign-in link',
    text: [
      'Hello,',
      '',
      `Open this link to sign in to Tend. It works once, within ${SIGN_IN_LINK_MINUTES} minutes:`,
      url,
      '',
      'If you did not ask for it, you can ignore this email: nobody can sign in without opening the link.',
    ].join('\n'),
  };
}

/**
 * Asks for a sign-in link for `email` from `client`. The answer is the same
 * for any address; only the limits show.
 */
export async function requestSignInLink(email: string, client: string, now: Date = new Date()): Promise<LimitState> {
  const address = normaliseEmail(email);
  const consumed = await consumeLimits(limitChecks(address, client), now);
  if (consumed.limited) return consumed;
  const token = newToken();
  const expires = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  const { subject, text } = signInLinkMail(`${appOrigin()}/sign-in/link/confirm?token=${token}`);
  const db = await getDb();
  // One statement whether or not the account exists: the two inserts write a row
  // only when it does, so neither the work nor the time depends on it.
  await db.$queryRaw`
    WITH account AS (SELECT "email" FROM "users" WHERE "email" = ${address}),
    stored AS (
      INSERT INTO "verification_tokens" ("identifier", "token", "expires")
      SELECT "email", ${hashToken(token)}, ${expires} FROM account RETURNING 1
    ),
    queued AS (
      INSERT INTO "outbox_messages" ("id", "to_address", "subject", "text", "created_at", "expires_at", "next_attempt_at")
      SELECT ${randomUUID()}::uuid, "email", ${subject}, ${text}, ${now}, ${expires}, ${now} FROM account RETURNING 1
    )
    SELECT (SELECT COUNT(*) FROM stored)::int + (SELECT COUNT(*) FROM queued)::int AS written`;
  return { limited: false };
}

/** The address a sign-in link is for, to ask "Sign in as …?" (the token is not used up). */
export async function peekSignInLink(token: string, now: Date = new Date()): Promise<{ email: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const db = await getDb();
  const row = await db.verificationToken.findUnique({ where: { token: hashToken(token) }, select: { identifier: true, expires: true } });
  if (!row || row.expires <= now || row.identifier.startsWith('set-password:')) return null;
  return { email: row.identifier };
}

/**
 * Uses a sign-in link: the token is deleted as it is read (of two simultaneous
 * uses one wins), and must not have expired.
 * @returns the account it signs in, or null
 */
export async function redeemSignInLink(token: string, now: Date = new Date()): Promise<SignInUser | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const db = await getDb();
  const deleted = await db.$queryRaw<{ identifier: string; expires: Date }[]>`
    DELETE FROM "verification_tokens" WHERE "token" = ${hashToken(token)} AND "identifier" NOT LIKE 'set-password:%'
    RETURNING "identifier", "expires"`;
  const row = deleted[0];
  if (!row || row.expires <= now) return null;
  const user = await db.user.findUnique({ where: { email: row.identifier }, select: userSelect });
  if (!user) return null;
  if (!user.emailVerified) {
    return db.user.update({ where: { id: user.id }, data: { emailVerified: now }, select: userSelect });
  }
  return user;
}
