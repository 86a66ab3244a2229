import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';
import { resolveAuthSecret } from '../auth/secret';
import { appOrigin } from '../config/server';
import { getDb } from '../db';
import { deliverMail } from '../mail';
import { describeError } from '../mail/outbox';
import { UserInputError, type Actor } from './actor';
import { supportPageUrl } from './organisation-settings';
import { canCheckIn } from './permissions';

/**
 * When a person's next check-in is due, and the reminder emails that say so.
 *
 * A check-in is due `interval` days after the person's last submitted one in
 * the organisation (at once for someone who has none): the organisation's
 * cadence, or a longer interval the person chose. Each "cycle" (the time after
 * one submission, or after joining) gets at most two emails: one when it falls
 * due and one follow-up seven days after that one went out, if still not done.
 *
 * Several senders at once (app instances on their hourly schedule, a cron job)
 * are safe because the database decides, not timing: each reminder is a row
 * unique on (membership, cycle, kind), inserted with ON CONFLICT DO NOTHING,
 * then claimed with FOR UPDATE SKIP LOCKED and a lease before its mail is sent,
 * and marked sent afterwards. A refused message releases its claim for the
 * next pass. A sender that dies between the mail server's acceptance and the
 * mark leaves the claim to expire, after which that one reminder may be sent
 * again: the only case in which anyone could get a reminder twice.
 *
 * Privacy: reminders and whether they went out are read by nothing but this
 * module and the person's own data deletion. No manager or admin view selects
 * them, and the emails say nothing about scores or the questionnaire.
 */

export const FOLLOW_UP_AFTER_DAYS = 7;
/** The longest interval a person may choose. */
export const MAX_INTERVAL_DAYS = 365;
/** Intervals offered on the account page (those at least the organisation's cadence). */
export const INTERVAL_CHOICES = [7, 14, 21, 30, 45, 60, 90, 120, 180, 365] as const;
/** Emails go out between these local hours (organisation's time zone): nobody is reminded at night. */
export const SEND_FROM_HOUR = 9;
export const SEND_UNTIL_HOUR = 18;

const DAY_MS = 86_400_000;
/** A claimed reminder not marked sent within this long is claimed again (its sender died). */
const LEASE_MS = 10 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** How long the unsubscribe link in an email works. */
export const UNSUBSCRIBE_LINK_DAYS = 90;
const BATCH = 20;

export type ReminderSettings = {
  organisationName: string;
  /** The organisation's cadence in days. */
  cadenceDays: number;
  /** The person's chosen interval, or null when they follow the organisation's cadence. */
  chosenIntervalDays: number | null;
  /** The interval in force: the longer of the two. */
  intervalDays: number;
  emailsPaused: boolean;
  /** When the next check-in is (or was) due. */
  dueAt: Date;
  due: boolean;
  /** Whether the person has never submitted a check-in here. */
  first: boolean;
  /** Intervals the person may choose. */
  choices: number[];
};

/** The actor's reminder settings and due date in their current organisation; null for someone who does not check in. */
export async function getReminderSettings(actor: Actor, now: Date = new Date()): Promise<ReminderSettings | null> {
  if (!canCheckIn(actor)) return null;
  const db = await getDb();
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId: actor.userId, organisationId: actor.organisation.id } },
    select: {
      createdAt: true,
      reminderIntervalDays: true,
      remindersPausedAt: true,
      organisation: { select: { name: true, checkInCadenceDays: true } },
    },
  });
  if (!membership) return null;
  const last = await db.checkIn.findFirst({
    where: { userId: actor.userId, organisationId: actor.organisation.id, status: 'submitted' },
    orderBy: { submittedAt: 'desc' },
    select: { submittedAt: true },
  });
  const cadenceDays = membership.organisation.checkInCadenceDays;
  const intervalDays = Math.max(cadenceDays, membership.reminderIntervalDays ?? 0);
  const dueAt = last?.submittedAt ? new Date(last.submittedAt.getTime() + intervalDays * DAY_MS) : membership.createdAt;
  return {
    organisationName: membership.organisation.name,
    cadenceDays,
    chosenIntervalDays: membership.reminderIntervalDays,
    intervalDays,
    emailsPaused: membership.remindersPausedAt !== null,
    dueAt,
    due: dueAt.getTime() <= now.getTime(),
    first: !last,
    choices: intervalChoices(cadenceDays),
  };
}

