import 'server-only';
import { getDb } from '../db';
import { assertId, NotFoundError, type Actor } from './actor';

/**
 * Private reflection notes on one's own submitted check-ins. Every query is
 * scoped by the acting user, so another person's check-in, or their note,
 * reads exactly like one that does not exist: no role (manager, admin) opens
 * anyone else's.
 */

export const MAX_NOTE_LENGTH = 2000;

export type CheckInNote = { checkInId: string; text: string; updatedAt: Date };

/**
 * Saves (or, when empty, removes) the actor's note on one of their submitted check-ins.
 * A note is never shortened: a longer one is refused.
 * @throws NotFoundError unless the check-in is the actor's and submitted
 * @throws RangeError for a note longer than MAX_NOTE_LENGTH (nothing is saved)
 */
export async function saveCheckInNote(actor: Actor, checkInId: string, text: string): Promise<void> {
  assertId(checkInId);
  const note = text.trim();
  if (note.length > MAX_NOTE_LENGTH) throw new RangeError(`A note has at most ${MAX_NOTE_LENGTH} characters.`);
  const db = await getDb();
  const own = await db.checkIn.findFirst({ where: { id: checkInId, userId: actor.userId, status: 'submitted' }, select: { id: true } });
  if (!own) throw new NotFoundError();
  if (note === '') {
    await db.checkInNote.deleteMany({ where: { checkInId, userId: actor.userId } });
    return;
  }
  await db.checkInNote.upsert({
    where: { checkInId },
    create: { checkInId, userId: actor.userId, text: note },
    update: { text: note },
  });
}

/** The actor's note on one of their check-ins, or null. @throws NotFoundError unless the check-in is the actor's */
export async function getCheckInNote(actor: Actor, checkInId: string): Promise<CheckInNote | null> {
  assertId(checkInId);
  const db = await getDb();
  const own = await db.checkIn.findFirst({
    where: { id: checkInId, userId: actor.userId },
    select: { note: { select: { checkInId: true, text: true, updatedAt: true, userId: true } } },
  });
  if (!own) throw new NotFoundError();
  if (!own.note || own.note.userId !== actor.userId) return null;
  return { checkInId: own.note.checkInId, text: own.note.text, updatedAt: own.note.updatedAt };
}

/** All of the actor's notes, by check-in. */
export async function listMyNotes(actor: Actor): Promise<Map<string, string>> {
  const db = await getDb();
  const notes = await db.checkInNote.findMany({ where: { userId: actor.userId, checkIn: { userId: actor.userId } }, select: { checkInId: true, text: true } });
  return new Map(notes.map((n) => [n.checkInId, n.text]));
}
