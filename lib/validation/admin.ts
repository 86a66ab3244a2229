import { z } from 'zod';
import { WORDING_PRESET_IDS } from '../instruments/wording';

export const ROLE_NAMES = ['clinician', 'manager', 'admin'] as const;

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `Enter ${label} as a whole number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max}.`);

/**
 * ICU, behind Node's Intl, lists some zones under old names IANA has replaced (Asia/Calcutta
 * for Asia/Kolkata); Intl accepts both for the same zone. The list offers the current name.
 * Old → current, found by checking tzdata 2025c's zone.tab against Node 20 (ICU 78).
 */
const CURRENT_IANA_NAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

function acceptedByIntl(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA time zones this runtime knows, sorted, under their current IANA names. Node does
 * not always list 'UTC' although Intl accepts it, so it is added. Names are case-sensitive:
 * the value stored is exactly one of these ('europe/london' is not).
 */
export const TIME_ZONES: readonly string[] = [
  ...new Set(
    [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => {
      const current = CURRENT_IANA_NAMES[zone];
      return current !== undefined && acceptedByIntl(current) ? current : zone;
    }),
  ),
].sort();
const TIME_ZONE_SET: ReadonlySet<string> = new Set(TIME_ZONES);

/** Whether `value` is exactly one of TIME_ZONES (case-sensitive). */
export function isTimeZone(value: string): boolean {
  return TIME_ZONE_SET.has(value);
}

export const TIME_ZONE_MESSAGE = 'Choose a time zone from the list, for example Europe/London.';

export const ZOrganisationSettingsInput = z.object({
  name: z.string().trim().min(1, 'Enter the organisation’s name.').max(200, 'Use at most 200 characters.'),
  checkInCadenceDays: wholeNumber('the check-in cadence', 7, 365),
  reportingPeriod: z.enum(['month', 'quarter'], { message: 'Choose month or quarter.' }),
  // Reporting periods begin and end at midnight here, so it must be a zone Intl can use.
  timeZone: z.string({ message: TIME_ZONE_MESSAGE }).refine(isTimeZone, TIME_ZONE_MESSAGE),
  // Never below 3: smaller groups make individuals identifiable.
  anonymityThreshold: wholeNumber('the anonymity threshold', 3, 50),
  wordingPreset: z.enum(WORDING_PRESET_IDS as [string, ...string[]], { message: 'Choose one of the wording options.' }),
});
export type TOrganisationSettingsInput = z.infer<typeof ZOrganisationSettingsInput>;

const PHONE = /^\+?[0-9 ()-]{3,30}$/;

export const ZSupportContactInput = z
  .object({
    name: z.string().trim().min(1, 'Enter a name for this contact.').max(120, 'Use at most 120 characters.'),
    description: z.string().trim().max(300, 'Use at most 300 characters.').default(''),
    phone: z
      .string()
      .trim()
      .max(30)
      .refine((v) => v === '' || PHONE.test(v), 'Enter a phone number using digits, spaces, + ( ) or -.')
      .default(''),
    url: z
      .string()
      .trim()
      .max(500)
      .refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), 'Enter a web address starting with https://.')
      .default(''),
  })
  .refine((c) => c.phone !== '' || c.url !== '', { message: 'Give a phone number, a web address, or both.', path: ['phone'] });
export type TSupportContactInput = z.infer<typeof ZSupportContactInput>;

export const ZTeamName = z.string().trim().min(1, 'Enter a team name.').max(80, 'Use at most 80 characters.');
export const ZReportingGroupName = z.string().trim().min(1, 'Enter a name for the reporting group.').max(80, 'Use at most 80 characters.');

export const ZMemberUpdateInput = z.object({
  userId: z.uuid(),
  roles: z.array(z.enum(ROLE_NAMES)).min(1, 'Choose at least one role.'),
  teamIds: z.array(z.uuid()).default([]),
  managerTeamIds: z.array(z.uuid()).default([]),
});
export type TMemberUpdateInput = z.infer<typeof ZMemberUpdateInput>;

/** Checkbox values arrive as a string (one ticked) or a list; none ticked means absent. */
export function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : [value].flat();
}
