/**
 * `npm run bench:history`: how long the server takes to render /history for a
 * person with 100 check-ins, on a fresh embedded database, and how much
 * JavaScript the page loads first compared with the home page. Needs
 * `npm run build` first. Prints the median, min and max of the render times.
 *   Options: --runs N (default 15, after 3 warm-up requests)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { benchSignIn } from './bench-sign-in';

const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const EMAIL = 'bench-history@example.test';
const PASSWORD = 'tend-demo-password';

/** Runs in a child process (react-server conditions): migrations, demo data, and 100 check-ins for one person. */
async function prepare(): Promise<void> {
  const { deployMigrations } = await import('../lib/db/migrate');
  const { openSqlConnection } = await import('../lib/db/sql');
  const { resolveDatabaseTarget } = await import('../lib/db/target');
  const conn = await openSqlConnection(resolveDatabaseTarget());
  await deployMigrations(conn);
  await conn.close();
  const { seed, demoAnswers } = await import('../prisma/seed');
  const { getDb, closeDb } = await import('../lib/db');
  const { scoreProqol5 } = await import('../lib/scoring');
  const { scoreColumns } = await import('../lib/db/score-columns');
  const { PROQOL5 } = await import('../lib/instruments/proqol5');
  await seed({ extraClinicians: [EMAIL] });
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { email: EMAIL }, select: { id: true, memberships: { select: { organisationId: true } } } });
  const organisationId = user.memberships[0]!.organisationId;
  const first = Date.now() - 100 * 10 * 86_400_000;
  for (let i = 0; i < 100; i++) {
    const submittedAt = new Date(first + i * 10 * 86_400_000);
    const answers = demoAnswers(EMAIL, i % 24);
    const scores = scoreProqol5(answers);
    await db.checkIn.create({
      data: {
        userId: user.id,
        organisationId,
        instrumentId: PROQOL5.id,
        instrumentVersion: PROQOL5.version,
        wordingPreset: 'helper',
        status: 'submitted',
        startedAt: submittedAt,
        submittedAt,
        ...scoreColumns(scores),
        answers: { create: answers.map((value, n) => ({ itemNumber: n + 1, value, answeredAt: submittedAt })) },
      },
    });
  }
  await closeDb();
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** The JavaScript a page loads first: every script it names, gzipped, in kB. */
async function firstLoadJsKb(base: string, page: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${base}${page}`, { headers: { cookie } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let bytes = 0;
  for (const src of sources) bytes += gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).length;
  return bytes / 1024;
}

async function main(): Promise<void> {
  if (process.argv.includes('--prepare')) return prepare();
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
  const dir = await mkdtemp(path.join(tmpdir(), 'tend-bench-history-'));
  const port = process.env.BENCH_PORT ?? '3190';
  const env = { ...process.env, DATABASE_URL: `pglite:${path.join(dir, 'pglite')}`, PORT: port, MAIL_TO_LOG: '1', TEND_SCHEDULE: 'off', NEXT_TELEMETRY_DISABLED: '1' };
  let server: ChildProcess | undefined;
  try {
    await run([tsx, '--conditions=react-server', __filename, '--prepare'], env);
    server = spawn(process.execPath, [tsx, path.join(root, 'scripts/server.ts')], { cwd: root, env, stdio: 'ignore' });
    const base = `http://localhost:${port}`;
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${base}/sign-in`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookie = await benchSignIn(base, EMAIL, PASSWORD);
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const start = performance.now();
      const response = await fetch(`${base}/history`, { headers: { cookie } });
      const body = await response.text();
      const elapsed = performance.now() - start;
      if (!response.ok || !body.includes('Your 100 check-ins')) throw new Error(`/history did not render the 100 check-ins (status ${response.status}).`);
      if (i >= 3) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    const history = await firstLoadJsKb(base, '/history', cookie);
    const home = await firstLoadJsKb(base, '/', cookie);
    console.log(`/history for a person with 100 check-ins, embedded PGlite, ${runs} requests after 3 warm-up`);
    console.log(`  server render (request to last byte): median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)})`);
    console.log(`  first-load JavaScript, gzip: /history ${history.toFixed(1)} kB, home ${home.toFixed(1)} kB, difference ${(history - home).toFixed(1)} kB`);
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
