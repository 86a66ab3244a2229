import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditSubscale,
  BAND_SCORES,
  isSafeRange,
  loadSolver,
  percentOf,
  percentRange,
  presentationAt,
  sumRange,
  type AuditAtom,
  type Solver,
} from '../../../lib/aggregates/disclosure';
import { BAND_RANGES } from '../../../lib/scoring';
import type { GroupFigures, Respondent } from '../../../lib/aggregates/publication';
import { independentAudit } from '../../fixtures/independent-audit';

let solver: Solver;
beforeAll(async () => {
  solver = await loadSolver();
});

const atom = (groups: string[], scores: number[]): AuditAtom => {
  const counts = { low: 0, moderate: 0, high: 0 };
  const sums = { low: 0, moderate: 0, high: 0 };
  for (const s of scores) {
    const band = s <= 22 ? 'low' : s >= 42 ? 'high' : 'moderate';
    counts[band]++;
    sums[band] += s;
  }
  return { groups, counts, sums };
};

describe('rounding intervals', () => {
  it.each([
    [43, 7, [3, 3]],
    [100, 5, [5, 5]],
    [0, 300, [0, 1]],
    [1, 300, [2, 4]],
    [50, 10, [5, 5]],
    [33, 3, [1, 1]],
  ] as const)('a share of %i%% of %i people is %j people', (percent, n, range) => {
    expect(percentRange(percent, n)).toEqual(range);
    for (let c = range[0]; c <= range[1]; c++) expect(percentOf(c, n)).toBe(percent);
    if (range[0] > 0) expect(percentOf(range[0] - 1, n)).not.toBe(percent);
    if (range[1] < n) expect(percentOf(range[1] + 1, n)).not.toBe(percent);
  });

  it.each([
    [11, 5, [53, 57]],
    [35, 12, [414, 425]],
    [23, 8, [180, 187]],
  ] as const)('a mean of %i over %i people is a sum in %j', (mean, n, [lo, hi]) => {
    expect(sumRange(mean, n)).toEqual([lo, hi]);
    expect(Math.round(lo / n)).toBe(mean);
    expect(Math.round(hi / n)).toBe(mean);
    expect(Math.round((lo - 1) / n)).not.toBe(mean);
    expect(Math.round((hi + 1) / n)).not.toBe(mean);
  });

  it('the bands match the instrument', () => {
    expect(BAND_SCORES.low.max).toBe(BAND_RANGES.low[1]);
    expect(BAND_SCORES.moderate).toEqual({ min: BAND_RANGES.moderate[0], max: BAND_RANGES.moderate[1] });
    expect(BAND_SCORES.high.min).toBe(BAND_RANGES.high[0]);
  });
});

describe('isSafeRange: what a viewer may learn of a band, even one who is in it', () => {
  it.each([
    [0, 0, false, 'shown empty'],
    [0, 1, false, 'a viewer in it is alone'],
    [1, 2, false, 'holds 1 or 2'],
    [2, 2, false, 'exactly 2'],
    [2, 3, false, 'a viewer in it learns 1 or 2 others'],
    [3, 3, false, 'a viewer in it learns exactly 2 others'],
    [0, 2, true, 'could be empty, could hold 2'],
    [1, 3, true, 'at least one, possibly 3'],
    [4, 4, true, 'a shown share of 4'],
    [2, 6, true, 'between 2 and 6'],
  ])('%i to %i: %s (%s)', (lo, hi, safe) => {
    expect(isSafeRange(lo, hi)).toBe(safe);
  });
});

describe('presentationAt', () => {
  it.each([
    [0, { low: 4, moderate: 4, high: 4 }, 0, [['low'], ['moderate'], ['high']]],
    [0, { low: 5, moderate: 9, high: 0 }, 1, [['low'], ['moderate', 'high']]],
    [0, { low: 0, moderate: 6, high: 5 }, 1, [['low', 'moderate'], ['high']]],
    [0, { low: 4, moderate: 1, high: 6 }, 1, [['low', 'moderate'], ['high']]],
    [0, { low: 6, moderate: 1, high: 4 }, 1, [['low'], ['moderate', 'high']]],
    [0, { low: 5, moderate: 0, high: 5 }, 1, [['low'], ['moderate', 'high']]],
    [0, { low: 3, moderate: 9, high: 2 }, 2, null],
    [1, { low: 4, moderate: 4, high: 4 }, 1, [['low'], ['moderate', 'high']]],
    [2, { low: 4, moderate: 4, high: 4 }, 2, null],
    [3, { low: 4, moderate: 4, high: 4 }, 3, null],
  ] as const)('level %i of %j is level %i: %j', (level, counts, expected, cells) => {
    const p = presentationAt(level, counts);
    expect(p.level).toBe(expected);
    expect(p.cells?.map((c) => c.bands) ?? null).toEqual(cells);
    expect(p.meanShown).toBe(expected < 3);
    for (const c of p.cells ?? []) expect(c.count).toBe(c.bands.reduce((s, b) => s + counts[b], 0));
  });
});

