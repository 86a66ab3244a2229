import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { scoreProqol5 } from '../../lib/scoring';
import { NotFoundError, type Actor } from '../../lib/services/actor';
import {
  getOrganisationDashboard,
  getTeamDashboard,
  listDashboardTeams,
  ORGANISATION_GROUP,
  publishClosedPeriods,
  type GroupPeriodView,
} from '../../lib/services/aggregates';
import { saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import { getOrganisationSettings, updateOrganisationSettings } from '../../lib/services/organisation-settings';
import { recoverableSmallSets } from '../fixtures/differencing';
import { createOrganisation, createPerson, createTeam, sampleAnswers } from '../fixtures/factories';

/** A check-in through the real services, submitted at `at`. */
async function checkIn(actor: Actor, at: Date, seed: number): Promise<number[]> {
  const answers = sampleAnswers(seed);
  const { id } = await startOrResumeCheckIn(actor);
  await saveCheckInAnswers(actor, id, answers.map((value, i) => ({ itemNumber: i + 1, value })));
  const outcome = await submitCheckIn(actor, id, at);
  expect(outcome.ok).toBe(true);
  return answers;
}

async function organisation(options: { timeZone?: string; threshold?: number } = {}) {
  const org = await createOrganisation();
  const db = await getDb();
  await db.organisation.update({ where: { id: org.id }, data: { timeZone: options.timeZone ?? 'UTC', anonymityThreshold: options.threshold ?? 5 } });
  const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
  return { ...org, admin };
}

/** `n` clinicians in the given teams (they all count in the organisation too). */
async function people(organisationId: string, n: number, teams: { id: string }[]) {
  return Promise.all(Array.from({ length: n }, () => createPerson({ organisationId, teams })));
}

const APRIL = new Date('2026-04-10T09:00:00Z');
const MAY_10 = new Date('2026-05-10T09:00:00Z');

function shown(view: GroupPeriodView | undefined) {
  if (view?.status !== 'shown') throw new Error(`expected figures, got ${JSON.stringify(view)}`);
  return view;
}

describe('aggregates: who counts, and when figures exist', () => {
  it.each([
    [4, 'too_few'],
    [5, 'shown'],
    [6, 'shown'],
  ] as const)('k = 5 with %i respondents: %s', async (n, status) => {
    const org = await organisation();
    const team = await createTeam(org.id);
    const manager = await createPerson({ organisationId: org.id, roles: ['manager'], teams: [{ id: team.id, manager: true }] });
    const clinicians = await people(org.id, n, [team]);
    const answers = await Promise.all(clinicians.map((c, i) => checkIn(c, new Date(APRIL.getTime() + i * 60_000), i)));

    const dashboard = await getTeamDashboard(manager, team.id, MAY_10);
    expect(dashboard.periods.map((p) => p.label)).toEqual(['April 2026']);
    const april = dashboard.periods[0]!.figures;
    if (status === 'too_few') {
      // No figures at all, not even the count: the view has nothing but the reason.
      expect(april).toEqual({ status: 'too_few' });
      const db = await getDb();
      const stored = await db.periodAggregate.findMany({ where: { teamId: team.id } });
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ suppression: 'too_few', respondents: null, burnoutMean: null, burnoutSd: null, burnoutHigh: null });
      return;
    }
    const figures = shown(april);
    expect(figures.respondents).toBe(n);
    expect(figures.members).toBe(n);
    const mean = (s: 'burnout' | 'compassionSatisfaction') => Math.round(answers.map((a) => scoreProqol5(a)[s].raw).reduce((x, y) => x + y, 0) / n);
    expect(figures.subscales.burnout.mean).toBe(mean('burnout'));
    expect(figures.subscales.compassionSatisfaction.mean).toBe(mean('compassionSatisfaction'));
    // Every shown share stands for at least 4 people, and none says all but fewer than 3 share a band.
    for (const cell of figures.subscales.burnout.distribution ?? []) {
      expect(Math.round((cell.percent * n) / 100)).toBeGreaterThanOrEqual(4);
      expect(n - Math.round((cell.percent * n) / 100)).toBeGreaterThanOrEqual(3);
    }
  });

  it('counts one person once per period, by their latest check-in', async () => {
    const org = await organisation();
    const team = await createTeam(org.id);
    const manager = await createPerson({ organisationId: org.id, roles: ['manager'], teams: [{ id: team.id, manager: true }] });
    const clinicians = await people(org.id, 5, [team]);
    const latest: number[][] = [];
    for (const [i, c] of clinicians.entries()) {
      await checkIn(c, new Date('2026-04-02T09:00:00Z'), 100 + i);
      latest.push(await checkIn(c, new Date('2026-04-20T09:00:00Z'), i));
    }
    const figures = shown((await getTeamDashboard(manager, team.id, MAY_10)).periods[0]!.figures);
    expect(figures.respondents).toBe(5);
    const expected = Math.round(latest.map((a) => scoreProqol5(a).secondaryTraumaticStress.raw).reduce((x, y) => x + y, 0) / 5);
    expect(figures.subscales.secondaryTraumaticStress.mean).toBe(expected);
  });

  it('a check-in counts for the teams its author was in when it was submitted, not after a move', async () => {
    const org = await organisation();
    const [a, b] = [await createTeam(org.id), await createTeam(org.id)];
    const mover = await createPerson({ organisationId: org.id, teams: [a] });
    const inA = await people(org.id, 4, [a]);
    const inB = await people(org.id, 5, [b]);
    for (const [i, c] of [mover, ...inA, ...inB].entries()) await checkIn(c, APRIL, i);
    // Moved from a to b after submitting, before the period closes.
    const db = await getDb();
    await db.teamMembership.deleteMany({ where: { userId: mover.userId, teamId: a.id } });
    await db.teamMembership.create({ data: { userId: mover.userId, teamId: b.id } });

    const view = await getOrganisationDashboard(org.admin, MAY_10);
    const cells = view.periods[0]!.cells;
    expect(shown(cells[a.id]).respondents).toBe(5);
    expect(shown(cells[b.id]).respondents).toBe(5);
  });

  it('published figures never move: not after a deletion, a team move, archiving, or new settings', async () => {
    const org = await organisation();
    const team = await createTeam(org.id);
    const other = await createTeam(org.id);
    const manager = await createPerson({ organisationId: org.id, roles: ['manager'], teams: [{ id: team.id, manager: true }] });
    const clinicians = await people(org.id, 6, [team]);
    for (const [i, c] of clinicians.entries()) await checkIn(c, APRIL, i);
    const before = await getTeamDashboard(manager, team.id, MAY_10);
    expect(shown(before.periods[0]!.figures).respondents).toBe(6);

    const db = await getDb();
    await db.checkIn.deleteMany({ where: { userId: clinicians[0]!.userId } });
    await db.teamMembership.updateMany({ where: { userId: clinicians[1]!.userId }, data: { teamId: other.id } });
    await db.organisation.update({ where: { id: org.id }, data: { anonymityThreshold: 10, reportingPeriod: 'quarter' } });
    await db.team.update({ where: { id: team.id }, data: { archivedAt: new Date() } });
    await publishClosedPeriods(org.id, new Date('2026-05-20T00:00:00Z'));

    const after = await getTeamDashboard(manager, team.id, new Date('2026-05-20T00:00:00Z'));
    expect(after.periods[0]).toEqual(before.periods[0]);
    expect(after.periods[0]!.rule).toEqual({ reportingPeriod: 'month', anonymityThreshold: 5, timeZone: 'UTC' });
  });

  it('the open period says when it closes, when its figures are due and the rule, and a check-in in it changes no published figure', async () => {
    const org = await organisation();
    const team = await createTeam(org.id);
    const manager = await createPerson({ organisationId: org.id, roles: ['manager'], teams: [{ id: team.id, manager: true }] });
    const clinicians = await people(org.id, 6, [team]);
    for (const [i, c] of clinicians.entries()) await checkIn(c, APRIL, i);
    const may = (i: number) => new Date(`2026-05-0${i + 1}T09:00:00Z`);
    for (const [i, c] of clinicians.slice(0, 4).entries()) await checkIn(c, may(i), 50 + i);

    const four = await getTeamDashboard(manager, team.id, MAY_10);
    expect(four.open).toEqual({
      label: 'May 2026',
      endsAt: new Date('2026-06-01T00:00:00Z'),
      lastDay: '2026-05-31',
      dueOn: '2026-06-01',
      rule: { reportingPeriod: 'month', anonymityThreshold: 5 },
      timeZone: 'UTC',
      today: '2026-05-10',
    });
    expect(four.periods.map((p) => p.label)).toEqual(['April 2026']);

    await checkIn(clinicians[4]!, may(5), 60);
    expect(await getTeamDashboard(manager, team.id, MAY_10)).toEqual(four);
  });

  it.each([
    ['UTC', 'month', { label: 'May 2026', lastDay: '2026-05-31', dueOn: '2026-06-01' }],
    ['UTC', 'quarter', { label: 'Q2 2026', lastDay: '2026-06-30', dueOn: '2026-07-01' }],
    // Midnight in Auckland is midday UTC the day before: the days are the organisation's own.
    ['Pacific/Auckland', 'month', { label: 'May 2026', lastDay: '2026-05-31', dueOn: '2026-06-01' }],
  ] as const)('the open period in %s, by %s: its last day and the day its figures are due', async (timeZone, reportingPeriod, expected) => {
    const org = await organisation({ timeZone });
    const db = await getDb();
    await db.organisation.update({ where: { id: org.id }, data: { reportingPeriod } });
    const view = await getOrganisationDashboard(org.admin, MAY_10);
    expect(view.open).toMatchObject({ ...expected, rule: { reportingPeriod, anonymityThreshold: 5 } });
  });
  it('two publishers at once store each period once', async () => {
    const org = await organisation();
    const team = await createTeam(org.id);
    const clinicians = await people(org.id, 5, [team]);
    for (const [i, c] of clinicians.entries()) {
      await checkIn(c, new Date('2026-01-15T09:00:00Z'), i);
      await checkIn(c, new Date('2026-03-15T09:00:00Z'), i + 10);
    }
    const now = new Date('2026-05-10T00:00:00Z');
    const counts = await Promise.all([publishClosedPeriods(org.id, now), publishClosedPeriods(org.id, now), publishClosedPeriods(org.id, now)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4); // January to April, each by one publisher
    const db = await getDb();
    const periods = await db.publishedPeriod.findMany({ where: { organisationId: org.id }, select: { startsAt: true, _count: { select: { aggregates: true } } } });
    expect(periods).toHaveLength(4);
    expect(periods.every((p) => p._count.aggregates === 2)).toBe(true); // the organisation and the team
    expect(await publishClosedPeriods(org.id, now)).toBe(0);
  });
});

