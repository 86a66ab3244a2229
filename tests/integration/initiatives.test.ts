import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { ForbiddenError, NotFoundError, UserInputError, type Actor } from '../../lib/services/actor';
import { publishClosedPeriods } from '../../lib/services/aggregates';
import { listAuditEvents } from '../../lib/services/audit';
import { saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import {
  createInitiative,
  deleteInitiative,
  getInitiativeForEdit,
  listInitiatives,
  updateInitiative,
  type InitiativeItem,
} from '../../lib/services/initiatives';
import { ZInitiativeInput, type TInitiativeInput } from '../../lib/validation/initiatives';
import { createOrganisation, createPerson, createTeam, sampleAnswers } from '../fixtures/factories';

let orgId: string;
let admin: Actor;
let wardManager: Actor;
let crisisManager: Actor;
let clinician: Actor;
let otherAdmin: Actor;
let ward: { id: string; name: string };
let crisis: { id: string; name: string };

beforeAll(async () => {
  const org = await createOrganisation('Northside');
  const other = await createOrganisation('Elsewhere');
  orgId = org.id;
  ward = await createTeam(org.id, 'Ward 3');
  crisis = await createTeam(org.id, 'Crisis Team');
  admin = await createPerson({ organisationId: org.id, roles: ['admin'], name: 'Ada Admin', email: 'ada@northside.test' });
  wardManager = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: ward.id, manager: true }], name: 'Wren Manager' });
  crisisManager = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: crisis.id, manager: true }] });
  clinician = await createPerson({ organisationId: org.id, roles: ['clinician'], teams: [{ id: ward.id }] });
  otherAdmin = await createPerson({ organisationId: other.id, roles: ['admin'] });
});

/** An initiative as the form would give it, through the real schema. */
function input(values: Record<string, unknown>): TInitiativeInput {
  return ZInitiativeInput.parse({ title: 'Peer-support group', startsOn: '2026-03-01', ...values });
}

async function initiativeCount(): Promise<number> {
  const db = await getDb();
  return db.initiative.count({ where: { organisationId: orgId } });
}

function byId(items: InitiativeItem[], id: string): InitiativeItem | undefined {
  return items.find((item) => item.id === id);
}

const NOT_ENOUGH = ['compassionSatisfaction', 'burnout', 'secondaryTraumaticStress'].map((subscale) => ({ subscale, reading: 'not enough data yet' }));

