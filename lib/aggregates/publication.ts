import { decideSuppression, type SuppressionStatus } from './suppression';

/**
 * One closed period's figures for every group of an organisation, decided in
 * one go from the period's respondents. Pure: the aggregation service gathers
 * the respondents (each person once: their latest check-in in the period, with
 * the teams it was submitted in) and stores the result, which is never
 * recomputed.
 *
 * Groups are hidden by `decideSuppression` (see there for why the result is
 * safe across every view). Within a shown group, a band that stands for fewer
 * than 3 people is shown as "fewer than 3"; the same rule, with the same
 * atoms, is applied to each band across groups (so that the organisation's
 * count minus a team's cannot reveal the other teams' small band), and a
 * group's three bands add up to its count, so when only one band of a
 * subscale is hidden the next smallest is withheld too.
 */

export const SUBSCALES = ['compassionSatisfaction', 'burnout', 'secondaryTraumaticStress'] as const;
export type SubscaleKey = (typeof SUBSCALES)[number];
export const BANDS = ['low', 'moderate', 'high'] as const;
export type BandKey = (typeof BANDS)[number];

/** Fewest people a band share may stand for. */
export const BAND_MINIMUM = 3;

export type Respondent = {
  /** The groups the person counts in for this period: the organisation's key and their teams'. */
  groups: readonly string[];
  scores: Record<SubscaleKey, { raw: number; band: BandKey }>;
};

export type BandShare = { status: 'shown'; count: number } | { status: 'fewer_than_3' } | { status: 'withheld' };

export type SubscaleFigures = {
  /** Unrounded mean and sample SD (n − 1), kept for before/after comparisons; pages round the mean and never show the SD. */
  mean: number;
  sd: number;
  bands: Record<BandKey, BandShare>;
};

export type GroupFigures =
  | { status: 'shown'; respondents: number; subscales: Record<SubscaleKey, SubscaleFigures> }
  | { status: Exclude<SuppressionStatus, 'shown'> };

/**
 * @param groups every group of the organisation (the organisation marked `total`)
 * @param threshold the anonymity threshold k (at least 3)
 * @throws RangeError for a threshold below 3
 */
export function decidePeriod(input: {
  groups: readonly { id: string; total?: boolean }[];
  respondents: readonly Respondent[];
  threshold: number;
}): Map<string, GroupFigures> {
  const { groups, respondents, threshold } = input;
  if (!Number.isInteger(threshold) || threshold < 3) throw new RangeError(`the anonymity threshold must be a whole number of at least 3, not ${threshold}`);

  const atoms = atomsOf(respondents);
  const membersOf = new Map<string, Respondent[]>(groups.map((g) => [g.id, []]));
  for (const r of respondents) for (const id of new Set(r.groups)) membersOf.get(id)?.push(r);
  const cells = decideSuppression({ groups, atoms: atoms.map((a) => ({ groups: a.groups, size: a.people.length })), threshold });
  const shown = groups.filter((g) => cells.get(g.id) === 'shown');

  const bandStatus = new Map<string, Map<string, SuppressionStatus>>(); // `${subscale}.${band}` → group → status
  for (const subscale of SUBSCALES) {
    const forced = new Map<BandKey, Set<string>>(BANDS.map((b) => [b, new Set<string>()]));
    for (;;) {
      for (const band of BANDS) {
        bandStatus.set(
          `${subscale}.${band}`,
          decideSuppression({
            groups: shown,
            atoms: atoms.map((a) => ({
              groups: a.groups.filter((id) => cells.get(id) === 'shown'),
              size: a.people.filter((p) => p.scores[subscale].band === band).length,
            })),
            threshold: BAND_MINIMUM,
            alsoHide: forced.get(band),
          }),
        );
      }
      // A group's bands add up to its count: one hidden band alone could be worked out.
      let changed = false;
      for (const group of shown) {
        const open = BANDS.filter((band) => bandStatus.get(`${subscale}.${band}`)!.get(group.id) === 'shown');
        if (open.length !== 2) continue;
        const count = (band: BandKey) => membersOf.get(group.id)!.filter((r) => r.scores[subscale].band === band).length;
        const next = [...open].sort((a, b) => count(a) - count(b))[0]!;
        forced.get(next)!.add(group.id);
        changed = true;
      }
      if (!changed) break;
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
        const raws = members.map((r) => r.scores[subscale].raw);
        const bands = Object.fromEntries(
          BANDS.map((band) => {
            const s = bandStatus.get(`${subscale}.${band}`)!.get(group.id)!;
            const share: BandShare =
              s === 'shown'
                ? { status: 'shown', count: members.filter((r) => r.scores[subscale].band === band).length }
                : { status: s === 'too_few' ? 'fewer_than_3' : 'withheld' };
            return [band, share];
          }),
        ) as Record<BandKey, BandShare>;
        return [subscale, { ...meanAndSd(raws), bands }];
      }),
    ) as Record<SubscaleKey, SubscaleFigures>;
    result.set(group.id, { status: 'shown', respondents: members.length, subscales });
  }
  return result;
}

/** People grouped by the exact set of groups they count in. */
function atomsOf(respondents: readonly Respondent[]): { groups: string[]; people: Respondent[] }[] {
  const atoms = new Map<string, { groups: string[]; people: Respondent[] }>();
  for (const r of respondents) {
    const groups = [...new Set(r.groups)].sort();
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

/** A band share as a whole percentage of the group's respondents. */
export function bandPercent(count: number, respondents: number): number {
  return Math.round((100 * count) / respondents);
}
