import 'server-only';
import { getDb } from '../db';
import { drainOutbox } from '../mail/outbox';
import { publishAllClosedPeriods } from './aggregates';
import { LONGEST_WINDOW_MS } from './rate-limit';
import { purgeFinishedReminders } from './reminders';

/**
 * Housekeeping that keeps short-lived credentials, counters and the reminder
 * records of finished cycles from piling up.
 * Run by every server process on a schedule (instrumentation.ts) and by
 * `npm run jobs`; each step is a plain conditional DELETE, so any number of
 * runs at once is harmless.
 */

/** Invitations that can no longer be used are kept this long for the admin list, then removed. */
export const DEAD_INVITE_RETENTION_DAYS = 30;

export type Purged = { tokens: number; invites: number; limitBuckets: number; outbox: number; reminders: number };

export async function purgeExpired(now: Date = new Date()): Promise<Purged> {
  const db = await getDb();
  const inviteCutoff = new Date(now.getTime() - DEAD_INVITE_RETENTION_DAYS * 86_400_000);
  const [tokens, invites, limitBuckets, outbox, reminders] = await Promise.all([
    db.verificationToken.deleteMany({ where: { expires: { lte: now } } }),
    db.invite.deleteMany({
      where: { acceptedAt: null, OR: [{ expiresAt: { lte: inviteCutoff } }, { revokedAt: { lte: inviteCutoff } }] },
    }),
    db.rateLimitBucket.deleteMany({ where: { windowStart: { lte: new Date(now.getTime() - LONGEST_WINDOW_MS) } } }),
    db.outboxMessage.deleteMany({ where: { expiresAt: { lte: now } } }),
    purgeFinishedReminders(),
  ]);
  return { tokens: tokens.count, invites: invites.count, limitBuckets: limitBuckets.count, outbox: outbox.count, reminders };
}

/**
 * One pass of every scheduled job: send queued mail, purge what has expired,
 * and publish reporting periods that have closed (each exactly once, however
 * many instances run this at the same moment).
 */
export async function runScheduledJobs(
  now: () => Date = () => new Date(),
): Promise<{ mail: { sent: number; failed: number }; purged: Purged; periodsPublished: number }> {
  const mail = await drainOutbox(now);
  const purged = await purgeExpired(now());
  const periodsPublished = await publishAllClosedPeriods(now());
  return { mail, purged, periodsPublished };
}
