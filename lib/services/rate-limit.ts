import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '../db';
import { clientAddressFromHeaders } from '../http/client-address';

/**
 * Attempt limits kept in the database, so they hold across any number of app
 * instances. Attempts are counted in one-minute buckets and a limit sums the
 * buckets of its whole window (a sliding window: a burst cannot straddle a
 * window boundary to get twice the attempts). Keys are stored as sha256 hashes: the table holds
 * no email addresses or client addresses. A limit applies to a key whether or
 * not an account exists for it, so being limited reveals nothing.
 *
 * An attempt is counted before it is decided (`consumeLimits`): one atomic
 * statement adds it and returns the window's total, so of any number of
 * simultaneous attempts at most `limit` see a total within the limit. A refused
 * attempt takes its count back (waiting out a limit is not prolonged by
 * trying), and so may one that succeeded where only failures should count.
 */
export type Limit = { name: string; limit: number; windowMs: number };

const MINUTE = 60_000;
export const SIGN_IN_PER_ACCOUNT: Limit = { name: 'sign-in:account', limit: 5, windowMs: 15 * MINUTE };
// Generous: a whole hospital may reach Tend from one address; the per-account limit is the main guard.
export const SIGN_IN_PER_CLIENT: Limit = { name: 'sign-in:client', limit: 50, windowMs: 15 * MINUTE };
export const MAGIC_LINK_PER_ACCOUNT: Limit = { name: 'magic-link:account', limit: 3, windowMs: 15 * MINUTE };
export const MAGIC_LINK_PER_CLIENT: Limit = { name: 'magic-link:client', limit: 10, windowMs: 15 * MINUTE };
/**
 * Initiatives recorded by one person. Recording one is deliberate: a few in a sitting (say one
 * per team after a planning meeting) fit easily, while a script or a stuck form recording
 * hundreds, which would slow every dashboard that compares them and bury the audit log, is
 * stopped after ten. Only initiatives actually recorded count (a refused one is taken back).
 */
export const INITIATIVES_PER_ACTOR: Limit = { name: 'initiative:create', limit: 10, windowMs: 10 * MINUTE };

/** The longest window of any limit: older buckets can be purged. */
export const LONGEST_WINDOW_MS = 15 * MINUTE;

export type LimitCheck = { limit: Limit; key: string };
export type LimitState = { limited: false } | { limited: true; retryAfterMinutes: number };
export type Consumed = { limited: false; refund: () => Promise<void> } | { limited: true; retryAfterMinutes: number };

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

/** Adds one attempt to the key's current bucket and returns the window's total, in one statement. */
async function countAttempt(check: LimitCheck, now: Date): Promise<number> {
  const db = await getDb();
  const key = bucketKey(check);
  const start = bucketStart(now);
  const since = new Date(now.getTime() - check.limit.windowMs);
  // The outer SELECT sees the table as it was before the INSERT (one snapshot), so the
  // current bucket is taken from RETURNING, which reflects every committed increment.
  const rows = await db.$queryRaw<{ total: number }[]>`
    WITH bumped AS (
      INSERT INTO "rate_limit_buckets" ("key", "window_start", "count") VALUES (${key}, ${start}, 1)
      ON CONFLICT ("key", "window_start") DO UPDATE SET "count" = "rate_limit_buckets"."count" + 1
      RETURNING "count"
    )
    SELECT ((SELECT "count" FROM bumped) + COALESCE((
      SELECT SUM("count") FROM "rate_limit_buckets"
      WHERE "key" = ${key} AND "window_start" > ${since} AND "window_start" <> ${start}
    ), 0))::int AS total`;
  return rows[0]!.total;
}

async function uncount(check: LimitCheck, now: Date): Promise<void> {
  const db = await getDb();
  await db.$executeRaw`UPDATE "rate_limit_buckets" SET "count" = "count" - 1
    WHERE "key" = ${bucketKey(check)} AND "window_start" = ${bucketStart(now)} AND "count" > 0`;
}

/**
 * Counts one attempt against every key, then decides: refused when any key is
 * over its limit (the attempt is then taken back). Safe under any number of
 * simultaneous attempts and app instances.
 */
export async function consumeLimits(checks: LimitCheck[], now: Date = new Date()): Promise<Consumed> {
  let over = false;
  for (const check of checks) {
    if ((await countAttempt(check, now)) > check.limit.limit) over = true;
  }
  const refund = async () => {
    for (const check of checks) await uncount(check, now);
  };
  if (!over) return { limited: false, refund };
  await refund();
  const state = await checkLimits(checks, now);
  return { limited: true, retryAfterMinutes: state.limited ? state.retryAfterMinutes : 1 };
}

/** Counts one attempt against each key (atomically, safe under concurrent instances). */
export async function recordAttempt(checks: LimitCheck[], now: Date = new Date()): Promise<void> {
  for (const check of checks) await countAttempt(check, now);
}

/** The client's address as Tend's server recorded it (lib/http/client-address.ts). */
export function clientAddress(headers: Headers): string {
  return clientAddressFromHeaders(headers);
}
