/**
 * Before/after comparison of one group's subscale mean, from the statistics of
 * its published reporting periods (never from individual check-ins, which
 * managers must not see). Pure: no I/O, deterministic.
 *
 * All means, SDs, differences and interval bounds are in the subscale's own
 * raw-score points (10 to 50 for the ProQOL 5); `respondents` and `n` count
 * people; `df` is degrees of freedom.
 *
 * The one import that is not relative is jstat, a pure, deterministic maths
 * library, used only for the Student's t quantile.
 */
import jStat from 'jstat';

/** One published period of one group, one subscale. `sd` is the sample SD (n − 1 denominator). */
export type PeriodStats = { respondents: number; mean: number; sd: number };

export type Reading = 'likely improved' | 'likely worsened' | 'no clear change yet' | 'not enough data yet';

export type PooledStats = { n: number; mean: number; sd: number };

export type BeforeAfterComparison =
  | { reading: 'not enough data yet' }
  | {
      reading: Exclude<Reading, 'not enough data yet'>;
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

export const DEFAULT_CONFIDENCE = 0.95;

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
 * Whether a group's subscale mean changed between two sets of periods, by
 * Welch's t interval for the difference of two means (unequal variances).
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
 * Reading: the interval entirely on the better side of 0 (above it when
 * `higherIsBetter`, below it otherwise) is 'likely improved'; entirely on the
 * worse side, 'likely worsened'; an interval that includes 0, bounds
 * included, is 'no clear change yet'. Either side with no periods or a
 * pooled n below 2 is 'not enough data yet'.
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
  const confidence = input.confidence ?? DEFAULT_CONFIDENCE;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`The confidence must be a number between 0 and 1, both excluded, got ${String(confidence)}.`);
  }
  if (typeof input.higherIsBetter !== 'boolean') {
    throw new RangeError(`higherIsBetter must be true or false, got ${String(input.higherIsBetter)}.`);
  }
  input.before.forEach((period, index) => assertPeriod(period, `before, period ${index + 1}`));
  input.after.forEach((period, index) => assertPeriod(period, `after, period ${index + 1}`));

  if (input.before.length === 0 || input.after.length === 0) return NOT_ENOUGH_DATA;
  const before = pool(input.before);
  const after = pool(input.after);
  if (before.n < 2 || after.n < 2) return NOT_ENOUGH_DATA;

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
  const low = difference - halfWidth;
  const high = difference + halfWidth;

  return {
    reading: readingFor(low, high, input.higherIsBetter),
    difference,
    low,
    high,
    df,
    before: { n: before.n, mean: before.mean },
    after: { n: after.n, mean: after.mean },
  };
}

function readingFor(low: number, high: number, higherIsBetter: boolean): Exclude<Reading, 'not enough data yet'> {
  if (low > 0) return higherIsBetter ? 'likely improved' : 'likely worsened';
  if (high < 0) return higherIsBetter ? 'likely worsened' : 'likely improved';
  return 'no clear change yet';
}

/** n, mean and sample variance of periods already checked by {@link assertPeriod}. */
function pool(periods: readonly PeriodStats[]): { n: number; mean: number; variance: number } {
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