describe('aggregates: subtraction recovers nothing', () => {
  /** Everything `viewer` can open for April, as the respondents behind each shown figure. */
  async function visibleSets(viewer: Actor, organisationId: string, membersOf: Map<string, string[]>) {
    const sets: string[][] = [];
    for (const team of await listDashboardTeams(viewer)) {
      const figures = (await getTeamDashboard(viewer, team.id, MAY_10)).periods[0]?.figures;
      if (figures?.status === 'shown') sets.push(membersOf.get(team.id)!);
    }
    if (viewer.roles.includes('admin')) {
      const cells = (await getOrganisationDashboard(viewer, MAY_10)).periods[0]!.cells;
      for (const [key, cell] of Object.entries(cells)) if (cell.status === 'shown') sets.push(membersOf.get(key)!);
    }
    expect(organisationId).toBeTruthy();
    return sets;
  }

  async function build(shape: { teams: Record<string, number>; inBoth?: [string, string]; noTeam?: number }) {
    const org = await organisation();
    const teams = new Map<string, { id: string }>();
    for (const name of Object.keys(shape.teams)) teams.set(name, await createTeam(org.id, `${name} ${org.id.slice(0, 4)}`));
    const membersOf = new Map<string, string[]>([[ORGANISATION_GROUP, []]]);
    for (const t of teams.values()) membersOf.set(t.id, []);
    const add = async (inTeams: { id: string }[]) => {
      const person = await createPerson({ organisationId: org.id, teams: inTeams });
      await checkIn(person, APRIL, membersOf.get(ORGANISATION_GROUP)!.length);
      membersOf.get(ORGANISATION_GROUP)!.push(person.userId);
      for (const t of inTeams) membersOf.get(t.id)!.push(person.userId);
    };
    for (const [name, n] of Object.entries(shape.teams)) for (let i = 0; i < n; i++) await add([teams.get(name)!]);
    if (shape.inBoth) await add([teams.get(shape.inBoth[0])!, teams.get(shape.inBoth[1])!]);
    for (let i = 0; i < (shape.noTeam ?? 0); i++) await add([]);
    return { org, teams, membersOf };
  }

  it('the organisation minus its teams: a team of 3 beside teams of 8 and 5', async () => {
    const { org, teams, membersOf } = await build({ teams: { outreach: 8, crisis: 5, family: 3 } });
    const cells = (await getOrganisationDashboard(org.admin, MAY_10)).periods[0]!.cells;
    expect(cells[teams.get('family')!.id]).toEqual({ status: 'too_few' });
    expect(cells[ORGANISATION_GROUP]).toEqual({ status: 'complementary' });
    expect(shown(cells[teams.get('outreach')!.id]).respondents).toBe(8);
    const visible = await visibleSets(org.admin, org.id, membersOf);
    expect(recoverableSmallSets(visible, [membersOf.get(teams.get('family')!.id)!], 5)).toEqual([]);
  });

  it('people in no team open no gap', async () => {
    const { org, membersOf } = await build({ teams: { a: 6, b: 7 }, noTeam: 2 });
    const visible = await visibleSets(org.admin, org.id, membersOf);
    expect(visible.length).toBeGreaterThan(0);
    const noTeam = membersOf.get(ORGANISATION_GROUP)!.slice(-2);
    expect(recoverableSmallSets(visible, [noTeam], 5)).toEqual([]);
  });

  it('a person in two teams cannot be isolated by adding the teams and subtracting the total', async () => {
    const { org, teams, membersOf } = await build({ teams: { a: 5, b: 5 }, inBoth: ['a', 'b'] });
    const cells = (await getOrganisationDashboard(org.admin, MAY_10)).periods[0]!.cells;
    const statuses = [cells[ORGANISATION_GROUP]!.status, cells[teams.get('a')!.id]!.status, cells[teams.get('b')!.id]!.status];
    expect(statuses.filter((s) => s === 'shown').length).toBeLessThan(3);
    const visible = await visibleSets(org.admin, org.id, membersOf);
    const both = membersOf.get(teams.get('a')!.id)!.filter((id) => membersOf.get(teams.get('b')!.id)!.includes(id));
    expect(both).toHaveLength(1);
    expect(recoverableSmallSets(visible, [both], 5)).toEqual([]);
  });

  it('a manager of a team of k and a team of k − 1 learns nothing about the smaller one', async () => {
    const { org, teams, membersOf } = await build({ teams: { a: 5, b: 4, c: 9 } });
    const manager = await createPerson({
      organisationId: org.id,
      roles: ['manager'],
      teams: [
        { id: teams.get('a')!.id, manager: true },
        { id: teams.get('b')!.id, manager: true },
      ],
    });
    expect((await getTeamDashboard(manager, teams.get('b')!.id, MAY_10)).periods[0]!.figures).toEqual({ status: 'too_few' });
    const small = [membersOf.get(teams.get('b')!.id)!];
    expect(recoverableSmallSets(await visibleSets(manager, org.id, membersOf), small, 5)).toEqual([]);
    expect(recoverableSmallSets(await visibleSets(org.admin, org.id, membersOf), small, 5)).toEqual([]);
  });

  it('months versus quarters after the setting changes: periods never overlap, so none can be subtracted from another', async () => {
    const org = await organisation();
    const team = await createTeam(org.id);
    const manager = await createPerson({ organisationId: org.id, roles: ['manager'], teams: [{ id: team.id, manager: true }] });
    const clinicians = await people(org.id, 5, [team]);
    for (const [i, c] of clinicians.entries()) {
      await checkIn(c, new Date('2026-01-12T09:00:00Z'), i);
      await checkIn(c, new Date('2026-02-12T09:00:00Z'), i + 5);
    }
    // Four of the five in March.
    for (const [i, c] of clinicians.slice(0, 4).entries()) await checkIn(c, new Date('2026-03-12T09:00:00Z'), i + 20);
    expect((await getTeamDashboard(manager, team.id, new Date('2026-03-20T00:00:00Z'))).periods.map((p) => p.label)).toEqual(['January 2026', 'February 2026']);

    const db = await getDb();
    await db.organisation.update({ where: { id: org.id }, data: { reportingPeriod: 'quarter' } });
    const dashboard = await getTeamDashboard(manager, team.id, new Date('2026-07-05T00:00:00Z'));
    expect(dashboard.periods.map((p) => [p.label, p.rule.reportingPeriod])).toEqual([
      ['January 2026', 'month'],
      ['February 2026', 'month'],
      ['Q1 2026 (from 1 March)', 'quarter'],
      ['Q2 2026', 'quarter'],
    ]);
    for (let i = 1; i < dashboard.periods.length; i++) expect(dashboard.periods[i]!.startsAt).toEqual(dashboard.periods[i - 1]!.endsAt);
    // The shortened quarter holds March alone: four people, too few, and nothing of January or February.
    expect(dashboard.periods[2]!.figures).toEqual({ status: 'too_few' });
  });
});

