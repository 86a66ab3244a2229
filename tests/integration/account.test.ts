import { beforeAll, describe, expect, it } from 'vitest';
import { authenticateWithPassword, changePassword, getActor, signOutEverywhere } from '../../lib/services/accounts';
import type { Actor } from '../../lib/services/actor';
import { createOrganisation, createPerson, TEST_PASSWORD } from '../fixtures/factories';

let me: Actor;
beforeAll(async () => {
  const org = await createOrganisation();
  me = await createPerson({ organisationId: org.id, email: 'morgan@example.test', name: 'Morgan Blake' });
});

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

describe('sign out everywhere', () => {
  it('makes every existing session invalid', async () => {
    const before = (await authenticateWithPassword('morgan@example.test', 'fjord-pebble-quartz'))!.sessionVersion;
    expect(await getActor(me.userId, before)).not.toBeNull();
    await signOutEverywhere(me);
    expect(await getActor(me.userId, before)).toBeNull();
    expect(await getActor(me.userId, before + 1)).not.toBeNull();
  });
});
