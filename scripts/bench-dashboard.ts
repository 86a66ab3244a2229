/**
 * `npm run bench:dashboard`: the team and organisation dashboards at scale, on
 * a PostgreSQL server. In a fresh database (dropped at the end):
 * 1. bulk-loads one organisation (monthly periods, Europe/London, k = 5) with
 *    400 teams (10 of them of 3–4 people), ~40,000 clinicians (~2% in two
 *    teams, ~1% in none) and one submitted check-in per person per month for
 *    the 25 months before the current one: 1,000,000 check-ins, in set-based
 *    SQL (generate_series), without their answers (aggregates never read them);
 * 2. times one `publishClosedPeriods` over the whole history;
 * 3. starts the production server (scripts/server.ts) and times GET
 *    /dashboard/teams/<id> as a manager of one team and /dashboard/organisation
 *    as an admin, each signed in through Auth.js's password sign-in;
 * 4. times a hand-written SQL query computing the same figures from the raw
 *    rows (no suppression), checks them against the published ones, and
 *    compares the two.
 * Target: dashboard p95 under 100 ms.
 *
 * Needs `npm run build` first (unless --skip-render). Not part of `npm test`.
 *   Options: --people N (default 40000)  --months M (default 25)  --teams T (default 400)
 *            --runs N (default 50, after 5 warm-up requests)  --keep (leave the database)
 *            --skip-render (steps 1, 2 and 4 only: no server, no build needed)
 *   Environment: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test): the
 *            server to create the bench database on; BENCH_PORT (default: a free port).
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { periodContaining } from '../lib/aggregates/periods';
import { hashPassword } from '../lib/auth/password';
import { openSqlConnection, type SqlConnection } from '../lib/db/sql';
import { PROQOL5 } from '../lib/instruments/proqol5';
import { BAND_RANGES, SCORING_VERSION } from '../lib/scoring';
import { buildChangedSince, buildId, createBenchDatabase, getPage, onCleanUp, root, runBench, startServer, type Server } from './bench-server';
import { benchSignIn } from './bench-sign-in';

const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/test';
const TIME_ZONE = 'Europe/London';
const THRESHOLD = 5;
/** The first teams are this small (3 or 4 people), so suppression has work to do. */
const SMALL_TEAMS = 10;
const WARM_UP = 5;
const TARGET_P95_MS = 100;
const PASSWORD = 'tend-bench-dashboard-password';
const ADMIN_EMAIL = 'bench-admin@example.test';
const MANAGER_EMAIL = 'bench-manager@example.test';

type Options = { people: number; months: number; teams: number; runs: number; keep: boolean; render: boolean };

function parseOptions(argv: string[]): Options {
  const number = (flag: string, fallback: number, min: number): number => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value < min) throw new Error(`${flag} needs a whole number of at least ${min}.`);
    return value;
  };
  const options = {
    people: number('--people', 40_000, 100),
    months: number('--months', 25, 1),
    teams: number('--teams', 400, SMALL_TEAMS + 2),
    runs: number('--runs', 50, 1),
    keep: argv.includes('--keep'),
    render: !argv.includes('--skip-render'),
  };
  const smallPeople = smallTeamSlots().length;
  if (options.people < smallPeople + 100) throw new Error(`--people must leave at least 100 people for the ${options.teams - SMALL_TEAMS} larger teams.`);
  return options;
}

// ---------------------------------------------------------------------------
// Timing.

type Stats = { p50: number; p95: number; min: number; max: number; n: number };

/** Nearest-rank percentiles. */
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: rank(50), p95: rank(95), min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;
const fmtStats = (s: Stats) => `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  min ${ms(s.min)}  max ${ms(s.max)}  (${s.n} runs)`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

async function repeat(runs: number, fn: () => Promise<void>): Promise<Stats> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(fn))[1]);
  return stats(samples);
}

// ---------------------------------------------------------------------------
// The bench database.

/** Small team n (1-based) has 3 people when n is odd, 4 when even: [person, team] pairs for people 0…34. */
function smallTeamSlots(): [number, number][] {
  const slots: [number, number][] = [];
  for (let team = 1; team <= SMALL_TEAMS; team++) for (let i = 0; i < 3 + (team % 2 === 0 ? 1 : 0); i++) slots.push([slots.length, team]);
  return slots;
}

