import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../csv/safe-cell';
import { PROQOL5 } from '../instruments/proqol5';
import { ITEM_COUNT, SUBSCALES, type Subscale } from '../scoring';
import { assertAllAnswers, type ExportedCheckIn } from './types';

/**
 * A person's check-ins as CSV: one header row, then exactly one row per
 * check-in, oldest first, so any spreadsheet or `read_csv` gets a rectangular
 * table with no notes or footers to skip. Columns:
 *
 * | column | value |
 * |---|---|
 * | submitted_at | when it was submitted, ISO 8601 in UTC (`2026-03-01T09:30:00.000Z`) |
 * | check_in_id | the check-in's id (a UUID) |
 * | item_1 … item_30 | the answers as given, 1 (Never) to 5 (Very Often), before any reverse scoring |
 * | compassion_satisfaction_score, burnout_score, secondary_traumatic_stress_score | each subscale's sum, 10–50 |
 * | compassion_satisfaction_band, burnout_band, secondary_traumatic_stress_band | `low` (22 or less), `moderate` (23–41) or `high` (42 or more) |
 * | wording | the wording preset the questions were shown with (`helper`, `clinician`, …) |
 * | note | the person's private note on the check-in, or empty |
 * | credit | the ProQOL licence's credit line, the same on every row |
 *
 * The credit line is a column rather than a footer because a footer row would
 * break "one row per check-in"; the licence asks for it with every export.
 * Text cells go through safeCell, so a note that begins with =, +, -, @, a tab
 * or a carriage return gets an apostrophe in front and is never run as a
 * formula (the JSON export keeps the note exactly as written).
 */
export const CSV_COLUMNS: readonly string[] = [
  'submitted_at',
  'check_in_id',
  ...Array.from({ length: ITEM_COUNT }, (_, i) => `item_${i + 1}`),
  ...SUBSCALES.flatMap((s) => [`${snake(s)}_score`, `${snake(s)}_band`]),
  'wording',
  'note',
  'credit',
];

function snake(subscale: Subscale): string {
  return subscale.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** One check-in's row, in {@link CSV_COLUMNS} order. */
function row(checkIn: ExportedCheckIn): string[] {
  assertAllAnswers(checkIn);
  return [
    checkIn.submittedAt.toISOString(),
    safeCell(checkIn.id),
    ...checkIn.answers.map(String),
    ...SUBSCALES.flatMap((s) => [String(checkIn.scores[s].raw), safeCell(checkIn.scores[s].band)]),
    safeCell(checkIn.wordingPreset),
    safeCell(checkIn.note ?? ''),
    safeCell(PROQOL5.creditLine),
  ];
}

/**
 * The CSV text (UTF-8, LF line ends, fields quoted where they need it) of the
 * given check-ins, in the order given; a header row alone when there are none.
 */
export function checkInsCsv(checkIns: readonly ExportedCheckIn[]): string {
  return stringify([[...CSV_COLUMNS], ...checkIns.map(row)]);
}