describe('aggregates: rules frozen per period', () => {
  it('changing the threshold or the reporting period during an open period changes nothing anyone sees; it applies from the next period', async () => {
    const org = await organisation();
    const team = await createTeam(org.id);
    const manager = await createPerson({ organisationId: org.id, roles: ['manager'], teams: [{ id: team.id, manager: true }] });
    const clinicians = await people(org.id, 4, [team]);
    for (const [i, c] of clinicians.entries()) await checkIn(c, new Date('2026-04-03T09:00:00Z'), i);
    const during = new Date('2026-04-20T09:00:00Z');
    const seen = async (at: Date) => JSON.stringify([await getTeamDashboard(manager, team.id, at), await getOrganisationDashboard(org.admin, at)]);
    const before = await seen(during);

    // The admin lowers the threshold to 3 (4 people would then be enough) and switches to quarters, during April.
    const settings = await getOrganisationSettings(org.admin);
    expect(await updateOrganisationSettings(org.admin, { ...settings, anonymityThreshold: 3, reportingPeriod: 'quarter' }, during)).toEqual(['reportingPeriod', 'anonymityThreshold']);
    expect(await seen(during)).toBe(before);

    // April is published under the rule in force when it started: k = 5, so the four stay hidden.
    for (const [i, c] of clinicians.entries()) await checkIn(c, new Date('2026-05-03T09:00:00Z'), i + 10);
    const later = await getTeamDashboard(manager, team.id, new Date('2026-07-05T00:00:00Z'));
    expect(later.periods.map((p) => [p.label, p.rule.anonymityThreshold, p.rule.reportingPeriod, p.figures.status])).toEqual([
      ['April 2026', 5, 'month', 'too_few'],
      ['Q2 2026 (from 1 May)', 3, 'quarter', 'shown'],
    ]);

    // Changing it back before the new rule starts cancels it.
    const db = await getDb();
    await updateOrganisationSettings(org.admin, { ...settings, anonymityThreshold: 7 }, new Date('2026-07-10T00:00:00Z'));
    expect((await db.reportingRule.findMany({ where: { organisationId: org.id }, orderBy: { effectiveFrom: 'asc' } })).map((r) => [r.effectiveFrom.toISOString(), r.anonymityThreshold, r.reportingPeriod])).toEqual([
      ['1970-01-01T00:00:00.000Z', 5, 'month'],
      ['2026-05-01T00:00:00.000Z', 3, 'quarter'],
      ['2026-10-01T00:00:00.000Z', 7, 'month'],
    ]);
    await updateOrganisationSettings(org.admin, { ...settings, anonymityThreshold: 3, reportingPeriod: 'quarter' }, new Date('2026-07-11T00:00:00Z'));
    expect(await db.reportingRule.count({ where: { organisationId: org.id } })).toBe(2);
  });

  it('a member added during a period counts for the organisation and the team from the next period', async () => {
    const org = await organisation();
    const team = await createTeam(org.id);
    const manager = await createPerson({ organisationId: org.id, roles: ['manager'], teams: [{ id: team.id, manager: true }] });
    const clinicians = await people(org.id, 5, [team]);
    // Planted mid-April: an account that joins the team on the 15th.
    const newcomer = await createPerson({ organisationId: org.id, teams: [team], memberSince: new Date('2026-04-15T00:00:00Z') });
    for (const [i, c] of [...clinicians, newcomer].entries()) {
      await checkIn(c, new Date('2026-04-20T09:00:00Z'), i);
      await checkIn(c, new Date('2026-05-20T09:00:00Z'), i + 10);
    }
    const dashboard = await getTeamDashboard(manager, team.id, new Date('2026-06-05T00:00:00Z'));
    expect(dashboard.periods.map((p) => [p.label, p.figures.status === 'shown' ? [p.figures.respondents, p.figures.members] : p.figures.status])).toEqual([
      ['April 2026', [5, 5]],
      ['May 2026', [6, 6]],
    ]);
    const organisationView = await getOrganisationDashboard(org.admin, new Date('2026-06-05T00:00:00Z'));
    expect(organisationView.periods.map((p) => shown(p.cells[ORGANISATION_GROUP]).respondents)).toEqual([5, 6]);
  });
});