type Fixture = { organisationId: string; managedTeam: { id: string; name: string } };

/**
 * The organisation, its teams, an admin and a manager (who do not check in).
 * Team ids, person ids and the person → team assignment are kept in temporary
 * tables of this connection for the bulk load that follows.
 */
async function createOrganisation(conn: SqlConnection, o: Options): Promise<Fixture> {
  const [org] = await conn.query<{ id: string }>(
    `INSERT INTO "organisations" ("id", "name", "slug", "reporting_period", "time_zone", "anonymity_threshold", "updated_at")
     VALUES (gen_random_uuid(), 'Bench Health Trust', 'bench-health-trust', 'month', $1, $2, now()) RETURNING "id"`,
    [TIME_ZONE, THRESHOLD],
  );
  const organisationId = org!.id;
  await conn.exec(`
    CREATE TEMP TABLE "bench_teams" ("n" int PRIMARY KEY, "id" uuid NOT NULL);
    CREATE TEMP TABLE "bench_people" ("p" int PRIMARY KEY, "id" uuid NOT NULL);
    CREATE TEMP TABLE "bench_person_teams" ("p" int NOT NULL, "team" int NOT NULL, PRIMARY KEY ("p", "team"));`);
  await conn.query(`INSERT INTO "bench_teams" SELECT n, gen_random_uuid() FROM generate_series(1, $1::int) n`, [o.teams]);
  await conn.query(
    `INSERT INTO "teams" ("id", "organisation_id", "name") SELECT "id", $1::uuid, 'Team ' || lpad("n"::text, 3, '0') FROM "bench_teams"`,
    [organisationId],
  );

  const password = await hashPassword(PASSWORD);
  const person = async (email: string, name: string, role: string) => {
    const [user] = await conn.query<{ id: string }>(
      `INSERT INTO "users" ("id", "email", "name", "password_hash", "email_verified", "privacy_acknowledged_at", "updated_at")
       VALUES (gen_random_uuid(), $1, $2, $3, now(), now(), now()) RETURNING "id"`,
      [email, name, password],
    );
    await conn.query(`INSERT INTO "memberships" ("id", "user_id", "organisation_id", "roles") VALUES (gen_random_uuid(), $1, $2, ARRAY[$3]::"role"[])`, [
      user!.id,
      organisationId,
      role,
    ]);
    return user!.id;
  };
  await person(ADMIN_EMAIL, 'Bench Admin', 'admin');
  const managerId = await person(MANAGER_EMAIL, 'Bench Manager', 'manager');
  // The manager's team: the first of the larger ones (about 100 people at full scale).
  const [managed] = await conn.query<{ id: string; name: string }>(
    `INSERT INTO "team_memberships" ("id", "team_id", "user_id", "is_manager")
     SELECT gen_random_uuid(), b."id", $1::uuid, true FROM "bench_teams" b WHERE b."n" = $2
     RETURNING "team_id" AS "id", (SELECT "name" FROM "teams" WHERE "id" = "team_id") AS "name"`,
    [managerId, SMALL_TEAMS + 1],
  );
  return { organisationId, managedTeam: managed! };
}

type LoadResult = { people: number; teamMemberships: number; checkIns: number; checkInTeams: number; steps: [string, number][] };

/**
 * The clinicians and their check-ins, set-based. People 0…34 fill the small
 * teams; every other person is in team (p mod the larger teams), except 1%
 * in no team (p ≡ 99 mod 100), and 2% also in a second team halfway round
 * (p ≡ 25 mod 50). Scores come from a fixed arithmetic generator of (p, m):
 * a person's level plus a month's wobble, clamped to 10–50.
 */
