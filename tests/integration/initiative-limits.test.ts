import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { UserInputError, type Actor } from '../../lib/services/actor';
import { createInitiative, updateInitiative } from '../../lib/services/initiatives';
import { INITIATIVES_PER_ACTOR } from '../../lib/services/rate-limit';
import { MAX_INITIATIVES_PER_TEAM_PER_YEAR, ZInitiativeInput, type TInitiativeInput } from '../../lib/validation/initiatives';
import { createOrganisation, createPerson, createTeam } from '../fixtures/factories';

/**
 * Initiatives cannot be flooded: at most MAX_INITIATIVES_PER_TEAM_PER_YEAR cover a team in
 * a year (the whole organisation's included), and one person records at most
 * INITIATIVES_PER_ACTOR.limit within its window.
 */

const T0 = new Date('2026-11-21T10:00:00Z').getTime();
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

// The yearly tests record many initiatives as one person: a few minutes apart, so the rate limit never interferes.
let minutes = 0;
const later = () => at((minutes += 3));

function input(values: Record<string, unknown>): TInitiativeInput {
  return ZInitiativeInput.parse({ title: 'Peer-support group', startsOn: '2026-03-01', ...values });
}

/** Records `count` initiatives through the service, on days spread over `year`. */
async function fill(actor: Actor, count: number, values: Record<string, unknown>, year = 2026): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    ids.push((await createInitiative(actor, input({ title: `Initiative ${i + 1}`, startsOn: day, ...values }), later())).id);
  }
  return ids;
}

async function initiativeCount(organisationId: string): Promise<number> {
  const db = await getDb();
  return db.initiative.count({ where: { organisationId } });
}

const MAX = MAX_INITIATIVES_PER_TEAM_PER_YEAR;
const fullTeam = (team: string, year: number) =>
  `${team} already has 25 initiatives starting in ${year}, the most a team can have in a year. Edit or delete one first.`;

