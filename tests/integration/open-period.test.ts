import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import type { Actor } from '../../lib/services/actor';
import { getOrganisationDashboard, getTeamDashboard } from '../../lib/services/aggregates';
import { saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import { createInitiative, listInitiatives } from '../../lib/services/initiatives';
import { deleteMyCheckIn } from '../../lib/services/own-data';
import { ZInitiativeInput } from '../../lib/validation/initiatives';
import { createOrganisation, createPerson, createTeam, sampleAnswers } from '../fixtures/factories';

/**
 * Privacy model rule 3: nothing about the open period is shown to anyone but each person for
 * themselves, not even whether k has been reached. A manager who is a member of the team could
 * otherwise submit, look, delete and look again; so every view a manager or an admin can open is
 * compared whole, serialised, before and after submissions and deletions in the open period.
 */

const NOW = new Date('2026-05-20T09:00:00Z');
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'];

let orgId: string;
let admin: Actor;
let manager: Actor;
let clinicians: Actor[];
let teamId: string;

/** A check-in through the real services, submitted at `at`; its id. */
async function checkIn(actor: Actor, at: Date, seed: number): Promise<string> {
  const { id } = await startOrResumeCheckIn(actor);
  await saveCheckInAnswers(actor, id, sampleAnswers(seed).map((value, i) => ({ itemNumber: i + 1, value })));
  expect((await submitCheckIn(actor, id, at)).ok).toBe(true);
  return id;
}

/** Everything the manager and the admin can open, as the pages receive it (dates as JSON gives them). */
async function everythingShown(): Promise<Record<string, unknown>> {
  const views = {
    managerTeam: await getTeamDashboard(manager, teamId, NOW),
    adminTeam: await getTeamDashboard(admin, teamId, NOW),
    organisation: await getOrganisationDashboard(admin, NOW),
    organisationExport: await getOrganisationDashboard(admin, NOW, { everyPeriod: true }),
    managerInitiatives: await listInitiatives(manager, { teamId }),
    adminTeamInitiatives: await listInitiatives(admin, { teamId }),
    organisationInitiatives: await listInitiatives(admin, { organisation: true }),
  };
  return JSON.parse(JSON.stringify(views)) as Record<string, unknown>;
}

beforeAll(async () => {
  const org = await createOrganisation();
  orgId = org.id;
  const db = await getDb();
  await db.organisation.update({ where: { id: org.id }, data: { timeZone: 'UTC', anonymityThreshold: 5, reportingPeriod: 'month' } });
  const team = await createTeam(org.id, 'Ward 5');
  teamId = team.id;
  admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
  // A manager who checks in too: the one who could watch a yes/no flip.
  manager = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: team.id, manager: true }] });
  clinicians = await Promise.all(Array.from({ length: 6 }, () => createPerson({ organisationId: org.id, teams: [team] })));
  for (const [m, month] of MONTHS.entries()) {
    for (const [i, person] of [manager, ...clinicians].entries()) await checkIn(person, new Date(`${month}-1${i}T09:00:00Z`), i + 3 * m);
  }
  const input = (values: Record<string, unknown>) => ZInitiativeInput.parse({ title: 'Peer support', startsOn: '2026-03-01', periodsEachSide: '2', ...values });
  await createInitiative(manager, input({ teamIds: [team.id] }));
  await createInitiative(admin, input({ title: 'Protected lunch', wholeOrganisation: 'yes' }));
  // Four of the seven respond in the open period (May) before anyone looks: one short of k.
  for (const [i, person] of clinicians.slice(0, 4).entries()) await checkIn(person, new Date(`2026-05-0${i + 1}T09:00:00Z`), 40 + i);
}, 300_000);

describe('the open period: nothing shown depends on who has submitted in it', () => {
  it('shows the closed periods, with comparisons, and when the open one closes', async () => {
    const shown = await getTeamDashboard(manager, teamId, NOW);
    expect(shown.periods.map((p) => p.label)).toEqual(['January 2026', 'February 2026', 'March 2026', 'April 2026']);
    expect(shown.open).toEqual({
      label: 'May 2026',
      endsAt: new Date('2026-06-01T00:00:00Z'),
      lastDay: '2026-05-31',
      dueOn: '2026-06-01',
      rule: { reportingPeriod: 'month', anonymityThreshold: 5 },
      timeZone: 'UTC',
      today: '2026-05-20',
    });
    // The comparisons are real ones, so that the views compared below include them.
    const [initiative] = await listInitiatives(manager, { teamId });
    expect(initiative!.comparisons[0]!.comparison.before).toEqual(['January 2026', 'February 2026']);
    expect(initiative!.comparisons[0]!.comparison.after).toEqual(['March 2026', 'April 2026']);
    expect(initiative!.comparisons[0]!.comparison.subscales.map((s) => s.reading)).not.toContain('not enough data yet');
  });

  it('the k-th submission, its deletion, and everyone submitting change nothing any manager or admin sees', async () => {
    const before = await everythingShown();

    // The manager makes it five: k.
    const own = await checkIn(manager, new Date('2026-05-12T09:00:00Z'), 77);
    expect(await everythingShown()).toEqual(before);

    // …and deletes it again: four.
    await deleteMyCheckIn(manager, own);
    expect(await everythingShown()).toEqual(before);

    // Everyone but the manager, several of them twice.
    for (const [i, person] of clinicians.entries()) await checkIn(person, new Date(`2026-05-1${i}T10:00:00Z`), 60 + i);
    for (const [i, person] of clinicians.slice(0, 3).entries()) await checkIn(person, new Date(`2026-05-1${i}T11:00:00Z`), 70 + i);
    expect(await everythingShown()).toEqual(before);

    // A deletion of a check-in in a published period changes no published figure either.
    const db = await getDb();
    const april = await db.checkIn.findFirstOrThrow({
      where: { userId: clinicians[5]!.userId, submittedAt: { lt: new Date('2026-05-01T00:00:00Z') } },
      orderBy: { submittedAt: 'desc' },
      select: { id: true },
    });
    await deleteMyCheckIn(clinicians[5]!, april.id);
    expect(await everythingShown()).toEqual(before);
  });

  it('an admin who moves the threshold between 3 and 6 and reloads learns nothing but, at most, the rule itself', async () => {
    // Which rule the open period shows after a change is the rule book's business (rules are frozen per
    // period); what matters here is that nothing else moves: no figure, no date, no comparison.
    const withoutRule = (views: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(views).map(([key, view]) => {
          const v = view as { open?: { rule: Record<string, unknown> } };
          return [key, v.open ? { ...v, open: { ...v.open, rule: { reportingPeriod: v.open.rule.reportingPeriod } } } : view];
        }),
      );
    const before = await everythingShown();
    const db = await getDb();
    for (const threshold of [3, 4, 6, 5]) {
      await db.organisation.update({ where: { id: orgId }, data: { anonymityThreshold: threshold } });
      expect(withoutRule(await everythingShown())).toEqual(withoutRule(before));
    }
  });
});
