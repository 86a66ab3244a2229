/**
 * ProQOL 5 scoring. Pure: no I/O, no framework imports, deterministic.
 *
 * The key below is the instrument's own (ProQOL 5 self-score sheet, 2009-2012);
 * tests/unit/scoring/proqol5.test.ts checks it against the embedded instrument
 * definition so the two can never drift apart.
 */

export type Subscale = 'compassionSatisfaction' | 'burnout' | 'secondaryTraumaticStress';
export type Band = 'low' | 'moderate' | 'high';
export type SubscaleScore = { raw: number; band: Band };
export type Proqol5Scores = Record<Subscale, SubscaleScore>;

/** Identifies this scoring rule in stored check-ins, so a later change of rule can be told apart. */
export const SCORING_VERSION = 'proqol5-sum-1';

export const ITEM_COUNT = 30;
export const MIN_ANSWER = 1;
export const MAX_ANSWER = 5;

export const SUBSCALES: readonly Subscale[] = ['compassionSatisfaction', 'burnout', 'secondaryTraumaticStress'];

/** 1-based item numbers of each subscale (10 items each). */
export const SUBSCALE_ITEMS: Readonly<Record<Subscale, readonly number[]>> = {
  compassionSatisfaction: [3, 6, 12, 16, 18, 20, 22, 24, 27, 30],
  burnout: [1, 4, 8, 10, 15, 17, 19, 21, 26, 29],
  secondaryTraumaticStress: [2, 5, 7, 9, 11, 13, 14, 23, 25, 28],
};

/** Burnout items counted as 6 minus the answer. */
export const REVERSED_ITEMS: readonly number[] = [1, 4, 15, 17, 29];

/** Inclusive raw-score ranges of the bands; every subscale spans 10 to 50. */
export const BAND_RANGES: Readonly<Record<Band, readonly [number, number]>> = {
  low: [10, 22],
  moderate: [23, 41],
  high: [42, 50],
};

/**
 * The band of a subscale raw score: 22 or less is low, 23 to 41 moderate, 42 or more high.
 * @param raw a subscale sum, 10 to 50
 */
export function bandFor(raw: number): Band {
  if (raw <= BAND_RANGES.low[1]) return 'low';
  if (raw <= BAND_RANGES.moderate[1]) return 'moderate';
  return 'high';
}

/**
 * Checks one answer and names the item when it is not a whole number from 1 to 5.
 * @param itemNumber 1-based item number, used in the message
 */
export function assertAnswer(itemNumber: number, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new RangeError(`Item ${itemNumber}: the answer must be a whole number from 1 to 5, got ${String(value)}.`);
  }
  if (value < MIN_ANSWER || value > MAX_ANSWER) {
    throw new RangeError(`Item ${itemNumber}: the answer must be from 1 to 5, got ${value}.`);
  }
}

/**
 * Scores a complete ProQOL 5.
 *
 * Formula: each subscale is the sum of its 10 item values, where the Burnout
 * items 1, 4, 15, 17 and 29 count as (6 − answer). Range 10–50 per subscale;
 * bands per {@link bandFor}. There is no total score.
 *
 * @param answers `answers[i]` is the 1–5 response to item i+1; exactly 30 of them.
 * @throws RangeError naming the item when the length is wrong or an answer is not a whole number from 1 to 5.
 */
export function scoreProqol5(answers: readonly number[]): Record<Subscale, { raw: number; band: Band }> {
  if (answers.length < ITEM_COUNT) {
    throw new RangeError(
      `Expected ${ITEM_COUNT} answers, got ${answers.length}: item ${answers.length + 1} has no answer.`,
    );
  }
  if (answers.length > ITEM_COUNT) {
    throw new RangeError(
      `Expected ${ITEM_COUNT} answers, got ${answers.length}: item ${ITEM_COUNT + 1} is not part of the ProQOL 5.`,
    );
  }
  answers.forEach((value, index) => assertAnswer(index + 1, value));

  const score = (subscale: Subscale): SubscaleScore => {
    const raw = SUBSCALE_ITEMS[subscale].reduce((sum, item) => {
      const value = answers[item - 1] as number; // length checked above
      return sum + (REVERSED_ITEMS.includes(item) ? MAX_ANSWER + MIN_ANSWER - value : value);
    }, 0);
    return { raw, band: bandFor(raw) };
  };

  return {
    compassionSatisfaction: score('compassionSatisfaction'),
    burnout: score('burnout'),
    secondaryTraumaticStress: score('secondaryTraumaticStress'),
  };
}
