import { z } from 'zod';

/** The line for immediate help an organisation sets; null where it keeps the default wording. */
export type CrisisLine = { text: string; phone: string | null; country: string | null };

export const CRISIS_TEXT_MAX = 200;
export const CRISIS_PHONE_MAX = 30;
export const CRISIS_COUNTRY_MAX = 60;

/** Digits, spaces, + ( ) and -, with a + only in front. */
const PHONE_CHARACTERS = /^\+?[0-9 ()-]+$/;
/** 3 digits (999, 112, 911) to 15 (the longest international number, E.164). */
const PHONE_DIGITS = { min: 3, max: 15 };
/** A name in words ("UK and Ireland", "Côte d’Ivoire"): letters, spaces and a little punctuation. */
const COUNTRY = /^[\p{L}\p{M}][\p{L}\p{M} .,'’&()-]*$/u;

export const CRISIS_MESSAGES = {
  textMissing: 'Say who answers this line, for example “Samaritans (free, any time)”.',
  textLong: `Use at most ${CRISIS_TEXT_MAX} characters.`,
  phone: 'Enter a phone number of 3 to 15 digits, using only digits, spaces, + ( ) or -, for example 116 123.',
  country: `Enter the country or region in words, for example UK and Ireland (at most ${CRISIS_COUNTRY_MAX} characters).`,
} as const;

function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return value.length <= CRISIS_PHONE_MAX && PHONE_CHARACTERS.test(value) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

/**
 * The crisis-line setting as the admin form sends it. All three empty keeps the default
 * wording; a number or a country needs the text that says whose line it is (a bare number
 * in a crisis tells the reader nothing).
 */
export const ZCrisisLineInput = z
  .object({
    crisisLineText: z.string().trim().max(CRISIS_TEXT_MAX, CRISIS_MESSAGES.textLong).default(''),
    crisisLinePhone: z
      .string()
      .trim()
      .refine((v) => v === '' || isPhoneNumber(v), CRISIS_MESSAGES.phone)
      .default(''),
    crisisLineCountry: z
      .string()
      .trim()
      .refine((v) => v === '' || (v.length <= CRISIS_COUNTRY_MAX && COUNTRY.test(v)), CRISIS_MESSAGES.country)
      .default(''),
  })
  .superRefine((input, ctx) => {
    if (input.crisisLineText === '' && (input.crisisLinePhone !== '' || input.crisisLineCountry !== '')) {
      ctx.addIssue({ code: 'custom', message: CRISIS_MESSAGES.textMissing, path: ['crisisLineText'] });
    }
  });
export type TCrisisLineInput = z.input<typeof ZCrisisLineInput>;

/** The stored form of a valid input: null when every field is empty (the default wording). */
export function toCrisisLine(input: z.output<typeof ZCrisisLineInput>): CrisisLine | null {
  if (input.crisisLineText === '') return null;
  return { text: input.crisisLineText, phone: input.crisisLinePhone || null, country: input.crisisLineCountry || null };
}

/** The address a tel: link dials: the number's digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}
