import { PROQOL5 } from './proqol5';
import type { Subscale } from '../scoring';

/**
 * The published average of helpers beside a person's score: the pooled means
 * of De La Rosa et al. (2018) from the instrument file. Context only: the
 * average is never a band, a cut-off or a target, and it never changes what a
 * score's band says. Nothing here reads a person's data beyond the one score.
 */

/** Where the averages come from (the instrument file's literatureNorms note says the same: tests keep them in step). */
export const NORMS_SOURCE = {
  authors: 'De La Rosa and others',
  year: 2018,
  studies: 30,
  people: 5612,
  title: 'Professional Quality of Life Normative Benchmarks',
  journal: 'Psychological Trauma',
} as const;

/** What a higher score means on each scale, for the sentence that says which side of the average a score is. */
const MEANING: Readonly<Record<Subscale, { higher: string; lower: string }>> = {
  compassionSatisfaction: { higher: 'more satisfaction', lower: 'less satisfaction' },
  burnout: { higher: 'more strain', lower: 'less strain' },
  secondaryTraumaticStress: { higher: 'more effects from other people’s trauma', lower: 'fewer effects from other people’s trauma' },
};

const figure = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** The published mean of a subscale (raw score, 10–50, one decimal as published). */
export function publishedAverage(subscale: Subscale): number {
  return PROQOL5.literatureNorms[subscale].mean;
}

/** "De La Rosa and others, 2018: 30 studies, 5,612 people" */
export function normsCitation(): string {
  return `${NORMS_SOURCE.authors}, ${NORMS_SOURCE.year}: ${NORMS_SOURCE.studies} studies, ${figure.format(NORMS_SOURCE.people)} people`;
}

/** The full source of the averages, said once on the result page. */
export function normsSourceText(): string {
  return `The published averages are pooled from ${NORMS_SOURCE.studies} studies of ${figure.format(NORMS_SOURCE.people)} people: ${NORMS_SOURCE.authors}, “${NORMS_SOURCE.title}”, ${NORMS_SOURCE.journal}, ${NORMS_SOURCE.year}. They are context for your scores, not a target, and they do not change what a score means.`;
}

/**
 * A score beside the published average, in words, e.g. "The published average
 * for helpers is 37.7 (De La Rosa and others, 2018: 30 studies, 5,612 people).
 * Yours is 4.3 points higher: on this scale, higher means more satisfaction."
 * The difference is raw score minus the mean, to the mean's one decimal; the
 * last clause says what the direction means, so a scale where lower is better
 * (burnout, secondary traumatic stress) reads right.
 * @param raw the person's subscale score, 10–50
 * @param mean the average to compare with; the published one unless given
 */
export function describeNorm(subscale: Subscale, raw: number, mean: number = publishedAverage(subscale)): string {
  // Tenths as integers: 42 − 37.7 is 4.3, not 4.299999….
  const difference = Math.round(raw * 10 - mean * 10) / 10;
  const average = `The published average for helpers is ${figure.format(mean)} (${normsCitation()}).`;
  if (difference === 0) return `${average} Yours is the same as that average.`;
  const points = Math.abs(difference);
  const side = difference > 0 ? 'higher' : 'lower';
  return `${average} Yours is ${figure.format(points)} ${points === 1 ? 'point' : 'points'} ${side}: on this scale, ${side} means ${MEANING[subscale][side]}.`;
}
