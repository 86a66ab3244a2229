import 'server-only';
import { getDb } from '../db';
import { sendMail } from '../mail';
import { normaliseEmail } from './accounts';
import { checkLimits, MAGIC_LINK_PER_ACCOUNT, MAGIC_LINK_PER_CLIENT, recordAttempt, type LimitState } from './rate-limit';

/**
 * Email sign-in links ("magic links"). Auth.js creates the token and stores its
 * hash through these functions; a link is sent only to an existing account,
 * while the person asking is told the same thing either way.
 */

export type SignInUser = { id: string; email: string; name: string; emailVerified: Date | null; sessionVersion: number };

export async function findUserByEmail(email: string): Promise<SignInUser | null> {
  const db = await getDb();
  return db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, name: true, emailVerified: true, sessionVersion: true },
  });
}

export async function findUserById(id: string): Promise<SignInUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, emailVerified: true, sessionVersion: true } });
}

export async function markEmailVerified(id: string, at: Date): Promise<SignInUser> {
  const db = await getDb();
  return db.user.update({ where: { id }, data: { emailVerified: at }, select: { id: true, email: true, name: true, emailVerified: true, sessionVersion: true } });
}

export async function storeVerificationToken(token: { identifier: string; token: string; expires: Date }): Promise<void> {
  const db = await getDb();
  await db.verificationToken.create({ data: token });
}

/** Single use: the token is deleted as it is read (one of two simultaneous uses wins). */
export async function consumeVerificationToken(identifier: string, token: string): Promise<{ identifier: string; token: string; expires: Date } | null> {
  const db = await getDb();
  const found = await db.verificationToken.findUnique({ where: { identifier_token: { identifier, token } } });
  if (!found) return null;
  const deleted = await db.verificationToken.deleteMany({ where: { identifier, token } });
  return deleted.count === 1 ? found : null;
}

const limitChecks = (email: string, client: string) => [
  { limit: MAGIC_LINK_PER_ACCOUNT, key: normaliseEmail(email) },
  { limit: MAGIC_LINK_PER_CLIENT, key: client },
];

export function checkSignInLinkLimits(email: string, client: string): Promise<LimitState> {
  return checkLimits(limitChecks(email, client));
}

/**
 * Sends a sign-in link, counting the request against the limits. Nothing is
 * sent while limited, nor to an address without an account; the caller's
 * answer is the same in every case.
 */
export async function sendSignInLink(email: string, url: string, client: string, minutesValid: number): Promise<void> {
  const checks = limitChecks(email, client);
  if ((await checkLimits(checks)).limited) return;
  await recordAttempt(checks);
  const user = await findUserByEmail(email);
  if (!user) return;
  await sendMail({
    to: user.email,
    subject: 'Your Tend sign-in link',
    text: [
      `Hello ${user.name},`,
      '',
      `Open this link to sign in to Tend. It works once, within ${minutesValid} minutes:`,
      url,
      '',
      'If you did not ask for it, you can ignore this email: nobody can sign in without opening the link.',
    ].join('\n'),
  });
}
