/**
 * Demo data: an organisation with three teams and a year of plausible monthly
 * check-ins. Idempotent: running it again changes nothing that exists.
 * Run with `npm run db:seed` (after `npm run db:deploy`).
 *
 * Extra accounts for the end-to-end tests can be added with
 * `--extra-clinicians a@example.test,b@example.test` (Outreach clinicians with no history);
 * `--if-empty` loads nothing into a database that already has accounts (the quick start).
 */
import { DateTime } from 'luxon';
import { hashPassword } from '../lib/auth/password';
import { scoreColumns } from '../lib/db/score-columns';
import { closeDb, getDb, type Db } from '../lib/db';
import { PROQOL5 } from '../lib/instruments/proqol5';
import { scoreProqol5, type Subscale } from '../lib/scoring';
import { publishClosedPeriods } from '../lib/services/aggregates';

export const DEMO_PASSWORD = 'tend-demo-password';
const ORG = { slug: 'riverside', name: 'Riverside Community Mental Health' };

type Person = {
  email: string;
  name: string;
  roles: ('clinician' | 'manager' | 'admin')[];
  team?: string;
  manager?: boolean;
  /** Monthly check-ins to create, newest a few days ago. */
  history: number;
};

const PEOPLE: Person[] = [
  { email: 'admin@example.org', name: 'Alex Morgan', roles: ['admin'], history: 0 },
  { email: 'manager@example.org', name: 'Priya Shah', roles: ['clinician', 'manager'], team: 'Outreach', manager: true, history: 12 },
  { email: 'clinician@example.org', name: 'Sam Okafor', roles: ['clinician'], team: 'Outreach', history: 12 },
  { email: 'new@example.org', name: 'Jordan Lee', roles: ['clinician'], team: 'Outreach', history: 0 },
  ...[
    ['maria.gonzalez', 'Maria Gonzalez'],
    ['tom.becker', 'Tom Becker'],
    ['aisha.khan', 'Aisha Khan'],
    ['liam.oconnor', "Liam O'Connor"],
    ['grace.wu', 'Grace Wu'],
  ].map(([user, name]) => ({ email: `${user}@example.org`, name: name as string, roles: ['clinician' as const], team: 'Outreach', history: 12 })),
  ...[
    ['noah.williams', 'Noah Williams'],
    ['fatima.ali', 'Fatima Ali'],
    ['ben.carter', 'Ben Carter'],
    ['chloe.martin', 'Chloe Martin'],
    ['daniel.kim', 'Daniel Kim'],
  ].map(([user, name]) => ({ email: `${user}@example.org`, name: name as string, roles: ['clinician' as const], team: 'Crisis Response', history: 12 })),
  ...[
    ['elena.rossi', 'Elena Rossi'],
    ['marcus.brown', 'Marcus Brown'],
    ['hannah.fischer', 'Hannah Fischer'],
  ].map(([user, name]) => ({ email: `${user}@example.org`, name: name as string, roles: ['clinician' as const], team: 'Family Services', history: 12 })),
];

const TEAMS = ['Outreach', 'Crisis Response', 'Family Services'];

/**
 * Outreach's fortnightly peer-support group, started six months before the
 * seed's "now" (history month 6 of 12): from then on the team's answers drift
 * the good way, a little more each month, so its before/after comparison shows
 * a believable change.
 */
const PEER_SUPPORT = { title: 'Fortnightly peer-support group', team: 'Outreach', month: 6, monthsBefore: 6 };
const peerSupportLift = (month: number) => (month < PEER_SUPPORT.month ? 0 : Math.min(0.7, 0.4 + 0.1 * (month - PEER_SUPPORT.month)));

/** Private reflection notes in the demo: what a clinician wrote on a few of their own check-ins, by month. */
const DEMO_NOTES: Record<string, Record<number, string>> = {
  'clinician@example.org': {
    5: 'Two hard referrals in one week, and covering for Ana. Sleeping badly.',
    8: 'Started the fortnightly peer-support group. Talking it through helps more than I expected.',
  },
};

