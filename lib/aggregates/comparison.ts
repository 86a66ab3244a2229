/**
 * Before/after comparison of one group's subscale mean, from the statistics of
 * its published reporting periods (never from individual check-ins, which
 * managers must not see). Pure: no I/O, deterministic.
 *
 * All means, SDs, differences and interval bounds are in the subscale's own
 * raw-score points (10 to 50 for the ProQOL 5); `respondents` and `n` count
 * people; `df` is degrees of freedom.
 *
 * What leaves this module for a dashboard ({@link compareBeforeAfter}) is no
 * more precise than the dashboards' own figures (privacy model rule 10): whole
 * numbers only, and at least {@link MIN_PERIODS_EACH_SIDE} periods a side.
 * With one period a side, the unrounded difference of two published means,
 * and an interval whose width follows from their SDs, would say more about the
 * people of those two periods than any shown figure does. The unrounded
 * interval ({@link welchInterval}) is for this module and its tests.
 *
 * The one import that is not relative is jstat, a pure, deterministic maths
 * library, used only for the Student's t quantile.
 */
import jStat from 'jstat';

/** One published period of one group, one subscale. `sd` is the sample SD (n − 1 denominator). */
export type PeriodStats = { respondents: number; mean: number; sd: number };

export type Reading = 'likely improved' | 'likely worsened' | 'no clear change yet' | 'not enough data yet';

export type PooledStats = { n: number; mean: number; sd: number };

/** Welch's interval before any rounding: never shown, never returned to a dashboard. */
export type WelchInterval = {
  /** after mean − before mean. */
  difference: number;
  /** Lower bound of the confidence interval of `difference`. */
  low: number;
  /** Upper bound of the confidence interval of `difference`. */
  high: number;
  df: number;
  before: { n: number; mean: number };
  after: { n: number; mean: number };
};

/** What a dashboard shows: whole numbers, consistent with each other. */
export type BeforeAfterComparison =
  | { reading: 'not enough data yet' }
  | {
      /** Judged on the whole-number interval `low`..`high`, so that it says nothing the bounds do not. */
      reading: Exclude<Reading, 'not enough data yet'>;
      /** The pooled mean of the periods before, rounded to a whole number. */
      beforeMean: number;
      /** The pooled mean of the periods after, rounded to a whole number. */
      afterMean: number;
      /** Exactly `afterMean − beforeMean`. */
      difference: number;
      /** The interval's lower bound rounded down: never above the true bound, never above `difference`. */
      low: number;
      /** The interval's upper bound rounded up: never below the true bound, never below `difference`. */
      high: number;
      /** The interval and its reading in words ({@link readingInWords}). */
      words: string;
    };

export const DEFAULT_CONFIDENCE = 0.95;

/**
 * The fewest published periods compared on each side. One period a side would
 * make the comparison the difference of two published periods, to a precision
 * the periods' own figures do not have.
 */
export const MIN_PERIODS_EACH_SIDE = 2;

const NOT_ENOUGH_DATA = { reading: 'not enough data yet' } as const;

/**
 * Combines periods as if their respondents were one sample.
 *
 * Formula: n = Σ nᵢ; mean = Σ nᵢ·mᵢ / n;
 * sd = √((Σ (nᵢ − 1)·sᵢ² + Σ nᵢ·(mᵢ − mean)²) / (n − 1)), the law of total
 * variance with n − 1 denominators: the within-period spread plus the spread
 * of the period means. This is exactly the sample SD of the concatenated raw
 * scores, so pooling never needs the individual scores.
 *
 * Ranges: n ≥ 1 (a whole number); mean between the smallest and largest period
 * mean; sd ≥ 0, and NaN when n = 1 (one score has no sample SD).
 *
 * @param periods at least one; each with whole `respondents` ≥ 1, finite `mean`, finite `sd` ≥ 0.
 * @throws RangeError when there are no periods, or naming the period and field that is invalid.
 */
export function pooledStats(periods: readonly PeriodStats[]): PooledStats {
  periods.forEach((period, index) => assertPeriod(period, `period ${index + 1}`));
  const { n, mean, variance } = pool(periods);
  return { n, mean, sd: Math.sqrt(variance) };
}

