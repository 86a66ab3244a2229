import 'server-only';
import { getDb } from '../db';
import { isTimeZone, TIME_ZONE_MESSAGE, type TOrganisationSettingsInput, type TSupportContactInput } from '../validation/admin';
import { recordAuditEvent } from './audit';
import { assertId, NotFoundError, UserInputError, type Actor } from './actor';
import { assertAdmin } from './permissions';

export type OrganisationSettings = TOrganisationSettingsInput;
export type SupportContact = { id: string; name: string; description: string; phone: string | null; url: string | null };

const SETTINGS_SELECT = {
  name: true,
  checkInCadenceDays: true,
  reportingPeriod: true,
  timeZone: true,
  anonymityThreshold: true,
  wordingPreset: true,
} as const;

export async function getOrganisationSettings(actor: Actor): Promise<OrganisationSettings> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  return db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: SETTINGS_SELECT,
  });
}

/** Saves the settings and records what changed (old and new values) in the audit log. */
export async function updateOrganisationSettings(actor: Actor, input: TOrganisationSettingsInput): Promise<string[]> {
  const { organisationId } = assertAdmin(actor);
  // The database has no check on the zone, and every reporting period boundary is computed
  // in it: a name Intl cannot use would break them all, so refuse it here too.
  if (!isTimeZone(input.timeZone)) throw new UserInputError(TIME_ZONE_MESSAGE, 'timeZone');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: SETTINGS_SELECT,
    });
    const changed = (Object.keys(input) as (keyof TOrganisationSettingsInput)[]).filter((key) => before[key] !== input[key]);
    if (changed.length === 0) return [];
    await tx.organisation.update({ where: { id: organisationId }, data: input });
    await recordAuditEvent(tx, {
      organisationId,
      actorId: actor.userId,
      action: 'settings.updated',
      targetType: 'organisation',
      targetId: organisationId,
      targetLabel: input.name,
      details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: input[key] }])),
    });
    return changed;
  });
}

/** The organisation's support contacts, for any member (clinicians see them with results). */
export async function listSupportContacts(actor: Actor): Promise<SupportContact[]> {
  if (!actor.organisation) return [];
  const db = await getDb();
  return db.supportContact.findMany({
    where: { organisationId: actor.organisation.id },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, name: true, description: true, phone: true, url: true },
  });
}

export async function addSupportContact(actor: Actor, input: TSupportContactInput): Promise<void> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const position = await tx.supportContact.count({ where: { organisationId } });
    const contact = await tx.supportContact.create({
      data: { organisationId, name: input.name, description: input.description, phone: input.phone || null, url: input.url || null, position },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      organisationId,
      actorId: actor.userId,
      action: 'support_contacts.updated',
      targetType: 'organisation',
      targetId: contact.id,
      targetLabel: input.name,
      details: { added: input.name },
    });
  });
}

export async function removeSupportContact(actor: Actor, contactId: string): Promise<void> {
  const { organisationId } = assertAdmin(actor);
  assertId(contactId);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const contact = await tx.supportContact.findFirst({ where: { id: contactId, organisationId }, select: { name: true } });
    if (!contact) throw new NotFoundError();
    await tx.supportContact.delete({ where: { id: contactId } });
    await recordAuditEvent(tx, {
      organisationId,
      actorId: actor.userId,
      action: 'support_contacts.updated',
      targetType: 'organisation',
      targetId: contactId,
      targetLabel: contact.name,
      details: { removed: contact.name },
    });
  });
}
