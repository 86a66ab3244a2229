/**
 * Reliable change (Jacobson & Truax, 1991): whether the difference between two
 * scores of one person is larger than the questionnaire's own measurement error.
 * Pure: no I/O, deterministic.
 *
 * The reliabilities (Cronbach's α) are the ProQOL 5 manual's; the standard
 * deviations are the pooled literature norms of De La Rosa et al. (2018). Both
 * come from the instrument file; tests/unit/scoring/reliable-change.test.ts
 * checks these copies against it.
 */
import { type Subscale, SUBSCALES } from './proqol5';

/** Cronbach's α of each subscale. */
export const RELIABILITY_ALPHA: Readonly<Record<Subscale, number>> = {
  compassionSatisfaction: 0.88,
  burnout: 0.75,
  secondaryTraumaticStress: 0.81,
};

/** Standard deviation of each subscale's raw score in the pooled literature norms. */
export const LITERATURE_SD: Readonly<Record<Subscale, number>> = {
  compassionSatisfaction: 6.5,
  burnout: 5.4,
  secondaryTraumaticStress: 5.7,
};

/** For compassion satisfaction more is better; for burnout and secondary traumatic stress less is. */
export const HIGHER_IS_BETTER: Readonly<Record<Subscale, boolean>> = {
  compassionSatisfaction: true,
  burnout: false,
  secondaryTraumaticStress: false,
};

export type ReliableChange = { difference: number; threshold: number; direction: 'improved' | 'worsened' | 'none' };

/**
 * The smallest difference between two scores that is larger than measurement
 * error at the 95% level: 1.96 · SD · √2 · √(1 − α), in raw-score points, not
 * rounded (CS ≈ 6.24, BO ≈ 7.48, STS ≈ 6.89).
 */
export function reliableChangeThreshold(subscale: Subscale): number {
  assertSubscale(subscale);
  return 1.96 * LITERATURE_SD[subscale] * Math.SQRT2 * Math.sqrt(1 - RELIABILITY_ALPHA[subscale]);
}

/**
 * Whether a subscale score changed reliably from `before` to `after`.
 * `difference = after − before`; the change is reliable when
 * |difference| ≥ threshold (see {@link reliableChangeThreshold}), and then
 * `improved` when it went the good way (up for compassion satisfaction, down
 * for burnout and secondary traumatic stress), else `worsened`; otherwise `none`.
 * @param before a raw subscale score, a whole number from 10 to 50
 * @param after a raw subscale score, a whole number from 10 to 50
 * @throws RangeError for an unknown subscale or a score that is not a whole number from 10 to 50
 */
export function reliableChange(subscale: Subscale, before: number, after: number): ReliableChange {
  assertSubscale(subscale);
  assertScore('before', before);
  assertScore('after', after);
  const difference = after - before;
  const threshold = reliableChangeThreshold(subscale);
  if (Math.abs(difference) < threshold) return { difference, threshold, direction: 'none' };
  const wentUp = difference > 0;
  return { difference, threshold, direction: wentUp === HIGHER_IS_BETTER[subscale] ? 'improved' : 'worsened' };
}

function assertSubscale(subscale: unknown): asserts subscale is Subscale {
  if (!(SUBSCALES as readonly unknown[]).includes(subscale)) {
    throw new RangeError(`Unknown subscale ${JSON.stringify(subscale)}: use compassionSatisfaction, burnout or secondaryTraumaticStress.`);
  }
}

function assertScore(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 10 || value > 50) {
    throw new RangeError(`The ${name} score must be a whole number from 10 to 50, got ${String(value)}.`);
  }
}
