import { describe, expect, it } from 'vitest';
import {
  compareBeforeAfter,
  DEFAULT_CONFIDENCE,
  MIN_PERIODS_EACH_SIDE,
  type PeriodStats,
  pooledStats,
  readingInWords,
  welchInterval,
} from '../../../lib/aggregates/comparison';

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

describe('welchInterval (unrounded, never shown)', () => {
  it.each([
    // label, before, after, confidence, difference, low, high, df
    ['a fall', one(BEFORE), one(AFTER), 0.95, -4, -6.5261, -1.4739, 17.8941],
    ['a rise', one(AFTER), one(BEFORE), 0.95, 4, 1.4739, 6.5261, 17.8941],
    ['the same scores published as two periods a side', split(BEFORE), split(AFTER), 0.95, -4, -6.5261, -1.4739, 17.8941],
    ['an interval that includes 0', one(BEFORE), one(AFTER_NOISY), 0.95, -1, -5.1607, 3.1607, 13.4301],
    ['a 99% interval', one(BEFORE), one(AFTER), 0.99, -4, -7.4618, -0.5382, 17.8941],
    ['a 99.9% interval', one(BEFORE), one(AFTER), 0.999, -4, -8.7184, 0.7184, 17.8941],
    // Only the after side varies: se² = 10/5, df = n₂ − 1 = 4, t(0.975, 4) ≈ 2.7764; 5 ± 3.9265.
    ['one side with SD 0', [{ respondents: 5, mean: 30, sd: 0 }], one([31, 33, 35, 37, 39]), 0.95, 5, 1.0735, 8.9265, 4],
    // Pooled n = 2 on each side is enough: se² = 1 + 1, df = 2, t(0.975, 2) ≈ 4.3027; 6 ± 6.0849.
    ['two one-respondent periods against one of two', [{ respondents: 1, mean: 28, sd: 0 }, { respondents: 1, mean: 30, sd: 0 }], [{ respondents: 2, mean: 35, sd: Math.SQRT2 }], 0.95, 6, -0.0849, 12.0849, 2],
  ] as const)('%s', (_label, before, after, confidence, difference, low, high, df) => {
    expect(welchInterval({ before, after, confidence })).toEqual({
      difference: expect.closeTo(difference, 10),
      low: expect.closeTo(low, 4),
      high: expect.closeTo(high, 4),
      df: expect.closeTo(df, 4),
      before: { n: expect.any(Number), mean: expect.any(Number) },
      after: { n: expect.any(Number), mean: expect.any(Number) },
    });
  });

  it('reports each side’s pooled n and mean', () => {
    const result = welchInterval({ before: split(BEFORE), after: one(AFTER_NOISY) });
    expect(result).toMatchObject({ before: { n: 10, mean: expect.closeTo(28, 10) }, after: { n: 10, mean: expect.closeTo(27, 10) } });
  });

  it('uses a 95% interval when no confidence is given', () => {
    expect(DEFAULT_CONFIDENCE).toBe(0.95);
    const input = { before: one(BEFORE), after: one(AFTER) };
    expect(welchInterval(input)).toEqual(welchInterval({ ...input, confidence: 0.95 }));
    expect(welchInterval(input)).not.toEqual(welchInterval({ ...input, confidence: 0.9 }));
  });

  it('with every SD 0 is the difference itself, with df n₁ + n₂ − 2', () => {
    const before = [{ respondents: 4, mean: 30, sd: 0 }, { respondents: 2, mean: 30, sd: 0 }];
    expect(welchInterval({ before, after: [{ respondents: 6, mean: 27, sd: 0 }] })).toEqual({
      difference: -3,
      low: -3,
      high: -3,
      df: 10,
      before: { n: 6, mean: 30 },
      after: { n: 6, mean: 27 },
    });
  });

  it.each([
    ['no before periods', [], one(AFTER)],
    ['no after periods', one(BEFORE), []],
    ['one respondent before', [{ respondents: 1, mean: 30, sd: 0 }], one(AFTER)],
    ['one respondent after', one(BEFORE), [{ respondents: 1, mean: 30, sd: 0 }]],
  ])('is null with %s', (_label, before, after) => {
    expect(welchInterval({ before, after })).toBeNull();
  });

  it.each([
    ['a confidence of 0', { confidence: 0 }, /confidence must be a number between 0 and 1, both excluded, got 0\./],
    ['a NaN mean after', { after: [{ respondents: 5, mean: Number.NaN, sd: 1 }] }, /after, period 1: the mean must be a finite number, got NaN\./],
    ['a bad period when the other side is empty', { before: [], after: [{ respondents: 3, mean: 30, sd: Infinity }] }, /after, period 1: the SD .* got Infinity\./],
  ])('refuses %s', (_label, override, message) => {
    const input = { before: one(BEFORE), after: one(AFTER), ...override } as Parameters<typeof welchInterval>[0];
    expect(() => welchInterval(input)).toThrow(RangeError);
    expect(() => welchInterval(input)).toThrow(message);
  });
});

