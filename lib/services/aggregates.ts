import 'server-only';
import { getDb, Prisma } from '../db';
import { compareBeforeAfter, MIN_PERIODS_EACH_SIDE, type PeriodStats } from '../aggregates/comparison';
import { localDate, openPeriod, periodLabel, periodShortLabel, periodsToPublish, startOfLocalDate, type Period, type PeriodKind } from '../aggregates/periods';
import { loadSolver, percentOf } from '../aggregates/disclosure';
import { decidePeriod, SUBSCALES, type BandKey, type GroupFigures, type Respondent, type SubscaleKey } from '../aggregates/publication';
import type {
  DashboardPeriod,
  GroupPeriodView,
  InitiativeComparison,
  OpenPeriodView,
  PublishedPeriodView,
  ReportedWithin,
  SubscaleView,
} from '../aggregates/views';
import { assertId, NotFoundError, type Actor } from './actor';
import { loadRuleState, periodRules, ruleInForce, type RuleBook } from './reporting-rules';
import { loadTeamReporting } from './reporting-groups';
import { reportingAt, reportingKeys, type TeamReportingChange } from '../aggregates/reporting-groups';

export type * from '../aggregates/views';

/**
 * The aggregation module: the only code that turns check-ins into figures for
 * anyone but their owner. Pages never compute aggregates; they receive the
 * DTOs below, which hold whole-number means, percentages and reasons, never a
 * person, a score or an SD.
 *
 * The privacy model (docs: README "Team dashboards"):
 * - A respondent is a person: within a period each counts once, by their
 *   latest submitted check-in in it, for the teams that check-in was submitted
 *   in (check_in_teams) and for the organisation.
 * - Only closed periods have figures, computed once by `publishClosedPeriods`
 *   and stored (published_periods, period_aggregates); they are never
 *   recomputed, so deletions, team moves, archived teams and changed settings
 *   cannot move them. A period is published under the settings of the moment
 *   and says so.
 * - Which groups are shown is decided at publication over every group of the
 *   organisation together (lib/aggregates/suppression.ts): every view anyone
 *   can open is a subset of that, so no subtraction across teams, the
 *   organisation, or periods (which never overlap) isolates fewer than k
 *   people. A hidden group stores no figures at all.
 * - For the open period there is only when it closes, when its figures are
 *   due and the rule: nothing that a submission or a deletion could change.
 */

export const ORGANISATION_GROUP = 'organisation';
/** A period is published this long after it ends, so that a check-in submitted in its last moments has been committed. */
const PUBLICATION_GRACE_MS = 2 * 60_000;
/** Periods published in one transaction (the organisation is locked meanwhile; check-ins are not). */
const PERIODS_PER_TRANSACTION = 6;

type Tx = Prisma.TransactionClient;
type Settings = { reportingPeriod: PeriodKind; timeZone: string; anonymityThreshold: number };

/**
 * An organisation's reporting rule in force now (rules are frozen per period:
 * lib/services/reporting-rules.ts), its rule book, and the end of its last
 * published period.
 */
type OrgState = Settings & { lastEnd: Date | null; book: RuleBook };

async function orgState(client: Pick<Tx, '$queryRaw'>, organisationId: string, now: Date = new Date()): Promise<OrgState | null> {
  const loaded = await loadRuleState(client, organisationId);
  if (!loaded) return null;
  const { book, lastEnd } = loaded;
  const open = openPeriod({ lastEnd, now, ...periodRules(book) });
  return { ...ruleInForce(book, open.startsAt), lastEnd, book };
}

/**
 * The closed periods still to publish, oldest first: from the end of the last
 * published one (or the first check-in's period) to the last that has ended.
 */
async function duePeriods(client: Pick<Tx, 'checkIn'>, organisationId: string, state: OrgState, now: Date): Promise<Period[]> {
  const first = state.lastEnd
    ? null
    : await client.checkIn.findFirst({ where: { organisationId, status: 'submitted' }, orderBy: { submittedAt: 'asc' }, select: { submittedAt: true } });
  return periodsToPublish({
    lastEnd: state.lastEnd,
    firstCheckIn: first?.submittedAt ?? null,
    now: new Date(now.getTime() - PUBLICATION_GRACE_MS),
    ...periodRules(state.book),
  });
}

