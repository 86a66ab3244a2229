import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { drainOutbox } from '../../lib/mail/outbox';
import { peekSignInLink, requestSignInLink, redeemSignInLink } from '../../lib/services/sign-in-links';
import { createOrganisation, createPerson } from '../fixtures/factories';
import { bodyOf, firstLink, startSmtpSink } from '../fixtures/smtp-sink';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const LINK = /https:\/\/tend\.example\.test\/sign-in\/link\/confirm\?token=[A-Za-z0-9_-]{43}/;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = 'https://tend.example.test';
  const org = await createOrganisation();
  await createPerson({ organisationId: org.id, email: 'kai@example.test', name: 'Kai Moreno' });
  await createPerson({ organisationId: org.id, email: 'noor@example.test', name: 'Noor Haddad' });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.APP_URL;
  await sink.close();
});

async function stored() {
  const db = await getDb();
  return { tokens: await db.verificationToken.count(), outbox: await db.outboxMessage.count() };
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('sign-in links', () => {
  it('are queued for an existing account only, sent after the request, from the configured origin', async () => {
    expect(await requestSignInLink('Kai@Example.test', '203.0.113.1')).toEqual({ limited: false });
    // Nothing is sent while the request runs: the message waits in the outbox.
    expect(sink.messages).toHaveLength(0);
    expect(await stored()).toEqual({ tokens: 1, outbox: 1 });

    expect(await requestSignInLink('nobody@example.test', '203.0.113.1')).toEqual({ limited: false });
    // An unknown address stores nothing at all.
    expect(await stored()).toEqual({ tokens: 1, outbox: 1 });

    expect(await drainOutbox()).toEqual({ sent: 1, failed: 0 });
    expect(sink.messages.map((m) => m.to)).toEqual([['kai@example.test']]);
    expect(firstLink(sink.messages[0]!.raw, LINK)).not.toBeNull();
    // Once sent, the message (and the link in it) is gone from the database; the token's hash stays.
    expect(await stored()).toEqual({ tokens: 1, outbox: 0 });
    const db = await getDb();
    const token = tokenOf(firstLink(sink.messages[0]!.raw, LINK)!);
    expect(JSON.stringify(await db.verificationToken.findMany())).not.toContain(token);
  });

  it('at most 3 in 15 minutes per account; a limited request stores nothing', async () => {
    const t = new Date('2026-11-22T09:00:00Z');
    for (let i = 0; i < 3; i++) expect(await requestSignInLink('noor@example.test', `198.51.100.${i}`, t)).toEqual({ limited: false });
    const before = await stored();
    expect(await requestSignInLink('noor@example.test', '198.51.100.9', t)).toEqual({ limited: true, retryAfterMinutes: 15 });
    expect(await requestSignInLink('nobody-else@example.test', '198.51.100.9', t)).toEqual({ limited: false });
    expect(await stored()).toEqual(before);
  });

  it('the link asks first (peeking uses nothing up), works once even when used twice at once, and never after it expires', async () => {
    await drainOutbox();
    sink.messages.length = 0;
    await requestSignInLink('kai@example.test', '192.0.2.50');
    await drainOutbox();
    const token = tokenOf(firstLink(sink.messages.at(-1)!.raw, LINK)!);
    expect(await peekSignInLink(token)).toEqual({ email: 'kai@example.test' });
    expect(await peekSignInLink(token)).toEqual({ email: 'kai@example.test' });
    const uses = await Promise.all([redeemSignInLink(token), redeemSignInLink(token)]);
    expect(uses.filter((u) => u !== null).map((u) => u!.email)).toEqual(['kai@example.test']);
    expect(await redeemSignInLink(token)).toBeNull();
    expect(await peekSignInLink(token)).toBeNull();

    const t = new Date('2026-11-22T10:00:00Z');
    await requestSignInLink('kai@example.test', '192.0.2.51', t);
    await drainOutbox(() => t);
    const late = tokenOf(firstLink(sink.messages.at(-1)!.raw, LINK)!);
    const afterExpiry = new Date(t.getTime() + 15 * 60_000 + 1);
    expect(await peekSignInLink(late, afterExpiry)).toBeNull();
    expect(await redeemSignInLink(late, afterExpiry)).toBeNull();
  });

  it.each(['', 'short', 'x'.repeat(43) + '!', 'A'.repeat(43)])('a malformed or unknown token %j signs nobody in', async (token) => {
    expect(await peekSignInLink(token)).toBeNull();
    expect(await redeemSignInLink(token)).toBeNull();
  });

  it('the email says nothing about the account beyond the link', async () => {
    const body = bodyOf(sink.messages.at(-1)!.raw);
    expect(body).toContain('It works once, within 15 minutes');
    expect(body).not.toContain('Kai');
  });
});