describe('recording initiatives', () => {
  it('a manager records one for a team they manage, and sees it on that team’s dashboard', async () => {
    const { id } = await createInitiative(
      wardManager,
      input({ title: '  Reflective practice  ', description: 'Fortnightly, 45 minutes.', startsOn: '2026-02-02', endsOn: '2026-05-29', teamIds: [ward.id], periodsEachSide: '2' }),
    );
    const items = await listInitiatives(wardManager, { teamId: ward.id });
    expect(byId(items, id)).toEqual({
      id,
      title: 'Reflective practice',
      description: 'Fortnightly, 45 minutes.',
      startsOn: '2026-02-02',
      endsOn: '2026-05-29',
      wholeOrganisation: false,
      periodsEachSide: 2,
      teams: [{ id: ward.id, name: 'Ward 3' }],
      canEdit: true,
      recordedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      // No published periods yet: no figures, no periods, only the reason.
      comparisons: [{ group: 'Ward 3', comparison: { before: [], after: [], afterBeganBeforeRecorded: false, subscales: NOT_ENOUGH } }],
    });
    expect(await getInitiativeForEdit(wardManager, id)).toEqual({
      id,
      title: 'Reflective practice',
      description: 'Fortnightly, 45 minutes.',
      startsOn: '2026-02-02',
      endsOn: '2026-05-29',
      wholeOrganisation: false,
      periodsEachSide: 2,
      teamIds: [ward.id],
    });
    // Not on another team's dashboard.
    expect(byId(await listInitiatives(crisisManager, { teamId: crisis.id }), id)).toBeUndefined();
  });

  it('a manager is refused another team, a mix of theirs and another, and the whole organisation, next to the teams field', async () => {
    const before = await initiativeCount();
    await expect(createInitiative(wardManager, input({ teamIds: [crisis.id] }))).rejects.toMatchObject({
      constructor: UserInputError,
      field: 'teamIds',
      message: 'You can only choose teams you manage.',
    });
    await expect(createInitiative(wardManager, input({ teamIds: [ward.id, crisis.id] }))).rejects.toMatchObject({ constructor: UserInputError, field: 'teamIds' });
    await expect(createInitiative(wardManager, input({ wholeOrganisation: 'yes' }))).rejects.toMatchObject({
      constructor: UserInputError,
      field: 'teamIds',
      message: 'Only admins can record an initiative for the whole organisation. Choose the teams you manage.',
    });
    expect(await initiativeCount()).toBe(before);
  });

  it('only managers of a team and admins record initiatives: a clinician, a manager by role alone, a team lead without the role are refused', async () => {
    const managerByRoleOnly = await createPerson({ organisationId: orgId, roles: ['clinician', 'manager'], teams: [{ id: ward.id }] });
    const leadWithoutRole = await createPerson({ organisationId: orgId, roles: ['clinician'], teams: [{ id: ward.id, manager: true }] });
    const before = await initiativeCount();
    await expect(createInitiative(clinician, input({ teamIds: [ward.id] }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createInitiative(leadWithoutRole, input({ teamIds: [ward.id] }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createInitiative(managerByRoleOnly, input({ teamIds: [ward.id] }))).rejects.toMatchObject({ constructor: UserInputError, field: 'teamIds' });
    expect(await initiativeCount()).toBe(before);
  });

  it('an admin records one for the whole organisation; it shows on every team’s dashboard and the organisation’s, editable by admins only', async () => {
    const { id } = await createInitiative(admin, input({ title: 'Protected lunch breaks', startsOn: '2026-04-01', wholeOrganisation: 'yes' }));
    const forWard = byId(await listInitiatives(wardManager, { teamId: ward.id }), id);
    expect(forWard).toMatchObject({ wholeOrganisation: true, teams: [], canEdit: false, comparisons: [{ group: 'Ward 3', comparison: { before: [], after: [], subscales: NOT_ENOUGH } }] });
    expect(byId(await listInitiatives(crisisManager, { teamId: crisis.id }), id)).toMatchObject({ canEdit: false });
    expect(byId(await listInitiatives(admin, { teamId: crisis.id }), id)).toMatchObject({ canEdit: true });
    expect(byId(await listInitiatives(admin, { organisation: true }), id)).toMatchObject({ title: 'Protected lunch breaks', canEdit: true });
  });

  it('an admin covers any teams of the organisation, but no team of another', async () => {
    const { id } = await createInitiative(admin, input({ title: 'Rota review', teamIds: [crisis.id, ward.id] }));
    expect(byId(await listInitiatives(admin, { organisation: true }), id)?.teams).toEqual([
      { id: crisis.id, name: 'Crisis Team' },
      { id: ward.id, name: 'Ward 3' },
    ]);
    const foreignTeam = await createTeam(otherAdmin.organisation!.id);
    await expect(createInitiative(admin, input({ teamIds: [foreignTeam.id] }))).rejects.toMatchObject({ constructor: UserInputError, field: 'teamIds' });
    await expect(createInitiative(otherAdmin, input({ teamIds: [ward.id] }))).rejects.toMatchObject({ constructor: UserInputError, field: 'teamIds' });
  });

  it('a team’s list holds its own and the whole organisation’s initiatives, newest start first', async () => {
    const older = await createInitiative(wardManager, input({ title: 'Older', startsOn: '2025-09-01', teamIds: [ward.id] }));
    const newer = await createInitiative(admin, input({ title: 'Newer', startsOn: '2026-09-01', wholeOrganisation: 'yes' }));
    const crisisOnly = await createInitiative(crisisManager, input({ title: 'Crisis only', teamIds: [crisis.id] }));
    const items = await listInitiatives(wardManager, { teamId: ward.id });
    const ids = items.map((i) => i.id);
    expect(ids).toContain(older.id);
    expect(ids).toContain(newer.id);
    expect(ids).not.toContain(crisisOnly.id);
    expect(ids[0]).toBe(newer.id);
    expect(ids.at(-1)).toBe(older.id);
    const starts = items.map((i) => i.startsOn);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(items.every((i) => i.wholeOrganisation || i.teams.some((t) => t.id === ward.id))).toBe(true);
    // The organisation's list (admins only) holds them all.
    const all = (await listInitiatives(admin, { organisation: true })).map((i) => i.id);
    expect(all).toEqual(expect.arrayContaining([older.id, newer.id, crisisOnly.id]));
  });
});

describe('nobody else reaches an initiative', () => {
  let wardInitiative: string;
  let wholeOrganisation: string;
  let shared: string;

  beforeAll(async () => {
    wardInitiative = (await createInitiative(wardManager, input({ title: 'Ward huddles', teamIds: [ward.id] }))).id;
    wholeOrganisation = (await createInitiative(admin, input({ title: 'Wellbeing hour', wholeOrganisation: 'yes' }))).id;
    shared = (await createInitiative(admin, input({ title: 'Shared handover', teamIds: [ward.id, crisis.id] }))).id;
  });

  const outsiders: [string, () => Actor][] = [
    ['a manager of another team', () => crisisManager],
    ['a clinician of the team', () => clinician],
    ['an admin of another organisation', () => otherAdmin],
  ];

  it.each(outsiders)('%s cannot list, open, change or delete a manager’s initiative', async (_label, who) => {
    const actor = who();
    await expect(listInitiatives(actor, { teamId: ward.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getInitiativeForEdit(actor, wardInitiative)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateInitiative(actor, wardInitiative, input({ title: 'Taken over', teamIds: [ward.id] }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteInitiative(actor, wardInitiative)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getInitiativeForEdit(wardManager, wardInitiative)).toMatchObject({ title: 'Ward huddles', teamIds: [ward.id] });
  });

  it('nor in any list they can open', async () => {
    expect(byId(await listInitiatives(crisisManager, { teamId: crisis.id }), wardInitiative)).toBeUndefined();
    expect(await listInitiatives(otherAdmin, { organisation: true })).toEqual([]);
  });

  it('only admins list the organisation’s initiatives', async () => {
    for (const actor of [wardManager, crisisManager, clinician]) {
      await expect(listInitiatives(actor, { organisation: true })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('a manager sees, but cannot edit, an initiative that also covers a team they do not manage, or the whole organisation', async () => {
    const items = await listInitiatives(wardManager, { teamId: ward.id });
    expect(byId(items, shared)).toMatchObject({ canEdit: false, teams: [{ name: 'Crisis Team' }, { name: 'Ward 3' }] });
    expect(byId(items, wholeOrganisation)).toMatchObject({ canEdit: false });
    for (const id of [shared, wholeOrganisation]) {
      await expect(getInitiativeForEdit(wardManager, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateInitiative(wardManager, id, input({ title: 'Mine now', teamIds: [ward.id] }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteInitiative(wardManager, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await getInitiativeForEdit(admin, shared)).toMatchObject({ title: 'Shared handover' });
  });

  it('an admin of the organisation edits a manager’s initiative; one of another organisation cannot', async () => {
    expect(await getInitiativeForEdit(admin, wardInitiative)).toMatchObject({ title: 'Ward huddles' });
    await expect(getInitiativeForEdit(otherAdmin, shared)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteInitiative(otherAdmin, wholeOrganisation)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listInitiatives(otherAdmin, { teamId: crisis.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each(['not-an-id', '00000000-0000-4000-8000-000000000000'])('the id %j reads as not found', async (id) => {
    await expect(getInitiativeForEdit(admin, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteInitiative(admin, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateInitiative(admin, id, input({ teamIds: [ward.id] }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(listInitiatives(admin, { teamId: id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('changing and deleting, and the audit log', () => {
  it('records creation, each change (old and new) and deletion, with titles, team names and dates only', async () => {
    const { id } = await createInitiative(
      wardManager,
      input({ title: 'Supervision pilot', description: 'Group supervision', startsOn: '2026-01-05', teamIds: [ward.id] }),
    );
    let [event] = await listAuditEvents(admin);
    expect(event).toMatchObject({
      action: 'initiative.created',
      target: 'Supervision pilot',
      actor: expect.stringContaining('Wren Manager'),
      details: { teams: ['Ward 3'], startsOn: '2026-01-05', endsOn: null, periodsEachSide: 3 },
    });

    // Saving it unchanged writes nothing and records nothing.
    expect(await updateInitiative(wardManager, id, input({ title: 'Supervision pilot', description: 'Group supervision', startsOn: '2026-01-05', teamIds: [ward.id] }))).toEqual([]);
    expect((await listAuditEvents(admin))[0]!.id).toBe(event!.id);

    const changed = await updateInitiative(
      wardManager,
      id,
      input({ title: 'Supervision', description: 'Group supervision, monthly', startsOn: '2026-01-12', endsOn: '2026-06-30', teamIds: [ward.id], periodsEachSide: '4' }),
    );
    expect(changed).toEqual(['title', 'description', 'startsOn', 'endsOn', 'periodsEachSide']);
    expect(await getInitiativeForEdit(wardManager, id)).toEqual({
      id,
      title: 'Supervision',
      description: 'Group supervision, monthly',
      startsOn: '2026-01-12',
      endsOn: '2026-06-30',
      wholeOrganisation: false,
      periodsEachSide: 4,
      teamIds: [ward.id],
    });
    [event] = await listAuditEvents(admin);
    expect(event).toMatchObject({
      action: 'initiative.updated',
      target: 'Supervision',
      details: {
        title: { from: 'Supervision pilot', to: 'Supervision' },
        // Free text: the log says it changed, not what it says.
        description: 'changed',
        startsOn: { from: '2026-01-05', to: '2026-01-12' },
        endsOn: { from: null, to: '2026-06-30' },
        periodsEachSide: { from: 3, to: 4 },
      },
    });

    // Moving it to a team the manager does not manage is refused, and changes nothing.
    await expect(updateInitiative(wardManager, id, input({ title: 'Supervision', teamIds: [crisis.id] }))).rejects.toMatchObject({ constructor: UserInputError, field: 'teamIds' });
    expect((await getInitiativeForEdit(wardManager, id)).teamIds).toEqual([ward.id]);

    // An admin widens it to both teams.
    expect(await updateInitiative(admin, id, input({ title: 'Supervision', description: 'Group supervision, monthly', startsOn: '2026-01-12', endsOn: '2026-06-30', teamIds: [ward.id, crisis.id], periodsEachSide: '4' }))).toEqual(['teams']);
    [event] = await listAuditEvents(admin);
    expect(event).toMatchObject({ action: 'initiative.updated', details: { teams: { from: ['Ward 3'], to: ['Crisis Team', 'Ward 3'] } } });
    // …after which its manager no longer manages all of its teams.
    await expect(deleteInitiative(wardManager, id)).rejects.toBeInstanceOf(NotFoundError);

    await deleteInitiative(admin, id);
    [event] = await listAuditEvents(admin);
    expect(event).toMatchObject({
      action: 'initiative.deleted',
      target: 'Supervision',
      details: { teams: ['Crisis Team', 'Ward 3'], startsOn: '2026-01-12', endsOn: '2026-06-30', periodsEachSide: 4 },
    });
    await expect(getInitiativeForEdit(admin, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(byId(await listInitiatives(admin, { organisation: true }), id)).toBeUndefined();
  });

  it('a manager deletes their own initiative', async () => {
    const { id } = await createInitiative(wardManager, input({ title: 'Short-lived', teamIds: [ward.id] }));
    await deleteInitiative(wardManager, id);
    expect(byId(await listInitiatives(wardManager, { teamId: ward.id }), id)).toBeUndefined();
    expect((await listAuditEvents(admin))[0]).toMatchObject({ action: 'initiative.deleted', target: 'Short-lived' });
  });

  it('the audit log holds no figures about anyone', async () => {
    const db = await getDb();
    const rows = await db.auditEvent.findMany({ where: { organisationId: orgId, targetType: 'initiative' }, select: { action: true, details: true, targetLabel: true } });
    expect(rows.length).toBeGreaterThan(5);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/answer|score|mean|respondent|burnout|compassion|traumatic|reading|difference|before|after|percent/i);
    for (const row of rows) {
      expect(Object.keys(row.details as object).every((key) => ['teams', 'title', 'description', 'startsOn', 'endsOn', 'wholeOrganisation', 'periodsEachSide'].includes(key))).toBe(true);
    }
  });
});

describe('before and after, from published periods', () => {
  /** A check-in through the real services, submitted at `at`. */
  async function checkIn(actor: Actor, at: Date, seed: number) {
    const { id } = await startOrResumeCheckIn(actor);
    await saveCheckInAnswers(actor, id, sampleAnswers(seed).map((value, i) => ({ itemNumber: i + 1, value })));
    expect((await submitCheckIn(actor, id, at)).ok).toBe(true);
  }

  it('compares the dashboard’s own group over at least 2 periods a side, in whole numbers: the team on a team’s list, the organisation on its list', async () => {
    const org = await createOrganisation();
    const db = await getDb();
    await db.organisation.update({ where: { id: org.id }, data: { timeZone: 'UTC', anonymityThreshold: 5, reportingPeriod: 'month' } });
    const busy = await createTeam(org.id, 'Busy');
    const quiet = await createTeam(org.id, 'Quiet');
    const orgAdmin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    const people = await Promise.all(Array.from({ length: 5 }, () => createPerson({ organisationId: org.id, teams: [busy] })));
    for (const [m, month] of ['2026-01', '2026-02', '2026-03', '2026-04'].entries()) {
      for (const [i, person] of people.entries()) await checkIn(person, new Date(`${month}-1${i}T09:00:00Z`), i + 2 * m);
    }
    expect(await publishClosedPeriods(org.id, new Date('2026-05-10T00:00:00Z'))).toBe(4);

    const { id } = await createInitiative(orgAdmin, input({ title: 'Wellbeing hour', startsOn: '2026-03-01', wholeOrganisation: 'yes', periodsEachSide: '2' }));
    // Starting mid-March: March mixes before and after, leaving one period after it.
    const late = await createInitiative(orgAdmin, input({ title: 'Too recent', startsOn: '2026-03-15', teamIds: [busy.id], periodsEachSide: '2' }));
    // One period a side is refused now; one stored before that is read, and compared, as 2.
    expect(() => input({ title: 'One a side', teamIds: [busy.id], periodsEachSide: '1' })).toThrow('Enter the number of periods as a whole number from 2 to 6.');
    const old = await createInitiative(orgAdmin, input({ title: 'Stored with one', startsOn: '2026-03-01', teamIds: [busy.id], periodsEachSide: '2' }));
    await db.initiative.update({ where: { id: old.id }, data: { periodsEachSide: 1 } });

    const busyList = await listInitiatives(orgAdmin, { teamId: busy.id });
    const forBusy = byId(busyList, id)!.comparisons[0]!.comparison;
    expect(forBusy.before).toEqual(['January 2026', 'February 2026']);
    expect(forBusy.after).toEqual(['March 2026', 'April 2026']);
    expect(forBusy.subscales.map((s) => s.reading)).not.toContain('not enough data yet');
    for (const s of forBusy.subscales) {
      if (s.reading === 'not enough data yet') continue;
      // Only whole numbers and words leave the service: no unrounded mean, interval or degrees of freedom.
      expect(Object.keys(s).sort()).toEqual(['afterMean', 'beforeMean', 'difference', 'high', 'low', 'reading', 'subscale', 'words']);
      expect([s.beforeMean, s.afterMean, s.difference, s.low, s.high].every(Number.isInteger)).toBe(true);
      expect(s.difference).toBe(s.afterMean - s.beforeMean);
      expect(s.low).toBeLessThanOrEqual(s.difference);
      expect(s.high).toBeGreaterThanOrEqual(s.difference);
      expect(s.words).toMatch(/^probably /);
    }
    const orgList = await listInitiatives(orgAdmin, { organisation: true });
    const orgComparisons = byId(orgList, id)!.comparisons;
    // The whole organisation's initiative is compared for the organisation there.
    expect(orgComparisons).toHaveLength(1);
    expect(orgComparisons[0]!.comparison).toMatchObject({ before: ['January 2026', 'February 2026'], after: ['March 2026', 'April 2026'] });
    // A team's initiative is compared for its team on the organisation's page too: the same comparison as on the team's own.
    expect(byId(orgList, old.id)!.comparisons).toEqual([{ group: 'Busy', comparison: byId(busyList, old.id)!.comparisons[0]!.comparison }]);
    // Recorded now with a start in the past: the periods compared after it had begun before it was recorded, and it says so.
    expect(forBusy.afterBeganBeforeRecorded).toBe(true);
    // The quiet team had no respondents: its dashboard compares nothing.
    expect(byId(await listInitiatives(orgAdmin, { teamId: quiet.id }), id)!.comparisons[0]!.comparison.subscales).toEqual(NOT_ENOUGH);
    expect(byId(busyList, late.id)!.comparisons[0]!.comparison).toEqual({
      before: ['January 2026', 'February 2026'],
      after: ['April 2026'],
      afterBeganBeforeRecorded: true,
      subscales: NOT_ENOUGH,
    });
    // The one stored with 1 a side reads as 2, and compares the same periods as the one recorded with 2.
    expect(byId(busyList, old.id)).toMatchObject({ periodsEachSide: 2, comparisons: [{ group: 'Busy', comparison: forBusy }] });
    expect(await getInitiativeForEdit(orgAdmin, old.id)).toMatchObject({ periodsEachSide: 2 });
  });
});