describe('compareBeforeAfter (what a dashboard shows: whole numbers)', () => {
  it('needs at least 2 periods a side', () => {
    expect(MIN_PERIODS_EACH_SIDE).toBe(2);
  });

  it.each([
    // label, before, after, higherIsBetter, confidence, reading, beforeMean, afterMean, low, high, words
    // (−6.5261, −1.4739) rounded outward is −7 to −1.
    ['a fall where lower is better', split(BEFORE), split(AFTER), false, 0.95, 'likely improved', 28, 24, -7, -1, 'probably between 1 and 7 points lower: likely improved'],
    ['a fall where higher is better', split(BEFORE), split(AFTER), true, 0.95, 'likely worsened', 28, 24, -7, -1, 'probably between 1 and 7 points lower: likely worsened'],
    ['a rise where higher is better', split(AFTER), split(BEFORE), true, 0.95, 'likely improved', 24, 28, 1, 7, 'probably between 1 and 7 points higher: likely improved'],
    ['a rise where lower is better', split(AFTER), split(BEFORE), false, 0.95, 'likely worsened', 24, 28, 1, 7, 'probably between 1 and 7 points higher: likely worsened'],
    // (−5.1607, 3.1607): −6 to 4.
    ['an interval either side of 0', split(BEFORE), split(AFTER_NOISY), false, 0.95, 'no clear change yet', 28, 27, -6, 4, 'probably between 6 points lower and 4 points higher: no clear change yet'],
    // (−7.4618, −0.5382): a 99% interval clear of 0 reaches 0 once rounded outward, and reads as no clear change.
    ['a 99% interval within a point of 0', split(BEFORE), split(AFTER), false, 0.99, 'no clear change yet', 28, 24, -8, 0, 'probably between 0 and 8 points lower: no clear change yet'],
    // (−8.7184, 0.7184): −9 to 1.
    ['a 99.9% interval just past 0', split(BEFORE), split(AFTER), false, 0.999, 'no clear change yet', 28, 24, -9, 1, 'probably between 9 points lower and 1 point higher: no clear change yet'],
  ] as const)('%s: %s', (_label, before, after, higherIsBetter, confidence, reading, beforeMean, afterMean, low, high, words) => {
    expect(compareBeforeAfter({ before, after, higherIsBetter, confidence })).toEqual({
      reading,
      beforeMean,
      afterMean,
      difference: afterMean - beforeMean,
      low,
      high,
      words,
    });
  });

  it('shows the difference of the shown means, not the rounded difference of the means, inside bounds rounded outward', () => {
    // Means 30.4 and 31.6: a true difference of 1.2, shown as 32 − 30 = 2. SDs 0: the interval is the point 1.2.
    const result = compareBeforeAfter({
      before: [{ respondents: 3, mean: 30.4, sd: 0 }, { respondents: 2, mean: 30.4, sd: 0 }],
      after: [{ respondents: 3, mean: 31.6, sd: 0 }, { respondents: 2, mean: 31.6, sd: 0 }],
      higherIsBetter: true,
    });
    expect(result).toEqual({ reading: 'likely improved', beforeMean: 30, afterMean: 32, difference: 2, low: 1, high: 2, words: 'probably between 1 and 2 points higher: likely improved' });
  });

  it('keeps the shown difference inside the bounds when the means round apart', () => {
    // Means 30.5 and 31.49: a true difference of 0.99, shown as 31 − 31 = 0; the point 0.99 rounds outward to 0..1.
    const result = compareBeforeAfter({
      before: [{ respondents: 3, mean: 30.5, sd: 0 }, { respondents: 3, mean: 30.5, sd: 0 }],
      after: [{ respondents: 3, mean: 31.49, sd: 0 }, { respondents: 3, mean: 31.49, sd: 0 }],
      higherIsBetter: false,
    });
    expect(result).toMatchObject({ beforeMean: 31, afterMean: 31, difference: 0, low: 0, high: 1, reading: 'no clear change yet' });
  });

  it('never shows −0', () => {
    // The point −0.2 rounded up is −0; it is shown as 0.
    const result = compareBeforeAfter({
      before: [{ respondents: 3, mean: 30.2, sd: 0 }, { respondents: 3, mean: 30.2, sd: 0 }],
      after: [{ respondents: 3, mean: 30, sd: 0 }, { respondents: 3, mean: 30, sd: 0 }],
      higherIsBetter: true,
    });
    expect(result).toMatchObject({ difference: 0, low: -1, high: 0 });
    expect(Object.is((result as { high: number }).high, 0)).toBe(true);
  });

  it('is never narrower than the true interval, nor leaves the shown difference outside it', () => {
    // A spread of means and SDs: every whole-number result contains the unrounded interval and the shown difference.
    for (let i = 0; i < 200; i++) {
      const period = (j: number) => ({ respondents: 3 + ((i + j) % 5), mean: 20 + ((i * 7 + j * 3) % 23) / 3.7, sd: ((i + 2 * j) % 9) / 2.3 });
      const before = [period(1), period(2)];
      const after = [period(3), period(4), period(5)];
      const precise = welchInterval({ before, after })!;
      const shown = compareBeforeAfter({ before, after, higherIsBetter: i % 2 === 0 });
      if (shown.reading === 'not enough data yet') throw new Error('expected a comparison');
      expect(shown.low).toBeLessThanOrEqual(precise.low);
      expect(shown.high).toBeGreaterThanOrEqual(precise.high);
      expect(shown.difference).toBe(shown.afterMean - shown.beforeMean);
      expect(shown.difference).toBeGreaterThanOrEqual(shown.low);
      expect(shown.difference).toBeLessThanOrEqual(shown.high);
      expect([shown.beforeMean, shown.afterMean, shown.difference, shown.low, shown.high].every(Number.isInteger)).toBe(true);
    }
  });

  it('gives only whole numbers and words: no unrounded figure, no SD, no degrees of freedom', () => {
    const result = compareBeforeAfter({ before: split(BEFORE), after: split(AFTER_NOISY), higherIsBetter: true });
    expect(Object.keys(result).sort()).toEqual(['afterMean', 'beforeMean', 'difference', 'high', 'low', 'reading', 'words']);
  });

  it('uses a 95% interval when no confidence is given', () => {
    const input = { before: split(BEFORE), after: split(AFTER), higherIsBetter: false };
    expect(compareBeforeAfter(input)).toEqual(compareBeforeAfter({ ...input, confidence: 0.95 }));
    expect(compareBeforeAfter(input)).not.toEqual(compareBeforeAfter({ ...input, confidence: 0.99 }));
  });

  // se = 0 (every SD 0): the interval is the difference itself.
  it.each([
    // label, after mean, higherIsBetter, reading, difference, words
    ['a rise where higher is better', 32, true, 'likely improved', 2, 'probably 2 points higher: likely improved'],
    ['a rise where lower is better', 32, false, 'likely worsened', 2, 'probably 2 points higher: likely worsened'],
    ['a fall where higher is better', 27, true, 'likely worsened', -3, 'probably 3 points lower: likely worsened'],
    ['a fall where lower is better', 27, false, 'likely improved', -3, 'probably 3 points lower: likely improved'],
    ['no difference', 30, true, 'no clear change yet', 0, 'probably no change'],
  ] as const)('with every SD 0, %s', (_label, afterMean, higherIsBetter, reading, difference, words) => {
    const result = compareBeforeAfter({
      before: [{ respondents: 4, mean: 30, sd: 0 }, { respondents: 2, mean: 30, sd: 0 }],
      after: [{ respondents: 3, mean: afterMean, sd: 0 }, { respondents: 3, mean: afterMean, sd: 0 }],
      higherIsBetter,
    });
    expect(result).toEqual({ reading, beforeMean: 30, afterMean, difference, low: difference, high: difference, words });
  });

  it.each([
    ['no before periods', [], split(AFTER)],
    ['no after periods', split(BEFORE), []],
    ['no periods at all', [], []],
    // Enough people, but one period a side: the difference of two published periods, to a precision theirs lack.
    ['one period before', one(BEFORE), split(AFTER)],
    ['one period after', split(BEFORE), one(AFTER)],
    ['one period each side', one(BEFORE), one(AFTER)],
  ])('says not enough data yet with %s', (_label, before, after) => {
    expect(compareBeforeAfter({ before, after, higherIsBetter: true })).toEqual({ reading: 'not enough data yet' });
  });

  it('compares two periods of one respondent each: a pooled n of 2 is enough', () => {
    const two = [{ respondents: 1, mean: 28, sd: 0 }, { respondents: 1, mean: 30, sd: 0 }];
    expect(compareBeforeAfter({ before: two, after: two, higherIsBetter: true })).toMatchObject({ beforeMean: 29, afterMean: 29, difference: 0 });
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
    ['a bad period with one period a side', { before: [{ respondents: 3, mean: 30, sd: -2 }] }, /before, period 1: the SD .* got -2\./],
  ])('refuses %s', (_label, override, message) => {
    const input = { before: split(BEFORE), after: split(AFTER), higherIsBetter: true, ...override } as Parameters<typeof compareBeforeAfter>[0];
    expect(() => compareBeforeAfter(input)).toThrow(RangeError);
    expect(() => compareBeforeAfter(input)).toThrow(message);
  });
});

