import { describe, expect, it } from 'vitest';
import { compareBeforeAfter, DEFAULT_CONFIDENCE, type PeriodStats, pooledStats } from '../../../lib/aggregates/comparison';

/**
 * Sample statistics of raw scores, computed from the scores themselves: the reference pooling must reproduce.
 * One score has no sample SD; it is published as 0, which pooling weighs by n − 1 = 0 anyway.
 */
function summarise(scores: readonly number[]): PeriodStats {
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const sumOfSquares = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0);
  return { respondents: scores.length, mean, sd: scores.length > 1 ? Math.sqrt(sumOfSquares / (scores.length - 1)) : 0 };
}

describe('pooledStats', () => {
  it.each([
    // label, periods, n, mean, sd
    ['one period is that period', [{ respondents: 12, mean: 31.5, sd: 4.2 }], 12, 31.5, 4.2],
    ['one period of SD 0', [{ respondents: 7, mean: 25, sd: 0 }], 7, 25, 0],
    // ((5−1)·2² + (5−1)·4²) / 9 = 80/9; √(80/9) ≈ 2.9814. Equal means add no between-period spread.
    ['two periods with equal means', [{ respondents: 5, mean: 30, sd: 2 }, { respondents: 5, mean: 30, sd: 4 }], 10, 30, 2.9814],
    // mean (2·20 + 8·30) / 10 = 28; ((1·1 + 7·1) + (2·64 + 8·4)) / 9 = 168/9; √ ≈ 4.3205.
    ['two periods with different means and sizes', [{ respondents: 2, mean: 20, sd: 1 }, { respondents: 8, mean: 30, sd: 1 }], 10, 28, 4.3205],
  ] as const)('%s', (_label, periods, n, mean, sd) => {
    const pooled = pooledStats(periods);
    expect(pooled.n).toBe(n);
    expect(pooled.mean).toBeCloseTo(mean, 10);
    expect(pooled.sd).toBeCloseTo(sd, 4);
  });

  it.each([
    // label, raw scores of each period, n, mean, sd (of the concatenated scores)
    ['equal means', [[28, 30, 32], [26, 30, 34]], 6, 30, 2.8284],
    ['different means', [[20, 22, 24, 26], [30, 31, 35, 36, 38]], 9, 29.1111, 6.47],
    ['three periods', [[20, 22, 24, 26], [30, 31, 35, 36, 38], [28, 28, 29]], 12, 28.9167, 5.5343],
    ['a one-respondent period among others', [[20], [30, 31, 35, 36, 38]], 6, 31.6667, 6.4704],
  ])('%s: is the sample SD of the concatenated raw scores', (_label, rawPeriods, n, mean, sd) => {
    const pooled = pooledStats(rawPeriods.map(summarise));
    const concatenated = summarise(rawPeriods.flat());
    expect(pooled.n).toBe(concatenated.respondents);
    expect(pooled.mean).toBeCloseTo(concatenated.mean, 10);
    expect(pooled.sd).toBeCloseTo(concatenated.sd, 10);
    expect(pooled).toEqual({ n, mean: expect.closeTo(mean, 4), sd: expect.closeTo(sd, 4) });
  });

  it('does not depend on the order of the periods', () => {
    const periods = [[20, 22, 24, 26], [30, 31, 35, 36, 38], [28, 28, 29]].map(summarise);
    const forwards = pooledStats(periods);
    const backwards = pooledStats([...periods].reverse());
    expect(backwards.mean).toBeCloseTo(forwards.mean, 12);
    expect(backwards.sd).toBeCloseTo(forwards.sd, 12);
  });

  it('gives NaN as the SD of a single respondent, who has no sample SD', () => {
    expect(pooledStats([{ respondents: 1, mean: 30, sd: 0 }])).toEqual({ n: 1, mean: 30, sd: Number.NaN });
  });

  it('refuses an empty list', () => {
    expect(() => pooledStats([])).toThrow(RangeError);
    expect(() => pooledStats([])).toThrow(/no periods to pool/);
  });

  it.each([
    ['no respondents', { respondents: 0, mean: 30, sd: 1 }, /period 2: respondents must be a whole number of at least 1, got 0\./],
    ['negative respondents', { respondents: -3, mean: 30, sd: 1 }, /period 2: respondents .* got -3\./],
    ['fractional respondents', { respondents: 2.5, mean: 30, sd: 1 }, /period 2: respondents .* got 2\.5\./],
    ['NaN respondents', { respondents: Number.NaN, mean: 30, sd: 1 }, /period 2: respondents .* got NaN\./],
    ['infinite respondents', { respondents: Infinity, mean: 30, sd: 1 }, /period 2: respondents .* got Infinity\./],
    ['respondents as a string', { respondents: '5', mean: 30, sd: 1 }, /period 2: respondents .* got 5\./],
    ['a NaN mean', { respondents: 5, mean: Number.NaN, sd: 1 }, /period 2: the mean must be a finite number, got NaN\./],
    ['an infinite mean', { respondents: 5, mean: -Infinity, sd: 1 }, /period 2: the mean .* got -Infinity\./],
    ['a mean as a string', { respondents: 5, mean: '30', sd: 1 }, /period 2: the mean .* got 30\./],
    ['a negative SD', { respondents: 5, mean: 30, sd: -0.1 }, /period 2: the SD must be a finite number of at least 0, got -0\.1\./],
    ['an infinite SD', { respondents: 5, mean: 30, sd: Infinity }, /period 2: the SD .* got Infinity\./],
    ['a NaN SD', { respondents: 5, mean: 30, sd: Number.NaN }, /period 2: the SD .* got NaN\./],
    ['a missing SD', { respondents: 5, mean: 30 }, /period 2: the SD .* got undefined\./],
  ])('refuses %s, naming the period', (_label, bad, message) => {
    const periods = [{ respondents: 5, mean: 30, sd: 1 }, bad] as PeriodStats[];
    expect(() => pooledStats(periods)).toThrow(RangeError);
    expect(() => pooledStats(periods)).toThrow(message);
  });
});

