import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
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
    apps.push(spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], { cwd: root, env, stdio: 'ignore' }));
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
