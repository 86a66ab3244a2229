/**
 * What the benchmarks that drive the production build share: a bench database
 * made for the run and thrown away after it, the production server
 * (scripts/server.ts) started on it, pages fetched as a signed-in person, and
 * clean-up on success, on error and on Ctrl-C. Used by `npm run bench:dashboard`
 * and `npm run bench:pages`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployMigrations } from '../lib/db/migrate';
import { openSqlConnection } from '../lib/db/sql';

export const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

// ---------------------------------------------------------------------------
// Clean-up: whatever was started is stopped on success, on error and on Ctrl-C.

const cleanups: { label: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;
let interrupted = false;

/** Something to undo at the end; undone in reverse order of registration. */
export function onCleanUp(label: string, run: () => Promise<void>): void {
  cleanups.push({ label, run });
}

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { label, run } of cleanups.reverse()) {
      try {
        await run();
      } catch (error) {
        console.error(`  clean-up (${label}) failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaning;
}

/**
 * Runs a bench's main function and exits with the code it returns (1 on an
 * error, 130 on Ctrl-C), after cleaning up what it started.
 */
export function runBench(main: () => Promise<number>, onInterrupt = 'stopping the server and removing the bench database…'): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: ${onInterrupt}`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  main()
    .then(async (code) => {
      await cleanUp();
      process.exit(code);
    })
    .catch(async (error: unknown) => {
      // Once interrupted, the removed database fails whatever was running: that is not news.
      if (!interrupted) console.error(error instanceof Error ? error.message : error);
      await cleanUp();
      process.exit(1);
    });
}

// ---------------------------------------------------------------------------
// The production build.

/** The build's id, or null when there is no production build. */
export function buildId(): string | null {
  const file = path.join(root, '.next/BUILD_ID');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** A message for when the production build changed under a running bench (someone ran `npm run build`), or null. */
export function buildChangedSince(startBuild: string | null): string | null {
  return buildId() === startBuild ? null : 'The production build changed during the run (someone ran `npm run build`): its figures are not reliable; run again.';
}

// ---------------------------------------------------------------------------
// The bench database.

/**
 * A fresh database on the PostgreSQL server `serverUrl`, migrated, dropped at
 * the end unless `keep`. Returns its URL.
 */
export async function createBenchDatabase(serverUrl: string, keep: boolean): Promise<string> {
  const name = `tend_bench_${randomBytes(6).toString('hex')}`;
  const admin = await openSqlConnection({ kind: 'postgres', url: serverUrl });
  await admin.exec(`CREATE DATABASE "${name}"`);
  onCleanUp('drop the bench database', async () => {
    if (keep) console.log(`  kept the bench database ${name} (--keep): drop it with DROP DATABASE "${name}" WITH (FORCE)`);
    else await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const conn = await openSqlConnection({ kind: 'postgres', url: url.toString() });
  try {
    await deployMigrations(conn);
  } finally {
    await conn.close();
  }
  console.log(`database ${name} on ${url.hostname}:${url.port || 5432}, migrated`);
  return url.toString();
}

/** A fresh embedded (PGlite) database in a temporary folder, migrated, removed at the end. Returns its DATABASE_URL. */
export async function createEmbeddedBenchDatabase(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tend-bench-'));
  onCleanUp('remove the bench database folder', () => rm(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'pglite');
  const conn = await openSqlConnection({ kind: 'pglite', dataDir });
  try {
    await deployMigrations(conn);
  } finally {
    await conn.close();
  }
  console.log(`embedded database in ${dataDir}, migrated`);
  return `pglite:${dataDir}`;
}

// ---------------------------------------------------------------------------
// The production server.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type Server = { base: string; /** The last lines the server wrote, and whether it has exited. */ state: () => string };

/**
 * Starts scripts/server.ts on `databaseUrl` (port BENCH_PORT, or a free one) in
 * its own process group (so tsx and its node child stop together), stopped at
 * the end, and waits until it answers.
 */
export async function startServer(databaseUrl: string): Promise<Server> {
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    PORT: String(port),
    MAIL_TO_LOG: '1',
    TEND_SCHEDULE: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
  // Loopback and plain http, whatever the calling shell has configured.
  for (const name of ['APP_URL', 'HOST', 'TRUSTED_PROXY_HOPS', 'SMTP_URL', 'NODE_OPTIONS']) delete env[name];
  const child: ChildProcess = spawn(process.execPath, [tsx, path.join(root, 'scripts/server.ts')], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code), resolve())));
  onCleanUp('stop the server', async () => {
    if (exited !== undefined || !child.pid) return;
    process.kill(-child.pid, 'SIGTERM');
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
    if (!(await Promise.race([exit.then(() => true), timeout]))) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  const base = `http://localhost:${port}`;
  for (let i = 0; i < 240; i++) {
    if (exited !== undefined) throw new Error(`The server exited (code ${exited}) before answering:\n${log}`);
    if (await fetch(`${base}/sign-in`).then((r) => r.ok, () => false)) {
      return { base, state: () => `${exited === undefined ? 'the server is still running' : `the server exited (code ${exited})`}; its last output:\n${log}` };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not answer on ${base} within 2 minutes:\n${log}`);
}

/**
 * One page, read to its last byte, with `cookie` (none: signed out); anything
 * but 200 (a redirect to sign-in, a 404 while the page does not exist yet)
 * stops the bench.
 */
export async function getPage(server: Server, page: string, cookie?: string): Promise<string> {
  let response: Response;
  let body: string;
  try {
    response = await fetch(`${server.base}${page}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    body = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { message?: string; code?: string } }).cause;
    throw new Error(`GET ${page} failed: ${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}; ${server.state()}`);
  }
  if (response.status !== 200) {
    const where = response.headers.get('location');
    throw new Error(`GET ${page} answered ${response.status}${where ? ` (to ${where})` : ''}, not 200: the page must exist and render for this user.`);
  }
  return body;
}
