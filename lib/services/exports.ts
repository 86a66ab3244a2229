import 'server-only';
import { getDb } from '../db';
import type { ExportedCheckIn } from '../export/types';
import { PROQOL5 } from '../instruments/proqol5';
import { DEFAULT_WORDING_PRESET, isWordingPreset } from '../instruments/wording';
import { ITEM_COUNT } from '../scoring';
import { assertId, NotFoundError, type Actor } from './actor';
import { scoreSelect, toScores } from './check-ins';

/**
 * A person's own data for download. Every query is scoped by the acting
 * user's id and to submitted check-ins, so an export holds the actor's
 * check-ins and nothing else: a draft, or anyone else's check-in (whatever
 * the actor's role), reads exactly like one that does not exist. Notes are
 * scoped by their author too. No membership is needed: a person who has left
 * an organisation still takes their own data with them.
 */

function toAnswers(answers: readonly { itemNumber: number; value: number }[]): number[] {
  const byItem = new Map(answers.map((a) => [a.itemNumber, a.value]));
  const values = PROQOL5.items.map((item) => byItem.get(item.number));
  // A submitted check-in was scored from all 30; anything else is damaged data, not something to export quietly.
  if (answers.length !== ITEM_COUNT || values.some((v) => v === undefined)) throw new Error('A submitted check-in is missing answers.');
  return values as number[];
}

/**
 * The actor's submitted check-ins with their answers, scores, wording and the
 * actor's own notes, oldest first; with `checkInId`, that one check-in only.
 * @throws NotFoundError when `checkInId` is not one of the actor's submitted check-ins
 */
export async function listMyCheckInsForExport(actor: Actor, options: { checkInId?: string } = {}): Promise<ExportedCheckIn[]> {
  const { checkInId } = options;
  if (checkInId !== undefined) assertId(checkInId);
  const db = await getDb();
  const rows = await db.checkIn.findMany({
    where: { userId: actor.userId, status: 'submitted', ...(checkInId !== undefined ? { id: checkInId } : {}) },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      submittedAt: true,
      wordingPreset: true,
      ...scoreSelect,
      answers: { select: { itemNumber: true, value: true } },
      note: { select: { text: true, userId: true } },
    },
  });
  if (checkInId !== undefined && rows.length === 0) throw new NotFoundError();
  return rows.map((row) => {
    if (!row.submittedAt) throw new Error('A submitted check-in has no submission time.');
    return {
      id: row.id,
      submittedAt: row.submittedAt,
      wordingPreset: isWordingPreset(row.wordingPreset) ? row.wordingPreset : DEFAULT_WORDING_PRESET,
      answers: toAnswers(row.answers),
      scores: toScores(row),
      note: row.note && row.note.userId === actor.userId ? row.note.text : null,
    };
  });
}
