import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { NotFoundError, type Actor } from '../../lib/services/actor';
import { saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import { getCheckInNote, listMyNotes, MAX_NOTE_LENGTH, saveCheckInNote } from '../../lib/services/notes';
import { createOwnerAndOthers, sampleAnswers } from '../fixtures/factories';

let owner: Actor;
let others: Record<string, Actor>;
let submittedId: string;
let draftId: string;

beforeAll(async () => {
  ({ owner, others } = await createOwnerAndOthers());

  const { id } = await startOrResumeCheckIn(owner);
  await saveCheckInAnswers(owner, id, sampleAnswers().map((value, i) => ({ itemNumber: i + 1, value })));
  await submitCheckIn(owner, id);
  submittedId = id;
  draftId = (await startOrResumeCheckIn(owner)).id;
});

describe('private notes', () => {
  it('are saved, changed and removed by their author; one over the limit is refused, never cut', async () => {
    await saveCheckInNote(owner, submittedId, '  A hard month; the peer group helped.  ');
    expect(await getCheckInNote(owner, submittedId)).toMatchObject({ checkInId: submittedId, text: 'A hard month; the peer group helped.' });
    await expect(saveCheckInNote(owner, submittedId, 'x'.repeat(MAX_NOTE_LENGTH + 1))).rejects.toBeInstanceOf(RangeError);
    expect((await getCheckInNote(owner, submittedId))?.text).toBe('A hard month; the peer group helped.');
    await saveCheckInNote(owner, submittedId, ` ${'x'.repeat(MAX_NOTE_LENGTH)} `);
    expect((await getCheckInNote(owner, submittedId))?.text).toHaveLength(MAX_NOTE_LENGTH);
    await saveCheckInNote(owner, submittedId, '   ');
    expect(await getCheckInNote(owner, submittedId)).toBeNull();
    await saveCheckInNote(owner, submittedId, 'Kept.');
    expect(await listMyNotes(owner)).toEqual(new Map([[submittedId, 'Kept.']]));
  });

  it('go only on a submitted check-in', async () => {
    await expect(saveCheckInNote(owner, draftId, 'Too early')).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each(['a clinician in the same team', 'the team’s manager', 'an admin of the organisation', 'an admin of another organisation'])(
    '%s can neither read nor write the owner’s note',
    async (who) => {
      const other = others[who]!;
      await expect(getCheckInNote(other, submittedId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(saveCheckInNote(other, submittedId, 'Overwritten')).rejects.toBeInstanceOf(NotFoundError);
      expect(await listMyNotes(other)).toEqual(new Map());
      expect((await getCheckInNote(owner, submittedId))?.text).toBe('Kept.');
    },
  );

  it('a malformed or unknown id reads as not found', async () => {
    await expect(getCheckInNote(owner, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveCheckInNote(owner, '00000000-0000-4000-8000-000000000000', 'x')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('go with their check-in when it is deleted', async () => {
    const db = await getDb();
    await db.checkIn.delete({ where: { id: submittedId } });
    expect(await db.checkInNote.count({ where: { checkInId: submittedId } })).toBe(0);
  });
});
