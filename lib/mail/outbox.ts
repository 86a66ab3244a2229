import 'server-only';
import { randomUUID } from 'node:crypto';
import { getDb, type Prisma } from '../db';
import { deliverMail, type Mail } from './index';

/**
 * The outbox: mail is written to the database with whatever it belongs to and
 * sent afterwards by `drainOutbox`, which runs right after the response that
 * wrote it (`drainOutboxSoon`), every minute inside each server process
 * (instrumentation.ts), and from `npm run jobs`. Several senders at once are
 * safe: each claims the rows it sends (FOR UPDATE SKIP LOCKED, then a lease),
 * and a message is deleted once the mail server has taken it.
 */

type Tx = Prisma.TransactionClient;

/** Claimed rows are leased for this long: a sender that dies mid-send leaves them to be retried after it. */
const LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;

export type OutboxInput = Mail & { expiresAt: Date };

/** Queues a message (inside the caller's transaction, when given). */
export async function enqueueMail(mail: OutboxInput, tx?: Tx, now: Date = new Date()): Promise<void> {
  const db = tx ?? (await getDb());
  await db.outboxMessage.create({
    data: { id: randomUUID(), toAddress: mail.to, subject: mail.subject, text: mail.text, expiresAt: mail.expiresAt, createdAt: now, nextAttemptAt: now },
  });
}

type Claimed = { id: string; to_address: string; subject: string; text: string; attempts: number };

/**
 * Sends every message that is due, in batches, until none is left or `limit`
 * were tried. A message the mail server refuses, or a server that is down,
 * leaves that message for a later pass (with backoff) and does not hold up the
 * others.
 * @returns how many were sent and how many failed this pass
 */
export async function drainOutbox(now: () => Date = () => new Date(), limit = 200): Promise<{ sent: number; failed: number }> {
  const db = await getDb();
  let sent = 0;
  let failed = 0;
  while (sent + failed < limit) {
    const at = now();
    const batch = await db.$queryRaw<Claimed[]>`
      UPDATE "outbox_messages" SET "attempts" = "attempts" + 1, "next_attempt_at" = ${new Date(at.getTime() + LEASE_MS)}
      WHERE "id" IN (
        SELECT "id" FROM "outbox_messages"
        WHERE "next_attempt_at" <= ${at} AND "expires_at" > ${at}
        ORDER BY "created_at" LIMIT 20
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "to_address", "subject", "text", "attempts"`;
    if (batch.length === 0) break;
    for (const message of batch) {
      try {
        await deliverMail({ to: message.to_address, subject: message.subject, text: message.text });
        await db.outboxMessage.deleteMany({ where: { id: message.id } });
        sent++;
      } catch (error) {
        failed++;
        const backoff = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** (message.attempts - 1));
        await db.outboxMessage.updateMany({ where: { id: message.id }, data: { nextAttemptAt: new Date(now().getTime() + backoff) } });
        // The reason only: never the message, its address or its link.
        console.warn(`[mail] could not send a message (attempt ${message.attempts}); it will be retried: ${describeError(error)}`);
      }
    }
  }
  return { sent, failed };
}

/** What went wrong sending, without the message, its address or its link. */
export function describeError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; name?: string };
  return [e.name, e.code, e.responseCode].filter(Boolean).join(' ') || 'unknown error';
}

/**
 * Sends queued mail after the current response has gone out (Next's `after`),
 * so no request waits for the mail server. Outside a request, it starts at once.
 */
export async function drainOutboxSoon(): Promise<void> {
  const send = () =>
    drainOutbox().then(
      () => undefined,
      (error: unknown) => console.warn(`[mail] outbox pass failed: ${describeError(error)}`),
    );
  try {
    const { after } = await import('next/server');
    after(send);
  } catch {
    void send();
  }
}
