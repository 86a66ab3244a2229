/**
 * An initiative's limits and form values, without zod: the initiative form (a
 * client component) reads these, and lib/validation/initiatives.ts enforces them.
 */

import type { InitiativeFields } from '../aggregates/views';

/** Longest title, in characters. */
export const MAX_INITIATIVE_TITLE_LENGTH = 120;
/** Longest description, in characters. */
export const MAX_INITIATIVE_DESCRIPTION_LENGTH = 500;
/**
 * Published periods compared on each side of an initiative's start: at least 2, at most 6, 3 unless chosen.
 * The minimum is lib/aggregates/comparison.ts's, which the comparison enforces whatever is stored (one period
 * a side would compare two periods to a precision their own figures lack); it is repeated here so that the
 * form, a client component, does not load the statistics library. A unit test keeps the two equal.
 */
export const MIN_PERIODS_EACH_SIDE = 2;
export const MAX_PERIODS_EACH_SIDE = 6;
export const DEFAULT_PERIODS_EACH_SIDE = 3;
/**
 * Most initiatives that may cover one team and start in one calendar year (the year of
 * `startsOn`, a day in the organisation's time zone), counting the whole organisation's,
 * which cover every team; and the most whole-organisation initiatives in a year. Each one
 * is compared before and after on every dashboard that shows it and is logged, so an
 * unbounded number would slow the dashboards and push everything else off the audit log.
 * Twice a month is far more than a team tries in earnest.
 */
export const MAX_INITIATIVES_PER_TEAM_PER_YEAR = 25;

/** What an edit form starts from: the initiative as stored, dates as yyyy-mm-dd. */
export type TInitiativeFormValues = InitiativeFields & { id: string; teamIds: string[] };