export function intervalChoices(cadenceDays: number): number[] {
  return [...new Set([cadenceDays, ...INTERVAL_CHOICES.filter((d) => d > cadenceDays)])].sort((a, b) => a - b);
}

/**
 * Sets how often the actor is reminded (never more often than the
 * organisation's cadence) and whether reminder emails are sent.
 * @throws UserInputError (field intervalDays) for an interval shorter than the cadence or over a year
 */
export async function updateReminderSettings(actor: Actor, input: { intervalDays: number; emails: boolean }, now: Date = new Date()): Promise<void> {
  if (!canCheckIn(actor)) throw new UserInputError('Reminders are for people who check in.');
  const db = await getDb();
  const where = { userId_organisationId: { userId: actor.userId, organisationId: actor.organisation.id } };
  const membership = await db.membership.findUnique({ where, select: { remindersPausedAt: true, organisation: { select: { checkInCadenceDays: true } } } });
  if (!membership) throw new UserInputError('Reminders are for people who check in.');
  const cadence = membership.organisation.checkInCadenceDays;
  if (!Number.isInteger(input.intervalDays) || input.intervalDays < cadence) {
    throw new UserInputError(`Choose ${cadence} days or longer: your organisation asks for a check-in every ${cadence} days.`, 'intervalDays');
  }
  if (input.intervalDays > MAX_INTERVAL_DAYS) throw new UserInputError(`Choose ${MAX_INTERVAL_DAYS} days or fewer.`, 'intervalDays');
  await db.membership.update({
    where,
    data: {
      // The organisation's own cadence is stored as "follow the organisation", so a later change of cadence applies.
      reminderIntervalDays: input.intervalDays === cadence ? null : input.intervalDays,
      remindersPausedAt: input.emails ? null : (membership.remindersPausedAt ?? now),
    },
  });
}

// ---------------------------------------------------------------------------
// Unsubscribe links: signed, expiring, usable without signing in.

function signingKey(): Buffer {
  // A key of its own, derived from the app's secret, so a signature here can never double as a session or any other token.
  return createHmac('sha256', resolveAuthSecret()).update('tend:reminder-unsubscribe:v1').digest();
}

function signature(payload: string): string {
  return createHmac('sha256', signingKey()).update(payload).digest('base64url');
}

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** A token naming one membership, valid until `UNSUBSCRIBE_LINK_DAYS` after `now`. */
export function unsubscribeToken(membershipId: string, now: Date): string {
  const payload = `${membershipId}.${Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_LINK_DAYS * 86_400}`;
  return `${payload}.${signature(payload)}`;
}

/** The membership a token names, if its signature holds and it has not expired. */
export function readUnsubscribeToken(token: string, now: Date = new Date()): string | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, membershipId, expires, given] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(signature(`${membershipId}.${expires}`));
  if (!timingSafeEqual(expected, Buffer.from(given))) return null;
  return Number(expires) * 1000 > now.getTime() ? membershipId : null;
}

/**
 * Stops reminder emails for the membership a valid unsubscribe token names.
 * @returns false for a token that is malformed, forged or expired
 */
export async function unsubscribeWithToken(token: string, now: Date = new Date()): Promise<boolean> {
  const membershipId = readUnsubscribeToken(token, now);
  if (!membershipId) return false;
  const db = await getDb();
  await db.membership.updateMany({ where: { id: membershipId, remindersPausedAt: null }, data: { remindersPausedAt: now } });
  return true;
}

// ---------------------------------------------------------------------------
// Sending.

export type ReminderPass = { sent: number; failed: number };

type Claimed = { id: string; membership_id: string; cycle_start: Date; kind: 'due' | 'follow_up'; attempts: number };
type Recipient = { membership_id: string; email: string; name: string; organisation: string; organisation_id: string; first: boolean };