async function bulkLoad(conn: SqlConnection, o: Options, organisationId: string): Promise<LoadResult> {
  const steps: [string, number][] = [];
  const step = async (label: string, fn: () => Promise<void>) => steps.push([label, (await timed(fn))[1]]);
  // The database is thrown away: no need to wait for each commit to reach the disk.
  await conn.exec(`SET synchronous_commit = off`);
  const big = o.teams - SMALL_TEAMS;
  const slots = smallTeamSlots();
  const createdAt = DateTime.now().setZone(TIME_ZONE).startOf('month').minus({ months: o.months + 1 }).toJSDate();

  await step('people, memberships, team memberships', async () => {
    await conn.query(`INSERT INTO "bench_people" SELECT p, gen_random_uuid() FROM generate_series(0, $1::int - 1) p`, [o.people]);
    await conn.query(`INSERT INTO "bench_person_teams" SELECT * FROM unnest($1::int[], $2::int[])`, [slots.map((s) => s[0]), slots.map((s) => s[1])]);
    await conn.query(
      `INSERT INTO "bench_person_teams"
       SELECT p, $3::int + 1 + (p % $4::int) FROM generate_series($1::int, $2::int - 1) p WHERE p % 100 <> 99
       UNION ALL
       SELECT p, $3::int + 1 + ((p + $4::int / 2) % $4::int) FROM generate_series($1::int, $2::int - 1) p WHERE p % 50 = 25`,
      [slots.length, o.people, SMALL_TEAMS, big],
    );
    await conn.query(
      `INSERT INTO "users" ("id", "email", "name", "email_verified", "privacy_acknowledged_at", "created_at", "updated_at")
       SELECT "id", 'bench-' || p || '@example.test', 'Bench Clinician ' || p, $1, $1, $1, $1 FROM "bench_people"`,
      [createdAt],
    );
    await conn.query(
      `INSERT INTO "memberships" ("id", "user_id", "organisation_id", "roles", "created_at")
       SELECT gen_random_uuid(), "id", $1::uuid, '{clinician}'::"role"[], $2 FROM "bench_people"`,
      [organisationId, createdAt],
    );
    await conn.query(
      `INSERT INTO "team_memberships" ("id", "team_id", "user_id", "created_at")
       SELECT gen_random_uuid(), t."id", bp."id", $1 FROM "bench_person_teams" pt
       JOIN "bench_teams" t ON t."n" = pt."team" JOIN "bench_people" bp ON bp."p" = pt."p"`,
      [createdAt],
    );
  });

  const clamp = (expr: string) => `least(50, greatest(10, ${expr}))`;
  const band = (col: string) =>
    `(CASE WHEN sc."${col}" <= ${BAND_RANGES.low[1]} THEN 'low' WHEN sc."${col}" <= ${BAND_RANGES.moderate[1]} THEN 'moderate' ELSE 'high' END)::"band"`;
  // Local (Europe/London) midnight on the 1st of the first month; each check-in is
  // 0–26 days and 8–21 hours into its month, local time, so it never leaves it.
  const firstMonth = DateTime.now().setZone(TIME_ZONE).startOf('month').minus({ months: o.months }).toFormat('yyyy-MM-dd HH:mm:ss');
  await step('check-ins', async () => {
    await conn.query(
      `INSERT INTO "check_ins" ("id", "user_id", "organisation_id", "instrument_id", "instrument_version", "wording_preset", "status",
         "started_at", "updated_at", "submitted_at", "scoring_version",
         "compassion_satisfaction_raw", "compassion_satisfaction_band", "burnout_raw", "burnout_band",
         "secondary_traumatic_stress_raw", "secondary_traumatic_stress_band")
       SELECT gen_random_uuid(), bp."id", $1::uuid, $2, $3, 'helper', 'submitted',
         s."at" - interval '7 minutes', s."at", s."at", $4,
         sc."cs", ${band('cs')}, sc."bo", ${band('bo')}, sc."sts", ${band('sts')}
       FROM "bench_people" bp
       CROSS JOIN generate_series(0, $5::int - 1) m
       CROSS JOIN LATERAL (
         SELECT ($6::timestamp + make_interval(months => m, days => (bp.p * 7 + m * 13) % 27, hours => 8 + (bp.p * 3 + m) % 14, mins => (bp.p + m * 7) % 60))
           AT TIME ZONE $7 AS "at") s
       CROSS JOIN LATERAL (
         SELECT ${clamp(`26 + (bp.p * 37) % 19 + (bp.p * 131 + m * 71) % 11 - 5`)} AS "cs",
                ${clamp(`14 + (bp.p * 53) % 17 + (bp.p * 97 + m * 43) % 9 - 4 + CASE WHEN bp.p % 89 = 0 THEN 14 ELSE 0 END`)} AS "bo",
                ${clamp(`11 + (bp.p * 29) % 19 + (bp.p * 61 + m * 89) % 11 - 5 + CASE WHEN bp.p % 97 = 3 THEN 16 ELSE 0 END`)} AS "sts") sc`,
      [organisationId, PROQOL5.id, PROQOL5.version, SCORING_VERSION, o.months, firstMonth, TIME_ZONE],
    );
  });
  await step('check_in_teams', async () => {
    // Each check-in was submitted in its author's teams (membership never changes here).
    await conn.query(
      `INSERT INTO "check_in_teams" ("check_in_id", "team_id")
       SELECT c."id", tm."team_id" FROM "check_ins" c JOIN "team_memberships" tm ON tm."user_id" = c."user_id" AND NOT tm."is_manager"
       WHERE c."organisation_id" = $1::uuid`,
      [organisationId],
    );
  });
  await step('VACUUM ANALYZE', () => conn.exec(`VACUUM ANALYZE`));

  const [counts] = await conn.query<{ people: number; tm: number; ci: number; cit: number }>(
    `SELECT (SELECT count(*) FROM "bench_people")::int AS "people",
            (SELECT count(*) FROM "team_memberships" WHERE NOT "is_manager")::int AS "tm",
            (SELECT count(*) FROM "check_ins")::int AS "ci",
            (SELECT count(*) FROM "check_in_teams")::int AS "cit"`,
  );
  return { people: counts!.people, teamMemberships: counts!.tm, checkIns: counts!.ci, checkInTeams: counts!.cit, steps };
}

