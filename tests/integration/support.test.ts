import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { ForbiddenError, UserInputError, type Actor } from '../../lib/services/actor';
import { listAuditEvents } from '../../lib/services/audit';
import { addSupportContact, getSupportInformation, supportPageUrl, updateCrisisLine } from '../../lib/services/organisation-settings';
import { CRISIS_MESSAGES } from '../../lib/validation/crisis-line';
import { createOrganisation, createPerson } from '../fixtures/factories';

let admin: Actor;
let clinician: Actor;
let manager: Actor;
let otherAdmin: Actor;
let organisationId: string;
let otherId: string;

const SAMARITANS = { crisisLineText: 'Samaritans (free, any time)', crisisLinePhone: '116 123', crisisLineCountry: 'UK and Ireland' };
const CLEAR = { crisisLineText: '', crisisLinePhone: '', crisisLineCountry: '' };
const NOTHING = { contacts: [], crisisLine: null };

beforeAll(async () => {
  const org = await createOrganisation('Harbour Trust');
  const other = await createOrganisation('Hillside');
  organisationId = org.id;
  otherId = other.id;
  admin = await createPerson({ organisationId, roles: ['admin'], name: 'Hana Admin', email: 'hana@harbour.test' });
  clinician = await createPerson({ organisationId, roles: ['clinician'] });
  manager = await createPerson({ organisationId, roles: ['clinician', 'manager'] });
  otherAdmin = await createPerson({ organisationId: otherId, roles: ['admin'] });
  await addSupportContact(admin, { name: 'Harbour wellbeing team', description: 'Weekdays', phone: '0161 496 0000', url: '' });
});

describe('the crisis line setting', () => {
  it('starts empty: the default wording', async () => {
    expect((await getSupportInformation(clinician)).crisisLine).toBeNull();
  });

  it('an admin sets it; every member, and anyone with the organisation’s support link, reads it; the audit log has old and new values', async () => {
    expect(await updateCrisisLine(admin, { crisisLineText: ' Samaritans (free, any time) ', crisisLinePhone: '116 123', crisisLineCountry: 'UK and Ireland' })).toEqual([
      'crisisLineText',
      'crisisLinePhone',
      'crisisLineCountry',
    ]);
    const expected = { text: 'Samaritans (free, any time)', phone: '116 123', country: 'UK and Ireland' };
    expect((await getSupportInformation(clinician)).crisisLine).toEqual(expected);
    expect((await getSupportInformation(manager)).crisisLine).toEqual(expected);
    const signedOut = await getSupportInformation(null, organisationId);
    expect(signedOut).toEqual({ contacts: [expect.objectContaining({ name: 'Harbour wellbeing team', phone: '0161 496 0000' })], crisisLine: expected });

    const [event] = await listAuditEvents(admin);
    expect(event).toMatchObject({
      action: 'settings.updated',
      actor: 'Hana Admin (hana@harbour.test)',
      target: 'Harbour Trust',
      details: {
        crisisLineText: { from: null, to: 'Samaritans (free, any time)' },
        crisisLinePhone: { from: null, to: '116 123' },
        crisisLineCountry: { from: null, to: 'UK and Ireland' },
      },
    });
  });

  it('saving the same again changes nothing and records nothing; changing one field records that field', async () => {
    await updateCrisisLine(admin, SAMARITANS);
    const before = (await listAuditEvents(admin)).length;
    expect(await updateCrisisLine(admin, SAMARITANS)).toEqual([]);
    expect(await listAuditEvents(admin)).toHaveLength(before);
    expect(await updateCrisisLine(admin, { ...SAMARITANS, crisisLineCountry: '' })).toEqual(['crisisLineCountry']);
    const [event] = await listAuditEvents(admin);
    expect(event!.details).toEqual({ crisisLineCountry: { from: 'UK and Ireland', to: null } });
    expect((await getSupportInformation(clinician)).crisisLine).toEqual({ text: 'Samaritans (free, any time)', phone: '116 123', country: null });
  });

  it('refuses bad input with the field it is about, and stores nothing of it', async () => {
    await updateCrisisLine(admin, SAMARITANS);
    await expect(updateCrisisLine(admin, { ...SAMARITANS, crisisLinePhone: 'call 116 123' })).rejects.toMatchObject({
      constructor: UserInputError,
      field: 'crisisLinePhone',
      message: CRISIS_MESSAGES.phone,
    });
    await expect(updateCrisisLine(admin, { ...CLEAR, crisisLinePhone: '116 123' })).rejects.toMatchObject({
      constructor: UserInputError,
      field: 'crisisLineText',
      message: CRISIS_MESSAGES.textMissing,
    });
    const db = await getDb();
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { crisisLineText: true, crisisLinePhone: true, crisisLineCountry: true } })).toEqual({
      crisisLineText: 'Samaritans (free, any time)',
      crisisLinePhone: '116 123',
      crisisLineCountry: 'UK and Ireland',
    });
  });

  it('only the organisation’s admins set it; another organisation’s admin sets only their own', async () => {
    await updateCrisisLine(admin, SAMARITANS);
    await expect(updateCrisisLine(clinician, { ...SAMARITANS, crisisLineText: 'Changed' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCrisisLine(manager, { ...SAMARITANS, crisisLineText: 'Changed' })).rejects.toBeInstanceOf(ForbiddenError);
    await updateCrisisLine(otherAdmin, { crisisLineText: 'Hillside night line', crisisLinePhone: '0800 000 0000', crisisLineCountry: '' });
    expect((await getSupportInformation(clinician)).crisisLine?.text).toBe('Samaritans (free, any time)');
    expect((await getSupportInformation(null, otherId)).crisisLine?.text).toBe('Hillside night line');
  });

  it('cleared, it is the default wording again', async () => {
    await updateCrisisLine(admin, SAMARITANS);
    expect(await updateCrisisLine(admin, CLEAR)).toEqual(['crisisLineText', 'crisisLinePhone', 'crisisLineCountry']);
    expect((await getSupportInformation(clinician)).crisisLine).toBeNull();
    expect((await getSupportInformation(null, organisationId)).crisisLine).toBeNull();
  });
});

