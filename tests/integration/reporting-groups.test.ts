import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { ForbiddenError, NotFoundError, UserInputError, type Actor } from '../../lib/services/actor';
import { getOrganisationDashboard, getTeamDashboard, ORGANISATION_GROUP, type GroupPeriodView } from '../../lib/services/aggregates';
import { saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import { createReportingGroup, getReportingOverview, setTeamReporting } from '../../lib/services/reporting-groups';
import { getTransparency } from '../../lib/services/transparency';
import { recoverableSmallSets } from '../fixtures/differencing';
import { createOrganisation, createPerson, createTeam, sampleAnswers } from '../fixtures/factories';

async function checkIn(actor: Actor, at: Date, seed: number) {
  const { id } = await startOrResumeCheckIn(actor);
  await saveCheckInAnswers(actor, id, sampleAnswers(seed).map((value, i) => ({ itemNumber: i + 1, value })));
  expect((await submitCheckIn(actor, id, at)).ok).toBe(true);
}

async function organisation() {
  const org = await createOrganisation();
  const db = await getDb();
  await db.organisation.update({ where: { id: org.id }, data: { timeZone: 'UTC', anonymityThreshold: 5 } });
  return { ...org, admin: await createPerson({ organisationId: org.id, roles: ['admin'] }) };
}

const APRIL = new Date('2026-04-10T09:00:00Z');
const DURING_APRIL = new Date('2026-04-20T09:00:00Z');
const MAY = new Date('2026-05-10T09:00:00Z');
const JUNE_5 = new Date('2026-06-05T00:00:00Z');

/**
 * Outreach 8, Crisis Response 5, Family Services 3, and one more person in
 * both Crisis Response and Family Services: everyone checks in in April and May.
 */
async function demoShape() {
  const org = await organisation();
  const outreach = await createTeam(org.id, 'Outreach');
  const crisis = await createTeam(org.id, 'Crisis Response');
  const family = await createTeam(org.id, 'Family Services');
  const familyManager = await createPerson({ organisationId: org.id, roles: ['manager'], teams: [{ id: family.id, manager: true }] });
  const membersOf = new Map<string, string[]>([[ORGANISATION_GROUP, []], [outreach.id, []], [crisis.id, []], [family.id, []]]);
  const everyone: Actor[] = [];
  const add = async (teams: { id: string }[]) => {
    const person = await createPerson({ organisationId: org.id, teams });
    everyone.push(person);
    for (const key of [ORGANISATION_GROUP, ...teams.map((t) => t.id)]) membersOf.get(key)!.push(person.userId);
  };
  for (let i = 0; i < 8; i++) await add([outreach]);
  for (let i = 0; i < 5; i++) await add([crisis]);
  for (let i = 0; i < 3; i++) await add([family]);
  await add([crisis, family]);
  for (const [i, person] of everyone.entries()) await checkIn(person, APRIL, i);
  return { org, outreach, crisis, family, familyManager, membersOf, everyone };
}

const statusOf = (cells: Record<string, GroupPeriodView>, key: string) => cells[key]?.status;

describe('reporting groups', () => {
  it('a small team reported with another from the next period: the total shows, neither team alone, and nothing isolates the small one', async () => {
    const { org, outreach, crisis, family, familyManager, membersOf, everyone } = await demoShape();
    const seen = async () => JSON.stringify([await getOrganisationDashboard(org.admin, DURING_APRIL, { everyPeriod: true }), await getTeamDashboard(familyManager, family.id, DURING_APRIL)]);
    const before = await seen();

    // During April the admin reports Family Services and Crisis Response together: it applies from May.
    const group = await createReportingGroup(org.admin, 'Crisis and Family Services');
    expect(await setTeamReporting(org.admin, crisis.id, group.id, DURING_APRIL)).toEqual(new Date('2026-05-01T00:00:00Z'));
    expect(await setTeamReporting(org.admin, family.id, group.id, DURING_APRIL)).toEqual(new Date('2026-05-01T00:00:00Z'));
    expect(await seen()).toBe(before);
    const overview = await getReportingOverview(org.admin, DURING_APRIL);
    expect(overview.groups).toEqual([
      { id: group.id, name: 'Crisis and Family Services', teams: [], pendingTeams: ['Crisis Response', 'Family Services'], nextMembers: 9 },
    ]);
    expect(overview.teams.get(family.id)).toMatchObject({ inForce: null, pending: { id: group.id }, members: 4 });

    for (const [i, person] of everyone.entries()) await checkIn(person, MAY, i + 40);
    const dashboard = await getOrganisationDashboard(org.admin, JUNE_5, { everyPeriod: true });
    const [april, may] = dashboard.periods;
    // April was published as it started: Family Services too few, and the total hidden with it.
    expect([statusOf(april!.cells, family.id), statusOf(april!.cells, ORGANISATION_GROUP), statusOf(april!.cells, crisis.id), april!.cells[group.id]]).toEqual([
      'too_few',
      'complementary',
      'shown',
      undefined,
    ]);
    expect(dashboard.totalHidden).toEqual([{ periodId: april!.id, label: 'April 2026', tooFew: ['Family Services'] }]);
    // May: the two teams as one group (the person in both counted once), and the organisation's total.
    expect(may!.cells[family.id]).toEqual({ status: 'grouped', within: 'Crisis and Family Services' });
    expect(may!.cells[crisis.id]).toEqual({ status: 'grouped', within: 'Crisis and Family Services' });
    expect(may!.cells[group.id]).toMatchObject({ status: 'shown', respondents: 9, members: 9 });
    expect(may!.cells[ORGANISATION_GROUP]).toMatchObject({ status: 'shown', respondents: 17 });
    expect(may!.cells[outreach.id]).toMatchObject({ status: 'shown', respondents: 8 });
    expect(may!.reportingGroups[group.id]).toEqual(['Crisis Response', 'Family Services']);

    // However May's shown groups are added and subtracted, no set smaller than k (Family Services, the person in both, anyone) comes out.
    const union = [...new Set([...membersOf.get(crisis.id)!, ...membersOf.get(family.id)!])];
    const visible = [membersOf.get(ORGANISATION_GROUP)!, membersOf.get(outreach.id)!, union];
    const inBoth = membersOf.get(family.id)!.filter((id) => membersOf.get(crisis.id)!.includes(id));
    expect(recoverableSmallSets(visible, [membersOf.get(family.id)!, inBoth], 5)).toEqual([]);

    // Family Services' manager sees the group's figures for May, saying so, and its own (hidden) April.
    const familyView = await getTeamDashboard(familyManager, family.id, JUNE_5);
    expect(familyView.periods.map((p) => [p.label, p.figures.status, p.reportedWithin?.name ?? null])).toEqual([
      ['April 2026', 'too_few', null],
      ['May 2026', 'shown', 'Crisis and Family Services'],
    ]);
    expect(familyView.periods[1]!.figures).toEqual(may!.cells[group.id]);
    // Its members are told how their team is reported.
    expect((await getTransparency(everyone.at(-1)!, JUNE_5))!.teams.map((t) => [t.name, t.reportedWithin])).toEqual([
      ['Crisis Response', 'Crisis and Family Services'],
      ['Family Services', 'Crisis and Family Services'],
    ]);

    const db = await getDb();
    const events = await db.auditEvent.findMany({ where: { organisationId: org.id, action: { in: ['team.reporting_changed', 'reporting_group.created'] } }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => [e.action, e.targetLabel])).toEqual([
      ['reporting_group.created', 'Crisis and Family Services'],
      ['team.reporting_changed', 'Crisis Response'],
      ['team.reporting_changed', 'Family Services'],
    ]);
    expect(events[2]!.details).toEqual({ reporting: { from: 'on its own', to: 'Crisis and Family Services' }, effectiveFrom: '2026-05-01T00:00:00.000Z' });
  });

  it('saving what is in force cancels a pending change; back on its own applies from the next period', async () => {
    const org = await organisation();
    const team = await createTeam(org.id);
    const group = await createReportingGroup(org.admin, 'Other teams');
    const db = await getDb();
    expect(await setTeamReporting(org.admin, team.id, group.id, APRIL)).toEqual(new Date('2026-05-01T00:00:00Z'));
    expect(await setTeamReporting(org.admin, team.id, null, APRIL)).toBeNull();
    expect(await db.teamReporting.count({ where: { teamId: team.id } })).toBe(0);
    // Saving the same again records nothing.
    expect(await setTeamReporting(org.admin, team.id, null, APRIL)).toBeNull();
    expect(await db.auditEvent.count({ where: { organisationId: org.id, action: 'team.reporting_changed' } })).toBe(2);

    await setTeamReporting(org.admin, team.id, group.id, APRIL);
    expect(await setTeamReporting(org.admin, team.id, null, MAY)).toEqual(new Date('2026-06-01T00:00:00Z'));
    const overview = await getReportingOverview(org.admin, MAY);
    expect(overview.teams.get(team.id)).toMatchObject({ inForce: { id: group.id, name: 'Other teams' }, pending: null });
    expect(overview.groups[0]).toMatchObject({ teams: [team.name], pendingTeams: [] });
  });

  it('only an admin of the organisation can group its teams; names are unique', async () => {
    const org = await organisation();
    const other = await organisation();
    const team = await createTeam(org.id);
    const theirs = await createReportingGroup(other.admin, 'Theirs');
    const group = await createReportingGroup(org.admin, 'Ours');
    await expect(createReportingGroup(org.admin, 'Ours')).rejects.toBeInstanceOf(UserInputError);
    await expect(setTeamReporting(org.admin, team.id, theirs.id, APRIL)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setTeamReporting(other.admin, team.id, theirs.id, APRIL)).rejects.toBeInstanceOf(NotFoundError);
    const manager = await createPerson({ organisationId: org.id, roles: ['manager', 'clinician'], teams: [{ id: team.id, manager: true }] });
    await expect(setTeamReporting(manager, team.id, group.id, APRIL)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createReportingGroup(manager, 'Mine')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getReportingOverview(manager)).rejects.toBeInstanceOf(ForbiddenError);
    const db = await getDb();
    expect(await db.teamReporting.count({ where: { teamId: team.id } })).toBe(0);
  });
});
