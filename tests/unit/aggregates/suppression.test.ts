import { describe, expect, it } from 'vitest';
import { decideSuppression, type SuppressionInput } from '../../../lib/aggregates/suppression';
import { canRecover, recoverableSmallSets } from '../../fixtures/differencing';

/** People as ids with the groups they count in; every one counts in the organisation "org". */
function scenario(teams: Record<string, number>, extra: { inBoth?: [string, string, number]; noTeam?: number } = {}) {
  const people: { id: string; groups: string[] }[] = [];
  for (const [team, n] of Object.entries(teams)) for (let i = 0; i < n; i++) people.push({ id: `${team}-${i}`, groups: ['org', team] });
  if (extra.inBoth) for (let i = 0; i < extra.inBoth[2]; i++) people.push({ id: `both-${i}`, groups: ['org', extra.inBoth[0], extra.inBoth[1]] });
  for (let i = 0; i < (extra.noTeam ?? 0); i++) people.push({ id: `none-${i}`, groups: ['org'] });
  const groups = [{ id: 'org', total: true }, ...Object.keys(teams).map((id) => ({ id }))];
  const atoms = new Map<string, { groups: string[]; size: number }>();
  for (const p of people) {
    const key = p.groups.join(',');
    atoms.set(key, { groups: p.groups, size: (atoms.get(key)?.size ?? 0) + 1 });
  }
  const input: SuppressionInput = { groups, atoms: [...atoms.values()], threshold: 5 };
  const membersOf = (group: string) => people.filter((p) => p.groups.includes(group)).map((p) => p.id);
  return { people, groups, input, membersOf };
}

function attack(s: ReturnType<typeof scenario>, status: Map<string, string>, viewer: string[] = s.groups.map((g) => g.id)) {
  const visible = viewer.filter((g) => status.get(g) === 'shown').map(s.membersOf);
  const hiddenSmall = s.groups.filter((g) => status.get(g.id) === 'too_few').map((g) => s.membersOf(g.id));
  return recoverableSmallSets(visible, hiddenSmall, 5);
}

