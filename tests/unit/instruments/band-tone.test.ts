import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAND_EDGE_COLOUR, bandFills, bandTone, bandTones, TONE_COLOURS, TONE_PATTERN_INK } from '../../../lib/instruments';

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

describe('band fills that do not rely on colour alone', () => {
  const css = readFileSync(path.join(__dirname, '../../../app/globals.css'), 'utf8');
  const token = (name: string) => css.match(new RegExp(`--${name}:\\s*(#[0-9a-f]{6});`, 'i'))?.[1]?.toLowerCase();
  const rule = (selector: string) => css.match(new RegExp(`\\n${selector.replace('.', '\\.')} \\{([^}]*)\\}`))?.[1] ?? '';

  /** WCAG 2 contrast ratio of two #rrggbb colours. */
  function contrast(a: string, b: string): number {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  }

  it('gives each band its tone on every subscale', () => {
    expect(bandTones('compassionSatisfaction')).toEqual({ low: 'concern', moderate: 'middle', high: 'good' });
    expect(bandTones('secondaryTraumaticStress')).toEqual({ low: 'good', moderate: 'middle', high: 'concern' });
  });

  it('uses the same colours in the stylesheet as in the charts', () => {
    for (const tone of ['good', 'middle', 'concern'] as const) expect(token(tone)).toBe(TONE_COLOURS[tone]);
    expect(token('band-edge')).toBe(BAND_EDGE_COLOUR);
    expect(rule('.tone--middle')).toContain(TONE_PATTERN_INK.middle);
    expect(rule('.tone--concern')).toContain(TONE_PATTERN_INK.concern);
    expect(TONE_PATTERN_INK.good).toBeNull();
  });

  it('separates the fills, which are too alike to tell apart, by an edge of at least 3:1 against each and the paper', () => {
    const fills = Object.values(TONE_COLOURS);
    expect(Math.max(...fills.flatMap((a) => fills.map((b) => contrast(a, b))))).toBeLessThan(3);
    for (const fill of [...fills, '#ffffff']) expect(contrast(BAND_EDGE_COLOUR, fill)).toBeGreaterThanOrEqual(3);
    expect(rule('.scale')).toContain('border: 1px solid var(--band-edge)');
    expect(css).toMatch(/\.scale__band--moderate,\n\.scale__band--high \{\n\s*border-left: 2px solid var\(--band-edge\);/);
  });
});
