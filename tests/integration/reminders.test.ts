import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import type { Actor } from '../../lib/services/actor';
import { listAuditEvents } from '../../lib/services/audit';
import { getMember, listMembers } from '../../lib/services/members';
import { saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import {
  getReminderSettings,
  purgeFinishedReminders,
  readUnsubscribeToken,
  sendDueReminders,
  unsubscribeToken,
  unsubscribeWithToken,
  updateReminderSettings,
} from '../../lib/services/reminders';
import { bodyOf, startSmtpSink } from '../fixtures/smtp-sink';
import { createOrganisation, createPerson, createTeam, sampleAnswers } from '../fixtures/factories';

// Monday 2 November 2026, 10:00 in London (GMT): within sending hours.
const T0 = new Date('2026-11-02T10:00:00Z');
const DAY = 86_400_000;
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY + hours * 3_600_000);
const clock = (date: Date) => () => date;

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let organisationId: string;
let teamId: string;

/** A person who joined before T0 (memberships are created "now" by the factory). */
async function member(options: { roles?: Actor['roles']; joinedDaysBeforeT0?: number } = {}): Promise<Actor> {
  const person = await createPerson({ organisationId, roles: options.roles ?? ['clinician'], teams: [{ id: teamId }] });
  const db = await getDb();
  await db.membership.updateMany({ where: { userId: person.userId }, data: { createdAt: at(-(options.joinedDaysBeforeT0 ?? 60)) } });
  return person;
}

async function checkIn(person: Actor, when: Date): Promise<void> {
  const { id } = await startOrResumeCheckIn(person);
  await saveCheckInAnswers(person, id, sampleAnswers().map((value, i) => ({ itemNumber: i + 1, value })));
  expect(await submitCheckIn(person, id, when)).toEqual({ ok: true, id });
}

const mailTo = (person: Actor) => sink.messages.filter((m) => m.to.includes(person.email));

beforeAll(async () => {
  process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  organisationId = (await createOrganisation()).id;
  teamId = (await createTeam(organisationId)).id;
});