describe('support for a visitor who is not signed in', () => {
  it('without an organisation: the default crisis line and no contacts', async () => {
    expect(await getSupportInformation(null)).toEqual(NOTHING);
  });

  it.each([
    ['an unknown id', '00000000-0000-4000-8000-000000000000'],
    ['a malformed id', 'harbour-trust'],
    ['an empty id', ''],
    ['an injection attempt', `${'0'.repeat(8)}' OR '1'='1`],
  ])('with %s: exactly as without one', async (_label, ref) => {
    expect(await getSupportInformation(null, ref)).toEqual(NOTHING);
  });

  it('with the organisation’s link: its contacts and crisis line, nothing else (not even its name)', async () => {
    await updateCrisisLine(admin, SAMARITANS);
    const information = await getSupportInformation(null, organisationId);
    expect(Object.keys(information).sort()).toEqual(['contacts', 'crisisLine']);
    expect(JSON.stringify(information)).not.toContain('Harbour Trust');
    expect(information.contacts.map((c) => c.name)).toEqual(['Harbour wellbeing team']);
  });

  it('the link names the organisation by its id', () => {
    expect(supportPageUrl(organisationId)).toMatch(new RegExp(`^https?://[^/]+/support\\?org=${organisationId}$`));
  });
});

describe('a signed-in member', () => {
  it('sees their own organisation’s support whatever organisation the link names', async () => {
    await updateCrisisLine(admin, SAMARITANS);
    const information = await getSupportInformation(clinician, otherId);
    expect(information.crisisLine?.text).toBe('Samaritans (free, any time)');
    expect(information.contacts.map((c) => c.name)).toEqual(['Harbour wellbeing team']);
  });
});
