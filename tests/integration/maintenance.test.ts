import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { purgeExpired } from '../../lib/services/maintenance';
import { recordAttempt } from '../../lib/services/rate-limit';
import { createOrganisation } from '../fixtures/factories';

const now = new Date('2026-11-22T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const daysAgo = (d: number) => minutesAgo(d * 24 * 60);
let orgId: string;

beforeAll(async () => {
  orgId = (await createOrganisation()).id;
});

describe('purging what has expired', () => {
  it('removes expired tokens, dead invitations after 30 days, old limit counters and expired mail; keeps the rest', async () => {
    const db = await getDb();
    await db.verificationToken.createMany({
      data: [
        { identifier: 'a@example.test', token: 'expired', expires: minutesAgo(1) },
        { identifier: 'b@example.test', token: 'live', expires: minutesAgo(-10) },
      ],
    });
    const invite = (email: string, fields: { expiresAt: Date; acceptedAt?: Date; revokedAt?: Date }) => ({
      organisationId: orgId,
      email,
      name: email,
      roles: ['clinician' as const],
      tokenHash: `hash-${email}`,
      ...fields,
    });
    await db.invite.createMany({
      data: [
        invite('long-expired@example.test', { expiresAt: daysAgo(31) }),
        invite('just-expired@example.test', { expiresAt: daysAgo(2) }),
        invite('long-revoked@example.test', { expiresAt: daysAgo(-5), revokedAt: daysAgo(31) }),
        invite('accepted@example.test', { expiresAt: daysAgo(60), acceptedAt: daysAgo(65) }),
        invite('pending@example.test', { expiresAt: daysAgo(-3) }),
      ],
    });
    await recordAttempt([{ limit: { name: 'x', limit: 5, windowMs: 15 * 60_000 }, key: 'old' }], minutesAgo(16));
    await recordAttempt([{ limit: { name: 'x', limit: 5, windowMs: 15 * 60_000 }, key: 'recent' }], minutesAgo(3));
    await db.outboxMessage.createMany({
      data: [
        { id: '00000000-0000-4000-8000-000000000001', toAddress: 'a@example.test', subject: 's', text: 't', expiresAt: minutesAgo(1) },
        { id: '00000000-0000-4000-8000-000000000002', toAddress: 'b@example.test', subject: 's', text: 't', expiresAt: minutesAgo(-1) },
      ],
    });

    expect(await purgeExpired(now)).toEqual({ tokens: 1, invites: 2, limitBuckets: 1, outbox: 1, reminders: 0 });
    expect((await db.verificationToken.findMany({ select: { token: true } })).map((t) => t.token)).toEqual(['live']);
    expect((await db.invite.findMany({ select: { email: true }, orderBy: { email: 'asc' } })).map((i) => i.email)).toEqual([
      'accepted@example.test',
      'just-expired@example.test',
      'pending@example.test',
    ]);
    expect(await db.rateLimitBucket.count()).toBe(1);
    expect(await db.outboxMessage.count()).toBe(1);
    // A second run at the same moment finds nothing more.
    expect(await purgeExpired(now)).toEqual({ tokens: 0, invites: 0, limitBuckets: 0, outbox: 0, reminders: 0 });
  });
});
