import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { scoreProqol5 } from '../../lib/scoring';
import { getActor } from '../../lib/services/accounts';
import { ForbiddenError, NotFoundError, type Actor } from '../../lib/services/actor';
import { listAuditEvents } from '../../lib/services/audit';
import {
  CheckInClosedError,
  discardMyDraft,
  getDraftToDiscard,
  getCheckInForAnswering,
  getCheckInResult,
  getOpenDraft,
  listMyCheckIns,
  saveCheckInAnswers,
  startOrResumeCheckIn,
  submitCheckIn,
} from '../../lib/services/check-ins';
import { setMemberRemoved, updateMember } from '../../lib/services/members';
import { createOrganisation, createPerson, createTeam, sampleAnswers } from '../fixtures/factories';

const asInputs = (answers: number[]) => answers.map((value, i) => ({ itemNumber: i + 1, value }));

let org: { id: string };
let otherOrg: { id: string };
let teamA: { id: string };
let teamB: { id: string };

beforeAll(async () => {
  org = await createOrganisation();
  otherOrg = await createOrganisation();
  teamA = await createTeam(org.id, 'Team A');
  teamB = await createTeam(org.id, 'Team B');
});

describe('starting and resuming', () => {
  it('starts one draft and resumes it afterwards', async () => {
    const me = await createPerson({ organisationId: org.id, teams: [teamA] });
    const first = await startOrResumeCheckIn(me);
    expect(first.resumed).toBe(false);
    const again = await startOrResumeCheckIn(me);
    expect(again).toEqual({ id: first.id, resumed: true });
    expect(await getOpenDraft(me)).toMatchObject({ id: first.id, answeredCount: 0 });
  });

  it('stores the instrument, version and wording shown', async () => {
    const me = await createPerson({ organisationId: org.id });
    const db = await getDb();
    await db.organisation.update({ where: { id: org.id }, data: { wordingPreset: 'nurse' } });
    const nurse = { ...me, organisation: { ...me.organisation!, wordingPreset: 'nurse' as const } };
    const { id } = await startOrResumeCheckIn(nurse);
    await db.organisation.update({ where: { id: org.id }, data: { wordingPreset: 'helper' } });
    const row = await db.checkIn.findUniqueOrThrow({ where: { id }, select: { instrumentId: true, instrumentVersion: true, wordingPreset: true, status: true } });
    expect(row).toEqual({ instrumentId: 'proqol-5', instrumentVersion: '5', wordingPreset: 'nurse', status: 'draft' });
  });

  it('a burst of simultaneous starts (double click) makes one draft', async () => {
    const me = await createPerson({ organisationId: org.id });
    const results = await Promise.all(Array.from({ length: 5 }, () => startOrResumeCheckIn(me)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const db = await getDb();
    expect(await db.checkIn.count({ where: { userId: me.userId } })).toBe(1);
  });

  it.each([
    ['an admin without the clinician role', ['admin'] as const],
    ['a manager without the clinician role', ['manager'] as const],
  ])('%s cannot start a check-in', async (_label, roles) => {
    const person = await createPerson({ organisationId: org.id, roles: [...roles] });
    await expect(startOrResumeCheckIn(person)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a person removed from the organisation can no longer check in there', async () => {
    const me = await createPerson({ organisationId: org.id });
    const db = await getDb();
    await db.membership.updateMany({ where: { userId: me.userId }, data: { removedAt: new Date() } });
    const removed = (await getActor(me.userId, 0))!;
    expect(removed.organisation).toBeNull();
    await expect(startOrResumeCheckIn(removed)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('discarding a draft', () => {
  it('discards the owner’s draft with its answers, and a new one can start', async () => {
    const me = await createPerson({ organisationId: org.id });
    const { id } = await startOrResumeCheckIn(me);
    await saveCheckInAnswers(me, id, [{ itemNumber: 1, value: 3 }, { itemNumber: 2, value: 4 }]);
    expect(await getDraftToDiscard(me, id)).toMatchObject({ id, answeredCount: 2 });
    await discardMyDraft(me, id);
    const db = await getDb();
    expect(await db.checkIn.count({ where: { id } })).toBe(0);
    expect(await db.checkInAnswer.count({ where: { checkInId: id } })).toBe(0);
    expect(await getOpenDraft(me)).toBeNull();
    const again = await startOrResumeCheckIn(me);
    expect(again.resumed).toBe(false);
    await expect(discardMyDraft(me, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('nobody else can see or discard it, whatever their role, and a submitted check-in is never discarded', async () => {
    const me = await createPerson({ organisationId: org.id });
    const admin = await createPerson({ organisationId: org.id, roles: ['admin', 'manager', 'clinician'] });
    const { id } = await startOrResumeCheckIn(me);
    await saveCheckInAnswers(me, id, [{ itemNumber: 1, value: 3 }]);
    await expect(getDraftToDiscard(admin, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(discardMyDraft(admin, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getOpenDraft(me)).toMatchObject({ id, answeredCount: 1 });

    const done = await startOrResumeCheckIn(admin);
    await saveCheckInAnswers(admin, done.id, asInputs(sampleAnswers()));
    await submitCheckIn(admin, done.id);
    await expect(getDraftToDiscard(admin, done.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(discardMyDraft(admin, done.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyCheckIns(admin)).map((c) => c.id)).toEqual([done.id]);
    await expect(discardMyDraft(me, 'not-an-id')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('answering', () => {
  it('keeps answers as they are given, and a later answer replaces an earlier one', async () => {
    const me = await createPerson({ organisationId: org.id });
    const { id } = await startOrResumeCheckIn(me);
    expect(await saveCheckInAnswers(me, id, [{ itemNumber: 1, value: 2 }])).toEqual({ answeredCount: 1 });
    expect(await saveCheckInAnswers(me, id, [{ itemNumber: 7, value: 5 }, { itemNumber: 1, value: 4 }])).toEqual({ answeredCount: 2 });
    const checkIn = await getCheckInForAnswering(me, id);
    expect(checkIn).toMatchObject({ status: 'draft', answers: { 1: 4, 7: 5 } });
  });

  it.each([
    [{ itemNumber: 0, value: 3 }, /no item 0/],
    [{ itemNumber: 31, value: 3 }, /no item 31/],
    [{ itemNumber: 4, value: 6 }, /Item 4: the answer must be from 1 to 5, got 6/],
    [{ itemNumber: 4, value: 1.5 }, /Item 4: .*whole number/],
  ])('rejects %j and stores nothing', async (answer, message) => {
    const me = await createPerson({ organisationId: org.id });
    const { id } = await startOrResumeCheckIn(me);
    await saveCheckInAnswers(me, id, [{ itemNumber: 2, value: 3 }]);
    await expect(saveCheckInAnswers(me, id, [answer])).rejects.toThrow(message);
    expect((await getCheckInForAnswering(me, id)) as { answers: object }).toMatchObject({ answers: { 2: 3 } });
  });
});

describe('a result and the one before it', () => {
  it('comes with the owner’s previous check-in (by submission time), and with none for the first', async () => {
    const me = await createPerson({ organisationId: org.id });
    const someoneElse = await createPerson({ organisationId: org.id });
    const submit = async (who: typeof me, seed: number, at: string) => {
      const { id } = await startOrResumeCheckIn(who);
      await saveCheckInAnswers(who, id, asInputs(sampleAnswers(seed)));
      await submitCheckIn(who, id, new Date(at));
      return id;
    };
    const first = await submit(me, 1, '2026-09-10T09:00:00Z');
    await submit(someoneElse, 2, '2026-10-01T09:00:00Z'); // another person's, in between: never compared with
    const second = await submit(me, 3, '2026-10-12T09:00:00Z');
    const third = await submit(me, 4, '2026-11-14T09:00:00Z');

    expect((await getCheckInResult(me, first)).previous).toBeNull();
    expect((await getCheckInResult(me, second)).previous).toEqual({ id: first, submittedAt: new Date('2026-09-10T09:00:00Z'), scores: scoreProqol5(sampleAnswers(1)) });
    expect((await getCheckInResult(me, third)).previous?.id).toBe(second);
    // The other person's result compares with nothing of mine.
    const theirs = (await listMyCheckIns(someoneElse))[0]!;
    expect((await getCheckInResult(someoneElse, theirs.id)).previous).toBeNull();
  });
});

describe('submitting', () => {
  it('lists the unanswered items and stays a draft when incomplete', async () => {
    const me = await createPerson({ organisationId: org.id });
    const { id } = await startOrResumeCheckIn(me);
    const answers = asInputs(sampleAnswers()).filter((a) => ![3, 17, 30].includes(a.itemNumber));
    await saveCheckInAnswers(me, id, answers);
    expect(await submitCheckIn(me, id)).toEqual({ ok: false, missing: [3, 17, 30] });
    expect((await getCheckInForAnswering(me, id)).status).toBe('draft');
  });

  it('scores a complete check-in with lib/scoring and records the author’s teams at submission', async () => {
    const me = await createPerson({ organisationId: org.id, teams: [teamA, teamB] });
    const { id } = await startOrResumeCheckIn(me);
    const answers = sampleAnswers(3);
    await saveCheckInAnswers(me, id, asInputs(answers));
    const submittedAt = new Date('2026-11-20T10:00:00Z');
    expect(await submitCheckIn(me, id, submittedAt)).toEqual({ ok: true, id });

    const result = await getCheckInResult(me, id);
    expect(result.scores).toEqual(scoreProqol5(answers));
    expect(result.submittedAt.toISOString()).toBe(submittedAt.toISOString());

    const db = await getDb();
    const teams = await db.checkInTeam.findMany({ where: { checkInId: id }, select: { teamId: true } });
    expect(teams.map((t) => t.teamId).sort()).toEqual([teamA.id, teamB.id].sort());

    // A later team move does not rewrite history.
    await db.teamMembership.deleteMany({ where: { userId: me.userId, teamId: teamB.id } });
    expect(await db.checkInTeam.count({ where: { checkInId: id } })).toBe(2);

    // The draft slot is free again: the next start is a new check-in.
    const next = await startOrResumeCheckIn(me);
    expect(next.id).not.toBe(id);
    expect((await listMyCheckIns(me)).map((c) => c.id)).toEqual([id]);
  });

  it('submitting twice, even at the same moment, stores one check-in', async () => {
    const me = await createPerson({ organisationId: org.id, teams: [teamA] });
    const { id } = await startOrResumeCheckIn(me);
    await saveCheckInAnswers(me, id, asInputs(sampleAnswers(1)));
    const outcomes = await Promise.all([submitCheckIn(me, id), submitCheckIn(me, id), submitCheckIn(me, id)]);
    expect(outcomes).toEqual([{ ok: true, id }, { ok: true, id }, { ok: true, id }]);
    expect(await submitCheckIn(me, id)).toEqual({ ok: true, id });

    const db = await getDb();
    expect(await db.checkIn.count({ where: { userId: me.userId, status: 'submitted' } })).toBe(1);
    expect(await db.checkInTeam.count({ where: { checkInId: id } })).toBe(1);
    await expect(saveCheckInAnswers(me, id, [{ itemNumber: 1, value: 1 }])).rejects.toBeInstanceOf(CheckInClosedError);
    expect((await getCheckInResult(me, id)).scores).toEqual(scoreProqol5(sampleAnswers(1)));
  });
});

describe('privacy: nobody but the owner reaches a check-in', () => {
  let owner: Actor;
  let draftId: string;
  let submittedId: string;
  // Each other person, and how their attempt to change the owner's draft is refused: not found for
  // anyone who may check in, forbidden (before any lookup) for anyone who may not.
  const others: [string, () => Promise<Actor>, typeof NotFoundError | typeof ForbiddenError][] = [
    ['a clinician in the same team', () => createPerson({ organisationId: org.id, teams: [teamA] }), NotFoundError],
    ['the manager of the owner’s team', () => createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: teamA.id, manager: true }] }), NotFoundError],
    ['an admin of the same organisation', () => createPerson({ organisationId: org.id, roles: ['admin'] }), ForbiddenError],
    ['an admin of another organisation', () => createPerson({ organisationId: otherOrg.id, roles: ['admin', 'clinician'] }), NotFoundError],
  ];

  beforeAll(async () => {
    owner = await createPerson({ organisationId: org.id, teams: [teamA] });
    const submitted = await startOrResumeCheckIn(owner);
    await saveCheckInAnswers(owner, submitted.id, asInputs(sampleAnswers(2)));
    await submitCheckIn(owner, submitted.id);
    submittedId = submitted.id;
    const draft = await startOrResumeCheckIn(owner);
    await saveCheckInAnswers(owner, draft.id, [{ itemNumber: 1, value: 5 }, { itemNumber: 2, value: 4 }]);
    draftId = draft.id;
  });

  it.each(others)('%s reads neither the draft nor the result', async (_label, makeOther) => {
    const other = await makeOther();
    await expect(getCheckInForAnswering(other, draftId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCheckInForAnswering(other, submittedId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCheckInResult(other, submittedId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listMyCheckIns(other)).toEqual([]);
    expect(await getOpenDraft(other)).toBeNull();
  });

  it.each(others)('%s can neither answer nor submit the owner’s draft', async (_label, makeOther, refusal) => {
    const other = await makeOther();
    await expect(saveCheckInAnswers(other, draftId, [{ itemNumber: 1, value: 1 }])).rejects.toBeInstanceOf(refusal);
    await expect(submitCheckIn(other, draftId)).rejects.toBeInstanceOf(refusal);
    expect(await getCheckInForAnswering(owner, draftId)).toMatchObject({ status: 'draft', answers: { 1: 5, 2: 4 } });
  });

  it('a malformed id reads as not found', async () => {
    await expect(getCheckInResult(owner, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCheckInForAnswering(owner, "' OR 1=1 --")).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the owner reads both', async () => {
    expect((await getCheckInResult(owner, submittedId)).scores).toEqual(scoreProqol5(sampleAnswers(2)));
    expect((await getCheckInForAnswering(owner, draftId)).status).toBe('draft');
  });
});

describe('only an active clinician of the check-in’s organisation changes a draft', () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
  });

  const fresh = async (me: Actor) => (await getActor(me.userId, 0))!;
  const remove = (me: Actor) => setMemberRemoved(admin, me.userId, true);
  const dropClinician = (me: Actor) => updateMember(admin, { userId: me.userId, roles: ['manager'], teamIds: [teamA.id], managerTeamIds: [] });
  const then = (change: (me: Actor) => Promise<void>, actAs: 'fresh' | 'stale') => async (me: Actor) => {
    await change(me);
    return actAs === 'fresh' ? fresh(me) : me;
  };
  // What happens to a clinician with a complete draft, and the actor their next request acts as:
  // a fresh one (the request starts after the change), or the one from before (an admin acted
  // while the request was under way).
  const cases: [string, (me: Actor) => Promise<Actor>][] = [
    ['removed from the organisation', then(remove, 'fresh')],
    ['removed while the request was under way', then(remove, 'stale')],
    ['no longer a clinician', then(dropClinician, 'fresh')],
    ['no longer a clinician, changed while the request was under way', then(dropClinician, 'stale')],
    [
      'removed, and now a clinician of another organisation',
      async (me) => {
        await remove(me);
        const db = await getDb();
        await db.membership.create({ data: { userId: me.userId, organisationId: otherOrg.id, roles: ['clinician'] } });
        const now = await fresh(me);
        expect(now.organisation?.id).toBe(otherOrg.id);
        return now;
      },
    ],
  ];

  it.each(cases)('%s: saving and submitting are refused, and nothing counts for the old team', async (_label, change) => {
    const me = await createPerson({ organisationId: org.id, teams: [teamA] });
    const { id } = await startOrResumeCheckIn(me);
    const answers = sampleAnswers(4);
    await saveCheckInAnswers(me, id, asInputs(answers));
    const after = await change(me);

    await expect(saveCheckInAnswers(after, id, [{ itemNumber: 1, value: answers[0] === 1 ? 2 : 1 }])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(submitCheckIn(after, id)).rejects.toBeInstanceOf(ForbiddenError);

    const db = await getDb();
    const row = await db.checkIn.findUniqueOrThrow({
      where: { id },
      select: { status: true, burnoutRaw: true, answers: { where: { itemNumber: 1 }, select: { value: true } } },
    });
    expect(row).toEqual({ status: 'draft', burnoutRaw: null, answers: [{ value: answers[0] }] });
    expect(await db.checkInTeam.count({ where: { checkInId: id } })).toBe(0);
  });

  it('removing a member ends their teams in that organisation (recorded); they still read their own past results', async () => {
    const me = await createPerson({ organisationId: org.id, teams: [teamA, teamB] });
    const db = await getDb();
    // A team elsewhere: not this organisation's to end.
    const elsewhere = await createTeam(otherOrg.id);
    await db.teamMembership.create({ data: { teamId: elsewhere.id, userId: me.userId } });
    const { id } = await startOrResumeCheckIn(me);
    await saveCheckInAnswers(me, id, asInputs(sampleAnswers(6)));
    await submitCheckIn(me, id);

    await setMemberRemoved(admin, me.userId, true);
    const teams = await db.teamMembership.findMany({ where: { userId: me.userId }, select: { teamId: true } });
    expect(teams).toEqual([{ teamId: elsewhere.id }]);
    const [event] = await listAuditEvents(admin);
    expect(event).toMatchObject({ action: 'member.removed', target: me.email, details: { teams: { from: ['Team A', 'Team B'], to: [] } } });
    // Past check-ins keep the teams they counted for.
    expect(await db.checkInTeam.count({ where: { checkInId: id } })).toBe(2);

    const removed = await fresh(me);
    expect(removed.organisation).toBeNull();
    expect((await getCheckInResult(removed, id)).scores).toEqual(scoreProqol5(sampleAnswers(6)));
    expect((await listMyCheckIns(removed)).map((c) => c.id)).toEqual([id]);
    expect(await getCheckInForAnswering(removed, id)).toEqual({ id, status: 'submitted' });

    // Restoring brings the membership back, not the teams: an admin assigns those again.
    await setMemberRemoved(admin, me.userId, false);
    expect(await db.teamMembership.count({ where: { userId: me.userId, team: { organisationId: org.id } } })).toBe(0);
  });
});
