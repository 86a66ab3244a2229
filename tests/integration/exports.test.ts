import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { NotFoundError, type Actor } from '../../lib/services/actor';
import { saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import { listMyCheckInsForExport } from '../../lib/services/exports';
import { saveCheckInNote } from '../../lib/services/notes';
import { scoreProqol5 } from '../../lib/scoring';
import { createOwnerAndOthers, sampleAnswers } from '../fixtures/factories';

let owner: Actor;
let others: Record<string, Actor>;
const submitted: { id: string; seed: number; submittedAt: Date }[] = [];
let draftId: string;

async function submit(actor: Actor, seed: number, submittedAt: Date): Promise<string> {
  const { id } = await startOrResumeCheckIn(actor);
  await saveCheckInAnswers(actor, id, sampleAnswers(seed).map((value, i) => ({ itemNumber: i + 1, value })));
  const outcome = await submitCheckIn(actor, id, submittedAt);
  if (!outcome.ok) throw new Error('the check-in did not submit');
  return id;
}

beforeAll(async () => {
  ({ owner, others } = await createOwnerAndOthers());

  // Submitted out of date order, to show the export sorts oldest first.
  for (const [seed, at] of [[2, '2026-03-10T09:00:00Z'], [0, '2026-01-10T09:00:00Z'], [1, '2026-02-10T09:00:00Z']] as const) {
    submitted.push({ id: await submit(owner, seed, new Date(at)), seed, submittedAt: new Date(at) });
  }
  submitted.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  await saveCheckInNote(owner, submitted[1]!.id, '=A hard month; the peer group helped.');
  // As if the organisation's wording had been "nurse" when the first was taken: each check-in keeps its own.
  await (await getDb()).checkIn.update({ where: { id: submitted[0]!.id }, data: { wordingPreset: 'nurse' } });
  // A draft with some answers: never exported.
  draftId = (await startOrResumeCheckIn(owner)).id;
  await saveCheckInAnswers(owner, draftId, [{ itemNumber: 1, value: 3 }]);
  // The others' own check-ins and notes, which must never show up in the owner's export.
  for (const who of ['a clinician in the same team', 'the team’s manager'] as const) {
    const id = await submit(others[who]!, 4, new Date('2026-02-20T09:00:00Z'));
    await saveCheckInNote(others[who]!, id, `Note of ${who}`);
  }
});

describe('exporting one’s own check-ins', () => {
  it('gives the owner exactly their submitted check-ins, oldest first, with answers, scores, wording and notes', async () => {
    const exported = await listMyCheckInsForExport(owner);
    expect(exported).toEqual(
      submitted.map(({ id, seed, submittedAt }, i) => ({
        id,
        submittedAt,
        wordingPreset: i === 0 ? 'nurse' : owner.organisation!.wordingPreset,
        answers: sampleAnswers(seed),
        scores: scoreProqol5(sampleAnswers(seed)),
        note: i === 1 ? '=A hard month; the peer group helped.' : null,
      })),
    );
    expect(exported.map((c) => c.id)).not.toContain(draftId);
  });

  it('gives one check-in by id', async () => {
    const exported = await listMyCheckInsForExport(owner, { checkInId: submitted[1]!.id });
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ id: submitted[1]!.id, answers: sampleAnswers(1), note: '=A hard month; the peer group helped.' });
  });

  it('treats a draft, an unknown id and a malformed id as not found', async () => {
    for (const checkInId of [draftId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '']) {
      await expect(listMyCheckInsForExport(owner, { checkInId })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('leaves out a note on the owner’s check-in that is not the owner’s', async () => {
    // Notes belong to their author; a row naming anyone else is not the owner’s to take.
    const db = await getDb();
    const id = submitted[2]!.id;
    await db.checkInNote.create({ data: { checkInId: id, userId: others['a clinician in the same team']!.userId, text: 'Someone else’s words' } });
    try {
      const [exported] = await listMyCheckInsForExport(owner, { checkInId: id });
      expect(exported!.note).toBeNull();
    } finally {
      await db.checkInNote.delete({ where: { checkInId: id } });
    }
  });

  it.each(['a clinician in the same team', 'the team’s manager', 'an admin of the organisation', 'an admin of another organisation'])(
    '%s can export none of the owner’s check-ins',
    async (who) => {
      const other = others[who]!;
      for (const { id } of submitted) {
        await expect(listMyCheckInsForExport(other, { checkInId: id })).rejects.toBeInstanceOf(NotFoundError);
      }
      const theirs = await listMyCheckInsForExport(other);
      const ownerIds = new Set(submitted.map((s) => s.id));
      expect(theirs.filter((c) => ownerIds.has(c.id))).toEqual([]);
      expect(theirs.map((c) => c.note)).not.toContain('=A hard month; the peer group helped.');
      // Their own export is theirs alone: one check-in for the two who check in, none for the admins.
      const expected = who.startsWith('an admin') ? [] : [`Note of ${who}`];
      expect(theirs.map((c) => c.note)).toEqual(expected);
    },
  );
});
