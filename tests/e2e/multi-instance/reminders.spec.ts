import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '../test';
import { deployMigrations } from '../../../lib/db/migrate';
import { openSqlConnection, type SqlConnection } from '../../../lib/db/sql';
import { bodyOf, startSmtpSink } from '../../fixtures/smtp-sink';
import { expectAccessible, expectAccessibleWithoutJs } from '../helpers';

// A running app instance sending reminders on its own schedule (every second
// here instead of hourly) while two `npm run reminders:send` passes run at the
// same moment, on one PostgreSQL database: each due person gets one email.
const root = path.resolve(__dirname, '../../..');
const PORT = 3105;
const PEOPLE = 40;
const server = process.env.TEST_DATABASE_URL!;
const name = `tend_e2e_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let app: ChildProcess | undefined;
let sql: SqlConnection;

/** A time zone in which it is now around midday, so the pass is within sending hours whenever this runs. */
function middayZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

function env() {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret,
    SMTP_URL: sink.url,
    APP_URL: `http://localhost:${PORT}`,
    PORT: String(PORT),
    NEXT_TELEMETRY_DISABLED: '1',
  };
}
const secret = randomBytes(32).toString('base64url');

function remindersSend(now?: Date): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, '--conditions=react-server', 'scripts/reminders-send.ts', ...(now ? ['--now', now.toISOString()] : [])], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`reminders:send exited with ${code}`))));
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // A slow mail server (400 ms a message), so the three senders' passes overlap.
  sink = await startSmtpSink({ delayMs: 400 });
  const admin = await openSqlConnection({ kind: 'postgres', url: server });
  await admin.exec(`CREATE DATABASE "${name}"`);
  await admin.close();
  sql = await openSqlConnection({ kind: 'postgres', url: databaseUrl });
  await deployMigrations(sql);
  app = spawn(process.execPath, [tsx, 'scripts/server.ts'], { cwd: root, env: { ...env(), TEND_REMINDER_PASS_MS: '1000' }, stdio: 'ignore' });
  await expect.poll(() => fetch(`http://localhost:${PORT}/sign-in`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  app?.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await sql?.close();
  await sink?.close();
  const admin = await openSqlConnection({ kind: 'postgres', url: server });
  await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.close();
});

test('a running app and two reminders:send passes at once: each due person gets exactly one reminder; the link stops them', async ({ page, browser }) => {
  // People who joined a while ago and never checked in (due), and one who checked in yesterday (not due).
  const [organisation] = await sql.query<{ id: string }>(
    `INSERT INTO organisations (id, name, slug, time_zone, updated_at) VALUES (gen_random_uuid(), 'Riverside', 'riverside-${randomBytes(3).toString('hex')}', $1, now()) RETURNING id`,
    [middayZone()],
  );
  const organisationId = organisation!.id;
  const emails = Array.from({ length: PEOPLE }, (_, i) => `due-${i}@example.test`);
  for (const email of [...emails, 'not-due@example.test']) {
    await sql.query(
      `WITH u AS (INSERT INTO users (id, email, name, updated_at) VALUES (gen_random_uuid(), $1, 'Sam Taylor', now()) RETURNING id)
       INSERT INTO memberships (id, user_id, organisation_id, roles, created_at) SELECT gen_random_uuid(), u.id, $2, '{clinician}', now() - interval '40 days' FROM u`,
      [email, organisationId],
    );
  }
  await sql.query(
    `INSERT INTO check_ins (id, user_id, organisation_id, instrument_id, instrument_version, wording_preset, status, submitted_at, updated_at)
     SELECT gen_random_uuid(), u.id, $1, 'proqol5', '5', 'helper', 'submitted', now() - interval '1 day', now() FROM users u WHERE u.email = 'not-due@example.test'`,
    [organisationId],
  );

  const outputs = await Promise.all([remindersSend(), remindersSend()]);
  const byCron = outputs.map((o) => Number(/^reminders: (\d+) sent/m.exec(o)?.[1]));
  // The app's own passes keep running every second: give them time to try again.
  await expect.poll(async () => sink.messages.length, { timeout: 40_000 }).toBe(PEOPLE);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const received = sink.messages.map((m) => m.to[0]).sort();
  expect(received).toEqual([...emails].sort());
  const [marked] = await sql.query<{ sent: number }>(`SELECT count(*)::int AS sent FROM reminders WHERE sent_at IS NOT NULL`);
  expect(marked?.sent).toBe(PEOPLE);
  console.info(`reminders sent: ${byCron.join(' and ')} by the two reminders:send passes, ${PEOPLE - byCron[0]! - byCron[1]!} by the app's schedule`);

  // The link in the email works without signing in; one button stops reminders.
  const message = sink.messages.find((m) => m.to[0] === emails[0])!;
  const stop = /http:\/\/localhost:\d+\/reminders\/stop\/\S+/.exec(bodyOf(message.raw))![0];
  await page.goto(stop);
  await expect(page.getByRole('heading', { name: 'Stop reminder emails' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Stop reminder emails' }).click();
  await expect(page.getByRole('status')).toHaveText('Done: we won’t email you reminders any more.');
  await expectAccessible(page);
  // The same without JavaScript, for another person's link, at phone width.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const noJs = await plain.newPage();
  await noJs.goto(/http:\/\/localhost:\d+\/reminders\/stop\/\S+/.exec(bodyOf(sink.messages.find((m) => m.to[0] === emails[2])!.raw))![0]);
  await expectAccessibleWithoutJs(noJs);
  await noJs.getByRole('button', { name: 'Stop reminder emails' }).click();
  await expect(noJs.getByRole('status')).toHaveText('Done: we won’t email you reminders any more.');
  await plain.close();
  // A mail client's one-click POST to the List-Unsubscribe address works too.
  const header = /^List-Unsubscribe: <([^>]+)>/m.exec(sink.messages.find((m) => m.to[0] === emails[1])!.raw.replace(/\r\n\s+/g, ' '))![1]!;
  const oneClick = await fetch(header, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
  expect(oneClick.status).toBe(200);
  const paused = await sql.query<{ email: string }>(
    `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.reminders_paused_at IS NOT NULL ORDER BY u.email`,
  );
  expect(paused.map((p) => p.email)).toEqual([emails[0], emails[1], emails[2]].sort());
  // A forged link changes nothing.
  expect((await fetch(header.replace(/.{4}$/, 'AAAA'), { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(404);

  // A week and a bit later: the one follow-up, to everyone still due but the three who stopped them.
  sink.messages.length = 0;
  expect(await remindersSend(new Date(Date.now() + 8 * 86_400_000))).toMatch(new RegExp(`^reminders: ${PEOPLE - 3} sent, 0 to retry$`, 'm'));
  expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(emails.slice(3).sort());
  expect(sink.messages.every((m) => m.raw.includes('Subject: Your Tend check-in is still waiting'))).toBe(true);
});
