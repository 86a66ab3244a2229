import { auditSubscale, percentOf, presentationAt, type AuditAtom, type AuditGroup, type BandKey, type Cell, type Level, type Presentation, type Solver } from './disclosure';
import { decideSuppression, type SuppressionStatus } from './suppression';

/**
 * One closed period's figures for every group of an organisation, decided in
 * one go from the period's respondents. Pure but for the solver: the
 * aggregation service gathers the respondents (each person once: their latest
 * check-in in the period, with the teams they count for) and stores the
 * result, which is never recomputed.
 *
 * Two decisions, in order:
 * 1. which groups are shown at all (`decideSuppression`: every atom of people
 *    with the same shown groups holds at least k, so no subtraction isolates
 *    fewer than k);
 * 2. for each shown group and subscale, how much is shown (lib/aggregates/disclosure.ts):
 *    the finest presentation its counts allow, coarsened until the integer
 *    programming audit over every figure of the period finds nothing that
 *    tells a viewer a band is empty, holds one or two, or holds all but fewer
 *    than 3, even with their own answer taken out.
 */

export { BANDS, type BandKey } from './disclosure';
export const SUBSCALES = ['compassionSatisfaction', 'burnout', 'secondaryTraumaticStress'] as const;
export type SubscaleKey = (typeof SUBSCALES)[number];

export type Respondent = {
  /** The groups the person counts in for this period: the organisation's key and their teams'. */
  groups: readonly string[];
  scores: Record<SubscaleKey, { raw: number; band: BandKey }>;
};

export type SubscaleFigures = {
  /**
   * Unrounded mean and sample SD (n − 1), kept for before/after comparisons;
   * pages round the mean and never show the SD. Null when the mean is not shown.
   */
  mean: number | null;
  sd: number | null;
  /** The shown shares (one band, or two merged), or null when the distribution is not shown. */
  cells: Cell[] | null;
  /** How coarse the decision had to be (0 every band … 3 the count alone). */
  level: Level;
};

export type GroupFigures =
  | { status: 'shown'; respondents: number; subscales: Record<SubscaleKey, SubscaleFigures> }
  | { status: Exclude<SuppressionStatus, 'shown'> };

/**
 * @param groups every group of the organisation (the organisation marked `total`)
 * @param threshold the anonymity threshold k (at least 3)
 * @throws RangeError for a threshold below 3
 */
