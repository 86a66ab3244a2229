/**
 * Which groups' figures may be shown together: primary and complementary
 * suppression. Pure: no database, no framework; the aggregation service
 * (lib/services/aggregates.ts) feeds it counts and stores what it decides.
 *
 * The rule. A view shows, for one period, the figures of some groups (the
 * organisation, teams). Every figure is a sum over the group's respondents
 * (a count, a sum of scores, a number in a band), so anyone who sees several
 * groups can add and subtract them. Split the respondents into **atoms**:
 * people who belong to exactly the same shown groups. Whatever can be worked
 * out from the shown figures by adding and subtracting is a combination of
 * atom sums, and nothing finer. So the view is safe when every atom of the
 * shown groups has at least `threshold` people: then every number anyone can
 * derive, however they subtract, covers at least `threshold` people, the same
 * protection as one group of that size. This covers the organisation minus
 * its teams, people in two teams (they form an atom of their own), people in
 * no team (an atom of the organisation alone), and a manager's several teams.
 *
 * The decision is taken once per period over every group of the organisation
 * (the widest view anyone has), and each person sees a subset of what it shows.
 * That is enough: the atoms of a subset of groups are unions of the atoms of
 * the whole set, so they are at least as large. Nobody's view can therefore
 * open a gap, whichever teams they manage now or later.
 *
 * The procedure:
 * 1. primary: a group with fewer than `threshold` people is hidden;
 * 2. complementary: while some atom of the shown groups is smaller than the
 *    threshold, hide one more group: one whose hiding merges that atom into a
 *    large enough neighbour (or removes it), choosing the total before a team
 *    (a team's own dashboard is what its managers come for), then the smallest group, then by id, so the decision is deterministic.
 * Each step hides a group, so the loop ends after at most one step per group.
 *
 * It is conservative: it may hide a group that no combination could in fact
 * isolate (two overlapping teams without a total, say). Privacy wins ties.
 */

export type SuppressionStatus = 'shown' | 'too_few' | 'complementary';

export type SuppressionInput = {
  /** The groups of the view. `total` marks the organisation: given up first, so that teams keep their figures. */
  groups: readonly { id: string; total?: boolean }[];
  /**
   * The people, grouped by the set of groups they count in (their atom), with
   * how many they are. For band counts `size` is the number of those people in
   * the band, and may be 0.
   */
  atoms: readonly { groups: readonly string[]; size: number }[];
  /** The fewest people a shown figure, or any difference of shown figures, may stand for. */
  threshold: number;
  /** Groups to hide whatever their size (counted as complementary). */
  alsoHide?: ReadonlySet<string>;
};

/**
 * @returns each group's status: shown, hidden as too small (its own count is
 *   below the threshold), or hidden so that a smaller atom can't be worked out
 * @throws RangeError for a threshold below 1, a negative or fractional size, or
 *   an atom naming a group that is not in the view
 */
export function decideSuppression(input: SuppressionInput): Map<string, SuppressionStatus> {
  const { groups, atoms, threshold } = input;
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a whole number of at least 1, not ${threshold}`);
  const known = new Set(groups.map((g) => g.id));
  const size = new Map(groups.map((g) => [g.id, 0]));
  for (const atom of atoms) {
    if (!Number.isInteger(atom.size) || atom.size < 0) throw new RangeError(`an atom's size must be a whole number of at least 0, not ${atom.size}`);
    for (const id of atom.groups) {
      if (!known.has(id)) throw new RangeError(`an atom names the unknown group ${id}`);
      size.set(id, size.get(id)! + atom.size);
    }
  }

  const status = new Map<string, SuppressionStatus>();
  for (const g of groups) {
    if (size.get(g.id)! < threshold) status.set(g.id, 'too_few');
    else status.set(g.id, input.alsoHide?.has(g.id) ? 'complementary' : 'shown');
  }

  const isTotal = new Map(groups.map((g) => [g.id, g.total === true]));
  // Which shown group to give up first: the total (teams' own dashboards are what managers come for), the smallest, then by id.
  const order = (a: string, b: string) =>
    Number(isTotal.get(b)) - Number(isTotal.get(a)) || size.get(a)! - size.get(b)! || (a < b ? -1 : 1);

  for (;;) {
    const merged = mergedAtoms(atoms, status);
    const small = smallestBelow(merged, threshold);
    if (!small) return status;
    status.set(chooseVictim(small, merged, status, threshold, order), 'complementary');
  }
}

type Merged = Map<string, { groups: string[]; size: number }>;
const keyOf = (groups: readonly string[]) => [...groups].sort().join('\u0000');

/** The atoms as seen through the shown groups: people with the same shown groups, merged. */
function mergedAtoms(atoms: SuppressionInput['atoms'], status: ReadonlyMap<string, SuppressionStatus>): Merged {
  const merged: Merged = new Map();
  for (const atom of atoms) {
    const shown = atom.groups.filter((id) => status.get(id) === 'shown').sort();
    if (shown.length === 0) continue;
    const key = keyOf(shown);
    const entry = merged.get(key);
    if (entry) entry.size += atom.size;
    else merged.set(key, { groups: shown, size: atom.size });
  }
  return merged;
}

/** The smallest atom below the threshold (ties by key), or null when every atom is large enough. */
function smallestBelow(merged: Merged, threshold: number): { key: string; groups: string[]; size: number } | null {
  let best: { key: string; groups: string[]; size: number } | null = null;
  for (const [key, entry] of merged) {
    if (entry.size >= threshold) continue;
    if (!best || entry.size < best.size || (entry.size === best.size && key < best.key)) best = { key, ...entry };
  }
  return best;
}

/**
 * The group to hide for a small atom. Hiding a group of the atom merges it into
 * the atom without that group (or removes it, when none is left); hiding
 * another group merges the atom with that group added into it. Prefer, in the
 * given order, a group whose hiding brings the atom up to the threshold (or
 * removes it); failing that, the first of the atom's own groups.
 */
function chooseVictim(
  small: { groups: string[]; size: number },
  merged: Merged,
  status: ReadonlyMap<string, SuppressionStatus>,
  threshold: number,
  order: (a: string, b: string) => number,
): string {
  const inAtom = new Set(small.groups);
  const resolves = (id: string) => {
    if (inAtom.has(id)) {
      const rest = small.groups.filter((g) => g !== id);
      return rest.length === 0 || small.size + (merged.get(keyOf(rest))?.size ?? 0) >= threshold;
    }
    return small.size + (merged.get(keyOf([...small.groups, id]))?.size ?? 0) >= threshold;
  };
  const shown = [...status].filter(([, s]) => s === 'shown').map(([id]) => id).sort(order);
  return shown.find(resolves) ?? [...small.groups].sort(order)[0]!;
}
