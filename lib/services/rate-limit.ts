import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '../db';

/**
 * Attempt limits kept in the database, so they hold across any number of app
 * instances. Attempts are counted in one-minute buckets and a limit sums the
 * buckets of its whole window (a sliding window: a burst cannot straddle a
 * window boundary to get twice the attempts). Keys are stored as sha256 hashes: the table holds
 * no email addresses or client addresses. A limit applies to a key whether or
 * not an account exists for it, so being limited reveals nothing.
 */
export type Limit = { name: string; limit: number; windowMs: number };

const MINUTE = 60_000;
export const SIGN_IN_PER_ACCOUNT: Limit = { name: 'sign-in:account', limit: 5, windowMs: 15 * MINUTE };
// Generous: a whole hospital may reach Tend from one address; the per-account limit is the main guard.
export const SIGN_IN_PER_CLIENT: Limit = { name: 'sign-in:client', limit: 50, windowMs: 15 * MINUTE };
export const MAGIC_LINK_PER_ACCOUNT: Limit = { name: 'magic-link:account', limit: 3, windowMs: 15 * MINUTE };
export const MAGIC_LINK_PER_CLIENT: Limit = { name: 'magic-link:client', limit: 10, windowMs: 15 * MINUTE };

export type LimitCheck = { limit: Limit; key: string };
export type LimitState = { limited: false } | { limited: true; retryAfterMinutes: number };

const bucketKey = ({ limit, key }: LimitCheck) => createHash('sha256').update(`${limit.name}\0${key}`).digest('hex');
const bucketStart = (now: Date) => new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);

/**
 * Whether any key has used up its limit within its window, and how long until
 * enough of its oldest attempts fall out of the window to allow one more.
 */
export async function checkLimits(checks: LimitCheck[], now: Date = new Date()): Promise<LimitState> {
  const db = await getDb();
  let retryAfterMs = 0;
  for (const check of checks) {
    const buckets = await db.rateLimitBucket.findMany({
      where: { key: bucketKey(check), windowStart: { gt: new Date(now.getTime() - check.limit.windowMs) } },
      orderBy: { windowStart: 'asc' },
      select: { windowStart: true, count: true },
    });
    let total = buckets.reduce((sum, b) => sum + b.count, 0);
    for (const bucket of buckets) {
      if (total < check.limit.limit) break;
      total -= bucket.count;
      if (total < check.limit.limit) {
        retryAfterMs = Math.max(retryAfterMs, bucket.windowStart.getTime() + check.limit.windowMs - now.getTime());
      }
    }
  }
  return retryAfterMs > 0 ? { limited: true, retryAfterMinutes: Math.max(1, Math.ceil(retryAfterMs / MINUTE)) } : { limited: false };
}

/** Counts one attempt against each key (atomically, safe under concurrent instances). */
export async function recordAttempt(checks: LimitCheck[], now: Date = new Date()): Promise<void> {
  const db = await getDb();
  for (const check of checks) {
    const key = bucketKey(check);
    const start = bucketStart(now);
    await db.$executeRaw`INSERT INTO "rate_limit_buckets" ("key", "window_start", "count") VALUES (${key}, ${start}, 1)
      ON CONFLICT ("key", "window_start") DO UPDATE SET "count" = "rate_limit_buckets"."count" + 1`;
  }
  // Old windows are of no use: keep the table small.
  await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 60 * MINUTE) } } });
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For
 * entry (`next start` sets it from the socket when no proxy does).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).pop();
  return last ?? headers.get('x-real-ip') ?? 'unknown';
}