describe('at most 25 initiatives cover a team in a calendar year', () => {
  it('refuses the 26th for a team in one year, next to the teams field; one starting the next year, or for another team, is accepted', async () => {
    expect(MAX).toBe(25);
    const org = await createOrganisation();
    const outreach = await createTeam(org.id, 'Outreach');
    const inpatients = await createTeam(org.id, 'Inpatients');
    const manager = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: outreach.id, manager: true }, { id: inpatients.id, manager: true }] });

    // 2025-12-31 is in the year before: it does not count for 2026.
    await createInitiative(manager, input({ startsOn: '2025-12-31', teamIds: [outreach.id] }), later());
    await fill(manager, MAX - 1, { teamIds: [outreach.id] });
    // The 25th, on the year's last day, still fits.
    await createInitiative(manager, input({ title: 'Last of the year', startsOn: '2026-12-31', teamIds: [outreach.id] }), later());
    const before = await initiativeCount(org.id);

    for (const startsOn of ['2026-01-01', '2026-12-31']) {
      await expect(createInitiative(manager, input({ title: 'One too many', startsOn, teamIds: [outreach.id] }), later())).rejects.toMatchObject({
        constructor: UserInputError,
        field: 'teamIds',
        message: fullTeam('Outreach', 2026),
      });
    }
    // With a team that has room, the full one is named.
    await expect(createInitiative(manager, input({ teamIds: [inpatients.id, outreach.id] }), later())).rejects.toMatchObject({
      field: 'teamIds',
      message: fullTeam('Outreach', 2026),
    });
    expect(await initiativeCount(org.id)).toBe(before);

    const nextYear = await createInitiative(manager, input({ title: 'Next year', startsOn: '2027-01-01', teamIds: [outreach.id] }), later());
    const otherTeam = await createInitiative(manager, input({ title: 'Elsewhere', startsOn: '2026-06-01', teamIds: [inpatients.id] }), later());
    expect(await initiativeCount(org.id)).toBe(before + 2);

    // Edits: moving one into the full year, or onto the full team, is refused and changes nothing…
    await expect(updateInitiative(manager, nextYear.id, input({ title: 'Next year', startsOn: '2026-11-01', teamIds: [outreach.id] }))).rejects.toMatchObject({
      constructor: UserInputError,
      field: 'teamIds',
      message: fullTeam('Outreach', 2026),
    });
    await expect(updateInitiative(manager, otherTeam.id, input({ title: 'Elsewhere', startsOn: '2026-06-01', teamIds: [inpatients.id, outreach.id] }))).rejects.toMatchObject({
      field: 'teamIds',
      message: fullTeam('Outreach', 2026),
    });
    const db = await getDb();
    expect((await db.initiative.findUniqueOrThrow({ where: { id: nextYear.id }, select: { startsOn: true } })).startsOn.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(await db.initiativeTeam.count({ where: { initiativeId: otherTeam.id } })).toBe(1);
    // …while an edit that adds nothing to the full year is saved: a new title, a later day in the same year.
    const lastOfYear = await db.initiative.findFirstOrThrow({ where: { organisationId: org.id, title: 'Last of the year' }, select: { id: true } });
    expect(await updateInitiative(manager, lastOfYear.id, input({ title: 'Renamed', startsOn: '2026-12-30', teamIds: [outreach.id] }))).toEqual(['title', 'startsOn']);
    expect(await updateInitiative(manager, nextYear.id, input({ title: 'Next year', startsOn: '2027-02-01', teamIds: [outreach.id] }))).toEqual(['startsOn']);
  });

  it('counts a whole-organisation initiative for every team, and allows at most 25 of those in a year', async () => {
    const org = await createOrganisation();
    const outreach = await createTeam(org.id, 'Outreach');
    const crisis = await createTeam(org.id, 'Crisis');
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    await fill(admin, MAX, { wholeOrganisation: 'yes' });
    const before = await initiativeCount(org.id);

    await expect(createInitiative(admin, input({ wholeOrganisation: 'yes' }), later())).rejects.toMatchObject({
      constructor: UserInputError,
      field: 'wholeOrganisation',
      message: 'The whole organisation already has 25 initiatives starting in 2026, the most it can have in a year. Edit or delete one first.',
    });
    // Each team has had 25 from the whole organisation alone.
    for (const team of [outreach, crisis]) {
      await expect(createInitiative(admin, input({ teamIds: [team.id] }), later())).rejects.toMatchObject({
        constructor: UserInputError,
        field: 'teamIds',
        message: fullTeam(team.name, 2026),
      });
    }
    expect(await initiativeCount(org.id)).toBe(before);
    expect(await createInitiative(admin, input({ startsOn: '2027-03-01', wholeOrganisation: 'yes' }), later())).toMatchObject({ id: expect.any(String) });
    expect(await createInitiative(admin, input({ startsOn: '2027-03-01', teamIds: [outreach.id] }), later())).toMatchObject({ id: expect.any(String) });
  });

  it('refuses a whole-organisation initiative when one team is full, naming it next to the whole-organisation field', async () => {
    const org = await createOrganisation();
    const outreach = await createTeam(org.id, 'Outreach');
    const crisis = await createTeam(org.id, 'Crisis');
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    await fill(admin, MAX - 3, { teamIds: [outreach.id] });
    await fill(admin, 3, { wholeOrganisation: 'yes' });
    const message =
      'Outreach already has 25 initiatives starting in 2026, the most a team can have in a year, and an initiative for the whole organisation would be one more for it. Edit or delete one of its initiatives first.';
    await expect(createInitiative(admin, input({ wholeOrganisation: 'yes' }), later())).rejects.toMatchObject({ constructor: UserInputError, field: 'wholeOrganisation', message });

    // Widening a team's initiative to the whole organisation is refused the same way.
    const { id } = await createInitiative(admin, input({ title: 'Crisis debriefs', teamIds: [crisis.id] }), later());
    await expect(updateInitiative(admin, id, input({ title: 'Crisis debriefs', wholeOrganisation: 'yes' }))).rejects.toMatchObject({ field: 'wholeOrganisation', message });
    // Crisis has 3 + 1 of 25: it has room.
    expect(await createInitiative(admin, input({ teamIds: [crisis.id] }), later())).toMatchObject({ id: expect.any(String) });
    // Narrowing a whole-organisation one to a team adds to nobody's count.
    const db = await getDb();
    const whole = await db.initiative.findFirstOrThrow({ where: { organisationId: org.id, wholeOrganisation: true }, select: { id: true, title: true, startsOn: true } });
    const startsOn = whole.startsOn.toISOString().slice(0, 10);
    expect(await updateInitiative(admin, whole.id, input({ title: whole.title, startsOn, teamIds: [outreach.id] }))).toEqual(['wholeOrganisation', 'teams']);
  });

  it('lets only one of several simultaneous requests take the last place', async () => {
    const org = await createOrganisation();
    const team = await createTeam(org.id, 'Outreach');
    const first = await createPerson({ organisationId: org.id, roles: ['admin'] });
    await fill(first, MAX - 1, { teamIds: [team.id] });
    // Different people, so the rate limit plays no part.
    const admins = await Promise.all(Array.from({ length: 6 }, () => createPerson({ organisationId: org.id, roles: ['admin'] })));
    const outcomes = await Promise.allSettled(admins.map((admin, i) => createInitiative(admin, input({ title: `At once ${i}`, teamIds: [team.id] }), later())));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      expect(outcome.reason).toMatchObject({ constructor: UserInputError, field: 'teamIds', message: fullTeam('Outreach', 2026) });
    }
    expect(await initiativeCount(org.id)).toBe(MAX);
  });
});