/** The organisations whose local time is within sending hours at `now`. */
async function organisationsInSendingHours(now: Date): Promise<string[]> {
  const db = await getDb();
  const organisations = await db.organisation.findMany({ select: { id: true, timeZone: true } });
  return organisations
    .filter((o) => {
      const hour = DateTime.fromJSDate(now, { zone: o.timeZone }).hour;
      return hour >= SEND_FROM_HOUR && hour < SEND_UNTIL_HOUR;
    })
    .map((o) => o.id);
}

/**
 * Active clinicians with emails on (of the memberships `where` selects), with
 * their current cycle, when it is due, and whether it is their first. The one
 * query both the inserts and the check before sending use, so a person who
 * checked in, paused emails or left since their reminder was queued is not
 * sent it.
 */
function eligibleSql(alias: string, where: string): string {
  return `(
    SELECT m."id" AS "membership_id",
           last."submitted_at" IS NULL AS "first",
           COALESCE(last."submitted_at", m."created_at") AS "cycle_start",
           CASE WHEN last."submitted_at" IS NULL THEN m."created_at"
                ELSE last."submitted_at" + make_interval(days => GREATEST(o."check_in_cadence_days", COALESCE(m."reminder_interval_days", 0)))
           END AS "due_at"
    FROM "memberships" m
    JOIN "organisations" o ON o."id" = m."organisation_id"
    LEFT JOIN LATERAL (
      SELECT max(c."submitted_at") AS "submitted_at" FROM "check_ins" c
      WHERE c."user_id" = m."user_id" AND c."organisation_id" = m."organisation_id" AND c."status" = 'submitted'
    ) last ON true
    WHERE m."removed_at" IS NULL AND m."reminders_paused_at" IS NULL AND 'clinician' = ANY(m."roles") AND ${where}
  ) ${alias}`;
}

/**
 * One pass: queues the reminders now owed (in organisations within sending
 * hours), then claims and sends them in batches. Safe to run from any number
 * of processes at once; each reminder goes out at most once (see above).
 */
export async function sendDueReminders(now: () => Date = () => new Date(), limit = 500): Promise<ReminderPass> {
  const db = await getDb();
  const passStart = now();
  const organisations = await organisationsInSendingHours(passStart);
  if (organisations.length === 0) return { sent: 0, failed: 0 };
  const inSendingHours = eligibleSql('e', `m."organisation_id"::text = ANY($2::text[])`);

  // First reminders for cycles that have fallen due.
  await db.$executeRawUnsafe(
    `INSERT INTO "reminders" ("id", "membership_id", "cycle_start", "kind", "created_at", "next_attempt_at")
     SELECT gen_random_uuid(), e."membership_id", e."cycle_start", 'due', $1, $1
     FROM ${inSendingHours}
     WHERE e."due_at" <= $1
     ON CONFLICT ("membership_id", "cycle_start", "kind") DO NOTHING`,
    passStart,
    organisations,
  );
  // One follow-up, a week after the first went out, if the same cycle is still open.
  await db.$executeRawUnsafe(
    `INSERT INTO "reminders" ("id", "membership_id", "cycle_start", "kind", "created_at", "next_attempt_at")
     SELECT gen_random_uuid(), r."membership_id", r."cycle_start", 'follow_up', $1, $1
     FROM "reminders" r
     JOIN ${inSendingHours} ON e."membership_id" = r."membership_id" AND e."cycle_start" = r."cycle_start"
     WHERE r."kind" = 'due' AND r."sent_at" <= $3 AND e."due_at" <= $1
     ON CONFLICT ("membership_id", "cycle_start", "kind") DO NOTHING`,
    passStart,
    organisations,
    new Date(passStart.getTime() - FOLLOW_UP_AFTER_DAYS * DAY_MS),
  );

  let sent = 0;
  let failed = 0;
  while (sent + failed < limit) {
    const at = now();
    const batch = await db.$queryRaw<Claimed[]>`
      UPDATE "reminders" SET "attempts" = "attempts" + 1, "next_attempt_at" = ${new Date(at.getTime() + LEASE_MS)}
      WHERE "id" IN (
        SELECT "id" FROM "reminders"
        WHERE "sent_at" IS NULL AND "next_attempt_at" <= ${passStart}
        ORDER BY "created_at" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "membership_id", "cycle_start", "kind", "attempts"`;
    if (batch.length === 0) break;
    const recipients = await stillOwed(batch, at);
    for (const reminder of batch) {
      const recipient = recipients.get(reminder.id);
      if (!recipient) {
        // Checked in, paused, or left since it was queued: this one is no longer owed.
        await db.reminder.deleteMany({ where: { id: reminder.id, sentAt: null } });
        continue;
      }
      try {
        await deliverMail(reminderMail(recipient, reminder.kind, at));
        await db.reminder.updateMany({ where: { id: reminder.id }, data: { sentAt: now() } });
        sent++;
      } catch (error) {
        failed++;
        // Left for the next pass (a pass only takes reminders due when it began), with backoff.
        const backoff = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** (reminder.attempts - 1));
        await db.reminder.updateMany({ where: { id: reminder.id }, data: { nextAttemptAt: new Date(now().getTime() + backoff) } });
        // The reason only: never the address or the link.
        console.warn(`[reminders] a reminder could not be sent (attempt ${reminder.attempts}); it will be retried: ${describeError(error)}`);
      }
    }
  }
  return { sent, failed };
}