/**
 * Publishes every closed period of the organisation not yet published, oldest
 * first, and returns the organisation's state afterwards with how many were
 * published. Most calls (every dashboard view) find nothing due and take no
 * lock. Safe with any number of publishers at once: each locks the
 * organisation's row first, and a period is unique per organisation and start,
 * so a period is computed and stored exactly once.
 */
async function publishDue(organisationId: string, now: Date): Promise<{ state: OrgState | null; published: number }> {
  const db = await getDb();
  let state = await orgState(db, organisationId, now);
  if (!state || (await duePeriods(db, organisationId, state, now)).length === 0) return { state, published: 0 };
  let published = 0;
  for (;;) {
    const { due, stored } = await db.$transaction(
      async (tx) => {
        // Lock first, then read: a statement that waited for the lock would see the last period as it was before the wait.
        await tx.$queryRaw`SELECT 1 FROM "organisations" WHERE "id" = ${organisationId}::uuid FOR NO KEY UPDATE`;
        const locked = await orgState(tx, organisationId, now);
        if (!locked) return { due: 0, stored: 0 };
        const periods = (await duePeriods(tx, organisationId, locked, now)).slice(0, PERIODS_PER_TRANSACTION);
        let stored = 0;
        // Each period under the rule in force when it started.
        for (const period of periods) if (await publishPeriod(tx, organisationId, ruleInForce(locked.book, period.startsAt), period)) stored++;
        return { due: periods.length, stored };
      },
      { maxWait: 60_000, timeout: 300_000 },
    );
    published += stored;
    if (due < PERIODS_PER_TRANSACTION) break;
  }
  state = await orgState(db, organisationId, now);
  return { state, published };
}

/** Publishes every closed period of the organisation not yet published; returns how many. */
export async function publishClosedPeriods(organisationId: string, now: Date = new Date()): Promise<number> {
  return (await publishDue(organisationId, now)).published;
}

/** Publishes every organisation's closed periods (the schedule and `npm run jobs`). */
export async function publishAllClosedPeriods(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const organisations = await db.organisation.findMany({ select: { id: true } });
  let published = 0;
  for (const { id } of organisations) published += await publishClosedPeriods(id, now);
  return published;
}

type RespondentRow = {
  cs: number;
  csBand: BandKey;
  bo: number;
  boBand: BandKey;
  sts: number;
  stsBand: BandKey;
  teams: string[];
};

/**
 * Where publishing spends its time in this process, in milliseconds since it
 * started (for `npm run bench:dashboard`): reading the period's respondents
 * and memberships, deciding and auditing the figures, storing them.
 */
const timings = { read: 0, decide: 0, store: 0 };
export function publicationTimings(): Readonly<typeof timings> {
  return { ...timings };
}