describe('readingInWords', () => {
  it.each([
    // low, high, higherIsBetter, words
    [-6, -1, false, 'probably between 1 and 6 points lower: likely improved'],
    [-6, -1, true, 'probably between 1 and 6 points lower: likely worsened'],
    [2, 5, true, 'probably between 2 and 5 points higher: likely improved'],
    [2, 5, false, 'probably between 2 and 5 points higher: likely worsened'],
    [-2, 3, true, 'probably between 2 points lower and 3 points higher: no clear change yet'],
    [-2, 3, false, 'probably between 2 points lower and 3 points higher: no clear change yet'],
    // A bound of exactly 0 includes 0.
    [0, 3, true, 'probably between 0 and 3 points higher: no clear change yet'],
    [-4, 0, false, 'probably between 0 and 4 points lower: no clear change yet'],
    [0, 0, true, 'probably no change'],
    // Equal bounds.
    [3, 3, true, 'probably 3 points higher: likely improved'],
    [-3, -3, true, 'probably 3 points lower: likely worsened'],
    // "1 point", singular.
    [1, 1, true, 'probably 1 point higher: likely improved'],
    [-1, -1, false, 'probably 1 point lower: likely improved'],
    [1, 4, false, 'probably between 1 and 4 points higher: likely worsened'],
    [-1, 1, true, 'probably between 1 point lower and 1 point higher: no clear change yet'],
    [0, 1, true, 'probably between 0 and 1 point higher: no clear change yet'],
    [-1, 0, true, 'probably between 0 and 1 point lower: no clear change yet'],
  ])('%i to %i (higher is better: %s): %s', (low, high, higherIsBetter, words) => {
    expect(readingInWords(low, high, higherIsBetter)).toBe(words);
  });

  it.each([
    ['a fractional low bound', 0.5, 3],
    ['a fractional high bound', -2, 2.5],
    ['a NaN bound', Number.NaN, 3],
    ['bounds the wrong way round', 3, -2],
  ])('refuses %s', (_label, low, high) => {
    expect(() => readingInWords(low, high, true)).toThrow(RangeError);
    expect(() => readingInWords(low, high, true)).toThrow(/whole numbers, the first not above the second/);
  });
});
