import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { authenticateWithPassword, getActor } from '../../lib/services/accounts';
import type { Actor } from '../../lib/services/actor';
import { createOrganisation, createPerson, createTeam, TEST_PASSWORD } from '../fixtures/factories';

let person: Actor;

beforeAll(async () => {
  const org = await createOrganisation('Harbour Health');
  const team = await createTeam(org.id);
  person = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: team.id, manager: true }], email: 'river@example.test', name: 'River Song' });
});

describe('authenticateWithPassword', () => {
  it('accepts the right password, with the email in any case and with spaces around it', async () => {
    expect(await authenticateWithPassword('  River@Example.TEST ', TEST_PASSWORD)).toEqual({
      id: person.userId,
      email: 'river@example.test',
      name: 'River Song',
      sessionVersion: 0,
    });
  });

  it.each([
    ['a wrong password', 'river@example.test', 'not the password'],
    ['an unknown email', 'nobody@example.test', TEST_PASSWORD],
    ['an empty password', 'river@example.test', ''],
  ])('refuses %s the same way (null)', async (_label, email, password) => {
    expect(await authenticateWithPassword(email, password)).toBeNull();
  });
});

describe('getActor', () => {
  it('builds the actor from the account and its active membership', async () => {
    const actor = await getActor(person.userId, 0);
    expect(actor).toMatchObject({ userId: person.userId, name: 'River Song', roles: ['clinician', 'manager'], organisation: { name: 'Harbour Health', wordingPreset: 'helper' } });
  });

  it('returns nothing for a revoked session (signed out everywhere) or a deleted account', async () => {
    const db = await getDb();
    await db.user.update({ where: { id: person.userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await getActor(person.userId, 0)).toBeNull();
    expect(await getActor(person.userId, 1)).not.toBeNull();
    expect(await getActor('00000000-0000-4000-8000-000000000000', 0)).toBeNull();
  });
});
