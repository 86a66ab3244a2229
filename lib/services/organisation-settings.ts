import 'server-only';
import { getDb } from '../db';
import { isTimeZone, TIME_ZONE_MESSAGE, type TOrganisationSettingsInput, type TSupportContactInput } from '../validation/admin';
import { recordAuditEvent } from './audit';
import { assertId, NotFoundError, UserInputError, type Actor } from './actor';
import { assertAdmin } from './permissions';
import { scheduleRuleChange } from './reporting-rules';
import { enqueueThresholdLoweredMail } from './transparency';

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

/** The settings that make up the reporting rule, frozen per period. */
const RULE_FIELDS: ReadonlySet<string> = new Set(['reportingPeriod', 'timeZone', 'anonymityThreshold']);

/**
 * Saves the settings and records what changed (old and new values) in the
 * audit log. A change of reporting rule (threshold, reporting period, time
 * zone) takes effect from the next reporting period (lib/services/reporting-rules.ts).
 */
export async function updateOrganisationSettings(actor: Actor, input: TOrganisationSettingsInput, now: Date = new Date()): Promise<string[]> {
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
    if (changed.some((key) => RULE_FIELDS.has(key))) {
      // The reporting rule is frozen for the period under way: the change is scheduled for the next one.
      await tx.$queryRaw`SELECT 1 FROM "organisations" WHERE "id" = ${organisationId}::uuid FOR NO KEY UPDATE`;
      const next = { reportingPeriod: input.reportingPeriod, timeZone: input.timeZone, anonymityThreshold: input.anonymityThreshold };
      const scheduled = await scheduleRuleChange(tx, organisationId, next, now);
      // Rule 13: everyone measured is told before a lower threshold takes effect (a higher one only protects them more).
      if (scheduled && next.anonymityThreshold < scheduled.replaces.anonymityThreshold) {
        await enqueueThresholdLoweredMail(
          tx,
          {
            organisationId,
            organisationName: input.name,
            effectiveFrom: scheduled.effectiveFrom,
            timeZone: scheduled.replaces.timeZone,
            from: scheduled.replaces.anonymityThreshold,
            to: next.anonymityThreshold,
          },
          now,
        );
      }
    }
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