// ---------------------------------------------------------------------------
// The baseline: the same figures straight from the raw rows.

const SUBSCALE_COLUMNS = { cs: 'compassion_satisfaction', bo: 'burnout', sts: 'secondary_traumatic_stress' } as const;
const BAND_NAMES = ['low', 'moderate', 'high'] as const;
/** How the stored decision names each subscale. */
const SUBSCALE_KEYS = { cs: 'compassionSatisfaction', bo: 'burnout', sts: 'secondaryTraumaticStress' } as const;

/** Count, mean per subscale and band counts per group and month, from `latest` (one row per person and month). */
const FIGURES = [
  `count(*)::int AS "n"`,
  ...Object.keys(SUBSCALE_COLUMNS).flatMap((s) => [
    `avg(l."${s}")::float8 AS "${s}_mean"`,
    ...BAND_NAMES.map((b) => `(count(*) FILTER (WHERE l."${s}_band" = '${b}'))::int AS "${s}_${b}"`),
  ]),
].join(',\n         ');

/** Each person's latest submitted check-in per local month ($3 is the time zone, [$4, $5) the months). */
const latestPerPersonAndMonth = (extraWhere: string) => `
  SELECT DISTINCT ON (c."user_id", mo."month") c."id", mo."month",
    ${Object.entries(SUBSCALE_COLUMNS).map(([s, col]) => `c."${col}_raw" AS "${s}", c."${col}_band"::text AS "${s}_band"`).join(', ')}
  FROM "check_ins" c
  CROSS JOIN LATERAL (SELECT date_trunc('month', c."submitted_at" AT TIME ZONE $3) AS "month") mo
  WHERE c."organisation_id" = $1::uuid AND c."status" = 'submitted' AND c."submitted_at" >= $4 AND c."submitted_at" < $5 ${extraWhere}
  ORDER BY c."user_id", mo."month", c."submitted_at" DESC, c."id" DESC`;

/**
 * One team, every month: people who ever submitted in the team, their latest
 * check-in of each month, counted for the team when that check-in was
 * submitted in it (the service's rule).
 */
