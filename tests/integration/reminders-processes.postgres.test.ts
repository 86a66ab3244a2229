import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { sendDueReminders } from '../../lib/services/reminders';
import { startSmtpSink } from '../fixtures/smtp-sink';
import { createOrganisation, createPerson } from '../fixtures/factories';

// `npm run reminders:send` as cron runs it, twice at the same moment, while this
// process sends too: every due person gets exactly one email (PostgreSQL, where
// separate processes share one database).
const root = path.resolve(__dirname, '../..');
const T0 = '2026-11-02T10:00:00Z';
const PEOPLE = 40;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let emails: string[];

function remindersSend(now: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/reminders-send.ts', '--now', now], {
      cwd: root,
      env: { ...process.env, SMTP_URL: sink.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`reminders:send exited with ${code}: ${out}`))));
  });
}

const sentIn = (output: string) => Number(/^reminders: (\d+) sent, 0 to retry$/m.exec(output)?.[1]);

beforeAll(async () => {
  process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');
  // A slow mail server (150 ms a message): a pass takes seconds, so all three senders overlap.
  sink = await startSmtpSink({ delayMs: 150 });
  process.env.SMTP_URL = sink.url;
  const { id: organisationId } = await createOrganisation();
  const people = await Promise.all(Array.from({ length: PEOPLE }, () => createPerson({ organisationId })));
  emails = people.map((p) => p.email).sort();
  const db = await getDb();
  await db.membership.updateMany({ data: { createdAt: new Date('2026-10-01T10:00:00Z') } });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe('reminders:send from several processes at once', () => {
  it('sends each due person one reminder, and a week later one follow-up, whoever sends', async () => {
    for (const [now, subject] of [
      [T0, 'Time for your Tend check-in'],
      ['2026-11-09T10:30:00Z', 'Your Tend check-in is still waiting'],
    ] as const) {
      sink.messages.length = 0;
      const [a, b, here] = await Promise.all([
        remindersSend(now),
        remindersSend(now),
        // Started once the other two are under way (they take a moment to boot).
        new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => sendDueReminders(() => new Date(now))),
      ]);
      console.info(`reminders sent by each sender: ${sentIn(a)}, ${sentIn(b)}, ${here.sent}`);
      expect(sentIn(a) + sentIn(b) + here.sent).toBe(PEOPLE);
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(emails);
      expect(sink.messages.every((m) => m.raw.includes(`Subject: ${subject}`))).toBe(true);
    }
    // Nothing more is owed: another pass sends nothing and says so.
    expect(await remindersSend('2026-11-20T10:00:00Z')).toMatch(/^reminders: 0 sent, 0 to retry$/m);
  });
});
