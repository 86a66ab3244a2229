/**
 * An initiative's limits and form values, without zod: the initiative form (a
 * client component) reads these, and lib/validation/initiatives.ts enforces them.
 */

import type { InitiativeFields } from '../aggregates/views';

/** Longest title, in characters. */
export const MAX_INITIATIVE_TITLE_LENGTH = 120;
/** Longest description, in characters. */
export const MAX_INITIATIVE_DESCRIPTION_LENGTH = 500;
/** Published periods compared on each side of an initiative's start: at least 1, at most 6, 3 unless chosen. */
export const MIN_PERIODS_EACH_SIDE = 1;
export const MAX_PERIODS_EACH_SIDE = 6;
export const DEFAULT_PERIODS_EACH_SIDE = 3;

/** What an edit form starts from: the initiative as stored, dates as yyyy-mm-dd. */
export type TInitiativeFormValues = InitiativeFields & { id: string; teamIds: string[] };