export function decidePeriod(
  solver: Solver,
  input: {
    groups: readonly { id: string; total?: boolean }[];
    respondents: readonly Respondent[];
    threshold: number;
  },
): Map<string, GroupFigures> {
  const { groups, respondents, threshold } = input;
  if (!Number.isInteger(threshold) || threshold < 3) throw new RangeError(`the anonymity threshold must be a whole number of at least 3, not ${threshold}`);

  const cells = decideSuppression({ groups, atoms: atomsOf(respondents, () => true).map((a) => ({ groups: a.groups, size: a.people.length })), threshold });
  const shown = groups.filter((g) => cells.get(g.id) === 'shown');
  const isShown = (id: string) => cells.get(id) === 'shown';
  const membersOf = new Map<string, Respondent[]>(shown.map((g) => [g.id, []]));
  for (const r of respondents) for (const id of new Set(r.groups)) membersOf.get(id)?.push(r);
  // The atoms a viewer can tell apart: people with the same shown groups.
  const atoms = atomsOf(respondents, isShown).filter((a) => a.groups.length > 0);

  const decided = new Map<string, Record<SubscaleKey, Presentation>>();
  for (const g of shown) decided.set(g.id, {} as Record<SubscaleKey, Presentation>);
  for (const subscale of SUBSCALES) {
    const countsOf = (people: readonly Respondent[]) => tally(people, subscale).counts;
    for (const g of shown) decided.get(g.id)![subscale] = presentationAt(0, countsOf(membersOf.get(g.id)!));
    const auditAtoms: AuditAtom[] = atoms.map((a) => ({ groups: a.groups, ...tally(a.people, subscale) }));
    const total = new Set(groups.filter((g) => g.total).map((g) => g.id));
    /** Whether a group's own figures, with nothing else shown, fail the audit for a band. */
    const failsAlone = (id: string, band: BandKey) => {
      const people = membersOf.get(id)!;
      const own = publishedFigures(id, people, subscale, decided.get(id)![subscale]);
      return auditSubscale(solver, [{ groups: [id], ...tally(people, subscale) }], [own]).some((x) => x.unit.group === id && x.band === band);
    };
    for (;;) {
      const figures: AuditGroup[] = shown.map((g) => publishedFigures(g.id, membersOf.get(g.id)!, subscale, decided.get(g.id)![subscale]));
      const violations = auditSubscale(solver, auditAtoms, figures);
      if (violations.length === 0) break;
      const coarsen = new Set<string>();
      for (const v of violations) {
        // A group whose own figures say too much is coarsened itself. Where only the combination with others
        // does, the organisation gives way first (a team's own figures are what its managers come for); then
        // the smallest group holding the people concerned (then by id).
        const level = (id: string) => decided.get(id)![subscale].level;
        const holds = (g: string) => atoms.some((a) => a.groups.includes(g) && v.unit.groups.every((id) => a.groups.includes(id)));
        const selfFirst = v.unit.group !== undefined && failsAlone(v.unit.group, v.band);
        const rank = (g: { id: string }) =>
          `${selfFirst ? Number(g.id !== v.unit.group) : 0}${Number(!total.has(g.id))}${Number(g.id !== v.unit.group)}${String(membersOf.get(g.id)!.length).padStart(10, '0')}${g.id}`;
        const candidates = shown.filter((g) => level(g.id) < 3 && holds(g.id)).sort((a, b) => rank(a).localeCompare(rank(b), 'en'));
        coarsen.add(candidates[0]!.id);
      }
      for (const id of coarsen) {
        const current = decided.get(id)![subscale];
        decided.get(id)![subscale] = presentationAt((current.level + 1) as Level, countsOf(membersOf.get(id)!));
      }
    }
  }

  const result = new Map<string, GroupFigures>();
  for (const group of groups) {
    const status = cells.get(group.id)!;
    if (status !== 'shown') {
      result.set(group.id, { status });
      continue;
    }
    const members = membersOf.get(group.id)!;
    const subscales = Object.fromEntries(
      SUBSCALES.map((subscale) => {
        const p = decided.get(group.id)![subscale];
        const stats = p.meanShown ? meanAndSd(members.map((r) => r.scores[subscale].raw)) : { mean: null, sd: null };
        return [subscale, { ...stats, cells: p.cells, level: p.level } satisfies SubscaleFigures];
      }),
    ) as Record<SubscaleKey, SubscaleFigures>;
    result.set(group.id, { status: 'shown', respondents: members.length, subscales });
  }
  return result;
}

/** What a group's presentation publishes, as the audit sees it: whole-number percentages and mean. */
function publishedFigures(id: string, members: readonly Respondent[], subscale: SubscaleKey, p: Presentation): AuditGroup {
  const n = members.length;
  return {
    id,
    respondents: n,
    mean: p.meanShown ? Math.round(meanAndSd(members.map((r) => r.scores[subscale].raw)).mean) : null,
    cells: p.cells?.map((c) => ({ bands: c.bands, percent: percentOf(c.count, n) })) ?? null,
  };
}

/** How many people are in each band, and the sum of their scores in each. */
function tally(people: readonly Respondent[], subscale: SubscaleKey): { counts: Record<BandKey, number>; sums: Record<BandKey, number> } {
  const counts = { low: 0, moderate: 0, high: 0 };
  const sums = { low: 0, moderate: 0, high: 0 };
  for (const p of people) {
    const { raw, band } = p.scores[subscale];
    counts[band] += 1;
    sums[band] += raw;
  }
  return { counts, sums };
}

/** People grouped by the exact set of groups (those that `counts` keeps) they count in. */
function atomsOf(respondents: readonly Respondent[], counts: (group: string) => boolean): { groups: string[]; people: Respondent[] }[] {
  const atoms = new Map<string, { groups: string[]; people: Respondent[] }>();
  for (const r of respondents) {
    const groups = [...new Set(r.groups)].filter(counts).sort();
    const key = groups.join('\u0000');
    const atom = atoms.get(key);
    if (atom) atom.people.push(r);
    else atoms.set(key, { groups, people: [r] });
  }
  return [...atoms.values()];
}

/** Mean and sample standard deviation (n − 1; 0 for one value) of a non-empty list. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = values.length < 2 ? 0 : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
  return { mean, sd };
}