/** A small deterministic PRNG (mulberry32), seeded per person so demo data is stable. */
function prng(seedText: string): () => number {
  let seed = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Answers for one month: each subscale has a latent level (1–5) that drifts
 * over the year; item answers scatter around it. Reverse-scored items are
 * answered from the other end, as a real respondent would. `lift` (0 to about 0.7)
 * moves every level the good way: more compassion satisfaction, less
 * burnout and stress (the demo's peer-support group).
 */
export function demoAnswers(email: string, month: number, lift = 0): number[] {
  const base = prng(email);
  const noise = prng(`${email}:${month}`);
  const start: Record<Subscale, number> = {
    compassionSatisfaction: 3.2 + base() * 1.3,
    burnout: 1.8 + base() * 1.2,
    secondaryTraumaticStress: 1.4 + base() * 1.3,
  };
  const drift: Record<Subscale, number> = {
    compassionSatisfaction: (base() - 0.5) * 0.08,
    burnout: (base() - 0.4) * 0.09,
    secondaryTraumaticStress: (base() - 0.45) * 0.08,
  };
  // A hard stretch mid-year for some people: a few months of raised stress.
  const hardStretch = base() < 0.35 && month >= 5 && month <= 7 ? 0.7 : 0;
  return PROQOL5.items.map((item) => {
    let level = start[item.subscale] + drift[item.subscale] * month;
    if (item.subscale !== 'compassionSatisfaction') level += hardStretch - lift;
    else level -= hardStretch / 2 - lift;
    if (item.reverseScored) level = 6 - level;
    const answer = Math.round(level + (noise() - 0.5) * 1.6);
    return Math.min(5, Math.max(1, answer));
  });
}

async function ensureOrganisation(db: Db) {
  const organisation = await db.organisation.upsert({
    where: { slug: ORG.slug },
    create: { slug: ORG.slug, name: ORG.name },
    update: {},
    select: { id: true },
  });
  // Support contacts shown with results (fictional: a drama-range phone number, an example.org address).
  if ((await db.supportContact.count({ where: { organisationId: organisation.id } })) === 0) {
    await db.supportContact.createMany({
      data: [
        { organisationId: organisation.id, position: 0, name: 'Staff wellbeing service', description: 'Confidential conversations with a wellbeing practitioner, weekdays 8am–6pm', phone: '020 7946 0321' },
        { organisationId: organisation.id, position: 1, name: 'Employee Assistance Programme', description: 'Free, confidential counselling for staff, any time', url: 'https://eap.example.org' },
      ],
    });
  }
  const teams = new Map<string, string>();
  for (const name of TEAMS) {
    const team = await db.team.upsert({
      where: { organisationId_name: { organisationId: organisation.id, name } },
      create: { organisationId: organisation.id, name },
      update: {},
      select: { id: true },
    });
    teams.set(name, team.id);
  }
  return { organisationId: organisation.id, teams };
}

async function ensurePerson(db: Db, person: Person, ctx: { organisationId: string; teams: Map<string, string>; passwordHash: string; now: Date }) {
  const user = await db.user.upsert({
    where: { email: person.email },
    create: {
      email: person.email,
      name: person.name,
      passwordHash: ctx.passwordHash,
      emailVerified: ctx.now,
      // People with history have read the privacy notice; new accounts meet it at their first check-in.
      privacyAcknowledgedAt: person.history > 0 ? new Date(ctx.now.getTime() - 400 * 86_400_000) : null,
    },
    update: {},
    select: { id: true },
  });
  const memberSince = person.history > 0 ? new Date(ctx.now.getTime() - 400 * 86_400_000) : ctx.now;
  await db.membership.upsert({
    where: { userId_organisationId: { userId: user.id, organisationId: ctx.organisationId } },
    // Members since before their history began: a member counts for a period only from its start.
    create: { userId: user.id, organisationId: ctx.organisationId, roles: person.roles, createdAt: memberSince },
    update: {},
  });
  const teamId = person.team ? ctx.teams.get(person.team) : undefined;
  if (teamId) {
    await db.teamMembership.upsert({
      where: { teamId_userId: { teamId, userId: user.id } },
      create: { teamId, userId: user.id, isManager: person.manager ?? false, createdAt: memberSince },
      update: {},
    });
  }
  if (person.history === 0 || (await db.checkIn.count({ where: { userId: user.id } })) > 0) return 0;

  const random = prng(`${person.email}:days`);
  for (let month = 0; month < person.history; month++) {
    const monthsAgo = person.history - month;
    const submittedAt = new Date(ctx.now);
    submittedAt.setUTCMonth(submittedAt.getUTCMonth() - monthsAgo);
    submittedAt.setUTCDate(Math.min(28, 3 + Math.floor(random() * 20)));
    submittedAt.setUTCHours(8 + Math.floor(random() * 9), Math.floor(random() * 60), 0, 0);
    const startedAt = new Date(submittedAt.getTime() - (3 + Math.floor(random() * 20)) * 60_000);
    const answers = demoAnswers(person.email, month, person.team === PEER_SUPPORT.team ? peerSupportLift(month) : 0);
    const scores = scoreProqol5(answers);
    await db.checkIn.create({
      data: {
        userId: user.id,
        organisationId: ctx.organisationId,
        instrumentId: PROQOL5.id,
        instrumentVersion: PROQOL5.version,
        wordingPreset: 'helper',
        status: 'submitted',
        startedAt,
        submittedAt,
        ...scoreColumns(scores),
        answers: { create: answers.map((value, i) => ({ itemNumber: i + 1, value, answeredAt: submittedAt })) },
        teams: teamId ? { create: [{ teamId, memberSince }] } : undefined,
        note: DEMO_NOTES[person.email]?.[month] ? { create: { userId: user.id, text: DEMO_NOTES[person.email]![month]! } } : undefined,
      },
    });
  }
  return person.history;
}

/**
 * Family Services (3 people) is too small to be shown on its own, and while it
 * is hidden so is the organisation's total. Ten months ago an admin reported it
 * together with Crisis Response: from then on the two teams are published as one
 * group, and the total shows (the first two months of the year still show why
 * it was hidden).
 */
const REPORTING_GROUP = { name: 'Crisis and Family Services', teams: ['Crisis Response', 'Family Services'], monthsBefore: 10 };

async function ensureReportingGroup(db: Db, ctx: { organisationId: string; teams: Map<string, string>; now: Date }) {
  if (await db.reportingGroup.count({ where: { organisationId: ctx.organisationId } })) return;
  const effectiveFrom = DateTime.fromJSDate(ctx.now, { zone: 'Europe/London' }).minus({ months: REPORTING_GROUP.monthsBefore }).startOf('month').toJSDate();
  await db.reportingGroup.create({
    data: {
      organisationId: ctx.organisationId,
      name: REPORTING_GROUP.name,
      createdAt: new Date(effectiveFrom.getTime() - 10 * 86_400_000),
      teams: { create: REPORTING_GROUP.teams.map((name) => ({ teamId: ctx.teams.get(name)!, effectiveFrom })) },
    },
  });
}

async function ensureInitiative(db: Db, ctx: { organisationId: string; teams: Map<string, string>; now: Date }) {
  if (await db.initiative.count({ where: { organisationId: ctx.organisationId, title: PEER_SUPPORT.title } })) return;
  const manager = await db.user.findUnique({ where: { email: 'manager@example.org' }, select: { id: true } });
  const startsOn = DateTime.fromJSDate(ctx.now, { zone: 'Europe/London' }).minus({ months: PEER_SUPPORT.monthsBefore }).startOf('month').toISODate()!;
  await db.initiative.create({
    data: {
      organisationId: ctx.organisationId,
      title: PEER_SUPPORT.title,
      description: 'An hour every other Thursday to talk through hard cases with colleagues, with a facilitator from the wellbeing service.',
      startsOn: new Date(`${startsOn}T00:00:00Z`),
      createdById: manager?.id ?? null,
      teams: { create: [{ teamId: ctx.teams.get(PEER_SUPPORT.team)! }] },
    },
  });
}

export async function seed(options: { extraClinicians?: string[]; now?: Date; log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const db = await getDb();
  const ctx = { ...(await ensureOrganisation(db)), passwordHash: await hashPassword(DEMO_PASSWORD), now };
  const extras: Person[] = (options.extraClinicians ?? []).map((email) => ({
    email: email.toLowerCase(),
    name: `Test ${email.split('@')[0]}`,
    roles: ['clinician'],
    team: 'Outreach',
    history: 0,
  }));
  let created = 0;
  for (const person of [...PEOPLE, ...extras]) created += await ensurePerson(db, person, ctx);
  await ensureInitiative(db, ctx);
  await ensureReportingGroup(db, ctx);
  // The year of history is published for every closed period, as the schedule would have done.
  const published = await publishClosedPeriods(ctx.organisationId, now);
  log(`Demo organisation "${ORG.name}": ${PEOPLE.length + extras.length} accounts, ${created} check-ins created, ${published} reporting periods published.`);
}

async function main() {
  if (process.argv.includes('--if-empty')) {
    const db = await getDb();
    if ((await db.user.count()) > 0) {
      console.log('The database already has accounts: demo data not loaded.');
      await closeDb();
      return;
    }
  }
  const i = process.argv.indexOf('--extra-clinicians');
  const extraClinicians = i === -1 ? [] : (process.argv[i + 1] ?? '').split(',').filter(Boolean);
  await seed({ extraClinicians, log: (line) => console.log(line) });
  await closeDb();
}

if (process.argv[1] && /seed\.[cm]?[jt]s$/.test(process.argv[1])) {
  main().catch(async (error: unknown) => {
    console.error(error);
    await closeDb();
    process.exit(1);
  });
}
