import { describe, expect, it } from 'vitest';
import { betterWay, sinceText, summariseLatest } from '../../../lib/instruments';
import { bandFor, reliableChange, type Proqol5Scores } from '../../../lib/scoring';

function scores(cs: number, bo: number, sts: number): Proqol5Scores {
  return {
    compassionSatisfaction: { raw: cs, band: bandFor(cs) },
    burnout: { raw: bo, band: bandFor(bo) },
    secondaryTraumaticStress: { raw: sts, band: bandFor(sts) },
  };
}

const at = (iso: string) => new Date(iso);

describe('the home page’s summary of the latest check-in', () => {
  it('is nothing before a first check-in', () => {
    expect(summariseLatest([], 'Europe/London')).toBeNull();
  });

  it('compares a first check-in with nothing', () => {
    const summary = summariseLatest([{ id: 'a', submittedAt: at('2026-05-01T10:00:00Z'), scores: scores(30, 30, 30) }], 'Europe/London')!;
    expect(summary.checkInId).toBe('a');
    expect(summary.scales.map((s) => [s.subscale, s.raw, s.band, s.higherIsBetter, s.sinceLast, s.sinceThreeMonths])).toEqual([
      ['compassionSatisfaction', 30, 'moderate', true, null, null],
      ['burnout', 30, 'moderate', false, null, null],
      ['secondaryTraumaticStress', 30, 'moderate', false, null, null],
    ]);
  });

  it('compares the latest with the one before and with the newest at least three months earlier, in any order given', () => {
    const checkIns = [
      { id: 'feb', submittedAt: at('2026-02-10T09:00:00Z'), scores: scores(30, 35, 30) },
      { id: 'jun', submittedAt: at('2026-06-10T09:00:00Z'), scores: scores(31, 22, 29) },
      { id: 'mar', submittedAt: at('2026-03-10T09:00:00Z'), scores: scores(30, 34, 30) },
      { id: 'may', submittedAt: at('2026-05-20T09:00:00Z'), scores: scores(31, 25, 29) },
    ];
    const summary = summariseLatest(checkIns, 'Europe/London')!;
    const burnout = summary.scales[1]!;
    expect(summary.checkInId).toBe('jun');
    expect(burnout.sinceLast).toEqual({ checkInId: 'may', at: at('2026-05-20T09:00:00Z'), change: reliableChange('burnout', 25, 22) });
    // 10 March is exactly three months before 10 June: the newest at or before that day.
    expect(burnout.sinceThreeMonths).toEqual({ checkInId: 'mar', at: at('2026-03-10T09:00:00Z'), change: reliableChange('burnout', 34, 22) });
    expect(burnout.sinceThreeMonths!.change.direction).toBe('improved');
  });

  it('says the longer comparison once when it is the check-in before', () => {
    const summary = summariseLatest(
      [
        { id: 'jan', submittedAt: at('2026-01-05T09:00:00Z'), scores: scores(30, 30, 30) },
        { id: 'jun', submittedAt: at('2026-06-05T09:00:00Z'), scores: scores(30, 30, 30) },
      ],
      'Europe/London',
    )!;
    expect(summary.scales[0]!.sinceLast?.checkInId).toBe('jan');
    expect(summary.scales[0]!.sinceThreeMonths).toBeNull();
  });

  it('has no longer comparison when nothing is three months old', () => {
    const summary = summariseLatest(
      [
        { id: 'a', submittedAt: at('2026-05-01T09:00:00Z'), scores: scores(30, 30, 30) },
        { id: 'b', submittedAt: at('2026-06-01T09:00:00Z'), scores: scores(30, 30, 30) },
        { id: 'c', submittedAt: at('2026-07-01T09:00:00Z'), scores: scores(30, 30, 30) },
      ],
      'Europe/London',
    )!;
    expect(summary.scales[2]!.sinceLast?.checkInId).toBe('b');
    expect(summary.scales[2]!.sinceThreeMonths).toBeNull();
  });
});

describe('a change in words', () => {
  it('says which way is better', () => {
    expect(betterWay(true)).toBe('higher is better');
    expect(betterWay(false)).toBe('lower is better');
  });

  it.each([
    ['burnout', 25, 22, 'Since 20 May 2026: 3 points lower, within the usual ups and downs.'],
    ['burnout', 34, 22, 'Since 20 May 2026: 12 points lower, a real change for the better.'],
    ['burnout', 22, 34, 'Since 20 May 2026: 12 points higher, a real change.'],
    ['compassionSatisfaction', 30, 31, 'Since 20 May 2026: 1 point higher, within the usual ups and downs.'],
    ['compassionSatisfaction', 30, 40, 'Since 20 May 2026: 10 points higher, a real change for the better.'],
    ['secondaryTraumaticStress', 30, 30, 'Since 20 May 2026: the same.'],
  ] as const)('%s from %i to %i', (subscale, before, after, text) => {
    expect(sinceText(reliableChange(subscale, before, after), '20 May 2026')).toBe(text);
  });
});