describe('one person records at most 10 initiatives in 10 minutes', () => {
  const tooFast = (n: number) => `You’ve recorded several initiatives in the last few minutes; try again in ${n} minutes.`;
  const ONE_MINUTE = 'You’ve recorded several initiatives in the last few minutes; try again in 1 minute.';

  it('refuses the 11th within the window with a message for the whole form, and accepts more once the window has passed', async () => {
    expect(INITIATIVES_PER_ACTOR).toMatchObject({ limit: 10, windowMs: 10 * 60_000 });
    const org = await createOrganisation();
    const team = await createTeam(org.id, 'Outreach');
    const elsewhere = await createTeam(org.id, 'Elsewhere');
    const manager = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: team.id, manager: true }] });
    const colleague = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: team.id, manager: true }] });
    const T1 = 1000;

    // Refused requests record nothing and do not count.
    for (let i = 0; i < 3; i++) {
      await expect(createInitiative(manager, input({ teamIds: [elsewhere.id] }), at(T1))).rejects.toMatchObject({ field: 'teamIds' });
    }
    // Four in each of the window's first two minutes, two in its third.
    for (let i = 0; i < 10; i++) await createInitiative(manager, input({ title: `Quick ${i}`, teamIds: [team.id] }), at(T1 + i * 0.25));
    expect(await initiativeCount(org.id)).toBe(10);

    await expect(createInitiative(manager, input({ title: 'Eleventh', teamIds: [team.id] }), at(T1 + 3))).rejects.toMatchObject({
      constructor: UserInputError,
      field: undefined,
      message: tooFast(7),
    });
    // Trying again while limited does not prolong the wait.
    await expect(createInitiative(manager, input({ title: 'Eleventh', teamIds: [team.id] }), at(T1 + 9.5))).rejects.toMatchObject({ message: ONE_MINUTE });
    expect(await initiativeCount(org.id)).toBe(10);
    // The limit is the person's own: a colleague records theirs.
    expect(await createInitiative(colleague, input({ title: 'Colleague’s', teamIds: [team.id] }), at(T1 + 3))).toMatchObject({ id: expect.any(String) });

    // Ten minutes on, the first minute's four have left the window: four more fit, and not a fifth.
    for (let i = 0; i < 4; i++) await createInitiative(manager, input({ title: `Later ${i}`, teamIds: [team.id] }), at(T1 + 10));
    await expect(createInitiative(manager, input({ title: 'One more', teamIds: [team.id] }), at(T1 + 10))).rejects.toMatchObject({ field: undefined, message: ONE_MINUTE });
    expect(await initiativeCount(org.id)).toBe(15);
  });
});