describe('compareBeforeAfter', () => {
  // A Welch example to check by hand, n₁ = n₂ = 10 (raw subscale scores).
  // BEFORE: mean 28, variance 70/9. AFTER: mean 24, variance 60/9.
  // se² = (70/9 + 60/9) / 10 = 13/9, se = √13 / 3 ≈ 1.2019.
  // df = (13/9)² / (((7/9)² + (6/9)²) / 9) = 1521/85 ≈ 17.8941.
  // t(0.975, 17.8941) ≈ 2.1018, so the 95% interval is −4 ± 2.5261 = (−6.5261, −1.4739).
  // AFTER_NOISY: mean 27, variance 266/9; se² = 336/90, df = 1016064/75656 ≈ 13.4301,
  // the 95% interval −1 ± 4.1607 includes 0.
  // Every interval below was cross-checked with SciPy:
  // scipy.stats.ttest_ind(after, before, equal_var=False).confidence_interval(confidence).
  const BEFORE = [24, 27, 29, 31, 26, 30, 28, 33, 25, 27];
  const AFTER = [22, 25, 23, 27, 21, 26, 24, 28, 20, 24];
  const AFTER_NOISY = [22, 31, 23, 35, 21, 26, 30, 28, 20, 34];
  const one = (scores: readonly number[]) => [summarise(scores)];
  const split = (scores: readonly number[]) => [summarise(scores.slice(0, 5)), summarise(scores.slice(5))];

  it.each([
    // label, before, after, higherIsBetter, confidence, reading, difference, low, high, df
    ['a lower score where lower is better', one(BEFORE), one(AFTER), false, 0.95, 'likely improved', -4, -6.5261, -1.4739, 17.8941],
    ['a lower score where higher is better', one(BEFORE), one(AFTER), true, 0.95, 'likely worsened', -4, -6.5261, -1.4739, 17.8941],
    ['a higher score where higher is better', one(AFTER), one(BEFORE), true, 0.95, 'likely improved', 4, 1.4739, 6.5261, 17.8941],
    ['a higher score where lower is better', one(AFTER), one(BEFORE), false, 0.95, 'likely worsened', 4, 1.4739, 6.5261, 17.8941],
    ['the same scores published as two periods a side', split(BEFORE), split(AFTER), false, 0.95, 'likely improved', -4, -6.5261, -1.4739, 17.8941],
    ['an interval that includes 0', one(BEFORE), one(AFTER_NOISY), false, 0.95, 'no clear change yet', -1, -5.1607, 3.1607, 13.4301],
    ['the same, where higher is better', one(BEFORE), one(AFTER_NOISY), true, 0.95, 'no clear change yet', -1, -5.1607, 3.1607, 13.4301],
    ['a 99% interval still clear of 0', one(BEFORE), one(AFTER), false, 0.99, 'likely improved', -4, -7.4618, -0.5382, 17.8941],
    ['a 99.9% interval that reaches past 0', one(BEFORE), one(AFTER), false, 0.999, 'no clear change yet', -4, -8.7184, 0.7184, 17.8941],
    // Only the after side varies: se² = 10/5, df = n₂ − 1 = 4, t(0.975, 4) ≈ 2.7764; 5 ± 3.9265.
    ['one side with SD 0', [{ respondents: 5, mean: 30, sd: 0 }], one([31, 33, 35, 37, 39]), true, 0.95, 'likely improved', 5, 1.0735, 8.9265, 4],
    // Pooled n = 2 on each side is enough: se² = 1 + 1, df = 2, t(0.975, 2) ≈ 4.3027; 6 ± 6.0849.
    ['two one-respondent periods against one of two', [{ respondents: 1, mean: 28, sd: 0 }, { respondents: 1, mean: 30, sd: 0 }], [{ respondents: 2, mean: 35, sd: Math.SQRT2 }], true, 0.95, 'no clear change yet', 6, -0.0849, 12.0849, 2],
  ] as const)('%s: %s', (_label, before, after, higherIsBetter, confidence, reading, difference, low, high, df) => {
    const result = compareBeforeAfter({ before, after, higherIsBetter, confidence });
    expect(result).toEqual({
      reading,
      difference: expect.closeTo(difference, 10),
      low: expect.closeTo(low, 4),
      high: expect.closeTo(high, 4),
      df: expect.closeTo(df, 4),
      before: { n: expect.any(Number), mean: expect.any(Number) },
      after: { n: expect.any(Number), mean: expect.any(Number) },
    });
  });

  it('reports each side’s pooled n and mean', () => {
    const result = compareBeforeAfter({ before: split(BEFORE), after: one(AFTER_NOISY), higherIsBetter: true });
    expect(result).toMatchObject({ before: { n: 10, mean: expect.closeTo(28, 10) }, after: { n: 10, mean: expect.closeTo(27, 10) } });
  });

  it('uses a 95% interval when no confidence is given', () => {
    expect(DEFAULT_CONFIDENCE).toBe(0.95);
    const input = { before: one(BEFORE), after: one(AFTER), higherIsBetter: false };
    expect(compareBeforeAfter(input)).toEqual(compareBeforeAfter({ ...input, confidence: 0.95 }));
    expect(compareBeforeAfter(input)).not.toEqual(compareBeforeAfter({ ...input, confidence: 0.9 }));
  });

  // se = 0 (every SD 0): the interval is the difference itself and df is n₁ + n₂ − 2.
  it.each([
    // label, after mean, higherIsBetter, reading, difference
    ['a rise where higher is better', 32, true, 'likely improved', 2],
    ['a rise where lower is better', 32, false, 'likely worsened', 2],
    ['a fall where higher is better', 27, true, 'likely worsened', -3],
    ['a fall where lower is better', 27, false, 'likely improved', -3],
    // The interval [0, 0] includes 0: bounds count as included.
    ['no difference', 30, true, 'no clear change yet', 0],
  ] as const)('with every SD 0, %s', (_label, afterMean, higherIsBetter, reading, difference) => {
    const result = compareBeforeAfter({
      before: [{ respondents: 4, mean: 30, sd: 0 }, { respondents: 2, mean: 30, sd: 0 }],
      after: [{ respondents: 6, mean: afterMean, sd: 0 }],
      higherIsBetter,
    });
    expect(result).toEqual({
      reading,
      difference,
      low: difference,
      high: difference,
      df: 10,
      before: { n: 6, mean: 30 },
      after: { n: 6, mean: afterMean },
    });
  });

  it.each([
    ['no before periods', [], one(AFTER)],
    ['no after periods', one(BEFORE), []],
    ['no periods at all', [], []],
    ['one respondent before', [{ respondents: 1, mean: 30, sd: 0 }], one(AFTER)],
    ['one respondent after', one(BEFORE), [{ respondents: 1, mean: 30, sd: 0 }]],
  ])('says not enough data yet with %s', (_label, before, after) => {
    expect(compareBeforeAfter({ before, after, higherIsBetter: true })).toEqual({ reading: 'not enough data yet' });
  });

  it.each([
    ['a confidence of 0', { confidence: 0 }, /confidence must be a number between 0 and 1, both excluded, got 0\./],
    ['a confidence of 1', { confidence: 1 }, /confidence .* got 1\./],
    ['a negative confidence', { confidence: -0.5 }, /confidence .* got -0\.5\./],
    ['a confidence above 1', { confidence: 95 }, /confidence .* got 95\./],
    ['a NaN confidence', { confidence: Number.NaN }, /confidence .* got NaN\./],
    ['a confidence as a string', { confidence: '0.9' }, /confidence .* got 0\.9\./],
    ['a missing direction', { higherIsBetter: undefined }, /higherIsBetter must be true or false, got undefined\./],
    ['a direction as a string', { higherIsBetter: 'false' }, /higherIsBetter .* got false\./],
    ['bad respondents before', { before: [summarise(BEFORE), { respondents: 0, mean: 30, sd: 1 }] }, /before, period 2: respondents must be a whole number of at least 1, got 0\./],
    ['a bad mean after', { after: [{ respondents: 5, mean: Number.NaN, sd: 1 }] }, /after, period 1: the mean must be a finite number, got NaN\./],
    ['a bad SD after', { after: [summarise(AFTER), { respondents: 5, mean: 30, sd: -1 }] }, /after, period 2: the SD must be a finite number of at least 0, got -1\./],
    // Checked before the amount of data: a bad period does not hide behind 'not enough data yet'.
    ['a bad period when the other side is empty', { before: [], after: [{ respondents: 3, mean: 30, sd: Infinity }] }, /after, period 1: the SD .* got Infinity\./],
  ])('refuses %s', (_label, override, message) => {
    const input = { before: one(BEFORE), after: one(AFTER), higherIsBetter: true, ...override } as Parameters<typeof compareBeforeAfter>[0];
    expect(() => compareBeforeAfter(input)).toThrow(RangeError);
    expect(() => compareBeforeAfter(input)).toThrow(message);
  });
});