const TEAM_QUERY = `
WITH "latest" AS (${latestPerPersonAndMonth(`AND c."user_id" IN (
    SELECT c2."user_id" FROM "check_in_teams" t2 JOIN "check_ins" c2 ON c2."id" = t2."check_in_id" WHERE t2."team_id" = $2::uuid)`)})
SELECT $2::text AS "group_key", (l."month" AT TIME ZONE $3) AS "starts_at",
       ${FIGURES}
FROM "latest" l JOIN "check_in_teams" t ON t."check_in_id" = l."id" AND t."team_id" = $2::uuid
GROUP BY l."month" ORDER BY l."month"`;

/** The organisation and every team, every month. ($2 is unused, for the same parameters.) */
const ORGANISATION_QUERY = `
WITH "latest" AS (${latestPerPersonAndMonth(`AND $2::text IS NULL`)}),
"grouped" AS (
  SELECT 'organisation' AS "group_key", l.* FROM "latest" l
  UNION ALL
  SELECT t."team_id"::text, l.* FROM "latest" l JOIN "check_in_teams" t ON t."check_in_id" = l."id")
SELECT l."group_key", (l."month" AT TIME ZONE $3) AS "starts_at",
       ${FIGURES}
FROM "grouped" l
GROUP BY l."group_key", l."month" ORDER BY l."group_key", l."month"`;

type FigureRow = { group_key: string; starts_at: Date; n: number } & Record<string, number>;

type Check = {
  compared: number;
  shown: number;
  tooFew: number;
  complementary: number;
  mismatches: string[];
  /** Utility: shown group-subscale-periods by what the disclosure audit let through. */
  utility: { subscales: number; every: number; merged: number; meanOnly: number; countOnly: number; large: number; largeKept: number };
};

/**
 * The baseline's figures against the published ones: a shown group must have
 * the same respondents, means and (unhidden) band counts; a group hidden as
 * too small must have fewer than k people, one hidden as a complement at least k.
 */
async function checkAgainstPublished(conn: SqlConnection, organisationId: string, rows: FigureRow[], onlyGroup?: string): Promise<Check> {
  const stored = await conn.query<Record<string, unknown> & { group_key: string; starts_at: Date; suppression: string | null; respondents: number | null }>(
    `SELECT a.*, p."starts_at" FROM "period_aggregates" a JOIN "published_periods" p ON p."id" = a."period_id"
     WHERE p."organisation_id" = $1::uuid AND ($2::text IS NULL OR a."group_key" = $2)`,
    [organisationId, onlyGroup ?? null],
  );
  const key = (group: string, at: Date) => `${group} ${at.toISOString()}`;
  const byKey = new Map(stored.map((s) => [key(s.group_key, s.starts_at), s]));
  const check: Check = {
    compared: 0,
    shown: 0,
    tooFew: 0,
    complementary: 0,
    mismatches: [],
    utility: { subscales: 0, every: 0, merged: 0, meanOnly: 0, countOnly: 0, large: 0, largeKept: 0 },
  };
  const seen = new Set<string>();
  for (const row of rows) {
    const k = key(row.group_key, row.starts_at);
    seen.add(k);
    check.compared++;
    const s = byKey.get(k);
    if (!s) {
      check.mismatches.push(`${k}: ${row.n} people in the raw rows, nothing published`);
      continue;
    }
    if (s.suppression === 'too_few') {
      check.tooFew++;
      if (row.n >= THRESHOLD) check.mismatches.push(`${k}: hidden as too few, but ${row.n} people`);
      continue;
    }
    if (s.suppression === 'complementary') {
      check.complementary++;
      if (row.n < THRESHOLD) check.mismatches.push(`${k}: hidden as a complement, but only ${row.n} people`);
      continue;
    }
    check.shown++;
    if (s.respondents !== row.n) check.mismatches.push(`${k}: ${s.respondents} respondents published, ${row.n} in the raw rows`);
    const distributions = (s.distributions ?? {}) as Record<string, { bands: string[]; count: number }[] | null>;
    for (const [short, col] of Object.entries(SUBSCALE_COLUMNS)) {
      const mean = s[`${col}_mean`] as number | null;
      if (mean !== null && Math.abs(mean - row[`${short}_mean`]!) > 1e-9) check.mismatches.push(`${k}: ${col} mean ${mean} published, ${row[`${short}_mean`]} in the raw rows`);
      const cells = distributions[SUBSCALE_KEYS[short as keyof typeof SUBSCALE_KEYS]] ?? null;
      for (const cell of cells ?? []) {
        const count = cell.bands.reduce((t, b) => t + row[`${short}_${b}`]!, 0);
        if (cell.count !== count) check.mismatches.push(`${k}: ${col} ${cell.bands.join('+')} ${cell.count} published, ${count} in the raw rows`);
        if (cell.count < 4 || row.n - cell.count < 3) check.mismatches.push(`${k}: ${col} ${cell.bands.join('+')} ${cell.count} of ${row.n}: a share the rules forbid`);
      }
      const u = check.utility;
      u.subscales++;
      if (cells?.length === 3) u.every++;
      else if (cells) u.merged++;
      else if (mean !== null) u.meanOnly++;
      else u.countOnly++;
      if (row.n >= 2 * THRESHOLD) {
        u.large++;
        if (mean !== null && cells) u.largeKept++;
      }
    }
  }
  for (const s of stored) {
    const k = key(s.group_key, s.starts_at);
    if (!seen.has(k) && s.suppression === null) check.mismatches.push(`${k}: published with ${s.respondents} respondents, none in the raw rows`);
  }
  return check;
}

