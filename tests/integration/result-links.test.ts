import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, type Actor } from '../../lib/services/actor';
import { getCheckInResult, saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import { createOwnerAndOthers, sampleAnswers } from '../fixtures/factories';

const asInputs = (answers: number[]) => answers.map((value, i) => ({ itemNumber: i + 1, value }));

async function submit(who: Actor, seed: number, at: string): Promise<string> {
  const { id } = await startOrResumeCheckIn(who);
  await saveCheckInAnswers(who, id, asInputs(sampleAnswers(seed)));
  await submitCheckIn(who, id, new Date(at));
  return id;
}

/** What a result page links to: the earlier and later results, by id and date. */
async function links(who: Actor, id: string) {
  const result = await getCheckInResult(who, id);
  return {
    previous: result.previous && { id: result.previous.id, at: result.previous.submittedAt.toISOString() },
    next: result.next && { id: result.next.id, at: result.next.submittedAt.toISOString() },
  };
}

let owner: Actor;
let others: Record<string, Actor>;
let mine: string[];

beforeAll(async () => {
  ({ owner, others } = await createOwnerAndOthers());
  mine = [
    await submit(owner, 1, '2026-03-03T09:00:00Z'),
    await submit(owner, 2, '2026-04-07T09:00:00Z'),
    await submit(owner, 3, '2026-05-12T09:00:00Z'),
  ];
});

describe('a result links to the earlier and later results', () => {
  it('of the owner, in order of submission, with none before the first or after the latest', async () => {
    expect(await links(owner, mine[0]!)).toEqual({ previous: null, next: { id: mine[1], at: '2026-04-07T09:00:00.000Z' } });
    expect(await links(owner, mine[1]!)).toEqual({
      previous: { id: mine[0], at: '2026-03-03T09:00:00.000Z' },
      next: { id: mine[2], at: '2026-05-12T09:00:00.000Z' },
    });
    expect(await links(owner, mine[2]!)).toEqual({ previous: { id: mine[1], at: '2026-04-07T09:00:00.000Z' }, next: null });
  });

  it('two check-ins submitted in the same instant still link to each other, one each way', async () => {
    const { owner: twin } = await createOwnerAndOthers();
    const a = await submit(twin, 1, '2026-06-01T09:00:00Z');
    const b = await submit(twin, 2, '2026-06-01T09:00:00Z');
    const [first, second] = [a, b].sort();
    expect((await links(twin, first!)).next?.id).toBe(second);
    expect((await links(twin, second!)).previous?.id).toBe(first);
    expect((await links(twin, first!)).previous).toBeNull();
    expect((await links(twin, second!)).next).toBeNull();
  });
});

describe('privacy: nobody learns anything from another person’s result links', () => {
  it.each(['a clinician in the same team', 'the team’s manager', 'an admin of the organisation', 'an admin of another organisation'])(
    '%s cannot open the owner’s result, so sees none of its links',
    async (who) => {
      for (const id of mine) await expect(getCheckInResult(others[who]!, id)).rejects.toBeInstanceOf(NotFoundError);
    },
  );

  it.each(['a clinician in the same team', 'the team’s manager'])(
    '%s gets links to their own check-ins only, the same whether or not the owner checked in between',
    async (who) => {
      const other = others[who]!;
      const theirs = [await submit(other, 4, '2026-02-01T09:00:00Z'), await submit(other, 5, '2026-06-01T09:00:00Z')];
      const before = [await links(other, theirs[0]!), await links(other, theirs[1]!)];
      expect(before).toEqual([
        { previous: null, next: { id: theirs[1], at: '2026-06-01T09:00:00.000Z' } },
        { previous: { id: theirs[0], at: '2026-02-01T09:00:00.000Z' }, next: null },
      ]);
      // The owner checks in once more, between the other person's two, and at the very same instant as one of them.
      const extra = [await submit(owner, 6, '2026-04-20T09:00:00Z'), await submit(owner, 7, '2026-06-01T09:00:00Z')];
      expect([await links(other, theirs[0]!), await links(other, theirs[1]!)]).toEqual(before);
      // And the owner's own links never lead to the other person's check-ins.
      for (const id of [...mine, ...extra]) {
        const { previous, next } = await links(owner, id);
        for (const neighbour of [previous?.id, next?.id]) if (neighbour) expect(theirs).not.toContain(neighbour);
      }
    },
  );
});
