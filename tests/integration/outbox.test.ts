import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { drainOutbox, enqueueMail } from '../../lib/mail/outbox';
import { purgeExpired } from '../../lib/services/maintenance';
import { startSmtpSink } from '../fixtures/smtp-sink';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const t0 = new Date('2026-11-22T12:00:00Z');
const at = (minutes: number) => () => new Date(t0.getTime() + minutes * 60_000);
const mail = (to: string, expiresInMinutes = 60) => ({ to, subject: 'Hello', text: `For ${to}`, expiresAt: new Date(t0.getTime() + expiresInMinutes * 60_000) });

/** A "mail server" that accepts connections and answers every command with a permanent refusal. */
async function refusingServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((socket) => {
    socket.write('554 5.3.2 Service not available\r\n');
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

const queued = async () => (await getDb()).outboxMessage.count();

describe('the outbox', () => {
  it('a mail server that refuses leaves every message queued with backoff; the next pass sends them once', async () => {
    const refusing = await refusingServer();
    process.env.SMTP_URL = refusing.url;
    try {
      await enqueueMail(mail('a@example.test'), undefined, t0);
      await enqueueMail(mail('b@example.test'), undefined, t0);
      // Each message fails on its own; neither blocks the other, nothing is lost.
      expect(await drainOutbox(at(0))).toEqual({ sent: 0, failed: 2 });
      expect(await queued()).toBe(2);
      // Not retried before its backoff is over.
      expect(await drainOutbox(at(0.5))).toEqual({ sent: 0, failed: 0 });
    } finally {
      await refusing.close();
    }
    process.env.SMTP_URL = sink.url;
    expect(await drainOutbox(at(2))).toEqual({ sent: 2, failed: 0 });
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['a@example.test', 'b@example.test']);
    expect(await queued()).toBe(0);
  });

  it('several senders at once send each message exactly once', async () => {
    sink.messages.length = 0;
    for (let i = 0; i < 30; i++) await enqueueMail(mail(`many-${i}@example.test`), undefined, t0);
    const passes = await Promise.all([drainOutbox(at(1)), drainOutbox(at(1)), drainOutbox(at(1))]);
    expect(passes.reduce((sum, p) => sum + p.sent, 0)).toBe(30);
    const recipients = sink.messages.map((m) => m.to[0]);
    expect(new Set(recipients).size).toBe(30);
    expect(recipients).toHaveLength(30);
  });

  it('a message whose link has expired is never sent, and is purged', async () => {
    sink.messages.length = 0;
    await enqueueMail(mail('late@example.test', 15), undefined, t0);
    expect(await drainOutbox(at(16))).toEqual({ sent: 0, failed: 0 });
    expect(sink.messages).toHaveLength(0);
    expect((await purgeExpired(at(16)())).outbox).toBe(1);
    expect(await queued()).toBe(0);
  });
});
