import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { drainOutbox } from '../../lib/mail/outbox';
import {
  authenticateWithPassword,
  changePassword,
  getActor,
  isPasswordSetLinkOpen,
  requestPasswordSetLink,
  setPasswordWithLink,
  signOutEverywhere,
} from '../../lib/services/accounts';
import { UserInputError, type Actor } from '../../lib/services/actor';
import { createOrganisation, createPerson, TEST_PASSWORD } from '../fixtures/factories';
import { firstLink, startSmtpSink } from '../fixtures/smtp-sink';

let me: Actor;
let orgId: string;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = 'https://tend.example.test';
  const org = await createOrganisation();
  orgId = org.id;
  me = await createPerson({ organisationId: org.id, email: 'morgan@example.test', name: 'Morgan Blake' });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.APP_URL;
  await sink.close();
});

async function passwordless(email: string): Promise<Actor> {
  const person = await createPerson({ organisationId: orgId, email });
  const db = await getDb();
  await db.user.update({ where: { id: person.userId }, data: { passwordHash: null } });
  return person;
}

async function passwordLinkToken(to: string): Promise<string> {
  await drainOutbox();
  const message = [...sink.messages].reverse().find((m) => m.to.includes(to));
  const link = message && firstLink(message.raw, /https:\/\/tend\.example\.test\/account\/password\?token=[A-Za-z0-9_-]{43}/);
  if (!link) throw new Error(`no set-password mail to ${to}`);
  return new URL(link).searchParams.get('token')!;
}

describe('changing a password', () => {
  it.each([
    ['a wrong current password', 'nope', 'fjord-pebble-quartz', 'currentPassword', 'That is not your current password.'],
    ['a short new password', TEST_PASSWORD, 'short-pass', 'newPassword', 'Use at least 12 characters.'],
    ['a common new password', TEST_PASSWORD, 'iloveyou2024', 'newPassword', /too common/],
    ['the person’s own name', TEST_PASSWORD, 'morgan-is-great-1', 'newPassword', 'Don’t use your email address or name in your password.'],
  ])('refuses %s, naming the field', async (_label, current, next, field, message) => {
    await expect(changePassword(me, current, next)).rejects.toMatchObject({ field, message: expect.stringMatching(message) });
    expect(await authenticateWithPassword('morgan@example.test', TEST_PASSWORD)).not.toBeNull();
  });

  it('changes it and ends every session', async () => {
    await changePassword(me, TEST_PASSWORD, 'fjord-pebble-quartz');
    expect(await authenticateWithPassword('morgan@example.test', TEST_PASSWORD)).toBeNull();
    const fresh = await authenticateWithPassword('morgan@example.test', 'fjord-pebble-quartz');
    expect(fresh?.sessionVersion).toBe(1);
    expect(await getActor(me.userId, 0)).toBeNull();
  });
});

describe('guarding a password change', () => {
  it('guesses at the current password count against the account’s limit: after 5, even the right one is refused', async () => {
    const person = await createPerson({ organisationId: orgId, email: 'guessed@example.test' });
    const t = new Date('2026-11-22T08:00:00Z');
    for (let i = 0; i < 5; i++) {
      await expect(changePassword(person, `guess-${i}`, 'fjord-pebble-quartz', t)).rejects.toMatchObject({ field: 'currentPassword', message: 'That is not your current password.' });
    }
    await expect(changePassword(person, TEST_PASSWORD, 'fjord-pebble-quartz', t)).rejects.toMatchObject({
      field: 'currentPassword',
      message: 'Too many attempts. For your security, try again in 15 minutes.',
    });
    expect(await authenticateWithPassword('guessed@example.test', TEST_PASSWORD)).not.toBeNull();
  });

  it('an account without a password cannot set one from its session alone', async () => {
    const person = await passwordless('linkonly@example.test');
    await expect(changePassword(person, '', 'fjord-pebble-quartz')).rejects.toBeInstanceOf(UserInputError);
    const db = await getDb();
    expect(await db.user.findUniqueOrThrow({ where: { id: person.userId }, select: { passwordHash: true } })).toEqual({ passwordHash: null });
  });

  it('it sets one through a fresh emailed link: once, for that account only, and every session ends', async () => {
    const person = await passwordless('sso-only@example.test');
    const other = await passwordless('someone-else@example.test');
    await requestPasswordSetLink(person);
    const token = await passwordLinkToken('sso-only@example.test');
    expect(await isPasswordSetLinkOpen(person, token)).toBe(true);
    // The link is no use to another account, even signed in.
    expect(await isPasswordSetLinkOpen(other, token)).toBe(false);
    await expect(setPasswordWithLink(other, token, 'harbour-lantern-moss')).rejects.toBeInstanceOf(UserInputError);
    await expect(setPasswordWithLink(person, token, 'short')).rejects.toMatchObject({ field: 'newPassword' });

    await setPasswordWithLink(person, token, 'harbour-lantern-moss');
    expect(await authenticateWithPassword('sso-only@example.test', 'harbour-lantern-moss')).not.toBeNull();
    expect(await getActor(person.userId, 0)).toBeNull();
    await expect(setPasswordWithLink(person, token, 'another-lantern-moss')).rejects.toBeInstanceOf(UserInputError);
    expect(await authenticateWithPassword(other.email, 'harbour-lantern-moss')).toBeNull();
  });

  it('a set-password link expires after 30 minutes', async () => {
    const person = await passwordless('slow@example.test');
    const t = new Date();
    await requestPasswordSetLink(person, t);
    const token = await passwordLinkToken('slow@example.test');
    await expect(setPasswordWithLink(person, token, 'harbour-lantern-moss', new Date(t.getTime() + 31 * 60_000))).rejects.toBeInstanceOf(UserInputError);
  });
});

describe('sign out everywhere', () => {
  it('makes every existing session invalid', async () => {
    const before = (await authenticateWithPassword('morgan@example.test', 'fjord-pebble-quartz'))!.sessionVersion;
    expect(await getActor(me.userId, before)).not.toBeNull();
    await signOutEverywhere(me);
    expect(await getActor(me.userId, before)).toBeNull();
    expect(await getActor(me.userId, before + 1)).not.toBeNull();
  });
});
