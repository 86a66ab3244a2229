import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { authenticateWithPassword } from '../../lib/services/accounts';
import { reliableChange, scoreProqol5 } from '../../lib/scoring';
import { getActor } from '../../lib/services/accounts';
import { getOrganisationDashboard, getTeamDashboard } from '../../lib/services/aggregates';
import { listInitiatives } from '../../lib/services/initiatives';
import { DEMO_PASSWORD, seed } from '../../prisma/seed';

beforeAll(async () => {
  await seed({ now: new Date('2026-11-21T12:00:00Z') });
});

describe('demo data', () => {
  it('is idempotent: a second run creates nothing', async () => {
    const db = await getDb();
    const count = async () => [await db.user.count(), await db.checkIn.count(), await db.team.count(), await db.teamMembership.count()];
    const before = await count();
    await seed({ now: new Date('2026-12-21T12:00:00Z') });
    expect(await count()).toEqual(before);
  });

  it('lists two support contacts for the organisation, once however often it runs', async () => {
    const db = await getDb();
    const contacts = await db.supportContact.findMany({ where: { organisation: { slug: 'riverside' } }, orderBy: { position: 'asc' }, select: { name: true, phone: true, url: true } });
    expect(contacts).toEqual([
      { name: 'Staff wellbeing service', phone: '020 7946 0321', url: null },
      { name: 'Employee Assistance Programme', phone: null, url: 'https://eap.example.org' },
    ]);
  });

  it('has the organisation and its three teams at 8, 5 and 3 members', async () => {
    const db = await getDb();
    const org = await db.organisation.findUniqueOrThrow({
      where: { slug: 'riverside' },
      select: { name: true, teams: { select: { name: true, _count: { select: { members: true } } }, orderBy: { name: 'asc' } } },
    });
    expect(org.name).toBe('Riverside Community Mental Health');
    expect(org.teams.map((t) => [t.name, t._count.members])).toEqual([
      ['Crisis Response', 5],
      ['Family Services', 3],
      ['Outreach', 8],
    ]);
  });

  it.each([
    ['admin@example.org', ['admin'], null, 0],
    ['manager@example.org', ['clinician', 'manager'], { team: 'Outreach', isManager: true }, 12],
    ['clinician@example.org', ['clinician'], { team: 'Outreach', isManager: false }, 12],
    ['new@example.org', ['clinician'], { team: 'Outreach', isManager: false }, 0],
  ] as const)('%s: roles %j, team %j, %i check-ins, demo password', async (email, roles, team, checkIns) => {
    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: {
        id: true,
        memberships: { select: { roles: true } },
        teamMemberships: { select: { isManager: true, team: { select: { name: true } } } },
        _count: { select: { checkIns: true } },
      },
    });
    expect(user.memberships.map((m) => m.roles)).toEqual([roles]);
    expect(user.teamMemberships.map((t) => ({ team: t.team.name, isManager: t.isManager }))).toEqual(team ? [team] : []);
    expect(user._count.checkIns).toBe(checkIns);
    expect(await authenticateWithPassword(email, DEMO_PASSWORD)).not.toBeNull();
  });

  it('tells the clinician a story: at least one reliable change, and two private notes', async () => {
    const db = await getDb();
    const rows = await db.checkIn.findMany({
      where: { user: { email: 'clinician@example.org' } },
      orderBy: { submittedAt: 'asc' },
      select: { compassionSatisfactionRaw: true, burnoutRaw: true, secondaryTraumaticStressRaw: true, note: { select: { text: true } } },
    });
    const reliable = rows.slice(1).filter((row, i) => {
      const before = rows[i]!;
      return (
        reliableChange('compassionSatisfaction', before.compassionSatisfactionRaw!, row.compassionSatisfactionRaw!).direction !== 'none' ||
        reliableChange('burnout', before.burnoutRaw!, row.burnoutRaw!).direction !== 'none' ||
        reliableChange('secondaryTraumaticStress', before.secondaryTraumaticStressRaw!, row.secondaryTraumaticStressRaw!).direction !== 'none'
      );
    });
    expect(reliable.length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.note).map((r) => r.note!.text)).toHaveLength(2);
  });

  it('gives the clinician a year of monthly, varied, correctly scored history', async () => {
    const db = await getDb();
    const rows = await db.checkIn.findMany({
      where: { user: { email: 'clinician@example.org' } },
      orderBy: { submittedAt: 'asc' },
      select: { status: true, submittedAt: true, burnoutRaw: true, compassionSatisfactionRaw: true, secondaryTraumaticStressRaw: true, answers: { select: { itemNumber: true, value: true }, orderBy: { itemNumber: 'asc' } }, teams: { select: { teamId: true } } },
    });
    expect(rows).toHaveLength(12);
    const months = new Set(rows.map((r) => r.submittedAt!.toISOString().slice(0, 7)));
    expect(months.size).toBe(12);
    expect(new Set(rows.map((r) => r.burnoutRaw)).size).toBeGreaterThan(3);
    for (const row of rows) {
      expect(row.status).toBe('submitted');
      expect(row.teams).toHaveLength(1);
      const scores = scoreProqol5(row.answers.map((a) => a.value));
      expect([row.compassionSatisfactionRaw, row.burnoutRaw, row.secondaryTraumaticStressRaw]).toEqual([
        scores.compassionSatisfaction.raw,
        scores.burnout.raw,
        scores.secondaryTraumaticStress.raw,
      ]);
    }
  });

  it('gives every other team member a year of history', async () => {
    const db = await getDb();
    const members = await db.user.findMany({
      where: { email: { notIn: ['admin@example.org', 'new@example.org'] } },
      select: { _count: { select: { checkIns: true } } },
    });
    expect(members).toHaveLength(15);
    expect(members.every((m) => m._count.checkIns === 12)).toBe(true);
  });

  it('publishes the year for the dashboards: Family Services too few, and the total hidden with it until it is reported with Crisis Response; an initiative that shows a change', async () => {
    const db = await getDb();
    const actor = async (email: string) => (await getActor((await db.user.findUniqueOrThrow({ where: { email } })).id, 0))!;
    const now = new Date('2026-11-21T12:00:00Z');
    const organisation = await getOrganisationDashboard(await actor('admin@example.org'), now, { everyPeriod: true });
    expect(organisation.periods.length).toBeGreaterThanOrEqual(12);
    const byName = new Map(organisation.groups.map((g) => [g.name, g.key]));
    const group = byName.get('Crisis and Family Services')!;
    expect(organisation.groups.find((g) => g.key === group)).toMatchObject({ kind: 'reporting' });
    // The year of history (a later run of the seed may have published an empty month after it): two months before the group, ten with it.
    const year = organisation.periods.slice(0, 12);
    expect(year.map((p) => p.label).slice(0, 3)).toEqual(['November 2025', 'December 2025', 'January 2026']);
    for (const [i, period] of year.entries()) {
      // Jordan Lee joined Outreach only now: members count for a period from its start, so 7 of 7.
      expect(period.cells[byName.get('Outreach')!]).toMatchObject({ status: 'shown', respondents: 7, members: 7 });
      if (i < 2) {
        expect(period.cells[byName.get('Family Services')!]).toEqual({ status: 'too_few' });
        expect(period.cells[byName.get('Riverside Community Mental Health')!]).toEqual({ status: 'complementary' });
        expect(period.cells[byName.get('Crisis Response')!]).toMatchObject({ status: 'shown', respondents: 5, members: 5 });
        expect(period.cells[group]).toBeUndefined();
        // Five people of five: no share at all, so no band at 100% (nor at "all but fewer than 3").
        const crisis = period.cells[byName.get('Crisis Response')!]!;
        if (crisis.status === 'shown') for (const s of Object.values(crisis.subscales)) expect(s.distribution).toBeNull();
      } else {
        // Reported together: neither team has figures of its own, the group has both teams' people, and the total shows.
        expect(period.cells[byName.get('Family Services')!]).toEqual({ status: 'grouped', within: 'Crisis and Family Services' });
        expect(period.cells[byName.get('Crisis Response')!]).toEqual({ status: 'grouped', within: 'Crisis and Family Services' });
        expect(period.cells[group]).toMatchObject({ status: 'shown', respondents: 8, members: 8 });
        expect(period.reportingGroups[group]).toEqual(['Crisis Response', 'Family Services']);
        expect(period.cells[byName.get('Riverside Community Mental Health')!]).toMatchObject({ status: 'shown', respondents: 15, members: 15 });
      }
      for (const cell of Object.values(period.cells)) {
        if (cell.status !== 'shown') continue;
        for (const s of Object.values(cell.subscales)) {
          for (const share of s.distribution ?? []) {
            const count = Math.round((share.percent * cell.respondents) / 100);
            expect(count).toBeGreaterThanOrEqual(4);
            expect(cell.respondents - count).toBeGreaterThanOrEqual(3);
          }
        }
      }
    }
    // The page says once why the total is hidden, and which team causes it.
    expect(organisation.totalHidden.map((h) => [h.label, h.tooFew])).toEqual([
      ['December 2025', ['Family Services']],
      ['November 2025', ['Family Services']],
    ]);
    // Family Services' manager view: the group's figures, saying so, from January; before, its own (hidden).
    const family = await getTeamDashboard(await actor('admin@example.org'), byName.get('Family Services')!, now);
    expect(family.periods[0]).toMatchObject({ figures: { status: 'too_few' } });
    expect(family.periods[0]!.reportedWithin).toBeUndefined();
    expect(family.periods[2]).toMatchObject({
      figures: { status: 'shown', respondents: 8 },
      reportedWithin: { name: 'Crisis and Family Services', teams: ['Crisis Response', 'Family Services'] },
    });
    // No change is computed across the switch from the team to the group.
    const crisis = await getTeamDashboard(await actor('admin@example.org'), byName.get('Crisis Response')!, now);
    const january = crisis.periods[2]!.figures;
    expect(january.status === 'shown' && Object.values(january.subscales).every((s) => s.change === null)).toBe(true);
    const manager = await actor('manager@example.org');
    const outreach = await getTeamDashboard(manager, byName.get('Outreach')!, now);
    expect(outreach.periods.length).toBeGreaterThanOrEqual(12);
    // The side-by-side view of one period (the default: the latest, or one asked for) shows what the team's own page shows, changes included.
    const latest = await getOrganisationDashboard(await actor('admin@example.org'), now);
    expect(latest.selectedPeriodId).toBe(outreach.periods.at(-1)!.id);
    expect(latest.periods.at(-1)!.cells[byName.get('Outreach')!]).toEqual(outreach.periods.at(-1)!.figures);
    expect(latest.periods[0]!.cells[byName.get('Outreach')!]).toBeUndefined();
    const june = outreach.periods.find((p) => p.label === 'June 2026')!;
    const asked = await getOrganisationDashboard(await actor('admin@example.org'), now, { periodId: june.id });
    expect(asked.periods.find((p) => p.id === june.id)!.cells[byName.get('Outreach')!]).toEqual(june.figures);
    const [initiative] = await listInitiatives(manager, { teamId: byName.get('Outreach')! });
    expect(initiative).toMatchObject({ title: 'Fortnightly peer-support group', startsOn: '2026-05-01', canEdit: true });
    expect(initiative!.comparisons[0]!.comparison.before).toHaveLength(3);
    expect(initiative!.comparisons[0]!.comparison.after).toHaveLength(3);
    const readings = initiative!.comparisons[0]!.comparison.subscales.map((s) => s.reading);
    // A subscale is compared only where every period used shows its mean (the audit hides a mean that would pin everyone into a band).
    const compared = [...initiative!.comparisons[0]!.comparison.before, ...initiative!.comparisons[0]!.comparison.after].map((label) => outreach.periods.find((p) => p.label === label)!.figures);
    for (const s of initiative!.comparisons[0]!.comparison.subscales) {
      const allShown = compared.every((f) => f.status === 'shown' && f.subscales[s.subscale].mean !== null);
      expect(s.reading === 'not enough data yet').toBe(!allShown);
    }
    expect(readings).not.toContain('likely worsened');
    expect(readings).toContain('likely improved');
  });
});
