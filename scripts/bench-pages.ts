/**
 * `npm run bench:pages`: Google Lighthouse (accessibility and performance,
 * mobile, simulated throttling) on every main page of the production build,
 * each as the person who would see it, in the system's Chromium. On a fresh
 * database (an embedded one in a temporary folder, or a new database on the
 * PostgreSQL server in BENCH_DATABASE_URL; removed at the end) with the demo
 * data (prisma/seed.ts) and one check-in in progress, it starts the production
 * server (scripts/server.ts), signs each person in through Auth.js, and runs
 * Lighthouse N times per page, the pages interleaved so that load on the
 * machine falls on all of them alike. Prints, per page, the median (min–max)
 * accessibility and performance scores and JavaScript transferred, and the
 * median Total Blocking Time and Largest Contentful Paint; then every
 * accessibility audit that failed, with the elements it names.
 * Exits 1 when any page's median accessibility score is below 100. A run that
 * Lighthouse itself fails to record (NO_NAVSTART and the like, under load) is
 * tried again, up to 3 times.
 *
 * Needs `npm run build` first. Nothing is downloaded: Lighthouse drives the
 * Chromium that the end-to-end tests use (playwright.config.ts; CHROMIUM_PATH
 * to choose another) on loopback only.
 * The npm script runs it as `node --import tsx`, not through the `tsx` command:
 * on Ctrl-C that command SIGKILLs a child busy for more than a few
 * milliseconds (Lighthouse often is), and Chromium, the server and the
 * database would be left behind.
 *   Options: --runs N (default 3)
 *   Environment: BENCH_DATABASE_URL (a PostgreSQL server to create the bench database on;
 *            default: embedded PGlite); BENCH_PORT (default: a free port).
 */
import type { Flags, Result } from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { buildChangedSince, buildId, createBenchDatabase, createEmbeddedBenchDatabase, getPage, onCleanUp, root, runBench, startServer } from './bench-server';
import { benchSignIn } from './bench-sign-in';

const DEFAULT_RUNS = 3;
/** Demo accounts (prisma/seed.ts): a clinician with a year of check-ins, one with a check-in in progress, Outreach's manager, the admin. */
const CLINICIAN = 'clinician@example.org';
const DRAFTING_CLINICIAN = 'maria.gonzalez@example.org';
const MANAGER = 'manager@example.org';
const ADMIN = 'admin@example.org';
/** Answered in the check-in in progress: the first page and half the second, so it opens on the second with answers shown. */
const DRAFT_ANSWERS = 9;

/** `shows`: text the page has only in the state to be measured (a draft still open, published figures, the year of check-ins). */
type Page = { name: string; path: string; as: string | null; shows: string };
type Sample = { accessibility: number; performance: number; jsKb: number; tbtMs: number; lcpMs: number };
type FailedAudit = { id: string; title: string; nodes: string[] };

