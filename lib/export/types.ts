import type { WordingPreset } from '../instruments/wording';
import { ITEM_COUNT, type Proqol5Scores } from '../scoring';

/**
 * One submitted check-in as its owner downloads it: the plain data every
 * export format (CSV, JSON, FHIR) is written from. Drafts never become one.
 */
export type ExportedCheckIn = {
  id: string;
  submittedAt: Date;
  /** The wording the questionnaire was shown with (its bracketed words). */
  wordingPreset: WordingPreset;
  /** The 1–5 answers as given (before any reverse scoring); `answers[i]` is item i+1, all 30. */
  answers: number[];
  /** The scores stored when the check-in was submitted. */
  scores: Proqol5Scores;
  /** The owner's private note on it, or null. */
  note: string | null;
};

/** Every format writes all 30 answers: a check-in with any other number is refused rather than written short. */
export function assertAllAnswers(checkIn: ExportedCheckIn): void {
  if (checkIn.answers.length !== ITEM_COUNT) throw new RangeError(`A check-in has ${checkIn.answers.length} answers, not ${ITEM_COUNT}.`);
}
