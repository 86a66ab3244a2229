import { z } from 'zod';
import {
  DEFAULT_PERIODS_EACH_SIDE,
  MAX_INITIATIVE_DESCRIPTION_LENGTH,
  MAX_INITIATIVE_TITLE_LENGTH,
  MAX_PERIODS_EACH_SIDE,
  MIN_PERIODS_EACH_SIDE,
} from './initiative-limits';

export * from './initiative-limits';

export const START_DATE_MESSAGE = 'Enter the start date as a date, for example 2026-03-01.';
export const END_DATE_MESSAGE = 'Enter the end date as a date, for example 2026-06-30, or leave it empty.';
export const END_BEFORE_START_MESSAGE = 'The end date can’t be before the start date.';
export const TEAMS_REQUIRED_MESSAGE = 'Choose at least one team, or the whole organisation.';
const PERIODS_MESSAGE = `Enter the number of periods as a whole number from ${MIN_PERIODS_EACH_SIDE} to ${MAX_PERIODS_EACH_SIDE}.`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `value` is a day of the calendar written yyyy-mm-dd (what a date input submits):
 * 2026-02-30 and 2026-13-01 are not. Years before 1900 are refused as typing slips; the
 * database's `date` and luxon, which turns the day into the start of a reporting period,
 * handle every year accepted.
 */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const calendarDate = (message: string) => z.string({ message }).trim().refine(isCalendarDate, message);

/** An emptied field (or null) is a field left empty. */
const blankAsMissing = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);

/** A checkbox: ticked sends a value ('on', 'yes', 'true'); unticked sends nothing. Services may pass a boolean. */
const checkbox = z
  .union([z.boolean(), z.stringbool({ truthy: ['on', 'yes', 'true'], falsy: ['off', 'no', 'false', ''] })], { message: 'Tick the box or leave it empty.' })
  .default(false);

const initiativeFields = {
  title: z
    .string({ message: 'Enter a title.' })
    .trim()
    .min(1, 'Enter a title.')
    .max(MAX_INITIATIVE_TITLE_LENGTH, `Use at most ${MAX_INITIATIVE_TITLE_LENGTH} characters.`),
  // A browser sends a line break as two characters; counted as the form's counter counts it, one.
  description: z
    .string()
    .transform((text) => text.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(MAX_INITIATIVE_DESCRIPTION_LENGTH, `Use at most ${MAX_INITIATIVE_DESCRIPTION_LENGTH} characters.`))
    .default(''),
  startsOn: calendarDate(START_DATE_MESSAGE),
  // An empty field (or none) means the initiative is ongoing.
  endsOn: z.preprocess(blankAsMissing, calendarDate(END_DATE_MESSAGE).optional()).transform((value) => value ?? null),
  wholeOrganisation: checkbox,
  teamIds: z
    .array(z.uuid({ message: 'Choose teams from the list.' }), { message: 'Choose teams from the list.' })
    .default([])
    .transform((ids) => [...new Set(ids)]),
  // An emptied field falls back to the default rather than to 0.
  periodsEachSide: z
    .preprocess(
      blankAsMissing,
      z.coerce
        .number({ message: PERIODS_MESSAGE })
        .int(PERIODS_MESSAGE)
        .min(MIN_PERIODS_EACH_SIDE, PERIODS_MESSAGE)
        .max(MAX_PERIODS_EACH_SIDE, PERIODS_MESSAGE)
        .optional(),
    )
    .transform((value) => value ?? DEFAULT_PERIODS_EACH_SIDE),
};

/**
 * An initiative as entered in the form (or passed by a caller): title, description, dates as
 * yyyy-mm-dd, whom it covers (teams, or the whole organisation) and how many published periods
 * to compare on each side of the start. A whole-organisation initiative lists no teams.
 */
export const ZInitiativeInput = z
  .object(initiativeFields)
  .superRefine((input, ctx) => {
    // Both dates are compared only when both are real dates; otherwise their own messages say enough.
    if (input.endsOn !== null && isCalendarDate(input.startsOn) && isCalendarDate(input.endsOn) && input.endsOn < input.startsOn) {
      ctx.addIssue({ code: 'custom', message: END_BEFORE_START_MESSAGE, path: ['endsOn'] });
    }
    if (!input.wholeOrganisation && input.teamIds.length === 0) {
      ctx.addIssue({ code: 'custom', message: TEAMS_REQUIRED_MESSAGE, path: ['teamIds'] });
    }
  })
  .transform((input) => (input.wholeOrganisation ? { ...input, teamIds: [] } : input));
export type TInitiativeInput = z.output<typeof ZInitiativeInput>;

export const ZInitiativeId = z.uuid({ message: 'This initiative could not be found. Reload the page and try again.' });

export const RETURN_TO_MESSAGE = 'This form can’t go back to where it came from. Reload the page and try again.';

/**
 * Where a dashboard form goes back to after saving: a path on this site under /dashboard/,
 * with an optional query. Only letters, digits, '-', '_' and '/' in the path (no '.', '%' or
 * '\\', so no '..' segment and no encoded way out), never '//': it can name no other site and
 * no page outside the dashboards.
 */
export const ZDashboardReturnTo = z.string({ message: RETURN_TO_MESSAGE }).regex(/^(?!.*\/\/)\/dashboard\/[A-Za-z0-9_/-]*(\?[A-Za-z0-9_=&-]*)?$/, RETURN_TO_MESSAGE);

type RefinementContext = Parameters<Parameters<z.ZodUnknown['superRefine']>[0]>[1];

/** A bad hidden field is a stale or tampered form: reported on the form as a whole (path []), as there is no field to show it next to. */
function hiddenField<T>(schema: z.ZodType<T>, value: unknown, ctx: RefinementContext): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  ctx.addIssue({ code: 'custom', message: result.error.issues[0]!.message, path: [] });
  return undefined;
}

/** The hidden fields of the form that records an initiative: where to go back to, if anywhere. */
export const ZInitiativeCreateTarget = z.object({ returnTo: z.unknown().optional() }).transform((value, ctx) => ({
  returnTo: hiddenField(ZDashboardReturnTo.optional(), value.returnTo, ctx),
}));

/** The hidden fields of the forms that edit or delete an initiative: which one, and where to go back to. */
export const ZInitiativeEditTarget = z.object({ id: z.unknown().optional(), returnTo: z.unknown().optional() }).transform((value, ctx) => {
  const id = hiddenField(ZInitiativeId, value.id, ctx);
  const returnTo = hiddenField(ZDashboardReturnTo.optional(), value.returnTo, ctx);
  // With no id an issue was added, so this value is never used.
  return { id: id ?? '', returnTo };
});
