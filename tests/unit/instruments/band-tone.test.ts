import { describe, expect, it } from 'vitest';
import { bandFills, bandTone, TONE_COLOURS } from '../../../lib/instruments';

describe('what a band’s colour says', () => {
  it.each([
    ['compassionSatisfaction', 'high', 'good'],
    ['compassionSatisfaction', 'moderate', 'middle'],
    ['compassionSatisfaction', 'low', 'concern'],
    ['burnout', 'low', 'good'],
    ['burnout', 'moderate', 'middle'],
    ['burnout', 'high', 'concern'],
    ['secondaryTraumaticStress', 'low', 'good'],
    ['secondaryTraumaticStress', 'high', 'concern'],
  ] as const)('%s %s is %s', (subscale, band, tone) => {
    expect(bandTone(subscale, band)).toBe(tone);
  });

  it('fills a chart’s bands by what they mean on that scale', () => {
    expect(bandFills('compassionSatisfaction')).toEqual({ low: TONE_COLOURS.concern, moderate: TONE_COLOURS.middle, high: TONE_COLOURS.good });
    expect(bandFills('burnout')).toEqual({ low: TONE_COLOURS.good, moderate: TONE_COLOURS.middle, high: TONE_COLOURS.concern });
  });
});
