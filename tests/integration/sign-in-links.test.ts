import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignInLinkLimits, consumeVerificationToken, sendSignInLink, storeVerificationToken } from '../../lib/services/sign-in-links';
import { createOrganisation, createPerson } from '../fixtures/factories';
import { bodyOf, startSmtpSink } from '../fixtures/smtp-sink';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  const org = await createOrganisation();
  await createPerson({ organisationId: org.id, email: 'kai@example.test', name: 'Kai Moreno' });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe('sign-in links', () => {
  it('are sent to an existing account only, and at most 3 times in 15 minutes', async () => {
    await sendSignInLink('Kai@Example.test', 'https://tend.example.test/link-1', '203.0.113.1', 15);
    await sendSignInLink('nobody@example.test', 'https://tend.example.test/link-x', '203.0.113.1', 15);
    expect(sink.messages.map((m) => m.to)).toEqual([['kai@example.test']]);
    expect(bodyOf(sink.messages[0]!.raw)).toContain('https://tend.example.test/link-1');

    await sendSignInLink('kai@example.test', 'https://tend.example.test/link-2', '203.0.113.2', 15);
    await sendSignInLink('kai@example.test', 'https://tend.example.test/link-3', '203.0.113.3', 15);
    expect(await checkSignInLinkLimits('kai@example.test', '203.0.113.4')).toMatchObject({ limited: true });
    await sendSignInLink('kai@example.test', 'https://tend.example.test/link-4', '203.0.113.4', 15);
    expect(sink.messages.filter((m) => m.to.includes('kai@example.test'))).toHaveLength(3);
  });

  it('tokens are single use, even when used twice at once', async () => {
    const token = { identifier: 'kai@example.test', token: 'hashed-token-value', expires: new Date(Date.now() + 60_000) };
    await storeVerificationToken(token);
    const uses = await Promise.all([consumeVerificationToken(token.identifier, token.token), consumeVerificationToken(token.identifier, token.token)]);
    expect(uses.filter((u) => u !== null)).toHaveLength(1);
    expect(await consumeVerificationToken(token.identifier, token.token)).toBeNull();
  });
});
