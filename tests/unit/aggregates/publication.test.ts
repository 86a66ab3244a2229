import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSolver, type Solver } from '../../../lib/aggregates/disclosure';
import { decidePeriod, meanAndSd, type BandKey, type GroupFigures, type Respondent } from '../../../lib/aggregates/publication';
import { independentAudit } from '../../fixtures/independent-audit';

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
const shown = (f: GroupFigures | undefined) => {
  if (f?.status !== 'shown') throw new Error(`expected shown, got ${f?.status}`);
  return f;
};

let solver: Solver;
beforeAll(async () => {
  solver = await loadSolver();
});

describe('decidePeriod: who gives way', () => {
  // Team a's mean is safe on its own; beside b's and the total it would say too much. The total gives way, not the team.
  const a = [27, 24, 26, 27, 27, 13, 21].map((cs) => person(['a'], cs));
  const b = [12, 24, 12, 20, 31, 24, 27, 12].map((cs) => person(['b'], cs));
  const level = (result: Map<string, GroupFigures>, id: string) => shown(result.get(id)).subscales.compassionSatisfaction.level;

  it('coarsens the organisation before a team whose own figures are safe alone', () => {
    const result = decidePeriod(solver, { groups: groups('a', 'b'), respondents: [...a, ...b], threshold: 5 });
    expect(level(result, 'a')).toBe(2);
    expect(shown(result.get('a')).subscales.compassionSatisfaction.mean).not.toBeNull();
    expect(level(result, 'org')).toBe(2);
    expect(independentAudit(solver, [...a, ...b], result)).toEqual([]);
  });

  it('without a total to give way, the team itself is coarsened', () => {
    const result = decidePeriod(solver, { groups: [{ id: 'org' }, { id: 'a' }, { id: 'b' }], respondents: [...a, ...b], threshold: 5 });
    expect(level(result, 'a')).toBe(3);
    expect(level(result, 'org')).toBe(1);
  });
});

describe('decidePeriod: which groups', () => {
  it('shows a group of k with its count and unrounded mean and SD; hides k − 1 with nothing but the reason', () => {
    const five = [40, 42, 44, 30, 35].map((cs) => person(['a'], cs));
    const a = shown(decidePeriod(solver, { groups: groups('a'), respondents: five, threshold: 5 }).get('a'));
    expect(a.respondents).toBe(5);
    expect(a.subscales.compassionSatisfaction.mean).toBe(38.2);
    expect(a.subscales.compassionSatisfaction.sd).toBeCloseTo(5.6745, 4);
    // Five people can never show a distribution: every shown share stands for at least 4, and at least 3 must be possible outside any band.
    expect(a.subscales.compassionSatisfaction.cells).toBeNull();

    const four = decidePeriod(solver, { groups: groups('a'), respondents: five.slice(0, 4), threshold: 5 });
    expect(four.get('a')).toEqual({ status: 'too_few' });
    expect(four.get('org')).toEqual({ status: 'too_few' });
  });

  it('a person counted twice in their own atom list counts once', () => {
    const r = person(['a', 'a'], 30);
    const result = decidePeriod(solver, { groups: groups('a'), respondents: [r, person(['a'], 31), person(['a'], 32)], threshold: 3 });
    expect(result.get('a')).toMatchObject({ status: 'shown', respondents: 3 });
  });

  it('the demo shape: Family Services (3) too few, and the total hidden so it cannot be subtracted', () => {
    const respondents = [
      ...Array.from({ length: 8 }, (_, i) => person(['outreach'], 30 + i)),
      ...Array.from({ length: 5 }, (_, i) => person(['crisis'], 35 + i)),
      ...Array.from({ length: 3 }, (_, i) => person(['family'], 40 + i)),
    ];
    const result = decidePeriod(solver, { groups: groups('outreach', 'crisis', 'family'), respondents, threshold: 5 });
    expect(Object.fromEntries([...result].map(([id, f]) => [id, f.status]))).toEqual({ org: 'complementary', outreach: 'shown', crisis: 'shown', family: 'too_few' });
  });

  it.each([2, 0, 3.5])('refuses a threshold of %s', (threshold) => {
    expect(() => decidePeriod(solver, { groups: groups(), respondents: [], threshold })).toThrow('at least 3');
  });

  it('refuses a respondent in a group that is not in the view', () => {
    expect(() => decidePeriod(solver, { groups: groups(), respondents: [person(['ghost'], 30)], threshold: 3 })).toThrow('unknown group ghost');
  });

  it('mean and SD', () => {
    expect(meanAndSd([30])).toEqual({ mean: 30, sd: 0 });
    expect(meanAndSd([10, 20])).toEqual({ mean: 15, sd: Math.sqrt(50) });
  });
});

