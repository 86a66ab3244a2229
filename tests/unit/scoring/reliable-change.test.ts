import { describe, expect, it } from 'vitest';
import definition from '../../../lib/instruments/proqol5.json';
import { LITERATURE_SD, RELIABILITY_ALPHA, reliableChange, reliableChangeThreshold, SUBSCALES, type Subscale } from '../../../lib/scoring';

describe('the constants', () => {
  it('are the instrument file’s α and literature SD, for every subscale', () => {
    for (const subscale of SUBSCALES) {
      expect(RELIABILITY_ALPHA[subscale]).toBe(definition.reliabilityAlpha[subscale]);
      expect(LITERATURE_SD[subscale]).toBe(definition.literatureNorms[subscale].sd);
    }
  });
});

describe('reliableChangeThreshold', () => {
  it.each([
    ['compassionSatisfaction', 0.88, 6.5, 6.2413],
    ['burnout', 0.75, 5.4, 7.484],
    ['secondaryTraumaticStress', 0.81, 5.7, 6.887],
  ] as const)('%s: 1.96 · %d-α… is %d, not rounded', (subscale, alpha, sd, approx) => {
    const threshold = reliableChangeThreshold(subscale);
    expect(threshold).toBe(1.96 * sd * Math.SQRT2 * Math.sqrt(1 - alpha));
    expect(threshold).toBeCloseTo(approx, 3);
  });
});

describe('reliableChange', () => {
  // Scores are whole numbers, so each threshold falls between two differences:
  // CS 6 is within measurement error and 7 is not; BO 7 and 8; STS 6 and 7.
  it.each([
    // subscale, before, after, difference, direction
    ['compassionSatisfaction', 30, 36, 6, 'none'],
    ['compassionSatisfaction', 30, 37, 7, 'improved'],
    ['compassionSatisfaction', 37, 30, -7, 'worsened'],
    ['compassionSatisfaction', 36, 30, -6, 'none'],
    ['burnout', 30, 37, 7, 'none'],
    ['burnout', 30, 38, 8, 'worsened'],
    ['burnout', 38, 30, -8, 'improved'],
    ['burnout', 37, 30, -7, 'none'],
    ['secondaryTraumaticStress', 20, 26, 6, 'none'],
    ['secondaryTraumaticStress', 20, 27, 7, 'worsened'],
    ['secondaryTraumaticStress', 27, 20, -7, 'improved'],
    ['secondaryTraumaticStress', 26, 20, -6, 'none'],
    ['burnout', 25, 25, 0, 'none'],
    ['compassionSatisfaction', 10, 50, 40, 'improved'],
    ['secondaryTraumaticStress', 50, 10, -40, 'improved'],
  ] as const)('%s %d → %d: difference %d, %s', (subscale, before, after, difference, direction) => {
    expect(reliableChange(subscale, before, after)).toEqual({ difference, threshold: reliableChangeThreshold(subscale), direction });
  });

  it('calls a change reliable when the difference equals the threshold exactly', () => {
    // No whole-number difference equals these thresholds; the rule is |difference| ≥ threshold,
    // shown with the threshold rounded up being reliable and rounded down not.
    for (const subscale of SUBSCALES) {
      const threshold = reliableChangeThreshold(subscale);
      expect(reliableChange(subscale, 20, 20 + Math.ceil(threshold)).direction).not.toBe('none');
      expect(reliableChange(subscale, 20, 20 + Math.floor(threshold)).direction).toBe('none');
    }
  });

  it.each([
    ['a score below 10', 'burnout', 9, 20, /before score must be a whole number from 10 to 50, got 9/],
    ['a score above 50', 'burnout', 20, 51, /after score must be a whole number from 10 to 50, got 51/],
    ['a fractional score', 'burnout', 20.5, 20, /got 20\.5/],
    ['NaN', 'burnout', Number.NaN, 20, /got NaN/],
    ['a string', 'burnout', '20', 20, /got 20/],
    ['an unknown subscale', 'total', 20, 20, /Unknown subscale "total"/],
  ])('refuses %s', (_label, subscale, before, after, message) => {
    expect(() => reliableChange(subscale as Subscale, before as number, after as number)).toThrow(RangeError);
    expect(() => reliableChange(subscale as Subscale, before as number, after as number)).toThrow(message);
  });

  it('refuses an unknown subscale for the threshold too', () => {
    expect(() => reliableChangeThreshold('total' as Subscale)).toThrow(/Unknown subscale/);
  });
});