describe('aggregates: who may see them', () => {
  it('a manager of another team, a clinician, and an admin of another organisation get not-found', async () => {
    const org = await organisation();
    const [team, otherTeam] = [await createTeam(org.id), await createTeam(org.id)];
    const otherManager = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: otherTeam.id, manager: true }] });
    const clinician = await createPerson({ organisationId: org.id, teams: [team] });
    // Flagged as the team's manager but without the manager role: not a manager.
    const flaggedOnly = await createPerson({ organisationId: org.id, teams: [{ id: team.id, manager: true }] });
    const elsewhere = await organisation();
    for (const actor of [otherManager, clinician, flaggedOnly, elsewhere.admin]) {
      await expect(getTeamDashboard(actor, team.id, MAY_10)).rejects.toBeInstanceOf(NotFoundError);
    }
    for (const actor of [otherManager, clinician, flaggedOnly]) {
      await expect(getOrganisationDashboard(actor, MAY_10)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getTeamDashboard(org.admin, 'not-a-uuid', MAY_10)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listDashboardTeams(otherManager)).map((t) => t.id)).toEqual([otherTeam.id]);
    expect(await listDashboardTeams(clinician)).toEqual([]);
    expect((await listDashboardTeams(org.admin)).map((t) => t.id).sort()).toEqual([team.id, otherTeam.id].sort());
  });
});