describe("decidePeriod: the privacy review's examples", () => {
  it('Crisis Response, 5 of 5 in one band: no share of 100% (nor any share) is shown', () => {
    // Each of the five has compassion satisfaction in the moderate band.
    const respondents = [30, 33, 35, 38, 40].map((cs) => person(['crisis'], cs));
    const crisis = shown(decidePeriod(solver, { groups: groups('crisis'), respondents, threshold: 5 }).get('crisis'));
    for (const s of Object.values(crisis.subscales)) expect(s.cells).toBeNull();
    expect(independentAudit(solver, respondents, decidePeriod(solver, { groups: groups('crisis'), respondents, threshold: 5 }))).toEqual([]);
  });

  it('all but fewer than 3 in one band (10 people, 8 moderate): no distribution', () => {
    const respondents = [30, 31, 32, 33, 34, 35, 36, 37, 45, 46].map((cs) => person(['a'], cs));
    const a = shown(decidePeriod(solver, { groups: groups('a'), respondents, threshold: 5 }).get('a'));
    expect(a.subscales.compassionSatisfaction.cells).toBeNull();
    expect(a.subscales.compassionSatisfaction.mean).not.toBeNull();
  });

  it('"fewer than 3 / 43% / fewer than 3" in a group of 7 cannot happen: 2, 3 and 2 people show no distribution', () => {
    const respondents = [20, 21, 30, 31, 32, 45, 46].map((cs) => person(['a'], cs));
    const result = decidePeriod(solver, { groups: groups('a'), respondents, threshold: 5 });
    expect(shown(result.get('a')).subscales.compassionSatisfaction.cells).toBeNull();
    expect(independentAudit(solver, respondents, result)).toEqual([]);
  });

  it("a team's small band is not the organisation's count minus the other team's", () => {
    // Everyone is in a or b. Burnout high: 2 in a, 4 in b.
    const respondents = [
      ...[45, 46, 25, 26, 27, 28, 29, 30].map((bo) => person(['a'], 35, bo)),
      ...[45, 46, 47, 48, 25, 26, 27, 28].map((bo) => person(['b'], 35, bo)),
    ];
    const result = decidePeriod(solver, { groups: groups('a', 'b'), respondents, threshold: 5 });
    expect(independentAudit(solver, respondents, result)).toEqual([]);
    const high = (id: string) => shown(result.get(id)).subscales.burnout.cells?.find((c) => c.bands.join() === 'high');
    expect(high('a')).toBeUndefined();
    // Were the organisation's 6 and b's 4 both shown, a's 2 would follow.
    expect(high('org') && high('b')).toBeFalsy();
  });

  it('a mean that pins everyone into one band is not shown (5 people, mean burnout 11)', () => {
    const respondents = [10, 10, 11, 11, 12].map((bo) => person(['a'], 35, bo));
    const result = decidePeriod(solver, { groups: groups('a'), respondents, threshold: 5 });
    expect(shown(result.get('a')).subscales.burnout.mean).toBeNull();
    expect(independentAudit(solver, respondents, result)).toEqual([]);
  });

  it('shows every band when each holds at least 4, and merges a small band into its neighbour when that is enough', () => {
    const cs = [15, 16, 17, 18, 30, 31, 32, 33, 34, 44, 45, 46, 47];
    const bo = [15, 16, 17, 18, 19, 30, 31, 32, 33, 34, 35, 36, 43];
    const respondents = cs.map((c, i) => person(['a'], c, bo[i]));
    const result = decidePeriod(solver, { groups: groups('a'), respondents, threshold: 5 });
    const a = shown(result.get('a'));
    expect(a.subscales.compassionSatisfaction.cells).toEqual([
      { bands: ['low'], count: 4 },
      { bands: ['moderate'], count: 5 },
      { bands: ['high'], count: 4 },
    ]);
    expect(a.subscales.burnout.cells).toEqual([
      { bands: ['low'], count: 5 },
      { bands: ['moderate', 'high'], count: 8 },
    ]);
    expect(a.subscales.burnout.level).toBe(1);
    expect(independentAudit(solver, respondents, result)).toEqual([]);
  });
});

describe('decidePeriod: property — the independent audit finds nothing', () => {
  const score = fc.oneof(fc.integer({ min: 10, max: 22 }), fc.integer({ min: 23, max: 41 }), fc.integer({ min: 42, max: 50 }), fc.constantFrom(10, 22, 23, 41, 42, 50));
  const org = fc.record({
    teams: fc.integer({ min: 1, max: 3 }),
    threshold: fc.integer({ min: 3, max: 5 }),
    // Skewed: most people near one score, a few anywhere.
    centre: fc.record({ cs: fc.integer({ min: 12, max: 48 }), bo: fc.integer({ min: 12, max: 48 }), sts: fc.integer({ min: 12, max: 48 }) }),
    people: fc.array(
      fc.record({
        teams: fc.subarray([0, 1, 2], { maxLength: 2 }),
        spread: fc.boolean(),
        cs: score,
        bo: score,
        sts: score,
        jitter: fc.integer({ min: -3, max: 3 }),
      }),
      { minLength: 3, maxLength: 22 },
    ),
  });

  it('over random organisations: overlapping teams, people in no team, small teams, skewed bands', () => {
    fc.assert(
      fc.property(org, (o) => {
        const clamp = (v: number) => Math.min(50, Math.max(10, v));
        const respondents = o.people.map((p) => {
          const pick = (centre: number, own: number) => (p.spread ? own : clamp(centre + p.jitter));
          return person(
            p.teams.filter((t) => t < o.teams).map((t) => `t${t}`),
            pick(o.centre.cs, p.cs),
            pick(o.centre.bo, p.bo),
            pick(o.centre.sts, p.sts),
          );
        });
        const teamIds = Array.from({ length: o.teams }, (_, t) => `t${t}`);
        const result = decidePeriod(solver, { groups: groups(...teamIds), respondents, threshold: o.threshold });
        expect(independentAudit(solver, respondents, result)).toEqual([]);
      }),
      { numRuns: 40, seed: 20261207 },
    );
  }, 120_000);
});
