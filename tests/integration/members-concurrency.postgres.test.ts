import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { UserInputError, type Actor } from '../../lib/services/actor';
import { setMemberRemoved, updateMember } from '../../lib/services/members';
import { createOrganisation, createPerson } from '../fixtures/factories';

// Runs in the PostgreSQL project only: PGlite serves one connection, so nothing can race there.
const ROUNDS = 5;

const cases: [string, (by: Actor, other: Actor) => Promise<void>][] = [
  ['each removes the other', (by, other) => setMemberRemoved(by, other.userId, true)],
  ['each takes the other’s admin role away', (by, other) => updateMember(by, { userId: other.userId, roles: ['clinician'], teamIds: [], managerTeamIds: [] })],
];

describe('the last two admins of an organisation acting on each other at the same moment', () => {
  it.each(cases)('%s: one succeeds, the other is refused, and one admin remains', async (_label, act) => {
    const db = await getDb();
    for (let round = 0; round < ROUNDS; round++) {
      const org = await createOrganisation();
      const a = await createPerson({ organisationId: org.id, roles: ['admin', 'clinician'] });
      const b = await createPerson({ organisationId: org.id, roles: ['admin', 'clinician'] });
      const outcomes = await Promise.allSettled([act(a, b), act(b, a)]);

      const admins = await db.membership.count({ where: { organisationId: org.id, removedAt: null, roles: { has: 'admin' } } });
      expect({ round, admins, outcomes: outcomes.map((o) => o.status).sort() }).toEqual({ round, admins: 1, outcomes: ['fulfilled', 'rejected'] });
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
      expect(refused.reason).toBeInstanceOf(UserInputError);
      expect((refused.reason as Error).message).toBe('An organisation needs at least one admin: make someone else an admin first.');
    }
  });
});