beforeEach(async () => {
  // Each test starts with nobody owed anything from an earlier one.
  const db = await getDb();
  await db.membership.updateMany({ data: { remindersPausedAt: new Date() } });
  sink.messages.length = 0;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe('reminder emails', () => {
  it('a new member is due at once: three passes at the same moment send one email, and later passes none', async () => {
    const person = await member();
    const passes = await Promise.all([sendDueReminders(clock(T0)), sendDueReminders(clock(T0)), sendDueReminders(clock(T0))]);
    expect(passes.reduce((sum, p) => sum + p.sent, 0)).toBe(1);
    expect(mailTo(person)).toHaveLength(1);
    expect(await sendDueReminders(clock(at(0, 1)))).toEqual({ sent: 0, failed: 0 });
    expect(await sendDueReminders(clock(at(3)))).toEqual({ sent: 0, failed: 0 });
    expect(mailTo(person)).toHaveLength(1);
    expect(mailTo(person)[0]!.raw).toMatch(/^Subject: Time for your Tend check-in/m);
    expect(bodyOf(mailTo(person)[0]!.raw)).toContain('your first check-in');
  });

  it('the one follow-up comes seven days after the first email, once, and never a third', async () => {
    const person = await member();
    expect((await sendDueReminders(clock(T0))).sent).toBe(1);
    expect((await sendDueReminders(clock(at(6, 23)))).sent).toBe(0);
    expect((await sendDueReminders(clock(at(7)))).sent).toBe(1);
    for (const day of [7.05, 8, 14, 21, 60]) expect((await sendDueReminders(clock(at(day)))).sent).toBe(0);
    const subjects = mailTo(person).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
    expect(subjects).toEqual(['Time for your Tend check-in', 'Your Tend check-in is still waiting']);
  });

  it('a person not due gets none; after checking in, the next is due a cadence later, and a chosen interval is kept', async () => {
    const recent = await member();
    await checkIn(recent, at(-10));
    const longer = await member();
    await checkIn(longer, at(-35));
    const db = await getDb();
    await db.membership.updateMany({ where: { userId: { in: [recent.userId, longer.userId] } }, data: { remindersPausedAt: null } });
    await updateReminderSettings(longer, { intervalDays: 45, emails: true }, T0);

    expect(await sendDueReminders(clock(T0))).toEqual({ sent: 0, failed: 0 });
    expect(await getReminderSettings(recent, T0)).toMatchObject({ due: false, intervalDays: 30, dueAt: at(20) });
    expect(await getReminderSettings(longer, T0)).toMatchObject({ due: false, intervalDays: 45, dueAt: at(10) });
    // 45 days after the last check-in: the person who chose 45 days, not the one on 30.
    expect((await sendDueReminders(clock(at(10, 0.1)))).sent).toBe(1);
    expect([mailTo(recent).length, mailTo(longer).length]).toEqual([0, 1]);
    expect(bodyOf(mailTo(longer)[0]!.raw)).toContain('your next check-in');
    // 30 days after the other's: their first, and the first one's follow-up.
    expect((await sendDueReminders(clock(at(20, 0.1)))).sent).toBe(2);
    expect([mailTo(recent).length, mailTo(longer).length]).toEqual([1, 2]);

    // Checking in ends the cycle: no follow-up, and the next reminder is a cadence after that check-in.
    await checkIn(recent, at(22));
    // The finished cycle's record goes; the other person's open cycle keeps its two, which stop a repeat.
    const rows = (userId: string) => db.reminder.count({ where: { membership: { userId } } });
    expect([await rows(recent.userId), await rows(longer.userId)]).toEqual([1, 2]);
    expect(await purgeFinishedReminders()).toBe(1);
    expect([await rows(recent.userId), await rows(longer.userId)]).toEqual([0, 2]);
    expect((await sendDueReminders(clock(at(27, 0.2)))).sent).toBe(0);
    expect((await sendDueReminders(clock(at(52, 0.1)))).sent).toBe(1);
    expect([mailTo(recent).length, mailTo(longer).length]).toEqual([2, 2]);
  });

  it('nobody is emailed at night in the organisation’s time zone; the reminder waits for the morning', async () => {
    const person = await member();
    const night = new Date('2026-11-03T02:00:00Z');
    expect(await sendDueReminders(clock(night))).toEqual({ sent: 0, failed: 0 });
    expect((await sendDueReminders(clock(new Date('2026-11-03T09:00:00Z')))).sent).toBe(1);
    expect(mailTo(person)).toHaveLength(1);
  });

  it('emails only active clinicians with emails on; removed members, managers-only and paused people get none', async () => {
    const removed = await member();
    const managerOnly = await member({ roles: ['manager'] });
    const paused = await member();
    const db = await getDb();
    await db.membership.updateMany({ where: { userId: removed.userId }, data: { removedAt: at(-1) } });
    await db.membership.updateMany({ where: { userId: managerOnly.userId }, data: { remindersPausedAt: null } });
    await updateReminderSettings(paused, { intervalDays: 30, emails: false }, T0);
    expect(await sendDueReminders(clock(T0))).toEqual({ sent: 0, failed: 0 });
    expect(await getReminderSettings(paused, T0)).toMatchObject({ due: true, emailsPaused: true });
    // Turning emails back on sends the one that is owed.
    await updateReminderSettings(paused, { intervalDays: 30, emails: true }, T0);
    expect((await sendDueReminders(clock(at(0, 1)))).sent).toBe(1);
    expect(sink.messages.map((m) => m.to[0])).toEqual([paused.email]);
  });

  it('the email carries one-click unsubscribe headers and a signed link; using it stops the follow-up', async () => {
    const person = await member();
    await sendDueReminders(clock(T0));
    const [message] = mailTo(person);
    const raw = message!.raw.replace(/\r\n\s+/g, ' ');
    const header = /^List-Unsubscribe: <(http:\/\/localhost:\d+\/api\/reminders\/unsubscribe\/[^>]+)>$/m.exec(raw)?.[1];
    expect(header).toBeDefined();
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const body = bodyOf(message!.raw);
    const link = /http:\/\/localhost:\d+\/reminders\/stop\/(\S+)/.exec(body)?.[1];
    expect(link).toBeDefined();
    expect(body).toMatch(/http:\/\/localhost:\d+\/account#reminders/);
    // Support is one tap away even for someone who cannot sign in: the link names the organisation.
    expect(body).toContain(`/support?org=${person.organisation!.id}`);
    // Nothing about scores or what the questionnaire asks, for anyone reading over a shoulder.
    expect(body).not.toMatch(/score|burnout|trauma|compassion|stress|ProQOL|wellbeing|\d+ ?\/ ?\d+/i);

    const token = decodeURIComponent(link!);
    expect(await unsubscribeWithToken(`${token.slice(0, -2)}xx`, at(1))).toBe(false);
    expect(await unsubscribeWithToken(token, at(91))).toBe(false);
    expect(await getReminderSettings(person, at(1))).toMatchObject({ emailsPaused: false });
    expect(await unsubscribeWithToken(token, at(1))).toBe(true);
    expect(await getReminderSettings(person, at(1))).toMatchObject({ emailsPaused: true });
    expect((await sendDueReminders(clock(at(7)))).sent).toBe(0);
    expect((await sendDueReminders(clock(at(40)))).sent).toBe(0);
    expect(mailTo(person)).toHaveLength(1);
  });

  it('unsubscribe tokens name one membership, cannot be forged for another, and expire', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    const token = unsubscribeToken(a, T0);
    expect(readUnsubscribeToken(token, at(89))).toBe(a);
    expect(readUnsubscribeToken(token, at(90, 1))).toBeNull();
    expect(readUnsubscribeToken(token.replace(a, b), T0)).toBeNull();
    expect(readUnsubscribeToken(token.replace(/\.(\d+)\./, (_m, exp: string) => `.${Number(exp) + 86_400 * 365}.`), T0)).toBeNull();
    for (const bad of ['', 'x', `${a}.1`, `${a}.99999999999.${'A'.repeat(43)}`]) expect(readUnsubscribeToken(bad, T0)).toBeNull();
  });

  it('a refused message is retried on the next pass and does not hold up the others', async () => {
    const refused = await member();
    const fine = await member();
    const refusing = new Set([refused.email]);
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refusing.has(address.address.toLowerCase())) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        received.push(address.address.toLowerCase());
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
    try {
      expect(await sendDueReminders(clock(T0))).toEqual({ sent: 1, failed: 1 });
      expect(received).toEqual([fine.email]);
      refusing.clear();
      expect(await sendDueReminders(clock(at(0, 1)))).toEqual({ sent: 1, failed: 0 });
      expect(received).toEqual([fine.email, refused.email]);
      expect(await sendDueReminders(clock(at(0, 2)))).toEqual({ sent: 0, failed: 0 });
    } finally {
      process.env.SMTP_URL = sink.url;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a mail server that is down leaves every reminder for the next pass, which sends each once', async () => {
    const a = await member();
    const b = await member();
    // A port nothing listens on: every connection is refused.
    const { createServer } = await import('node:net');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    try {
      expect(await sendDueReminders(clock(T0))).toEqual({ sent: 0, failed: 2 });
    } finally {
      process.env.SMTP_URL = sink.url;
    }
    expect(await sendDueReminders(clock(at(0, 1)))).toEqual({ sent: 2, failed: 0 });
    expect([mailTo(a).length, mailTo(b).length]).toEqual([1, 1]);
    expect(await sendDueReminders(clock(at(0, 2)))).toEqual({ sent: 0, failed: 0 });
  });

  it('a person may choose a longer interval, never a shorter one than the organisation’s', async () => {
    const person = await member();
    await expect(updateReminderSettings(person, { intervalDays: 14, emails: true })).rejects.toMatchObject({ field: 'intervalDays' });
    await expect(updateReminderSettings(person, { intervalDays: 400, emails: true })).rejects.toMatchObject({ field: 'intervalDays' });
    await updateReminderSettings(person, { intervalDays: 60, emails: true });
    expect(await getReminderSettings(person)).toMatchObject({ cadenceDays: 30, chosenIntervalDays: 60, intervalDays: 60 });
    // Choosing the organisation's own cadence follows it from then on.
    await updateReminderSettings(person, { intervalDays: 30, emails: true });
    const db = await getDb();
    await db.organisation.update({ where: { id: organisationId }, data: { checkInCadenceDays: 35 } });
    try {
      expect(await getReminderSettings(person)).toMatchObject({ chosenIntervalDays: null, intervalDays: 35 });
      expect((await getReminderSettings(person))?.choices[0]).toBe(35);
    } finally {
      await db.organisation.update({ where: { id: organisationId }, data: { checkInCadenceDays: 30 } });
    }
  });

  it('nobody else learns who was reminded: the admin’s member views and audit log hold nothing about reminders', async () => {
    const person = await member();
    await updateReminderSettings(person, { intervalDays: 60, emails: false }, T0);
    await updateReminderSettings(person, { intervalDays: 60, emails: true }, T0);
    expect((await sendDueReminders(clock(T0))).sent).toBe(1);
    const admin = await createPerson({ organisationId, roles: ['admin'] });
    const seen = JSON.stringify([await listMembers(admin), await getMember(admin, person.userId), await listAuditEvents(admin)]);
    expect(seen).not.toMatch(/remind|paused|overdue|due_?at|interval|sent/i);
    expect(seen).toContain(person.email);
  });
});