// ---------------------------------------------------------------------------

type Summary = {
  options: Options;
  load?: LoadResult & { ms: number };
  publish?: { ms: number; periods: number };
  publishParts?: string;
  render?: { team: Stats; organisation: Stats; teamKb: number; organisationKb: number };
  baseline?: { team: Stats; organisation: Stats; teamRows: number; organisationRows: number };
  checks?: { team: Check; organisation: Check };
};

function printSummary(s: Summary, teamName: string): void {
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(38)} ${value}`);
  console.log('\n=== summary: bench:dashboard');
  line('data', `${s.options.people.toLocaleString('en-GB')} people, ${s.options.teams} teams, ${s.options.months} months, k = ${THRESHOLD}, ${TIME_ZONE}`);
  if (s.load) {
    line('bulk load', `${seconds(s.load.ms)} for ${s.load.checkIns.toLocaleString('en-GB')} check-ins, ${s.load.checkInTeams.toLocaleString('en-GB')} check_in_teams (no check_in_answers)`);
  }
  if (s.publish) line('publishClosedPeriods, whole history', `${seconds(s.publish.ms)} for ${s.publish.periods} periods (${ms(s.publish.ms / Math.max(1, s.publish.periods))} each)`);
  if (s.publishParts) line('  where the time goes', s.publishParts);
  if (s.render) {
    line(`team dashboard (${teamName}), HTTP`, fmtStats(s.render.team));
    line('organisation dashboard, HTTP', fmtStats(s.render.organisation));
  } else line('dashboards, HTTP', 'not measured (--skip-render)');
  if (s.baseline) {
    line('raw SQL, the team', fmtStats(s.baseline.team));
    line('raw SQL, organisation and every team', fmtStats(s.baseline.organisation));
  }
  if (s.render && s.baseline) {
    const r = s.render;
    const b = s.baseline;
    line('raw SQL p50 / dashboard p50, team', `${(b.team.p50 / r.team.p50).toFixed(2)}×`);
    line('raw SQL p50 / dashboard p50, org', `${(b.organisation.p50 / r.organisation.p50).toFixed(2)}×`);
    line('dashboard p50 / raw SQL p50, team', `${(r.team.p50 / b.team.p50).toFixed(2)}×`);
    line('dashboard p50 / raw SQL p50, org', `${(r.organisation.p50 / b.organisation.p50).toFixed(2)}×`);
  }
  if (s.checks) {
    const bad = s.checks.team.mismatches.length + s.checks.organisation.mismatches.length;
    line('raw figures vs published', bad === 0 ? 'agree' : `${bad} MISMATCHES`);
  }
  const verdict = (st: Stats) => (st.p95 < TARGET_P95_MS ? `met (p95 ${ms(st.p95)})` : `NOT met (p95 ${ms(st.p95)})`);
  line(`target: dashboard p95 under ${TARGET_P95_MS} ms`, s.render ? `team ${verdict(s.render.team)}; organisation ${verdict(s.render.organisation)}` : 'not measured');
}

async function main(): Promise<number> {
  process.chdir(root);
  const o = parseOptions(process.argv.slice(2));
  if (o.render && buildId() === null) {
    console.error('No production build (.next is absent): run `npm run build` first, or pass --skip-render to measure loading and publishing only.');
    return 1;
  }
  const summary: Summary = { options: o };
  const startBuild = o.render ? buildId() : null;
  const databaseUrl = await createBenchDatabase(process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL, o.keep);
  const conn = await openSqlConnection({ kind: 'postgres', url: databaseUrl });
  onCleanUp('close the loading connection', () => conn.close());
  const { organisationId, managedTeam } = await createOrganisation(conn, o);

  // Before spending minutes on the load: the server starts, both people sign in, both pages answer 200.
  let server: Server | undefined;
  let cookies: { admin: string; manager: string } | undefined;
  const teamPage = `/dashboard/teams/${managedTeam.id}`;
  const organisationPage = '/dashboard/organisation';
  if (o.render) {
    server = await startServer(databaseUrl);
    console.log(`server on ${server.base} (production build)`);
    cookies = { admin: await benchSignIn(server.base, ADMIN_EMAIL, PASSWORD), manager: await benchSignIn(server.base, MANAGER_EMAIL, PASSWORD) };
    await getPage(server, teamPage, cookies.manager);
    await getPage(server, organisationPage, cookies.admin);
    console.log(`signed in an admin and the manager of ${managedTeam.name}; both dashboards answer 200 on the empty organisation`);
  }

  // 1. Bulk load.
  console.log(`\n1. bulk load: ${o.people.toLocaleString('en-GB')} people × ${o.months} months, ${o.teams} teams (${SMALL_TEAMS} of 3–4 people)`);
  const [load, loadMs] = await timed(() => bulkLoad(conn, o, organisationId));
  summary.load = { ...load, ms: loadMs };
  for (const [label, t] of load.steps) console.log(`   ${label.padEnd(40)} ${seconds(t)}`);
  console.log(`   total ${seconds(loadMs)}: ${load.people.toLocaleString('en-GB')} people, ${load.teamMemberships.toLocaleString('en-GB')} team memberships, ` +
    `${load.checkIns.toLocaleString('en-GB')} submitted check-ins, ${load.checkInTeams.toLocaleString('en-GB')} check_in_teams rows`);
  console.log('   check_in_answers: not loaded (aggregates never read answers; the stored score columns are what they use)');

  // 2. Publish (in this process, through the service itself).
  process.env.DATABASE_URL = databaseUrl;
  const { publicationTimings, publishClosedPeriods } = await import('../lib/services/aggregates');
  const { closeDb } = await import('../lib/db');
  onCleanUp('close the Prisma client', () => closeDb());
  console.log('\n2. publishClosedPeriods over the whole history');
  const [periods, publishMs] = await timed(() => publishClosedPeriods(organisationId));
  summary.publish = { ms: publishMs, periods };
  console.log(`   ${periods} periods published in ${seconds(publishMs)} (${ms(publishMs / Math.max(1, periods))} per period)`);
  const spent = publicationTimings();
  const part = (spentMs: number) => `${seconds(spentMs)} (${((100 * spentMs) / publishMs).toFixed(0)}%)`;
  summary.publishParts = `decide and audit ${part(spent.decide)}, read respondents ${part(spent.read)}, store ${part(spent.store)}`;
  console.log(`   of which: ${summary.publishParts}`);
  if (periods !== o.months) throw new Error(`Expected ${o.months} periods to publish, got ${periods}.`);
  await conn.exec(`ANALYZE "published_periods"; ANALYZE "period_aggregates"`);

  // 3. Render times.
  if (server && cookies) {
    const ready = server;
    const { admin, manager } = cookies;
    console.log(`\n3. dashboards over HTTP, ${o.runs} requests each after ${WARM_UP} warm-up (request to last byte)`);
    const teamBody = await getPage(ready, teamPage, manager);
    if (!teamBody.includes(managedTeam.name)) console.warn(`   warning: ${teamPage} does not mention "${managedTeam.name}"`);
    const organisationBody = await getPage(ready, organisationPage, admin);
    const team = await repeat(o.runs, async () => void (await getPage(ready, teamPage, manager)));
    console.log(`   team (${managedTeam.name}, as its manager)   ${fmtStats(team)}   ${(teamBody.length / 1024).toFixed(0)} kB HTML`);
    const organisation = await repeat(o.runs, async () => void (await getPage(ready, organisationPage, admin)));
    console.log(`   organisation (as admin)            ${fmtStats(organisation)}   ${(organisationBody.length / 1024).toFixed(0)} kB HTML`);
    summary.render = { team, organisation, teamKb: teamBody.length / 1024, organisationKb: organisationBody.length / 1024 };
  } else console.log('\n3. dashboards over HTTP: skipped (--skip-render)');

  // 4. Baseline: the same figures from the raw rows, over pg directly.
  console.log(`\n4. hand-written SQL over the raw rows (no suppression), ${o.runs} runs each after ${WARM_UP} warm-up`);
  const from = periodContaining(DateTime.now().setZone(TIME_ZONE).minus({ months: o.months }).toJSDate(), 'month', TIME_ZONE).startsAt;
  const to = periodContaining(new Date(), 'month', TIME_ZONE).startsAt;
  const query = (sql: string, teamId: string | null) => conn.query<FigureRow>(sql, [organisationId, teamId, TIME_ZONE, from, to]);
  const teamRows = await query(TEAM_QUERY, managedTeam.id);
  const organisationRows = await query(ORGANISATION_QUERY, null);
  const checks = {
    team: await checkAgainstPublished(conn, organisationId, teamRows, managedTeam.id),
    organisation: await checkAgainstPublished(conn, organisationId, organisationRows),
  };
  summary.checks = checks;
  const teamSql = await repeat(o.runs, async () => void (await query(TEAM_QUERY, managedTeam.id)));
  console.log(`   the team, ${o.months} months (${teamRows.length} rows)           ${fmtStats(teamSql)}`);
  const organisationSql = await repeat(o.runs, async () => void (await query(ORGANISATION_QUERY, null)));
  console.log(`   organisation + every team (${organisationRows.length} rows)  ${fmtStats(organisationSql)}`);
  summary.baseline = { team: teamSql, organisation: organisationSql, teamRows: teamRows.length, organisationRows: organisationRows.length };
  for (const [name, c] of Object.entries(checks)) {
    console.log(
      `   vs published (${name}): ${c.compared} group-months compared: ${c.shown} shown and equal, ${c.tooFew} hidden as too few, ` +
        `${c.complementary} hidden as complements; ${c.mismatches.length} mismatches`,
    );
    for (const m of c.mismatches.slice(0, 10)) console.log(`     MISMATCH ${m}`);
  }
  // Utility: what the disclosure audit lets through, over every group of the organisation.
  const u = checks.organisation.utility;
  const share = (x: number, of: number) => `${((100 * x) / Math.max(1, of)).toFixed(1)}%`;
  const c = checks.organisation;
  console.log(
    `   utility: group-months with figures ${share(c.shown, c.compared)}, hidden as too few ${share(c.tooFew, c.compared)}, as complements ${share(c.complementary, c.compared)}`,
  );
  console.log(
    `   utility: of ${u.subscales} shown group-month subscales, every band ${share(u.every, u.subscales)}, two shares (one merged) ${share(u.merged, u.subscales)}, ` +
      `mean only ${share(u.meanOnly, u.subscales)}, count only ${share(u.countOnly, u.subscales)}`,
  );
  console.log(`   utility: groups with ${2 * THRESHOLD}+ respondents keeping their mean and a distribution: ${share(u.largeKept, u.large)} of ${u.large} group-month subscales (target 95%)`);

  printSummary(summary, managedTeam.name);
  const changed = o.render ? buildChangedSince(startBuild) : null;
  if (changed) {
    console.error(`\n${changed}`);
    return 1;
  }
  return checks.team.mismatches.length + checks.organisation.mismatches.length === 0 ? 0 : 1;
}

runBench(main, 'stopping the server and dropping the bench database…');
