import 'server-only';
import { appOrigin } from '../config/server';
import { getDb } from '../db';
import { isTimeZone, TIME_ZONE_MESSAGE, type TOrganisationSettingsInput, type TSupportContactInput } from '../validation/admin';
import { toCrisisLine, ZCrisisLineInput, type CrisisLine, type TCrisisLineInput } from '../validation/crisis-line';
import { recordAuditEvent } from './audit';
import { assertId, isId, NotFoundError, UserInputError, type Actor } from './actor';
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

type SettingValues = Record<string, string | number | null>;

/** The keys of `after` whose values differ from `before`'s. */
function changedKeys<T extends SettingValues>(before: T, after: T): (keyof T & string)[] {
  return (Object.keys(after) as (keyof T & string)[]).filter((key) => before[key] !== after[key]);
}

/** One audit entry for a settings change, with the old and new value of each changed setting. */
async function recordSettingsChange<T extends SettingValues>(
  tx: Parameters<typeof recordAuditEvent>[0],
  actor: Actor,
  organisation: { organisationId: string; name: string },
  before: T,
  after: T,
  changed: (keyof T & string)[],
): Promise<void> {
  await recordAuditEvent(tx, {
    organisationId: organisation.organisationId,
    actorId: actor.userId,
    action: 'settings.updated',
    targetType: 'organisation',
    targetId: organisation.organisationId,
    targetLabel: organisation.name,
    details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
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
    const changed = changedKeys(before, input);
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
    await recordSettingsChange(tx, actor, { organisationId, name: input.name }, before, input, changed);
    return changed;
  });
}

/** The organisation's support contacts, for any member (clinicians see them with results). */
export async function listSupportContacts(actor: Actor): Promise<SupportContact[]> {
  if (!actor.organisation) return [];
  return supportContactsOf(actor.organisation.id);
}

async function supportContactsOf(organisationId: string): Promise<SupportContact[]> {
  const db = await getDb();
  return db.supportContact.findMany({
    where: { organisationId },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, name: true, description: true, phone: true, url: true },
  });
}

const CRISIS_LINE_SELECT = { crisisLineText: true, crisisLinePhone: true, crisisLineCountry: true } as const;

function crisisLineOf(row: { crisisLineText: string | null; crisisLinePhone: string | null; crisisLineCountry: string | null }): CrisisLine | null {
  return row.crisisLineText === null ? null : { text: row.crisisLineText, phone: row.crisisLinePhone, country: row.crisisLineCountry };
}

/** What a support list shows: the organisation's contacts, and its crisis line (null: the default wording). */
export type SupportInformation = { contacts: SupportContact[]; crisisLine: CrisisLine | null };

const NO_ORGANISATION: SupportInformation = { contacts: [], crisisLine: null };

/**
 * Support for whoever asks, signed in or not: someone in distress who cannot sign in must
 * still reach help. A member gets their own organisation's; anyone else the organisation
 * named by `organisationRef` (its id, which only the support links Tend hands out carry, so
 * organisations cannot be guessed or listed). An unknown or malformed id reads exactly like
 * none: the default crisis line and no contacts. Only what is meant for the organisation's
 * staff anyway is returned: contacts and crisis line, not even the organisation's name.
 */
export async function getSupportInformation(actor: Actor | null, organisationRef?: string): Promise<SupportInformation> {
  const organisationId = actor?.organisation?.id ?? (organisationRef && isId(organisationRef) ? organisationRef : null);
  if (!organisationId) return NO_ORGANISATION;
  const db = await getDb();
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: CRISIS_LINE_SELECT });
  if (!organisation) return NO_ORGANISATION;
  return { contacts: await supportContactsOf(organisationId), crisisLine: crisisLineOf(organisation) };
}

/** The address of the organisation's support page that works signed out (for its emails, intranet and posters). */
export function supportPageUrl(organisationId: string): string {
  return `${appOrigin()}/support?org=${organisationId}`;
}

/**
 * Sets the organisation's crisis line (every field empty: back to the default wording) and
 * records the old and new values in the audit log as a settings change.
 * @returns the fields that changed
 */
export async function updateCrisisLine(actor: Actor, input: TCrisisLineInput): Promise<string[]> {
  const { organisationId } = assertAdmin(actor);
  // The database has no check on these columns: what reaches it is always parsed here.
  const parsed = ZCrisisLineInput.safeParse(input);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new UserInputError(issue!.message, issue!.path.join('.'));
  }
  const line = toCrisisLine(parsed.data);
  const next = { crisisLineText: line?.text ?? null, crisisLinePhone: line?.phone ?? null, crisisLineCountry: line?.country ?? null };
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, ...CRISIS_LINE_SELECT } });
    const changed = changedKeys(before, next);
    if (changed.length === 0) return [];
    await tx.organisation.update({ where: { id: organisationId }, data: next });
    await recordSettingsChange(tx, actor, { organisationId, name: before.name }, before, next, changed);
    return changed;
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