/**
 * Welch's t interval for the difference of two means (unequal variances),
 * unrounded.
 *
 * Each side is pooled first ({@link pooledStats}). With d = after mean −
 * before mean and vᵢ = sᵢ² / nᵢ:
 * - se = √(v₁ + v₂);
 * - df = (v₁ + v₂)² / (v₁² / (n₁ − 1) + v₂² / (n₂ − 1)) (Welch–Satterthwaite),
 *   a real number from min(n₁, n₂) − 1 to n₁ + n₂ − 2;
 * - interval = d ± t(1 − (1 − confidence) / 2, df) · se.
 *
 * When se = 0 (every period on both sides has SD 0) the interval is the point
 * d itself and df is n₁ + n₂ − 2, the limit Welch's df has no value for.
 *
 * @param input.confidence in (0, 1); 0.95 when omitted.
 * @returns null when either side has no periods or a pooled n below 2.
 * @throws RangeError naming the problem: a confidence outside (0, 1), or the
 *   side, period and field of an invalid period. Every input is checked
 *   before the amount of data is.
 */
export function welchInterval(input: { before: readonly PeriodStats[]; after: readonly PeriodStats[]; confidence?: number }): WelchInterval | null {
  const confidence = assertInput(input);
  if (input.before.length === 0 || input.after.length === 0) return null;
  const before = pool(input.before);
  const after = pool(input.after);
  if (before.n < 2 || after.n < 2) return null;
  return welch(before, after, confidence);
}

/**
 * Whether a group's subscale mean changed between two sets of periods, in
 * whole numbers: what a dashboard may show.
 *
 * From Welch's interval ({@link welchInterval}):
 * - `beforeMean` and `afterMean` are the pooled means rounded to whole numbers
 *   (halves up), like every mean a dashboard shows;
 * - `difference` = afterMean − beforeMean, so the three add up as shown;
 * - `low` = ⌊interval low⌋ and `high` = ⌈interval high⌉: rounded outward, so
 *   never narrower than the true interval; widened further to include
 *   `difference` should floating-point error ever put it outside.
 *
 * Reading, judged on the whole-number bounds: entirely on the better side of 0
 * (above it when `higherIsBetter`, below it otherwise) is 'likely improved';
 * entirely on the worse side, 'likely worsened'; bounds that include 0 (a
 * bound of exactly 0 included) are 'no clear change yet'. Fewer than
 * {@link MIN_PERIODS_EACH_SIDE} periods on either side is 'not enough data yet'.
 *
 * Every input is checked before the amount of data is, so an invalid period
 * never hides behind 'not enough data yet'.
 *
 * @param input.higherIsBetter true for compassion satisfaction; false for burnout and secondary traumatic stress.
 * @param input.confidence in (0, 1); 0.95 when omitted.
 * @throws RangeError naming the problem: a confidence outside (0, 1), a
 *   `higherIsBetter` that is not a boolean, or the side, period and field
 *   of an invalid period.
 */
export function compareBeforeAfter(input: {
  before: readonly PeriodStats[];
  after: readonly PeriodStats[];
  higherIsBetter: boolean;
  confidence?: number;
}): BeforeAfterComparison {
  const confidence = assertInput(input);
  if (typeof input.higherIsBetter !== 'boolean') {
    throw new RangeError(`higherIsBetter must be true or false, got ${String(input.higherIsBetter)}.`);
  }
  if (input.before.length < MIN_PERIODS_EACH_SIDE || input.after.length < MIN_PERIODS_EACH_SIDE) return NOT_ENOUGH_DATA;
  // Two periods of at least one respondent each: a pooled n of at least 2 on each side.
  const interval = welch(pool(input.before), pool(input.after), confidence);

  const beforeMean = Math.round(interval.before.mean);
  const afterMean = Math.round(interval.after.mean);
  const difference = afterMean - beforeMean;
  // Rounding each mean moves the difference by less than 1 point, so ⌊low⌋ ≤ difference ≤ ⌈high⌉
  // already; min and max keep it so whatever floating-point error does. `+ 0` turns −0 into 0.
  const low = Math.min(Math.floor(interval.low), difference) + 0;
  const high = Math.max(Math.ceil(interval.high), difference) + 0;
  return {
    reading: readingFor(low, high, input.higherIsBetter),
    beforeMean,
    afterMean,
    difference,
    low,
    high,
    words: readingInWords(low, high, input.higherIsBetter),
  };
}

/**
 * A whole-number interval of a difference (after − before, in points) and its
 * reading, in words:
 * - both bounds above 0: "probably between 2 and 5 points higher: likely improved"
 *   (or "likely worsened" where lower is better); both below 0, the same with
 *   "lower", smaller amount first ("probably between 1 and 6 points lower");
 * - equal bounds: "probably 3 points higher: …";
 * - bounds either side of 0: "probably between 2 points lower and 3 points
 *   higher: no clear change yet";
 * - a bound of exactly 0: "probably between 0 and 3 points higher: no clear change yet";
 * - both 0: "probably no change".
 * "1 point" is singular.
 *
 * @param low, high whole numbers, low ≤ high.
 * @throws RangeError for bounds that are not whole numbers, or low > high.
 */
