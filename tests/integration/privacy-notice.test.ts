import { beforeAll, describe, expect, it } from 'vitest';
import { getActor } from '../../lib/services/accounts';
import { PrivacyNoticeRequiredError } from '../../lib/services/actor';
import { startOrResumeCheckIn } from '../../lib/services/check-ins';
import { acknowledgePrivacyNotice, getAnonymityThreshold } from '../../lib/services/privacy';
import { getDb } from '../../lib/db';
import { createOrganisation, createPerson } from '../fixtures/factories';

let org: { id: string };
beforeAll(async () => {
  org = await createOrganisation();
});

describe('privacy notice', () => {
  it('comes before a first check-in, and is recorded once', async () => {
    const me = await createPerson({ organisationId: org.id, privacyAcknowledged: false });
    expect(me.privacyAcknowledged).toBe(false);
    await expect(startOrResumeCheckIn(me)).rejects.toBeInstanceOf(PrivacyNoticeRequiredError);

    const first = new Date('2026-11-01T09:00:00Z');
    await acknowledgePrivacyNotice(me, first);
    await acknowledgePrivacyNotice(me, new Date('2026-11-02T09:00:00Z'));
    const db = await getDb();
    const row = await db.user.findUniqueOrThrow({ where: { id: me.userId }, select: { privacyAcknowledgedAt: true } });
    expect(row.privacyAcknowledgedAt?.toISOString()).toBe(first.toISOString());

    const after = (await getActor(me.userId, 0))!;
    expect(after.privacyAcknowledged).toBe(true);
    expect((await startOrResumeCheckIn(after)).resumed).toBe(false);
  });

  it('states the organisation’s own anonymity threshold, never below the floor of 3', async () => {
    const me = await createPerson({ organisationId: org.id });
    expect(await getAnonymityThreshold(me)).toBe(5);
    expect(await getAnonymityThreshold(null)).toBe(5);
    const db = await getDb();
    await db.organisation.update({ where: { id: org.id }, data: { anonymityThreshold: 7 } });
    expect(await getAnonymityThreshold(me)).toBe(7);
    await expect(db.organisation.update({ where: { id: org.id }, data: { anonymityThreshold: 2 } })).rejects.toThrow();
    expect(await getAnonymityThreshold(me)).toBe(7);
  });
});