describe('decideSuppression', () => {
  it.each([
    ['k − 1', 4, 'too_few'],
    ['k', 5, 'shown'],
    ['k + 1', 6, 'shown'],
  ])('a lone team of %s respondents is %s', (_, n, expected) => {
    const s = scenario({ a: n as number });
    // Team and organisation are the same people: one atom, so both stand or fall together.
    expect(decideSuppression(s.input).get('a')).toBe(expected);
    expect(decideSuppression(s.input).get('org')).toBe(expected);
  });

  it('the demo: Outreach 8, Crisis Response 5, Family Services 3 — Family is too few, and the total is hidden with it', () => {
    const s = scenario({ outreach: 8, crisis: 5, family: 3 });
    const status = decideSuppression(s.input);
    expect(Object.fromEntries(status)).toEqual({ org: 'complementary', outreach: 'shown', crisis: 'shown', family: 'too_few' });
    expect(attack(s, status)).toEqual([]);
    // Without the complementary step the organisation minus the two shown teams is Family Services.
    expect(canRecover([s.membersOf('org'), s.membersOf('outreach'), s.membersOf('crisis')], s.membersOf('family'))).toBe(true);
  });

  it('gives up the total before a team', () => {
    const s = scenario({ a: 5, b: 4 });
    // Hiding team a would leave the organisation alone, of 9, also safe; the total goes first.
    expect(Object.fromEntries(decideSuppression(s.input))).toEqual({ org: 'complementary', a: 'shown', b: 'too_few' });
    const big = scenario({ a: 20, b: 2 });
    expect(Object.fromEntries(decideSuppression(big.input))).toEqual({ org: 'complementary', a: 'shown', b: 'too_few' });
  });

  it('people in no team form a group of their own: two of them hide the total', () => {
    const s = scenario({ a: 6, b: 7 }, { noTeam: 2 });
    const status = decideSuppression(s.input);
    expect(Object.fromEntries(status)).toEqual({ org: 'complementary', a: 'shown', b: 'shown' });
    expect(attack(s, status)).toEqual([]);
    expect(canRecover([s.membersOf('org'), s.membersOf('a'), s.membersOf('b')], ['none-0', 'none-1'])).toBe(true);
  });

  it('one person in two teams cannot be isolated as teams plus the total', () => {
    const s = scenario({ a: 5, b: 5 }, { inBoth: ['a', 'b', 1] });
    const status = decideSuppression(s.input);
    // Hiding the total would leave a and b, whose overlap is still one person: a team has to go.
    expect(status.get('org')).toBe('shown');
    expect([status.get('a'), status.get('b')].sort()).toEqual(['complementary', 'shown']);
    expect(attack(s, status)).toEqual([]);
    // a + b − org is exactly the person in both.
    expect(canRecover([s.membersOf('org'), s.membersOf('a'), s.membersOf('b')], ['both-0'])).toBe(true);
  });

  it('a manager of a team of k and a team of k − 1 can recover nothing from what they are shown', () => {
    const s = scenario({ a: 5, b: 4, c: 9 });
    const status = decideSuppression(s.input);
    expect(status.get('b')).toBe('too_few');
    expect(attack(s, status, ['a', 'b'])).toEqual([]);
    expect(attack(s, status)).toEqual([]);
  });

  it.each([
    [{ a: 5, b: 5, c: 5, d: 5 }, {}],
    [{ a: 12, b: 3, c: 3, d: 9 }, {}],
    [{ a: 30, b: 1, c: 6 }, { noTeam: 4 }],
    [{ a: 5, b: 6, c: 7 }, { inBoth: ['a', 'c', 2] as [string, string, number], noTeam: 1 }],
    [{ a: 4, b: 4, c: 4, d: 4, e: 4 }, {}],
  ])('no view of %o leaves anything under k recoverable', (teams, extra) => {
    const s = scenario(teams, extra);
    const status = decideSuppression(s.input);
    expect(attack(s, status)).toEqual([]);
    // Nor does any subset of the groups (a manager's teams, or the teams without the total).
    const ids = s.groups.map((g) => g.id);
    for (let mask = 1; mask < 1 << ids.length; mask++) {
      expect(attack(s, status, ids.filter((_, i) => mask & (1 << i)))).toEqual([]);
    }
  });

  it('alsoHide hides a group of any size; a small one stays too few', () => {
    const s = scenario({ a: 6, b: 6, c: 2 });
    const status = decideSuppression({ ...s.input, alsoHide: new Set(['a', 'c']) });
    expect(Object.fromEntries(status)).toEqual({ org: 'shown', a: 'complementary', b: 'shown', c: 'too_few' });
  });

  it('breaks ties by id, and chooses the smallest atom first', () => {
    const input: SuppressionInput = {
      groups: [{ id: 'x' }, { id: 'y' }],
      atoms: [
        { groups: ['x', 'y'], size: 2 },
        { groups: ['x'], size: 5 },
        { groups: ['y'], size: 5 },
      ],
      threshold: 3,
    };
    expect(Object.fromEntries(decideSuppression(input))).toEqual({ x: 'complementary', y: 'shown' });
    const twoSmall: SuppressionInput = {
      groups: [{ id: 'p' }, { id: 'q' }, { id: 'r' }],
      atoms: [
        { groups: ['p', 'r'], size: 2 },
        { groups: ['q', 'r'], size: 1 },
        { groups: ['p'], size: 9 },
        { groups: ['q'], size: 9 },
      ],
      threshold: 3,
    };
    // The atom of 1 (q, r) goes first: r (3) is smaller than q (10); then p+r's atom merges into p.
    expect(Object.fromEntries(decideSuppression(twoSmall))).toEqual({ p: 'shown', q: 'shown', r: 'complementary' });
    const sameSize: SuppressionInput = {
      groups: [{ id: 'm' }, { id: 'n' }, { id: 'o' }],
      atoms: [
        { groups: ['m', 'o'], size: 1 },
        { groups: ['n', 'o'], size: 1 },
        { groups: ['m'], size: 1 },
        { groups: ['n'], size: 9 },
        { groups: ['o'], size: 9 },
      ],
      threshold: 2,
    };
    // Three atoms of 1; the first by key is "m" alone, and m (2) is the smallest group to hide.
    expect(decideSuppression(sameSize).get('m')).toBe('complementary');
  });

  it('when no single group brings a small atom up to the threshold, hides one of its own and goes on', () => {
    const input: SuppressionInput = {
      groups: [{ id: 'p' }, { id: 'q' }, { id: 'r' }],
      atoms: [
        { groups: ['p', 'q'], size: 1 },
        { groups: ['p'], size: 8 },
        { groups: ['q'], size: 8 },
        { groups: ['p', 'r'], size: 1 },
        { groups: ['q', 'r'], size: 1 },
        { groups: ['r'], size: 10 },
      ],
      threshold: 10,
    };
    expect(Object.fromEntries(decideSuppression(input))).toEqual({ p: 'complementary', q: 'complementary', r: 'shown' });
  });

  it("a neighbour that does not exist brings nothing: falls back to hiding one of the atom's own groups", () => {
    const input: SuppressionInput = {
      groups: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
      atoms: [
        { groups: ['x', 'y'], size: 1 },
        { groups: ['x', 'z'], size: 2 },
        { groups: ['y', 'z'], size: 2 },
        { groups: ['z'], size: 5 },
      ],
      threshold: 3,
    };
    expect(Object.fromEntries(decideSuppression(input))).toEqual({ x: 'complementary', y: 'complementary', z: 'shown' });
    // Listed in the other order, the decision is the same.
    expect(Object.fromEntries(decideSuppression({ ...input, groups: [...input.groups].reverse(), atoms: [...input.atoms].reverse() }))).toEqual({
      x: 'complementary',
      y: 'complementary',
      z: 'shown',
    });
  });

  it('band counts may be 0: an atom with nobody in a band is below the threshold', () => {
    const input: SuppressionInput = {
      groups: [{ id: 'org', total: true }, { id: 'a' }],
      atoms: [
        { groups: ['org', 'a'], size: 4 },
        { groups: ['org'], size: 0 },
      ],
      threshold: 3,
    };
    expect(Object.fromEntries(decideSuppression(input))).toEqual({ org: 'complementary', a: 'shown' });
  });

  it.each([
    [{ threshold: 0 }, 'threshold must be a whole number'],
    [{ threshold: 2.5 }, 'threshold must be a whole number'],
    [{ atoms: [{ groups: ['a'], size: -1 }] }, "an atom's size"],
    [{ atoms: [{ groups: ['a'], size: 1.5 }] }, "an atom's size"],
    [{ atoms: [{ groups: ['nope'], size: 1 }] }, 'unknown group nope'],
  ])('refuses %o', (override, message) => {
    const input: SuppressionInput = { groups: [{ id: 'a' }], atoms: [], threshold: 3, ...override };
    expect(() => decideSuppression(input)).toThrow(message);
  });
});