describe('auditSubscale', () => {

  it('finds a 100% share, a share of 3 and a mean that pins everyone', () => {
    const five = atom(['a'], [30, 33, 35, 38, 40]);
    expect(auditSubscale(solver, [five], [{ id: 'a', respondents: 5, mean: 35, cells: [{ bands: ['moderate'], percent: 100 }] }])).toContainEqual({
      unit: { group: 'a', groups: ['a'] },
      band: 'moderate',
      rule: 'concentration',
    });
    const seven = atom(['a'], [20, 21, 30, 31, 32, 45, 46]);
    expect(auditSubscale(solver, [seven], [{ id: 'a', respondents: 7, mean: null, cells: [{ bands: ['moderate'], percent: 43 }] }]).map((v) => v.rule)).toContain('band size');
    const low = atom(['a'], [10, 10, 11, 11, 12]);
    expect(auditSubscale(solver, [low], [{ id: 'a', respondents: 5, mean: 11, cells: null }])).toContainEqual({ unit: { group: 'a', groups: ['a'] }, band: 'low', rule: 'concentration' });
    expect(auditSubscale(solver, [low], [{ id: 'a', respondents: 5, mean: null, cells: null }])).toEqual([]);
  });

  it('finds a small hidden band pinned by subtraction across groups, on an atom of its own', () => {
    // The organisation is a and the people in no team; a shows its low share, the organisation its own: the rest have none.
    const a = atom(['org', 'a'], [15, 16, 17, 18, 30, 31, 32, 33]);
    const rest = atom(['org'], [30, 31, 32, 33, 34]);
    const violations = auditSubscale(solver, [a, rest], [
      { id: 'org', respondents: 13, mean: null, cells: [{ bands: ['low'], percent: 31 }, { bands: ['moderate', 'high'], percent: 69 }] },
      { id: 'a', respondents: 8, mean: null, cells: [{ bands: ['low'], percent: 50 }, { bands: ['moderate', 'high'], percent: 50 }] },
    ]);
    expect(violations).toContainEqual({ unit: { groups: ['org'] }, band: 'low', rule: 'band size' });
  });

  it('a small hidden band that is shown not to be empty fails, whatever else holds', () => {
    // Four people whose mean (46) needs at least one of them high, with the distribution not shown.
    const four = atom(['a'], [44, 45, 46, 49]);
    expect(auditSubscale(solver, [four], [{ id: 'a', respondents: 4, mean: 46, cells: null }]).map((v) => v.rule)).toContain('concentration');
    const mixed = atom(['a'], [41, 41, 41, 42, 50, 50]);
    // Mean 44 over 6: at least one must be high, and at most one low.
    expect(auditSubscale(solver, [mixed], [{ id: 'a', respondents: 6, mean: 44, cells: null }])).toEqual([
      { unit: { group: 'a', groups: ['a'] }, band: 'low', rule: 'hidden band' },
      { unit: { group: 'a', groups: ['a'] }, band: 'high', rule: 'hidden band' },
    ]);
  });
});

describe('a solver that proves nothing', () => {
  it('fails closed: every check it was needed for is a violation', () => {
    const failing = { ...solver, raw: { ...solver.raw, lpCall: () => ({ status: -1 as const }), mipCall: () => ({ status: -1 as const }) } } as unknown as Solver;
    // The organisation's low band is spread over two atoms under one mean: no quick witness, so the solver must decide.
    const atoms = [atom(['org', 'a'], [20, 30, 31, 32]), atom(['org'], [21, 33, 34, 35])];
    const figures = [
      { id: 'org', respondents: 8, mean: 30, cells: null },
      { id: 'a', respondents: 4, mean: null, cells: null },
    ];
    const low = { unit: { group: 'org', groups: ['org'] }, band: 'low', rule: 'hidden band' };
    expect(auditSubscale(solver, atoms, figures)).not.toContainEqual(low);
    expect(auditSubscale(failing, atoms, figures)).toContainEqual(low);
  });
});

describe('the independent audit can fail', () => {
  it("finds the review's leaks in figures published without the audit", () => {
    const bandOf = (raw: number) => (raw <= 22 ? 'low' : raw >= 42 ? 'high' : 'moderate') as 'low' | 'moderate' | 'high';
    const respondents: Respondent[] = [30, 33, 35, 38, 40].map((cs) => ({
      groups: ['org', 'crisis'],
      scores: { compassionSatisfaction: { raw: cs, band: bandOf(cs) }, burnout: { raw: 25, band: 'moderate' }, secondaryTraumaticStress: { raw: 20, band: 'low' } },
    }));
    const stats = { mean: 35.2, sd: 4, level: 0 as const };
    const leaky: GroupFigures = {
      status: 'shown',
      respondents: 5,
      subscales: {
        compassionSatisfaction: { ...stats, cells: [{ bands: ['moderate'], count: 5 }] },
        burnout: { ...stats, mean: 25, cells: null },
        secondaryTraumaticStress: { ...stats, mean: 20, cells: null },
      },
    };
    const findings = independentAudit(solver, respondents, new Map<string, GroupFigures>([['crisis', leaky], ['org', { status: 'complementary' }]]));
    expect(findings.map((f) => f.why)).toEqual(expect.arrayContaining(['all but fewer than 3 are shown to share the band', 'the band is shown to be empty']));
  });
});
