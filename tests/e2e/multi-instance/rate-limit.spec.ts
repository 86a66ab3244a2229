import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '../test';
import { deployMigrations } from '../../../lib/db/migrate';
import { openSqlConnection } from '../../../lib/db/sql';
import { expectAccessible } from '../helpers';

// Two separate app processes on one PostgreSQL database (the load-balanced
// deployment): sign-in limits must hold across them. Runs when TEST_DATABASE_URL is set.
const root = path.resolve(__dirname, '../../..');
const PORTS = [3102, 3103];
const server = process.env.TEST_DATABASE_URL!;
const name = `tend_e2e_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString('base64url'), NEXT_TELEMETRY_DISABLED: '1' };
const apps: ChildProcess[] = [];

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const admin = await openSqlConnection({ kind: 'postgres', url: server });
  await admin.exec(`CREATE DATABASE "${name}"`);
  await admin.close();
  const conn = await openSqlConnection({ kind: 'postgres', url: databaseUrl });
  await deployMigrations(conn);
  await conn.close();
  await run([path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'prisma/seed.ts']);
  for (const port of PORTS) {
    // Each instance as a load balancer would reach it: its own address is the one people use.
    const instanceEnv = { ...env, PORT: String(port), APP_URL: `http://localhost:${port}`, SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2526}`, TEND_REMINDERS: 'off' };
    apps.push(spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/server.ts'], { cwd: root, env: instanceEnv, stdio: 'ignore' }));
  }
  for (const port of PORTS) {
    await expect.poll(() => fetch(`http://localhost:${port}/sign-in`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
  }
});

test.afterAll(async () => {
  for (const app of apps) app.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const admin = await openSqlConnection({ kind: 'postgres', url: server });
  await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.close();
});

test('failed sign-ins spread over two app processes add up to one limit', async ({ browser }) => {
  const [a, b] = await Promise.all(PORTS.map(async (port) => (await browser.newContext({ baseURL: `http://localhost:${port}` })).newPage()));
  const attempt = async (page: typeof a, password: string) => {
    await page!.goto('/sign-in');
    await page!.getByLabel('Email').fill('clinician@example.org');
    await page!.getByLabel('Password').fill(password);
    await page!.getByRole('button', { name: 'Sign in', exact: true }).click();
    return page!.locator('#sign-in-error');
  };
  for (const [page, times] of [[a, 3], [b, 2]] as const) {
    for (let i = 0; i < times; i++) {
      await expect(await attempt(page, `wrong-${i}`)).toHaveText('That email and password don’t match an account. Check them and try again.');
    }
  }
  // Five failures in all: now even the right password is refused, on either process.
  for (const page of [b, a]) {
    await expect(await attempt(page, 'tend-demo-password')).toHaveText(/^Too many sign-in attempts\. For your security, try again in 1[45] minutes\.$/);
    await expect(page!.getByLabel('Email')).toHaveValue('clinician@example.org');
  }
  await expectAccessible(a!);
});

test('12 simultaneous wrong passwords spread over two processes: exactly 5 are checked, the rest refused', async () => {
  // Straight to Auth.js's public endpoint, as a script would: a CSRF token and its cookie from each process.
  const sessions = await Promise.all(
    PORTS.map(async (port) => {
      const response = await fetch(`http://localhost:${port}/api/auth/csrf`);
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      return { port, csrfToken, cookie };
    }),
  );
  const attempts = Array.from({ length: 12 }, (_, i) => {
    const { port, csrfToken, cookie } = sessions[i % 2]!;
    return fetch(`http://localhost:${port}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ email: 'tom.becker@example.org', password: `wrong-${i}`, csrfToken, callbackUrl: '/' }),
    }).then((r) => new URL(r.headers.get('location') ?? '', 'http://x').searchParams.get('code') ?? `status ${r.status}`);
  });
  const codes = await Promise.all(attempts);
  expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(5);
  expect(codes.filter((c) => c.startsWith('rate_limited:'))).toHaveLength(7);
});
