import { SCORING_VERSION, type Proqol5Scores } from '../scoring';

/** A check-in's stored score columns for a set of scores (the one mapping of scores to columns). */
export function scoreColumns(scores: Proqol5Scores) {
  return {
    scoringVersion: SCORING_VERSION,
    compassionSatisfactionRaw: scores.compassionSatisfaction.raw,
    compassionSatisfactionBand: scores.compassionSatisfaction.band,
    burnoutRaw: scores.burnout.raw,
    burnoutBand: scores.burnout.band,
    secondaryTraumaticStressRaw: scores.secondaryTraumaticStress.raw,
    secondaryTraumaticStressBand: scores.secondaryTraumaticStress.band,
  };
}
