import { describe, expect, it } from 'vitest';
import { bandPercent, decidePeriod, meanAndSd, type BandKey, type Respondent } from '../../../lib/aggregates/publication';

const bandOf = (raw: number): BandKey => (raw <= 22 ? 'low' : raw >= 42 ? 'high' : 'moderate');

/** A respondent in `groups` with the same raw score on every subscale unless given. */
function person(groups: string[], cs: number, bo = 25, sts = 20): Respondent {
  return {
    groups: ['org', ...groups],
    scores: {
      compassionSatisfaction: { raw: cs, band: bandOf(cs) },
      burnout: { raw: bo, band: bandOf(bo) },
      secondaryTraumaticStress: { raw: sts, band: bandOf(sts) },
    },
  };
}

const groups = (...teams: string[]) => [{ id: 'org', total: true }, ...teams.map((id) => ({ id }))];

describe('decidePeriod', () => {
  it('shows a group of k with its count, unrounded means and SDs; hides k − 1 with nothing but the reason', () => {
    const five = [40, 42, 44, 30, 35].map((cs) => person(['a'], cs));
    const shown = decidePeriod({ groups: groups('a'), respondents: five, threshold: 5 });
    const a = shown.get('a')!;
    expect(a.status).toBe('shown');
    if (a.status !== 'shown') return;
    expect(a.respondents).toBe(5);
    expect(a.subscales.compassionSatisfaction.mean).toBe(38.2);
    expect(a.subscales.compassionSatisfaction.sd).toBeCloseTo(5.6745, 4);
    expect(a.subscales.compassionSatisfaction.bands).toEqual({ low: { status: 'fewer_than_3' }, moderate: { status: 'shown', count: 3 }, high: { status: 'fewer_than_3' } });

    const four = decidePeriod({ groups: groups('a'), respondents: five.slice(0, 4), threshold: 5 });
    expect(four.get('a')).toEqual({ status: 'too_few' });
    expect(four.get('org')).toEqual({ status: 'too_few' });
  });

  it('a person counted twice in their own atom list counts once', () => {
    const r = person(['a', 'a'], 30);
    const result = decidePeriod({ groups: groups('a'), respondents: [r, person(['a'], 31), person(['a'], 32)], threshold: 3 });
    expect(result.get('a')).toMatchObject({ status: 'shown', respondents: 3 });
  });

  it('the demo shape: Family Services (3) too few, and the total hidden so it cannot be subtracted', () => {
    const respondents = [
      ...Array.from({ length: 8 }, (_, i) => person(['outreach'], 30 + i)),
      ...Array.from({ length: 5 }, (_, i) => person(['crisis'], 35 + i)),
      ...Array.from({ length: 3 }, (_, i) => person(['family'], 40 + i)),
    ];
    const result = decidePeriod({ groups: groups('outreach', 'crisis', 'family'), respondents, threshold: 5 });
    expect(Object.fromEntries([...result].map(([id, f]) => [id, f.status]))).toEqual({ org: 'complementary', outreach: 'shown', crisis: 'shown', family: 'too_few' });
    expect(result.get('family')).toEqual({ status: 'too_few' });
    expect(result.get('org')).toEqual({ status: 'complementary' });
  });

  it('when one band alone would be hidden, the next smallest is withheld so it cannot be worked out from the count', () => {
    // 8 people: compassion satisfaction low 2, moderate 3, high 3.
    const respondents = [20, 21, 30, 31, 32, 45, 46, 47].map((cs) => person(['a'], cs));
    const result = decidePeriod({ groups: groups('a'), respondents, threshold: 5 });
    const a = result.get('a')!;
    if (a.status !== 'shown') throw new Error('expected shown');
    const bands = a.subscales.compassionSatisfaction.bands;
    expect(bands.low).toEqual({ status: 'fewer_than_3' });
    expect([bands.moderate.status, bands.high.status].sort()).toEqual(['shown', 'withheld']);
    // Every subscale: no group ever shows exactly two of its three bands.
    for (const [, figures] of result) {
      if (figures.status !== 'shown') continue;
      for (const s of Object.values(figures.subscales)) {
        expect(Object.values(s.bands).filter((b) => b.status === 'shown').length).not.toBe(2);
      }
    }
  });

  it("a team's small band cannot be worked out as the organisation's count minus the other team's", () => {
    // Everyone is in a or b. Burnout high: 2 in a, 4 in b, so the organisation has 6.
    const respondents = [
      ...[45, 46, 25, 26, 27, 28].map((bo) => person(['a'], 35, bo)),
      ...[45, 46, 47, 48, 25, 26].map((bo) => person(['b'], 35, bo)),
    ];
    const result = decidePeriod({ groups: groups('a', 'b'), respondents, threshold: 5 });
    const org = result.get('org')!;
    const a = result.get('a')!;
    const b = result.get('b')!;
    if (org.status !== 'shown' || a.status !== 'shown' || b.status !== 'shown') throw new Error('expected all shown');
    expect(a.subscales.burnout.bands.high).toEqual({ status: 'fewer_than_3' });
    // Were the organisation's 6 and b's 4 both shown, a's 2 would follow.
    const shownHigh = [org, b].filter((g) => g.subscales.burnout.bands.high.status === 'shown');
    expect(shownHigh.length).toBeLessThan(2);
  });

  it.each([2, 0, 3.5])('refuses a threshold of %s', (threshold) => {
    expect(() => decidePeriod({ groups: groups(), respondents: [], threshold })).toThrow('at least 3');
  });

  it('refuses a respondent in a group that is not in the view', () => {
    expect(() => decidePeriod({ groups: groups(), respondents: [person(['ghost'], 30)], threshold: 3 })).toThrow('unknown group ghost');
  });

  it('mean, SD and percentages', () => {
    expect(meanAndSd([30])).toEqual({ mean: 30, sd: 0 });
    expect(meanAndSd([10, 20])).toEqual({ mean: 15, sd: Math.sqrt(50) });
    expect(bandPercent(1, 3)).toBe(33);
    expect(bandPercent(2, 3)).toBe(67);
  });
});
