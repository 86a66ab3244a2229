import 'server-only';
import { getDb, type Prisma } from '../db';
import { assertId, NotFoundError, type Actor } from './actor';
import { recordAuditEvent } from './audit';

/**
 * A person deleting their own check-in data for good. Every query is scoped by
 * the acting user's id, so another person's check-in reads exactly like one
 * that does not exist, whatever the actor's role: nobody deletes anyone else's.
 *
 * What goes: check-ins (drafts too), their answers and team rows (by cascade
 * from check_ins), notes, and the reminder records of the person's
 * memberships. What stays: the account, memberships and reminder preferences
 * (the person can sign in and check in again), and published period figures,
 * which are anonymous aggregates and never move (privacy rule 8).
 *
 * The audit log records only that "a member" deleted their own data in an
 * organisation: no actor, target or details, since naming the person would
 * tell an admin that they had checked in (privacy rule 7).
 */

export type CheckInToDelete = { id: string; submittedAt: Date; hasNote: boolean };

/** One of the actor's submitted check-ins, for the confirmation page. @throws NotFoundError otherwise */
export async function getCheckInToDelete(actor: Actor, id: string): Promise<CheckInToDelete> {
  assertId(id);
  const db = await getDb();
  const row = await db.checkIn.findFirst({
    where: { id, userId: actor.userId, status: 'submitted' },
    select: { id: true, submittedAt: true, note: { select: { userId: true } } },
  });
  if (!row || !row.submittedAt) throw new NotFoundError();
  return { id: row.id, submittedAt: row.submittedAt, hasNote: row.note?.userId === actor.userId };
}

async function recordOwnDataDeleted(tx: Prisma.TransactionClient, organisationId: string): Promise<void> {
  await recordAuditEvent(tx, { organisationId, actorId: null, action: 'member.deleted_own_data', targetType: 'organisation' });
}

/**
 * Deletes one of the actor's submitted check-ins with its answers, team rows
 * and note (all by cascade), and records the anonymous audit event for its
 * organisation, in one transaction.
 * @throws NotFoundError for a malformed id, a draft, or anyone else's check-in (nothing is deleted)
 */
export async function deleteMyCheckIn(actor: Actor, id: string): Promise<void> {
  assertId(id);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const own = await tx.checkIn.findFirst({ where: { id, userId: actor.userId, status: 'submitted' }, select: { organisationId: true } });
    if (!own) throw new NotFoundError();
    // A concurrent delete of the same check-in waits here and then deletes nothing:
    // it reads as not found and rolls back, so one deletion is recorded once.
    const { count } = await tx.checkIn.deleteMany({ where: { id, userId: actor.userId } });
    if (count === 0) throw new NotFoundError();
    await recordOwnDataDeleted(tx, own.organisationId);
  });
}

/**
 * Deletes all of the actor's check-ins (any status, any organisation), notes,
 * and the reminder records of their memberships, in one transaction; records
 * one anonymous audit event per organisation whose check-ins were deleted
 * (none when there was nothing to delete).
 * @returns how many check-ins were deleted (drafts included)
 */
export async function deleteAllMyCheckInData(actor: Actor): Promise<number> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organisations = await tx.checkIn.findMany({
      where: { userId: actor.userId },
      distinct: ['organisationId'],
      select: { organisationId: true },
    });
    await tx.checkInNote.deleteMany({ where: { userId: actor.userId } });
    // Answers and team rows go with their check-in (ON DELETE CASCADE).
    const { count } = await tx.checkIn.deleteMany({ where: { userId: actor.userId } });
    // The rows that say when this person was reminded (and so, by their gaps,
    // when they checked in). The preferences on the membership stay.
    await tx.reminder.deleteMany({ where: { membership: { userId: actor.userId } } });
    if (count > 0) {
      for (const { organisationId } of organisations) await recordOwnDataDeleted(tx, organisationId);
    }
    return count;
  });
}