export function readingInWords(low: number, high: number, higherIsBetter: boolean): string {
  if (!Number.isInteger(low) || !Number.isInteger(high) || low > high) {
    throw new RangeError(`The bounds must be whole numbers, the first not above the second, got ${String(low)} and ${String(high)}.`);
  }
  if (low === 0 && high === 0) return 'probably no change';
  const reading = readingFor(low, high, higherIsBetter);
  if (low >= 0) return `probably ${amount(low, high)} higher: ${reading}`;
  if (high <= 0) return `probably ${amount(-high, -low)} lower: ${reading}`;
  return `probably between ${points(-low)} lower and ${points(high)} higher: ${reading}`;
}

/** "3 points", "1 point". */
function points(n: number): string {
  return n === 1 ? '1 point' : `${n} points`;
}

/** "between 1 and 6 points", or "3 points" when both are the same; `from` ≤ `to`, both ≥ 0. */
function amount(from: number, to: number): string {
  return from === to ? points(to) : `between ${from} and ${points(to)}`;
}

function readingFor(low: number, high: number, higherIsBetter: boolean): Exclude<Reading, 'not enough data yet'> {
  if (low > 0) return higherIsBetter ? 'likely improved' : 'likely worsened';
  if (high < 0) return higherIsBetter ? 'likely worsened' : 'likely improved';
  return 'no clear change yet';
}

/** Checks the confidence and every period of both sides; returns the confidence to use. */
function assertInput(input: { before: readonly PeriodStats[]; after: readonly PeriodStats[]; confidence?: number }): number {
  const confidence = input.confidence ?? DEFAULT_CONFIDENCE;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`The confidence must be a number between 0 and 1, both excluded, got ${String(confidence)}.`);
  }
  input.before.forEach((period, index) => assertPeriod(period, `before, period ${index + 1}`));
  input.after.forEach((period, index) => assertPeriod(period, `after, period ${index + 1}`));
  return confidence;
}

type Pool = { n: number; mean: number; variance: number };

/** Welch's interval from two pools of n ≥ 2 each. */
function welch(before: Pool, after: Pool, confidence: number): WelchInterval {
  const difference = after.mean - before.mean;
  const vBefore = before.variance / before.n;
  const vAfter = after.variance / after.n;
  const seSquared = vBefore + vAfter;

  let df: number;
  let halfWidth: number;
  if (seSquared === 0) {
    df = before.n + after.n - 2;
    halfWidth = 0;
  } else {
    // Welch–Satterthwaite with each variance as a share of se², which is the same
    // value but cannot underflow or overflow when the variances are extreme.
    const shareBefore = vBefore / seSquared;
    const shareAfter = vAfter / seSquared;
    df = 1 / ((shareBefore * shareBefore) / (before.n - 1) + (shareAfter * shareAfter) / (after.n - 1));
    halfWidth = jStat.studentt.inv(1 - (1 - confidence) / 2, df) * Math.sqrt(seSquared);
  }
  return {
    difference,
    low: difference - halfWidth,
    high: difference + halfWidth,
    df,
    before: { n: before.n, mean: before.mean },
    after: { n: after.n, mean: after.mean },
  };
}

/** n, mean and sample variance of periods already checked by {@link assertPeriod}. */
function pool(periods: readonly PeriodStats[]): Pool {
  if (periods.length === 0) throw new RangeError('There are no periods to pool.');
  let n = 0;
  let total = 0;
  for (const period of periods) {
    n += period.respondents;
    total += period.respondents * period.mean;
  }
  const mean = total / n;
  let sumOfSquares = 0;
  for (const period of periods) {
    const offset = period.mean - mean;
    sumOfSquares += (period.respondents - 1) * period.sd * period.sd + period.respondents * offset * offset;
  }
  // n = 1 gives 0 / 0 = NaN: a single score has no sample variance.
  return { n, mean, variance: sumOfSquares / (n - 1) };
}

// Number.isInteger and Number.isFinite are false for non-numbers, so strings and
// undefined from untyped callers are refused too.
function assertPeriod(period: PeriodStats, label: string): void {
  const { respondents, mean, sd } = period;
  if (!Number.isInteger(respondents) || respondents < 1) {
    throw new RangeError(`${label}: respondents must be a whole number of at least 1, got ${String(respondents)}.`);
  }
  if (!Number.isFinite(mean)) {
    throw new RangeError(`${label}: the mean must be a finite number, got ${String(mean)}.`);
  }
  if (!Number.isFinite(sd) || sd < 0) {
    throw new RangeError(`${label}: the SD must be a finite number of at least 0, got ${String(sd)}.`);
  }
}