/** Of the claimed reminders, those still owed, with whom to send them to. */
async function stillOwed(batch: Claimed[], now: Date): Promise<Map<string, Recipient>> {
  const db = await getDb();
  const rows = await db.$queryRawUnsafe<(Recipient & { id: string })[]>(
    `SELECT r."id", r."membership_id", u."email", u."name", o."name" AS "organisation", o."id"::text AS "organisation_id", e."first"
     FROM "reminders" r
     JOIN ${eligibleSql('e', `m."id" IN (SELECT "membership_id" FROM "reminders" WHERE "id"::text = ANY($1::text[]))`)}
       ON e."membership_id" = r."membership_id" AND e."cycle_start" = r."cycle_start"
     JOIN "memberships" m ON m."id" = r."membership_id"
     JOIN "users" u ON u."id" = m."user_id"
     JOIN "organisations" o ON o."id" = m."organisation_id"
     WHERE r."id"::text = ANY($1::text[]) AND e."due_at" <= $2`,
    batch.map((r) => r.id),
    now,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** The email: a nudge and the links, nothing about scores or what the questionnaire asks. */
function reminderMail(recipient: Recipient, kind: 'due' | 'follow_up', now: Date) {
  const origin = appOrigin();
  const token = unsubscribeToken(recipient.membership_id, now);
  const stop = `${origin}/reminders/stop/${token}`;
  const oneClick = `${origin}/api/reminders/unsubscribe/${token}`;
  const firstName = recipient.name.split(' ')[0] || recipient.name;
  const what = recipient.first ? 'your first check-in' : 'your next check-in';
  const lines = [
    `Hello ${firstName},`,
    '',
    kind === 'due'
      ? `It’s time for ${what} on Tend (${recipient.organisation}). It takes about five minutes, and your answers are saved as you go.`
      : `A gentle reminder: ${what} on Tend (${recipient.organisation}) is still waiting for you whenever suits you. This is the only follow-up we send.`,
    '',
    `Check in: ${origin}/`,
    '',
    `Change how often you are reminded: ${origin}/account#reminders`,
    `Stop reminder emails: ${stop}`,
    '',
    // Reachable without signing in: someone who needs help should not first need a password.
    `Support, any time, without signing in: ${supportPageUrl(recipient.organisation_id)}`,
  ];
  return {
    to: recipient.email,
    subject: kind === 'due' ? 'Time for your Tend check-in' : 'Your Tend check-in is still waiting',
    text: lines.join('\n'),
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/**
 * Deletes the reminder rows of cycles that are over (the person has checked
 * in since), so whether someone was reminded is kept no longer than it is
 * needed to send each reminder once. Rows of a current cycle stay: they are
 * what stops a second email.
 * @returns how many were deleted
 */
export async function purgeFinishedReminders(): Promise<number> {
  const db = await getDb();
  return db.$executeRaw`
    DELETE FROM "reminders" r USING "memberships" m
    WHERE m."id" = r."membership_id"
      AND EXISTS (
        SELECT 1 FROM "check_ins" c
        WHERE c."user_id" = m."user_id" AND c."organisation_id" = m."organisation_id"
          AND c."status" = 'submitted' AND c."submitted_at" > r."cycle_start"
      )`;
}
