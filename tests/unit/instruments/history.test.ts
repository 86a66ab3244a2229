import { describe, expect, it } from 'vitest';
import { buildHistory, signedPoints } from '../../../lib/instruments/history';
import { bandFor, reliableChangeThreshold, type Proqol5Scores } from '../../../lib/scoring';

const scores = (cs: number, bo: number, sts: number): Proqol5Scores => ({
  compassionSatisfaction: { raw: cs, band: bandFor(cs) },
  burnout: { raw: bo, band: bandFor(bo) },
  secondaryTraumaticStress: { raw: sts, band: bandFor(sts) },
});

describe('a person’s history', () => {
  it('is one series per subscale, oldest first whatever the order given, with each change and whether it is real', () => {
    const history = buildHistory([
      { id: 'c', submittedAt: new Date('2026-11-10T09:00:00Z'), scores: scores(30, 30, 29) },
      { id: 'a', submittedAt: new Date('2026-09-10T09:00:00Z'), scores: scores(35, 40, 20) },
      { id: 'b', submittedAt: new Date('2026-10-10T09:00:00Z'), scores: scores(34, 31, 20) },
    ]);
    expect(history.burnout.map((p) => [p.checkInId, p.raw, p.band, p.change?.difference ?? null, p.change?.direction ?? null])).toEqual([
      ['a', 40, 'moderate', null, null],
      ['b', 31, 'moderate', -9, 'improved'],
      ['c', 30, 'moderate', -1, 'none'],
    ]);
    expect(history.compassionSatisfaction.map((p) => p.change?.direction ?? null)).toEqual([null, 'none', 'none']);
    expect(history.secondaryTraumaticStress.map((p) => p.change?.difference ?? null)).toEqual([null, 0, 9]);
    expect(history.secondaryTraumaticStress[2]!.change).toEqual({ difference: 9, threshold: reliableChangeThreshold('secondaryTraumaticStress'), direction: 'worsened' });
    expect(history.burnout[0]!.at).toBe(Date.parse('2026-09-10T09:00:00Z'));
  });

  it('is empty with no check-ins, and has no change for a single one', () => {
    expect(buildHistory([]).burnout).toEqual([]);
    expect(buildHistory([{ id: 'x', submittedAt: new Date(), scores: scores(30, 30, 30) }]).burnout[0]!.change).toBeNull();
  });

  it.each([
    [9, '+9'],
    [-2, '−2'],
    [0, '0'],
  ])('writes %d as %s', (difference, text) => {
    expect(signedPoints(difference)).toBe(text);
  });
});
