import { PROQOL5 } from '../instruments/proqol5';
import { renderWording, type WordingPreset } from '../instruments/wording';
import type { Band, Subscale } from '../scoring';
import { assertAllAnswers, type ExportedCheckIn } from './types';

/**
 * A person's check-ins as a self-describing JSON document. `format` and
 * `version` let a program that reads it tell this layout from a later one;
 * `version` changes only when a field changes meaning or goes away.
 */
export type CheckInsJson = {
  format: 'tend-check-ins';
  version: 1;
  /** When the file was made, ISO 8601 UTC. */
  exportedAt: string;
  instrument: { id: string; name: string; version: string; credit: string; maintainerCredit: string };
  /** Oldest first. */
  checkIns: CheckInJson[];
};

export type CheckInJson = {
  id: string;
  /** ISO 8601 UTC. */
  submittedAt: string;
  /** The wording preset the questions were shown with. */
  wording: WordingPreset;
  /** All 30, in item order: `value` is the answer as given, 1 (Never) to 5 (Very Often); `text` the question as shown. */
  answers: { item: number; value: number; text: string }[];
  /** Each subscale's sum (10–50) and band; there is no total score. */
  scores: Record<Subscale, { score: number; band: Band }>;
  /** The person's private note on the check-in, exactly as written, or null. */
  note: string | null;
};

function checkInJson(checkIn: ExportedCheckIn): CheckInJson {
  assertAllAnswers(checkIn);
  const { compassionSatisfaction, burnout, secondaryTraumaticStress } = checkIn.scores;
  return {
    id: checkIn.id,
    submittedAt: checkIn.submittedAt.toISOString(),
    wording: checkIn.wordingPreset,
    answers: PROQOL5.items.map((item, i) => ({
      item: item.number,
      value: checkIn.answers[i] as number,
      // The words this person was shown, so the file reads without the app.
      text: renderWording(item.text, checkIn.wordingPreset),
    })),
    scores: {
      compassionSatisfaction: { score: compassionSatisfaction.raw, band: compassionSatisfaction.band },
      burnout: { score: burnout.raw, band: burnout.band },
      secondaryTraumaticStress: { score: secondaryTraumaticStress.raw, band: secondaryTraumaticStress.band },
    },
    note: checkIn.note,
  };
}

/**
 * The JSON export of the given check-ins (in the order given) as a plain
 * object, ready for JSON.stringify. Deterministic: the time is passed in.
 */
export function checkInsJson(checkIns: readonly ExportedCheckIn[], now: Date): CheckInsJson {
  return {
    format: 'tend-check-ins',
    version: 1,
    exportedAt: now.toISOString(),
    instrument: {
      id: PROQOL5.id,
      name: PROQOL5.name,
      version: PROQOL5.version,
      credit: PROQOL5.creditLine,
      maintainerCredit: PROQOL5.maintainerCredit,
    },
    checkIns: checkIns.map(checkInJson),
  };
}
