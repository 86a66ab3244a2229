import { beforeAll, describe, expect, it } from 'vitest';
import { getActor } from '../../lib/services/accounts';
import { PrivacyNoticeRequiredError } from '../../lib/services/actor';
import { startOrResumeCheckIn } from '../../lib/services/check-ins';
import { getOrganisationSettings, updateOrganisationSettings } from '../../lib/services/organisation-settings';
import { acknowledgePrivacyNotice, getPrivacyRules } from '../../lib/services/privacy';
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

  it('states the organisation’s own anonymity threshold and reporting period, never a threshold below the floor of 3', async () => {
    const me = await createPerson({ organisationId: org.id });
    expect(await getPrivacyRules(me)).toEqual({ anonymityThreshold: 5, reportingPeriod: 'month', timeZone: 'Europe/London', pending: null });
    // Signed out, or in no organisation: no rule to state (the notice gives the defaults and says so).
    expect(await getPrivacyRules(null)).toBeNull();
    expect(await getPrivacyRules({ ...me, organisation: null })).toBeNull();
    const db = await getDb();
    await db.organisation.update({ where: { id: org.id }, data: { anonymityThreshold: 7, reportingPeriod: 'quarter' } });
    expect(await getPrivacyRules(me)).toMatchObject({ anonymityThreshold: 7, reportingPeriod: 'quarter', pending: null });
    await expect(db.organisation.update({ where: { id: org.id }, data: { anonymityThreshold: 2 } })).rejects.toThrow();
    expect((await getPrivacyRules(me))?.anonymityThreshold).toBe(7);
  });

  it('states the rule of the period under way while a change waits for the next, and says what the change will be', async () => {
    const harbour = await createOrganisation();
    const admin = await createPerson({ organisationId: harbour.id, roles: ['admin'] });
    const me = await createPerson({ organisationId: harbour.id });
    const settings = await getOrganisationSettings(admin);
    await updateOrganisationSettings(admin, { ...settings, anonymityThreshold: 4, reportingPeriod: 'quarter' }, new Date('2026-12-10T12:00:00Z'));

    expect(await getPrivacyRules(me, new Date('2026-12-20T12:00:00Z'))).toEqual({
      anonymityThreshold: 5,
      reportingPeriod: 'month',
      timeZone: 'Europe/London',
      pending: { anonymityThreshold: 4, reportingPeriod: 'quarter', effectiveFrom: new Date('2027-01-01T00:00:00Z') },
    });
    expect(await getPrivacyRules(me, new Date('2027-01-05T12:00:00Z'))).toEqual({ anonymityThreshold: 4, reportingPeriod: 'quarter', timeZone: 'Europe/London', pending: null });
  });

  it('leaves out a scheduled change of time zone alone: the notice would say the same', async () => {
    const harbour = await createOrganisation();
    const admin = await createPerson({ organisationId: harbour.id, roles: ['admin'] });
    const settings = await getOrganisationSettings(admin);
    await updateOrganisationSettings(admin, { ...settings, timeZone: 'Europe/Dublin' }, new Date('2026-12-10T12:00:00Z'));
    expect(await getPrivacyRules(admin, new Date('2026-12-20T12:00:00Z'))).toEqual({ anonymityThreshold: 5, reportingPeriod: 'month', timeZone: 'Europe/London', pending: null });
  });
});
