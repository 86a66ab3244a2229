import { describe, expect, it } from 'vitest';
import { bandTone } from '../../../lib/instruments';

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
});