/** @returns whether this call stored the period (false: another publisher had). */
async function publishPeriod(tx: Tx, organisationId: string, settings: Settings, period: Period): Promise<boolean> {
  let started = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - started;
    started = now;
  };
  // Each person once: their latest submitted check-in in the period, with the teams it was submitted in.
  // Rules frozen per period: only people who were members of the organisation (and of a team) from the
  // period's start count for it, so an account created or added during a period counts from the next.
  const rows = await tx.$queryRaw<RespondentRow[]>`
    SELECT DISTINCT ON (c."user_id")
      c."compassion_satisfaction_raw" AS "cs", c."compassion_satisfaction_band"::text AS "csBand",
      c."burnout_raw" AS "bo", c."burnout_band"::text AS "boBand",
      c."secondary_traumatic_stress_raw" AS "sts", c."secondary_traumatic_stress_band"::text AS "stsBand",
      COALESCE((SELECT array_agg(t."team_id"::text) FROM "check_in_teams" t
        WHERE t."check_in_id" = c."id" AND (t."member_since" IS NULL OR t."member_since" <= ${period.startsAt})), '{}') AS "teams"
    FROM "check_ins" c
    JOIN "memberships" m ON m."user_id" = c."user_id" AND m."organisation_id" = c."organisation_id" AND m."created_at" <= ${period.startsAt}
    WHERE c."organisation_id" = ${organisationId}::uuid AND c."status" = 'submitted'
      AND c."submitted_at" >= ${period.startsAt} AND c."submitted_at" < ${period.endsAt}
    ORDER BY c."user_id", c."submitted_at" DESC, c."id" DESC`;
  const teamsWithResponses = new Set(rows.flatMap((r) => r.teams));
  const teams = (await tx.team.findMany({ where: { organisationId }, select: { id: true, archivedAt: true } })).filter(
    (t) => t.archivedAt === null || teamsWithResponses.has(t.id),
  );
  // Teams reported within a reporting group (as of the period's start) are published as the group, never on their own.
  const grouped = reportingAt(await loadTeamReporting(tx, organisationId), period.startsAt);
  const respondents: Respondent[] = rows.map((r) => ({
    groups: [ORGANISATION_GROUP, ...reportingKeys(r.teams, grouped)],
    scores: {
      compassionSatisfaction: { raw: r.cs, band: r.csBand },
      burnout: { raw: r.bo, band: r.boBand },
      secondaryTraumaticStress: { raw: r.sts, band: r.stsBand },
    },
  }));
  const teamKeys = new Set(teams.filter((t) => !grouped.has(t.id)).map((t) => t.id));
  const groupKeys = new Set(teams.flatMap((t) => (grouped.has(t.id) ? [grouped.get(t.id)!] : [])));
  const members = await memberCounts(tx, organisationId, period.startsAt, grouped);
  const solver = await loadSolver();
  lap('read');
  const figures = decidePeriod(solver, {
    groups: [{ id: ORGANISATION_GROUP, total: true }, ...[...teamKeys, ...groupKeys].map((id) => ({ id }))],
    respondents,
    threshold: settings.anonymityThreshold,
  });
  lap('decide');

  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "published_periods" ("id", "organisation_id", "starts_at", "ends_at", "reporting_period", "time_zone", "anonymity_threshold")
    VALUES (gen_random_uuid(), ${organisationId}::uuid, ${period.startsAt}, ${period.endsAt}, ${settings.reportingPeriod}::"reporting_period", ${settings.timeZone}, ${settings.anonymityThreshold})
    ON CONFLICT ("organisation_id", "starts_at") DO NOTHING
    RETURNING "id"`;
  const periodId = inserted[0]?.id;
  if (!periodId) return false; // published by someone else meanwhile
  await tx.periodAggregate.createMany({
    data: [...figures].map(([groupKey, group]) =>
      aggregateRow(periodId, { groupKey, reportingGroup: groupKeys.has(groupKey) }, group, members.get(groupKey) ?? 0),
    ),
  });
  lap('store');
  return true;
}

/**
 * Active clinicians of the organisation, of each team and of each reporting
 * group (once, however many of its teams they are in) who were members from
 * the period's start: for "N of M members responded".
 */
async function memberCounts(tx: Tx, organisationId: string, startsAt: Date, grouped: ReadonlyMap<string, string>): Promise<Map<string, number>> {
  const active = { organisationId, removedAt: null, roles: { has: 'clinician' as const }, createdAt: { lte: startsAt } };
  const [organisation, teamMembers] = await Promise.all([
    tx.membership.count({ where: active }),
    tx.teamMembership.findMany({
      where: { team: { organisationId }, createdAt: { lte: startsAt }, user: { memberships: { some: active } } },
      select: { teamId: true, userId: true },
    }),
  ]);
  const people = new Map<string, Set<string>>();
  for (const { teamId, userId } of teamMembers) {
    for (const key of new Set([teamId, grouped.get(teamId) ?? teamId])) {
      if (!people.has(key)) people.set(key, new Set());
      people.get(key)!.add(userId);
    }
  }
  return new Map([[ORGANISATION_GROUP, organisation], ...[...people].map(([key, set]): [string, number] => [key, set.size])]);
}

const COLUMN: Record<SubscaleKey, string> = {
  compassionSatisfaction: 'compassionSatisfaction',
  burnout: 'burnout',
  secondaryTraumaticStress: 'secondaryTraumaticStress',
};

function aggregateRow(
  periodId: string,
  { groupKey, reportingGroup }: { groupKey: string; reportingGroup: boolean },
  group: GroupFigures,
  members: number,
): Prisma.PeriodAggregateCreateManyInput {
  const base = {
    periodId,
    groupKey,
    teamId: groupKey === ORGANISATION_GROUP || reportingGroup ? null : groupKey,
    reportingGroupId: reportingGroup ? groupKey : null,
  };
  if (group.status !== 'shown') return { ...base, suppression: group.status };
  const row: Record<string, unknown> = { ...base, suppression: null, respondents: group.respondents, members, bandsWithheld: [] as string[] };
  const distributions: Record<string, StoredCell[] | null> = {};
  for (const subscale of SUBSCALES) {
    const figures = group.subscales[subscale];
    row[`${COLUMN[subscale]}Mean`] = figures.mean;
    row[`${COLUMN[subscale]}Sd`] = figures.sd;
    distributions[subscale] = figures.cells;
  }
  row.distributions = distributions;
  return row as Prisma.PeriodAggregateCreateManyInput;
}

/** One stored share of a distribution: one band, or two merged, and how many people it holds. */
type StoredCell = { bands: BandKey[]; count: number };

// ---------------------------------------------------------------------------
// Reading: DTOs for dashboards and exports.

/** Internal: what a before/after comparison needs (never leaves this module). */
type StoredStats = Record<SubscaleKey, PeriodStats | null> | null;

/** A group's periods; `key` is the stored group each came from (a team's, or its reporting group's). */
type GroupSeries = { period: PublishedPeriodView; key: string; view: GroupPeriodView; stats: StoredStats }[];

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** The stored columns a view is built from, as camelCase aliases (a fixed list: no input reaches it). */
const AGGREGATE_COLUMNS = Prisma.raw(
  ['groupKey', 'suppression', 'respondents', 'members', 'distributions', ...SUBSCALES.flatMap((s) => [`${s}Mean`, `${s}Sd`])]
    .map((c) => (c === 'suppression' ? `a."suppression"::text AS "suppression"` : `a."${snake(c)}" AS "${c}"`))
    .join(', '),
);

type AggregateRecord = Record<string, unknown> & {
  groupKey: string;
  suppression: 'too_few' | 'complementary' | null;
  respondents: number | null;
  members: number | null;
  /** Null for periods published before the disclosure audit: their distributions are not shown. */
  distributions: Record<string, StoredCell[] | null> | null;
};

function toView(row: AggregateRecord | undefined): { view: GroupPeriodView; stats: StoredStats } {
  if (!row || row.suppression !== null || row.respondents === null) return { view: { status: row?.suppression ?? 'too_few' }, stats: null };
  const n = row.respondents;
  const subscales = {} as Record<SubscaleKey, SubscaleView>;
  const stats = {} as Record<SubscaleKey, PeriodStats | null>;
  for (const s of SUBSCALES) {
    const mean = row[`${s}Mean`] as number | null;
    // A subscale whose mean is not shown takes no part in that subscale's comparisons.
    stats[s] = mean === null ? null : { respondents: n, mean, sd: row[`${s}Sd`] as number };
    const cells = row.distributions?.[s] ?? null;
    subscales[s] = {
      mean: mean === null ? null : Math.round(mean),
      change: null,
      distribution: cells?.map((c) => ({ bands: c.bands, percent: percentOf(c.count, n) })) ?? null,
    };
  }
  const members = row.members !== null && row.members >= n ? row.members : null;
  return { view: { status: 'shown', respondents: n, members, subscales }, stats };
}

/** Fills in each shown period's change from the one before it, when that one is shown too, for the same group of people. */
function withChanges(series: GroupSeries): GroupSeries {
  return series.map((entry, i) => {
    const previous = series[i - 1]?.view;
    if (entry.view.status !== 'shown' || previous?.status !== 'shown' || series[i - 1]!.key !== entry.key) return entry;
    const subscales = Object.fromEntries(
      SUBSCALES.map((s) => {
        const current = (entry.view as { subscales: Record<SubscaleKey, SubscaleView> }).subscales[s];
        const before = previous.subscales[s].mean;
        return [s, { ...current, change: current.mean === null || before === null ? null : current.mean - before }];
      }),
    ) as Record<SubscaleKey, SubscaleView>;
    return { ...entry, view: { ...entry.view, subscales } };
  });
}

function periodView(p: { id: string; startsAt: Date; endsAt: Date; reportingPeriod: PeriodKind; anonymityThreshold: number; timeZone: string }): PublishedPeriodView {
  return {
    id: p.id,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    label: periodLabel(p, p.reportingPeriod, p.timeZone),
    shortLabel: periodShortLabel(p, p.reportingPeriod, p.timeZone),
    rule: { reportingPeriod: p.reportingPeriod, anonymityThreshold: p.anonymityThreshold, timeZone: p.timeZone },
  };
}

type LoadedPeriods = {
  views: PublishedPeriodView[];
  rows: Map<string, AggregateRecord>[];
  /** Per period: the teams reported within a reporting group (as of its start), with the group's id. */
  grouped: Map<string, string>[];
  /** The organisation's reporting groups' names, by id. */
  groupNames: Map<string, string>;
};

/**
 * Published periods (oldest first), each with the stored rows of the given
 * groups by group key: `groupKeys` for every period (a function of the teams'
 * reporting changes, for a team that may have been reported within a group),
 * and `alsoIn` for the periods listed there. One plain query for the rows:
 * they can be thousands (every team of a large organisation).
 */
async function loadPeriods(
  organisationId: string,
  groupKeys: readonly string[] | ((changes: TeamReportingChange[]) => string[]),
  alsoIn?: { periodIds: readonly string[]; groupKeys: readonly string[] },
): Promise<LoadedPeriods> {
  const db = await getDb();
  const [changes, names] = await Promise.all([
    loadTeamReporting(db, organisationId),
    db.reportingGroup.findMany({ where: { organisationId }, select: { id: true, name: true } }),
  ]);
  const keys = typeof groupKeys === 'function' ? groupKeys(changes) : [...groupKeys];
  const extraPeriods = [...(alsoIn?.periodIds ?? [])];
  const extraKeys = [...(alsoIn?.groupKeys ?? [])];
  const [periods, rows] = await Promise.all([
    db.publishedPeriod.findMany({
      where: { organisationId },
      orderBy: { startsAt: 'asc' },
      select: { id: true, startsAt: true, endsAt: true, reportingPeriod: true, anonymityThreshold: true, timeZone: true },
    }),
    db.$queryRaw<(AggregateRecord & { periodId: string })[]>`
      SELECT a."period_id"::text AS "periodId", ${AGGREGATE_COLUMNS}
      FROM "period_aggregates" a JOIN "published_periods" p ON p."id" = a."period_id"
      WHERE p."organisation_id" = ${organisationId}::uuid
        AND (a."group_key" = ANY(${keys}::text[])
          OR (a."period_id"::text = ANY(${extraPeriods}::text[]) AND a."group_key" = ANY(${extraKeys}::text[])))`,
  ]);
  const byPeriod = new Map(periods.map((p) => [p.id, new Map<string, AggregateRecord>()]));
  for (const row of rows) byPeriod.get(row.periodId)?.set(row.groupKey, row);
  return {
    views: periods.map(periodView),
    rows: periods.map((p) => byPeriod.get(p.id)!),
    grouped: periods.map((p) => reportingAt(changes, p.startsAt)),
    groupNames: new Map(names.map((g) => [g.id, g.name])),
  };
}

/**
 * A group's series over the periods [from, to) (all by default), with each
 * period's change from the one before. With `followGroups`, a team's periods
 * within a reporting group are the group's.
 */
function seriesFor(periods: LoadedPeriods, groupKey: string, from = 0, to = periods.views.length, followGroups = false): GroupSeries {
  return withChanges(
    periods.views.slice(from, to).map((period, i) => {
      const key = (followGroups && periods.grouped[from + i]!.get(groupKey)) || groupKey;
      return { period, key, ...toView(periods.rows[from + i]!.get(key)) };
    }),
  );
}

/**
 * The open period: when it closes, when its figures are due and the rule they
 * will be published under. It reads no check-in, so nothing in it can change
 * when someone submits or deletes one (privacy model rule 3: a running count,
 * or even whether k has been reached, would point at whoever just submitted).
 * The same for every group, so it takes none.
 */
function openPeriodView(settings: OrgState, now: Date): OpenPeriodView {
  const period = openPeriod({ lastEnd: settings.lastEnd, now, ...periodRules(settings.book) });
  return {
    label: periodLabel(period, settings.reportingPeriod, settings.timeZone),
    endsAt: period.endsAt,
    lastDay: localDate(new Date(period.endsAt.getTime() - 1), settings.timeZone),
    // Published by the first run after the end plus the grace, minutes into the next local day.
    dueOn: localDate(new Date(period.endsAt.getTime() + PUBLICATION_GRACE_MS), settings.timeZone),
    rule: { reportingPeriod: settings.reportingPeriod, anonymityThreshold: settings.anonymityThreshold },
    timeZone: settings.timeZone,
    today: localDate(now, settings.timeZone),
  };
}

// ---------------------------------------------------------------------------
// Who may see what.

export type DashboardTeam = { id: string; name: string; archived: boolean };

/**
 * The teams whose dashboards the actor may open: every team of the
 * organisation for an admin, the teams they manage for a manager, none for
 * anyone else.
 */
export async function listDashboardTeams(actor: Actor): Promise<DashboardTeam[]> {
  if (!actor.organisation) return [];
  const db = await getDb();
  const isAdmin = actor.roles.includes('admin');
  if (!isAdmin && !actor.roles.includes('manager')) return [];
  const teams = await db.team.findMany({
    where: {
      organisationId: actor.organisation.id,
      ...(isAdmin ? {} : { members: { some: { userId: actor.userId, isManager: true } } }),
    },
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: { id: true, name: true, archivedAt: true },
  });
  return teams.map((t) => ({ id: t.id, name: t.name, archived: t.archivedAt !== null }));
}

/** @returns the team when the actor may see its dashboard. @throws NotFoundError otherwise (a team one may not see does not exist) */
export async function assertCanViewTeam(actor: Actor, teamId: string): Promise<DashboardTeam & { organisationId: string }> {
  assertId(teamId);
  const team = (await listDashboardTeams(actor)).find((t) => t.id === teamId);
  if (!team || !actor.organisation) throw new NotFoundError();
  return { ...team, organisationId: actor.organisation.id };
}

export function canViewOrganisationDashboard(actor: Actor): boolean {
  return !!actor.organisation && actor.roles.includes('admin');
}

/** The organisation's time zone, for dating things in it. */
export async function organisationTimeZone(organisationId: string): Promise<string> {
  return (await settingsOf(organisationId)).timeZone;
}

async function settingsOf(organisationId: string): Promise<Settings> {
  const db = await getDb();
  return db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { reportingPeriod: true, timeZone: true, anonymityThreshold: true } });
}

// ---------------------------------------------------------------------------
// Dashboards.

export type TeamDashboard = {
  team: DashboardTeam;
  periods: DashboardPeriod[];
  open: OpenPeriodView;
};

/** A team's published periods, oldest first, and when the open period closes. @throws NotFoundError unless the actor may see the team */
export async function getTeamDashboard(actor: Actor, teamId: string, now: Date = new Date()): Promise<TeamDashboard> {
  const team = await assertCanViewTeam(actor, teamId);
  const { state } = await publishDue(team.organisationId, now);
  if (!state) throw new NotFoundError();
  // The team's own rows, and those of every reporting group it has been reported within.
  const periods = await loadPeriods(team.organisationId, (changes) => [
    team.id,
    ...changes.flatMap((c) => (c.teamId === team.id && c.reportingGroupId ? [c.reportingGroupId] : [])),
  ]);
  const series = seriesFor(periods, team.id, 0, periods.views.length, true);
  const teamNames = series.some((e) => e.key !== team.id) ? await teamNamesOf(team.organisationId) : new Map<string, string>();
  return {
    team: { id: team.id, name: team.name, archived: team.archived },
    periods: series.map((e, i) => ({
      ...e.period,
      figures: e.view,
      ...(e.key === team.id ? {} : { reportedWithin: reportedWithin(periods, i, e.key, teamNames) }),
    })),
    open: openPeriodView(state, now),
  };
}

async function teamNamesOf(organisationId: string): Promise<Map<string, string>> {
  const db = await getDb();
  const teams = await db.team.findMany({ where: { organisationId }, select: { id: true, name: true } });
  return new Map(teams.map((t) => [t.id, t.name]));
}

/** A reporting group as it was in period `i`: its name and its teams, by name. */
function reportedWithin(periods: LoadedPeriods, i: number, groupKey: string, teamNames: ReadonlyMap<string, string>): ReportedWithin {
  const teams = [...periods.grouped[i]!].filter(([, g]) => g === groupKey).map(([teamId]) => teamNames.get(teamId) ?? '');
  return { name: periods.groupNames.get(groupKey) ?? '', teams: teams.sort((a, b) => a.localeCompare(b)) };
}

export type OrganisationDashboard = {
  organisation: { name: string };
  /** The organisation first, then each team with figures or current, then each reporting group with figures. */
  groups: { key: string; name: string; kind: 'organisation' | 'team' | 'reporting'; archived: boolean }[];
  /**
   * Every published period with the organisation's figures; the teams' and
   * reporting groups' too in the selected period (or in every period, when
   * asked): a team reported within a group reads `grouped`, and a reporting
   * group has a cell only in the periods it was published in, with its teams
   * (by name) in `reportingGroups`.
   */
  periods: (PublishedPeriodView & { cells: Record<string, GroupPeriodView>; reportingGroups: Record<string, string[]> })[];
  /** The period whose teams are shown side by side: the one asked for, or the latest. */
  selectedPeriodId: string | null;
  /**
   * The periods whose total is hidden, newest first, with the groups that were
   * too small to be shown in them: the total minus the others would give
   * theirs. Empty names: the cause is people in no team or in several teams.
   */
  totalHidden: { periodId: string; label: string; tooFew: string[] }[];
  open: OpenPeriodView;
};

/**
 * The organisation's figures for every published period, and each team's
 * side by side for one period (`periodId`, default the latest) or, for an
 * export, for every period (`everyPeriod`). Admins only. @throws NotFoundError otherwise
 */
export async function getOrganisationDashboard(
  actor: Actor,
  now: Date = new Date(),
  options: { periodId?: string; everyPeriod?: boolean } = {},
): Promise<OrganisationDashboard> {
  if (!canViewOrganisationDashboard(actor) || !actor.organisation) throw new NotFoundError();
  const organisationId = actor.organisation.id;
  const { state } = await publishDue(organisationId, now);
  if (!state) throw new NotFoundError();
  const db = await getDb();
  const [teams, periodIds, reportingGroups] = await Promise.all([
    listDashboardTeams(actor),
    db.publishedPeriod.findMany({ where: { organisationId }, orderBy: { startsAt: 'asc' }, select: { id: true } }),
    db.reportingGroup.findMany({ where: { organisationId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  const ids = periodIds.map((p) => p.id);
  const index = options.periodId && ids.includes(options.periodId) ? ids.indexOf(options.periodId) : ids.length - 1;
  const sideBySideKeys = [...teams.map((t) => t.id), ...reportingGroups.map((g) => g.id)];
  // The selected period and the one before it (for each team's change).
  const periods = options.everyPeriod
    ? await loadPeriods(organisationId, [ORGANISATION_GROUP, ...sideBySideKeys])
    : await loadPeriods(organisationId, [ORGANISATION_GROUP], { periodIds: ids.slice(Math.max(0, index - 1), index + 1), groupKeys: sideBySideKeys });
  // Archived teams appear only where they have a published period of their own; reporting groups only once published.
  const published = new Set(periods.rows.flatMap((rows) => [...rows.keys()]));
  const shownTeams = teams.filter((t) => !t.archived || published.has(t.id));
  const shownGroups = reportingGroups.filter((g) => published.has(g.id));
  // Teams: every period for an export; otherwise the selected one, with the one before it for the change.
  const from = options.everyPeriod ? 0 : Math.max(0, index - 1);
  const to = options.everyPeriod ? periods.views.length : index + 1;
  const organisationSeries = seriesFor(periods, ORGANISATION_GROUP);
  const series = new Map([...shownTeams, ...shownGroups].map((g) => [g.id, seriesFor(periods, g.id, from, to)]));
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const teamsIn = (i: number) => options.everyPeriod || i === index;
  const cellsOf = (i: number): [string, GroupPeriodView][] => {
    if (!teamsIn(i)) return [];
    const grouped = periods.grouped[i]!;
    return [
      ...shownTeams.map((t): [string, GroupPeriodView] => {
        const within = grouped.get(t.id);
        return [t.id, within ? { status: 'grouped', within: periods.groupNames.get(within)! } : series.get(t.id)![i - from]!.view];
      }),
      ...shownGroups.filter((g) => periods.rows[i]!.has(g.id)).map((g): [string, GroupPeriodView] => [g.id, series.get(g.id)![i - from]!.view]),
    ];
  };
  return {
    organisation: { name: actor.organisation.name },
    groups: [
      { key: ORGANISATION_GROUP, name: actor.organisation.name, kind: 'organisation', archived: false },
      ...shownTeams.map((t) => ({ key: t.id, name: t.name, kind: 'team' as const, archived: t.archived })),
      ...shownGroups.map((g) => ({ key: g.id, name: g.name, kind: 'reporting' as const, archived: false })),
    ],
    periods: periods.views.map((period, i) => ({
      ...period,
      cells: Object.fromEntries([[ORGANISATION_GROUP, organisationSeries[i]!.view], ...cellsOf(i)]),
      reportingGroups: teamsIn(i)
        ? Object.fromEntries(shownGroups.filter((g) => periods.rows[i]!.has(g.id)).map((g) => [g.id, reportedWithin(periods, i, g.id, teamNames).teams]))
        : {},
    })),
    selectedPeriodId: ids[index] ?? null,
    totalHidden: await totalHiddenCauses(organisationId, periods, new Map([...teamNames, ...periods.groupNames])),
    open: openPeriodView(state, now),
  };
}

/** For each period whose total is hidden as complementary, newest first: the groups too small to be shown in it, by name. */
async function totalHiddenCauses(
  organisationId: string,
  periods: LoadedPeriods,
  names: ReadonlyMap<string, string>,
): Promise<OrganisationDashboard['totalHidden']> {
  const hidden = periods.views.filter((_, i) => periods.rows[i]!.get(ORGANISATION_GROUP)?.suppression === 'complementary');
  if (hidden.length === 0) return [];
  const db = await getDb();
  const rows = await db.periodAggregate.findMany({
    where: { periodId: { in: hidden.map((p) => p.id) }, suppression: 'too_few' },
    select: { periodId: true, groupKey: true },
  });
  return hidden.reverse().map((p) => ({
    periodId: p.id,
    label: p.label,
    tooFew: rows
      .filter((r) => r.periodId === p.id)
      .map((r) => names.get(r.groupKey) ?? '')
      .filter((name) => name !== '')
      .sort((a, b) => a.localeCompare(b)),
  }));
}

// ---------------------------------------------------------------------------
// Before and after.

/**
 * For each initiative, the mean of each subscale over up to `periodsEachSide`
 * published periods before its start date and as many from it on (the period
 * it starts in is left out: it mixes both), with Welch's 95% interval for the
 * difference, all in whole numbers (lib/aggregates/comparison.ts). "Not enough
 * data yet" unless each side has at least MIN_PERIODS_EACH_SIDE periods and
 * every period used is shown. The group's periods are read once for all of
 * them. Only this module reads the stored SDs, and the unrounded results stay
 * here.
 * @returns one comparison per initiative, in the same order.
 */
export async function compareGroupBeforeAfter(
  organisationId: string,
  groupKey: string,
  initiatives: readonly { startsOn: string; periodsEachSide: number; recordedAt: Date }[],
): Promise<InitiativeComparison[]> {
  if (initiatives.length === 0) return [];
  const [periods, settings] = await Promise.all([loadPeriods(organisationId, [groupKey]), settingsOf(organisationId)]);
  const series = seriesFor(periods, groupKey);
  return initiatives.map(({ startsOn, periodsEachSide, recordedAt }) => {
    // An initiative stored with fewer periods (the old minimum) is compared over the minimum.
    const count = Math.max(periodsEachSide, MIN_PERIODS_EACH_SIDE);
    const start = startOfLocalDate(startsOn, settings.timeZone).getTime();
    const before = series.filter((e) => e.period.endsAt.getTime() <= start).slice(-count);
    const after = series.filter((e) => e.period.startsAt.getTime() >= start).slice(0, count);
    return {
      before: before.map((e) => e.period.label),
      after: after.map((e) => e.period.label),
      afterBeganBeforeRecorded: after.length > 0 && after[0]!.period.startsAt.getTime() < recordedAt.getTime(),
      subscales: SUBSCALES.map((subscale) => ({
        subscale,
        ...([...before, ...after].every((e) => e.stats?.[subscale])
          ? compareBeforeAfter({
              before: before.map((e) => e.stats![subscale]!),
              after: after.map((e) => e.stats![subscale]!),
              higherIsBetter: subscale === 'compassionSatisfaction',
            })
          : { reading: 'not enough data yet' as const }),
      })),
    };
  });
}