function parseRuns(argv: string[]): number {
  const i = argv.indexOf('--runs');
  if (i < 0) return DEFAULT_RUNS;
  const runs = Number(argv[i + 1]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number of at least 1.');
  return runs;
}

/**
 * The demo data, plus a check-in in progress; returns the pages to measure.
 * Runs in this process (before the server starts: PGlite is one process).
 */
async function prepare(databaseUrl: string): Promise<Page[]> {
  process.env.DATABASE_URL = databaseUrl;
  const { seed } = await import('../prisma/seed');
  const { getDb, closeDb } = await import('../lib/db');
  const { getActor } = await import('../lib/services/accounts');
  const { startOrResumeCheckIn, saveCheckInAnswers } = await import('../lib/services/check-ins');
  try {
    await seed();
    const db = await getDb();
    const drafting = await db.user.findUniqueOrThrow({ where: { email: DRAFTING_CLINICIAN }, select: { id: true, sessionVersion: true } });
    const actor = await getActor(drafting.id, drafting.sessionVersion);
    if (!actor) throw new Error(`${DRAFTING_CLINICIAN} has no account.`);
    const draft = await startOrResumeCheckIn(actor);
    await saveCheckInAnswers(actor, draft.id, Array.from({ length: DRAFT_ANSWERS }, (_, i) => ({ itemNumber: i + 1, value: 1 + (i % 5) })));
    const latest = await db.checkIn.findFirstOrThrow({
      where: { user: { email: CLINICIAN }, status: 'submitted' },
      orderBy: { submittedAt: 'desc' },
      select: { id: true },
    });
    const checkIns = await db.checkIn.count({ where: { user: { email: CLINICIAN }, status: 'submitted' } });
    const team = await db.teamMembership.findFirstOrThrow({ where: { user: { email: MANAGER }, isManager: true }, select: { teamId: true } });
    return [
      { name: 'sign-in', path: '/sign-in', as: null, shows: 'Sign in to Tend' },
      { name: 'home', path: '/', as: CLINICIAN, shows: 'Hello, ' },
      { name: 'check-in (in progress)', path: `/check-ins/${draft.id}`, as: DRAFTING_CLINICIAN, shows: 'Your check-in' },
      { name: 'result', path: `/check-ins/${latest.id}/result`, as: CLINICIAN, shows: 'Your check-in result' },
      { name: 'history', path: '/history', as: CLINICIAN, shows: `Your ${checkIns} check-ins` },
      { name: 'account', path: '/account', as: CLINICIAN, shows: 'Your account' },
      { name: 'support', path: '/support', as: CLINICIAN, shows: 'Support' },
      { name: 'privacy', path: '/privacy', as: CLINICIAN, shows: 'Who can see what' },
      { name: 'team dashboard', path: `/dashboard/teams/${team.teamId}`, as: MANAGER, shows: 'Latest published period: ' },
      { name: 'organisation dashboard', path: '/dashboard/organisation', as: ADMIN, shows: 'respondents and mean scores' },
    ];
  } finally {
    await closeDb();
  }
}

/**
 * The end-to-end tests' flags, headless, and no name resolved but localhost:
 * even with background networking off, Chromium looks up Google's account and
 * update hosts at start (IdentityManager's ListAccounts cannot be switched
 * off), which on a machine without a network means DNS queries that time out.
 */
const CHROME_FLAGS = ['--headless', ...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost'];

/** The Chromium of the run under way, stopped at the end whatever happens. */
let chrome: { kill: () => void } | undefined;
onCleanUp('stop Chromium', async () => chrome?.kill());

/** Lighthouse's own failure to record a page (NO_NAVSTART and the like, under load): worth another try. */
class LighthouseRunError extends Error {}
const ATTEMPTS = 3;

/** One Lighthouse run in a Chromium of its own (a fresh profile: nothing cached from the run before). */
async function lighthouseRun(chromium: string, url: string, cookie: string | undefined): Promise<Result> {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  // handleSIGINT off: Ctrl-C goes to runBench, which stops the server and removes the database too.
  const launched = await launch({ chromePath: chromium, chromeFlags: CHROME_FLAGS, logLevel: 'silent', handleSIGINT: false });
  chrome = launched;
  try {
    const flags: Flags = {
      port: launched.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'performance'],
      // A header on every request the page makes: Lighthouse resets storage between runs, this survives it.
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
      disableFullPageScreenshot: true,
    };
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new LighthouseRunError(`Lighthouse could not measure ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // Signed out, a page would redirect to sign-in and be measured in its place.
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: not the page asked for.`);
    return lhr;
  } finally {
    launched.kill();
    chrome = undefined;
  }
}

/** Requests the page made anywhere but the bench server (none expected: the machine may have no network). */
function elsewhere(lhr: Result, base: string): string[] {
  const items = (lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? [];
  return items.map((item) => item.url).filter((url) => !url.startsWith(`${base}/`) && !/^(data|blob):/.test(url));
}

function sample(lhr: Result): Sample {
  const score = (id: string) => Math.round(100 * (lhr.categories[id]?.score ?? 0));
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const summary = lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined;
  const scriptBytes = summary?.items?.find((item) => item.resourceType === 'script')?.transferSize ?? 0;
  return {
    accessibility: score('accessibility'),
    performance: score('performance'),
    jsKb: scriptBytes / 1024,
    tbtMs: numeric('total-blocking-time'),
    lcpMs: numeric('largest-contentful-paint'),
  };
}

/** The accessibility audits that count towards the score and did not pass, with the elements they name. */
function failedAccessibilityAudits(lhr: Result): FailedAudit[] {
  const failed: FailedAudit[] = [];
  for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
    const items = (audit.details as { items?: { node?: { selector?: string; snippet?: string } }[] } | undefined)?.items ?? [];
    const nodes = items.flatMap(({ node }) => (node ? [`${node.selector ?? ''}  ${(node.snippet ?? '').slice(0, 140)}`.trim()] : []));
    failed.push({ id: ref.id, title: audit.title, nodes });
  }
  return failed;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "median (min–max)", or just the figure when every run gave the same. */
function spread(xs: number[], digits: number): string {
  const [min, max] = [Math.min(...xs), Math.max(...xs)];
  const f = (x: number) => x.toFixed(digits);
  return f(min) === f(max) ? f(median(xs)) : `${f(median(xs))} (${f(min)}–${f(max)})`;
}

function printTable(pages: Page[], samples: Map<Page, Sample[]>, runs: number): void {
  const header = ['page', 'as', 'accessibility', 'performance', 'JS kB', 'TBT ms', 'LCP ms'];
  const rows = pages.map((page) => {
    const s = samples.get(page)!;
    const of = (key: keyof Sample) => s.map((x) => x[key]);
    return [
      page.name,
      page.as ?? 'signed out',
      spread(of('accessibility'), 0),
      spread(of('performance'), 0),
      spread(of('jsKb'), 1),
      median(of('tbtMs')).toFixed(0),
      median(of('lcpMs')).toFixed(0),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n=== bench:pages: Lighthouse ${runs === 1 ? 'once' : `median (min–max) of ${runs} runs`}, mobile, simulated throttling`);
  console.log('    scores 0–100; JS kB: JavaScript transferred (compressed); TBT, LCP: medians');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<number> {
  process.chdir(root);
  const runs = parseRuns(process.argv.slice(2));
  const startBuild = buildId();
  if (startBuild === null) {
    console.error('No production build (.next is absent): run `npm run build` first.');
    return 1;
  }
  const chromium = CHROMIUM;
  if (!chromium) {
    console.error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.');
    return 1;
  }
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const databaseUrl = serverUrl ? await createBenchDatabase(serverUrl, false) : await createEmbeddedBenchDatabase();
  const pages = await prepare(databaseUrl);
  console.log('demo data loaded, with a check-in in progress');
  const server = await startServer(databaseUrl);
  console.log(`server on ${server.base} (production build)`);

  const { DEMO_PASSWORD } = await import('../prisma/seed');
  const cookies = new Map<string, string>();
  for (const email of new Set(pages.flatMap((p) => (p.as ? [p.as] : [])))) cookies.set(email, await benchSignIn(server.base, email, DEMO_PASSWORD));
  const cookieOf = (page: Page) => (page.as ? cookies.get(page.as) : undefined);
  // Every page answers 200 to its person, in the state to be measured, and the server has loaded its code.
  for (const page of pages) {
    const body = await getPage(server, page.path, cookieOf(page));
    if (!body.includes(page.shows)) throw new Error(`${page.path} (as ${page.as ?? 'signed out'}) does not show "${page.shows}": not the state to measure.`);
  }

  const samples = new Map<Page, Sample[]>(pages.map((p) => [p, []]));
  const failures = new Map<Page, Map<string, FailedAudit>>(pages.map((p) => [p, new Map()]));
  const warnings = new Set<string>();
  console.log(`Lighthouse, ${runs} run${runs === 1 ? '' : 's'} of ${pages.length} pages, interleaved, Chromium at ${chromium}`);
  for (let run = 1; run <= runs; run++) {
    for (const page of pages) {
      const started = Date.now();
      let lhr: Result | undefined;
      for (let attempt = 1; !lhr; attempt++) {
        try {
          lhr = await lighthouseRun(chromium, `${server.base}${page.path}`, cookieOf(page));
        } catch (error) {
          if (!(error instanceof LighthouseRunError) || attempt === ATTEMPTS) throw error;
          console.log(`  run ${run}/${runs}  ${page.name}: ${error.message}; again (attempt ${attempt + 1} of ${ATTEMPTS})`);
        }
      }
      const s = sample(lhr);
      samples.get(page)!.push(s);
      for (const audit of failedAccessibilityAudits(lhr)) failures.get(page)!.set(audit.id, audit);
      for (const warning of lhr.runWarnings) warnings.add(`${page.name}: ${typeof warning === 'string' ? warning : JSON.stringify(warning)}`);
      for (const url of elsewhere(lhr, server.base)) warnings.add(`${page.name}: requested ${url}, not from the bench server`);
      console.log(
        `  run ${run}/${runs}  ${page.name.padEnd(24)} accessibility ${String(s.accessibility).padStart(3)}  performance ${String(s.performance).padStart(3)}  ` +
          `(${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  }

  printTable(pages, samples, runs);
  const below = pages.filter((page) => median(samples.get(page)!.map((s) => s.accessibility)) < 100);
  for (const page of pages) {
    const failed = [...failures.get(page)!.values()];
    if (failed.length === 0) continue;
    console.log(`\naccessibility audits failed on ${page.name} (${page.path}, as ${page.as ?? 'signed out'}), in any run:`);
    for (const audit of failed) {
      console.log(`  - ${audit.title} [${audit.id}]`);
      for (const node of audit.nodes.slice(0, 5)) console.log(`      ${node}`);
      if (audit.nodes.length > 5) console.log(`      … and ${audit.nodes.length - 5} more`);
    }
  }
  if (warnings.size > 0) {
    console.log('\nLighthouse warnings:');
    for (const warning of warnings) console.log(`  ${warning}`);
  }
  const changed = buildChangedSince(startBuild);
  if (changed) {
    console.error(`\n${changed}`);
    return 1;
  }
  if (below.length > 0) {
    console.error(`\nMedian accessibility below 100 on: ${below.map((p) => p.name).join(', ')}.`);
    return 1;
  }
  console.log('\nEvery page: median accessibility 100.');
  return 0;
}

runBench(main, 'stopping Chromium and the server and removing the bench database…');
