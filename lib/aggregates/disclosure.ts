import loadHighs from 'highs';

/**
 * Attribute disclosure control: which of a shown group's figures for one
 * subscale may be published (its mean, its band distribution, or a coarser
 * one), decided by simple rules and then **audited by integer linear
 * programming** over every figure of the period that any viewer can see.
 * Pure apart from the solver (HiGHS compiled to WebAssembly, the `highs`
 * package): counts and figures in, a decision out; the aggregation service
 * stores it.
 *
 * ## The disclosure model
 *
 * A viewer (a manager or an admin) is assumed to know:
 * - their own check-ins (they may be a respondent in any group they see), and
 *   those of accounts they planted (see "residual risks");
 * - every team's roster;
 * - every published figure of every group and period, in every view and
 *   export, now and later: respondent counts, whole-number means, whole-number
 *   percentages, and which figures are hidden;
 * - the instrument: every subscale score is a whole number from 10 to 50, and
 *   the bands are 10–22 (low), 23–41 (moderate) and 42–50 (high).
 *
 * They must not be able to learn (PRODUCT.md privacy rules 1–13):
 * - any figure, or combination of figures, that covers fewer than k people
 *   (lib/aggregates/suppression.ts: every atom of people with the same shown
 *   groups holds at least k);
 * - of any group, or any atom of people that subtraction between groups can
 *   isolate, that a band is empty, or holds exactly one or two people, even
 *   after taking their own answer out;
 * - that everyone, or all but fewer than 3, of a group or atom share a band;
 * - anything a mean pins down together with its count and the 10–50 range.
 *
 * ## Protection levels (and why)
 *
 * - **A shown band share stands for at least {@link SHOWN_BAND_MINIMUM} (4)
 *   people.** With 3, a viewer in that band would learn that exactly 2 others
 *   are in it; with 4, at least 3 others are, so "fewer than 3" never becomes
 *   knowable even to someone who knows their own answer.
 * - **A small band not shown on its own** (fewer than 4 people, merged with
 *   its neighbour or in a hidden distribution) must stay compatible with 0
 *   people and with 2 or more, over every dataset consistent with all the
 *   figures: nobody can tell that it is empty, nor that it is not (and a
 *   viewer in it cannot tell that they are alone in it). A larger band may be
 *   shown by the figures to hold some people: it stands for 4 or more, like
 *   a shown share.
 * - **Any band of any group or atom**, derived however it may be, is either
 *   surely at least 4, or compatible with 0 and with 2 or more (and, taking the
 *   viewer's own answer out, neither pinned to 1 or 2 nor shown empty): the
 *   rule {@link isSafeRange}.
 * - **No concentration:** for every group or atom and band, a dataset
 *   consistent with the figures has at least {@link OUTSIDE_MINIMUM} (3) of
 *   its people outside that band. So no distribution, and no extreme mean,
 *   says that all but fewer than 3 share a band: a viewer outside the band
 *   still cannot tell that the others are all in it.
 *
 * ## The decision
 *
 * Each shown group's subscale starts at the finest presentation its own
 * counts allow (its {@link Level}): every band on its own when each holds at
 * least 4; else two cells, one band and its neighbours merged ("moderate or
 * high"), when each holds at least 4; else the mean alone. The audit then
 * solves, for each group and atom and band, the smallest and largest number of
 * people the band could hold over **every** dataset consistent with every
 * published figure of the period (band counts and score sums as whole-number
 * unknowns, each figure a constraint with its rounding interval, counts adding
 * up to respondents, sums within the bands' score ranges). Where a quantity
 * fails the rules above, the group concerned is coarsened one level (the group
 * itself, else the organisation, else the smallest group containing the atom)
 * and the whole period is audited again, until nothing fails. Every step
 * coarsens, so it ends; at the coarsest level (the count alone) nothing can
 * fail, because atoms hold at least k ≥ 3 people. The same input always gives
 * the same decision.
 *
 * Solving: each check asks for a dataset (a witness) that shows the quantity
 * can be small or large enough. Witnesses are first sought with everyone
 * outside the unit kept as they are (a small problem, a fraction of a
 * millisecond); only when that finds none is the whole period's model solved.
 * A witness found in the smaller problem is a dataset consistent with every
 * figure, so it proves the same as one found in the whole model; a check that
 * cannot be proved is a failure (privacy wins ties).
 *
 * ## Residual risks (said in the privacy notice)
 *
 * - An admin who plants k − 1 accounts in a team with one real person, waits a
 *   full period (accounts count only from the start of a period) and reads the
 *   team's mean learns that person's score to within the rounding. Clinicians
 *   see their teams' sizes and are told when they are added to a team.
 * - A team of exactly k whose figures are shown shows that everyone responded.
 * - Which figures are hidden is itself visible; the reason is given in the
 *   same words whatever caused it, so it says no more than that some rule
 *   applied.
 */

export const BANDS = ['low', 'moderate', 'high'] as const;
export type BandKey = (typeof BANDS)[number];

/** The whole-number score range of each band (ProQOL 5: 10–22, 23–41, 42–50). */
export const BAND_SCORES: Record<BandKey, { min: number; max: number }> = {
  low: { min: 10, max: 22 },
  moderate: { min: 23, max: 41 },
  high: { min: 42, max: 50 },
};

/** Fewest people a shown band share (one band, or merged bands) may stand for. */
export const SHOWN_BAND_MINIMUM = 4;
/** Fewest people that must be possible outside any one band of a group or atom. */
export const OUTSIDE_MINIMUM = 3;
/** The largest whole-period model solved when a small one finds no witness (beyond it, an unproved check fails). */
export const FULL_MODEL_ATOM_LIMIT = 400;

/**
 * How much of a subscale a group shows: 0 every band, 1 two cells (one band
 * merged with its neighbour), 2 the mean only, 3 neither (the respondent count
 * alone).
 */
export type Level = 0 | 1 | 2 | 3;

/** One shown share: one band, or two neighbouring bands merged, with how many people it holds. */
export type Cell = { bands: BandKey[]; count: number };

export type Presentation = { level: Level; cells: Cell[] | null; meanShown: boolean };

type Counts = Record<BandKey, number>;

const SPLITS: readonly BandKey[][][] = [
  [['low'], ['moderate', 'high']],
  [['low', 'moderate'], ['high']],
];

const sumOf = (counts: Counts, bands: readonly BandKey[]) => bands.reduce((s, b) => s + counts[b], 0);

/**
 * The presentation at `level` or, when the counts do not allow it, the first
 * coarser one they do.
 * @param counts the group's people in each band
 */
export function presentationAt(level: Level, counts: Counts): Presentation {
  if (level === 0 && BANDS.every((b) => counts[b] >= SHOWN_BAND_MINIMUM)) {
    return { level: 0, cells: BANDS.map((b) => ({ bands: [b], count: counts[b] })), meanShown: true };
  }
  if (level <= 1) {
    // Of the two splits that fit, the one whose band on its own is larger (ties: low on its own).
    const fits = SPLITS.filter((split) => split.every((cell) => sumOf(counts, cell) >= SHOWN_BAND_MINIMUM));
    const single = (split: readonly BandKey[][]) => sumOf(counts, split.find((c) => c.length === 1)!);
    const split = [...fits].sort((a, b) => single(b) - single(a))[0];
    if (split) return { level: 1, cells: split.map((bands) => ({ bands, count: sumOf(counts, bands) })), meanShown: true };
  }
  if (level <= 2) return { level: 2, cells: null, meanShown: true };
  return { level: 3, cells: null, meanShown: false };
}

/**
 * Whether the band counts a dataset consistent with the figures allows, from
 * `lo` to `hi`, are safe: surely 4 or more, or compatible with 0 and with 2 or
 * more; and, for a viewer in the band (who sees `lo − 1` to `hi − 1` others),
 * neither shown empty nor pinned to 1 or 2.
 */
export function isSafeRange(lo: number, hi: number): boolean {
  return hi >= 2 && (lo === 0 || hi >= 3) && (lo <= 1 || hi >= 4);
}

/** The whole-number counts `c` with Math.round(100·c / n) = percent. */
export function percentRange(percent: number, n: number): [number, number] {
  return [Math.max(0, Math.ceil((n * (2 * percent - 1)) / 200)), Math.min(n, Math.ceil((n * (2 * percent + 1)) / 200) - 1)];
}

/** The whole-number sums `s` of `n` scores with Math.round(s / n) = mean. */
export function sumRange(mean: number, n: number): [number, number] {
  return [Math.ceil((n * (2 * mean - 1)) / 2), Math.ceil((n * (2 * mean + 1)) / 2) - 1];
}

/** A share as a whole percentage of the group's respondents. */
export function percentOf(count: number, respondents: number): number {
  return Math.round((100 * count) / respondents);
}

// ---------------------------------------------------------------------------
// The audit.

/** People with the same shown groups, and what they answered on one subscale (the truth, never published). */
export type AuditAtom = { groups: readonly string[]; counts: Counts; sums: Counts };

/** A shown group's published figures on one subscale: whole-number percentages of its cells, and its whole-number mean. */
export type AuditGroup = { id: string; respondents: number; mean: number | null; cells: { bands: readonly BandKey[]; percent: number }[] | null };

export type Violation = {
  /**
   * Whose band fails: the people of a group (`group` names it) or of an atom,
   * by the shown groups they are in (for a group, that group alone).
   */
  unit: { group?: string; groups: readonly string[] };
  band: BandKey;
  rule: 'hidden band' | 'band size' | 'concentration';
};

export type Solver = Awaited<ReturnType<typeof loadHighs>>;
let solverPromise: Promise<Solver> | undefined;

/** The HiGHS solver, loaded once per process. */
export function loadSolver(): Promise<Solver> {
  solverPromise ??= loadHighs();
  return solverPromise;
}

type Unit = { kind: 'group' | 'atom'; id: string; groups: readonly string[]; atoms: number[]; group?: AuditGroup };

/**
 * Every failing quantity of one subscale's figures for one period.
 * @param atoms the respondents grouped by their shown groups (merged atoms), with what they answered
 * @param groups every shown group's published figures
 */
export function auditSubscale(solver: Solver, atoms: readonly AuditAtom[], groups: readonly AuditGroup[]): Violation[] {
  const model = new PeriodModel(solver, atoms, groups);
  const violations: Violation[] = [];
  for (const unit of model.units()) {
    for (const band of BANDS) {
      const rule = model.failingRule(unit, band);
      if (rule) violations.push({ unit: unit.group ? { group: unit.id, groups: unit.groups } : { groups: unit.groups }, band, rule });
    }
  }
  return violations;
}

class PeriodModel {
  private readonly groupAtoms: Map<string, number[]>;
  private readonly sizes: number[];
  /** Each shown group's true band counts and total score, for checking witnesses. */
  private readonly groupTruth: Map<string, { counts: Counts; sum: number }>;

  constructor(
    private readonly solver: Solver,
    private readonly atoms: readonly AuditAtom[],
    private readonly groups: readonly AuditGroup[],
  ) {
    this.sizes = atoms.map((a) => sumOf(a.counts, BANDS));
    this.groupAtoms = new Map(groups.map((g) => [g.id, [] as number[]]));
    this.groupTruth = new Map(groups.map((g) => [g.id, { counts: { low: 0, moderate: 0, high: 0 }, sum: 0 }]));
    atoms.forEach((atom, i) => {
      for (const id of atom.groups) {
        // An atom names shown groups only (its people as a viewer can tell them apart).
        this.groupAtoms.get(id)!.push(i);
        const truth = this.groupTruth.get(id)!;
        for (const b of BANDS) truth.counts[b] += atom.counts[b];
        truth.sum += sumOf(atom.sums, BANDS);
      }
    });
  }

  /** Each shown group, and each atom whose people are not exactly some group's. */
  units(): Unit[] {
    const units: Unit[] = this.groups.map((g) => ({ kind: 'group', id: g.id, groups: [g.id], atoms: this.groupAtoms.get(g.id)!, group: g }));
    const seen = new Set(units.map((u) => u.atoms.join(',')));
    this.atoms.forEach((atom, i) => {
      if (seen.has(String(i))) return;
      units.push({ kind: 'atom', id: [...atom.groups].sort().join('+'), groups: atom.groups, atoms: [i] });
    });
    return units;
  }

  failingRule(unit: Unit, band: BandKey): Violation['rule'] | null {
    const truth = unit.atoms.reduce((s, i) => s + this.atoms[i]!.counts[band], 0);
    const size = unit.atoms.reduce((s, i) => s + this.sizes[i]!, 0);
    // A small band the page does not show on its own must stay compatible with 0 and with 2 or more.
    const hidden = truth < SHOWN_BAND_MINIMUM && unit.group !== undefined && !unit.group.cells?.some((c) => c.bands.length === 1 && c.bands[0] === band);
    const check = (lo: number, hi: number): Violation['rule'] | null => {
      if (hidden && !(lo === 0 && hi >= 2)) return 'hidden band';
      if (!isSafeRange(lo, hi)) return 'band size';
      return lo <= size - OUTSIDE_MINIMUM ? null : 'concentration';
    };
    if (check(truth, truth) === null) return null;
    const local = this.range(unit, band, truth, unit.atoms);
    const failing = check(local[0], local[1]);
    if (failing === null || this.atoms.length > FULL_MODEL_ATOM_LIMIT) return failing;
    const full = this.range(unit, band, truth, this.atoms.map((_, i) => i));
    return check(full[0], full[1]);
  }

  /**
   * The fewest and (up to 4) most people the unit's band can hold over the
   * datasets in which only the atoms in `free` differ from the truth. The
   * truth is one of them, so the range always contains it.
   */
  private range(unit: Unit, band: BandKey, truth: number, free: readonly number[]): [number, number] {
    // A witness built by moving people of a one-atom unit between bands settles most checks without the solver.
    const lo = truth === 0 || this.reaches(unit, band, 0) ? 0 : this.optimise(unit, band, free, 'minimize');
    const hi = truth >= SHOWN_BAND_MINIMUM || this.reaches(unit, band, SHOWN_BAND_MINIMUM) ? Math.max(truth, SHOWN_BAND_MINIMUM) : this.optimise(unit, band, free, 'maximize');
    return [lo, hi];
  }

  /**
   * Whether a dataset consistent with every figure has exactly `target` of the
   * unit's people in `band`, found by moving people between bands within its
   * atoms (everyone else as they are): into the band from the other two, or
   * out of it to them, in a few fixed splits, each try checked against every
   * figure of every group holding a changed atom (its shares' rounding
   * intervals, and its mean's: an atom's whole-number total can be anything
   * from its bands' lowest scores to their highest). False says only that no
   * such move was found: the solver then decides.
   */
  private reaches(unit: Unit, band: BandKey, target: number): boolean {
    const others = BANDS.filter((o) => o !== band);
    const truth = unit.atoms.reduce((s, i) => s + this.atoms[i]!.counts[band], 0);
    // Each split sends a share of the people moved (all, half, none) to the first of the other bands.
    const splits = [1, 0.5, 0];
    if (target > truth) {
      // Into the band, within one atom at a time.
      return unit.atoms.some((i) => {
        const counts = this.atoms[i]!.counts;
        const moved = target - truth;
        return splits.some((share) => {
          const first = Math.min(counts[others[0]!], Math.ceil(moved * share));
          const next = { ...counts, [band]: counts[band] + moved, [others[0]!]: counts[others[0]!] - first, [others[1]!]: counts[others[1]!] - (moved - first) };
          return next[others[1]!] >= 0 && this.consistent(new Map([[i, next]]));
        });
      });
    }
    // Out of the band, from every atom that has people in it.
    return splits.some((share) => {
      const changes = new Map<number, Counts>();
      let left = truth - target;
      for (const i of unit.atoms) {
        const counts = this.atoms[i]!.counts;
        const moved = Math.min(left, counts[band]);
        const first = Math.ceil(moved * share);
        left -= moved;
        changes.set(i, { ...counts, [band]: counts[band] - moved, [others[0]!]: counts[others[0]!] + first, [others[1]!]: counts[others[1]!] + moved - first });
      }
      return this.consistent(changes);
    });
  }

  /** Whether the atoms having the counts in `changes` (everyone else as they are) agrees with every figure. */
  private consistent(changes: ReadonlyMap<number, Counts>): boolean {
    const totals = new Map<number, [number, number]>();
    for (const [i, counts] of changes) {
      totals.set(i, [BANDS.reduce((t, b) => t + BAND_SCORES[b].min * counts[b], 0), BANDS.reduce((t, b) => t + BAND_SCORES[b].max * counts[b], 0)]);
    }
    for (const group of this.groups) {
      const changed = [...changes.keys()].filter((i) => this.atoms[i]!.groups.includes(group.id));
      if (changed.length === 0) continue;
      const truth = this.groupTruth.get(group.id)!;
      for (const cell of group.cells ?? []) {
        const [lo, hi] = percentRange(cell.percent, group.respondents);
        const count = changed.reduce((c, i) => c - sumOf(this.atoms[i]!.counts, cell.bands) + sumOf(changes.get(i)!, cell.bands), sumOf(truth.counts, cell.bands));
        if (count < lo || count > hi) return false;
      }
      if (group.mean !== null) {
        // One total per changed atom must suit every group holding it; two changed atoms under one mean are left to the solver.
        if (changed.length > 1) return false;
        const [lo, hi] = sumRange(group.mean, group.respondents);
        const i = changed[0]!;
        const rest = truth.sum - sumOf(this.atoms[i]!.sums, BANDS);
        const range = totals.get(i)!;
        totals.set(i, [Math.max(range[0], lo - rest), Math.min(range[1], hi - rest)]);
      }
    }
    return [...totals.values()].every(([lo, hi]) => lo <= hi);
  }

  private optimise(unit: Unit, band: BandKey, free: readonly number[], sense: 'minimize' | 'maximize'): number {
    const { solver } = this;
    const inf = solver.infinity;
    const freeSet = new Set(free);
    // Columns: for each free atom, its count in each band and its total score. The whole-number
    // totals people in those bands can have are every whole number from the sum of the bands'
    // lowest scores to the sum of their highest, so one total per atom is exact.
    const col = new Map<number, number>(free.map((atom, i) => [atom, i * 4]));
    const x = (atom: number, b: number) => col.get(atom)! + b;
    const w = (atom: number) => col.get(atom)! + 3;
    const numCols = free.length * 4;
    const colLower = new Array<number>(numCols).fill(0);
    const colUpper: number[] = [];
    const colCost = new Array<number>(numCols).fill(0);
    for (const atom of free) colUpper.push(...BANDS.map(() => this.sizes[atom]!), BAND_SCORES.high.max * this.sizes[atom]!);
    for (const atom of unit.atoms) colCost[x(atom, BANDS.indexOf(band))] = 1;

    const rows: { lo: number; hi: number; cols: number[]; values: number[] }[] = [];
    for (const atom of free) {
      const counts = [0, 1, 2].map((b) => x(atom, b));
      rows.push({ lo: this.sizes[atom]!, hi: this.sizes[atom]!, cols: counts, values: [1, 1, 1] });
      rows.push({ lo: 0, hi: inf, cols: [w(atom), ...counts], values: [1, ...BANDS.map((b) => -BAND_SCORES[b].min)] });
      rows.push({ lo: -inf, hi: 0, cols: [w(atom), ...counts], values: [1, ...BANDS.map((b) => -BAND_SCORES[b].max)] });
    }
    for (const group of this.groups) {
      const members = this.groupAtoms.get(group.id)!;
      const inModel = members.filter((a) => freeSet.has(a));
      if (inModel.length === 0) continue;
      const fixed = members.filter((a) => !freeSet.has(a));
      for (const cell of group.cells ?? []) {
        const [lo, hi] = percentRange(cell.percent, group.respondents);
        const known = fixed.reduce((s, a) => s + sumOf(this.atoms[a]!.counts, cell.bands), 0);
        const cols = inModel.flatMap((a) => cell.bands.map((b) => x(a, BANDS.indexOf(b))));
        rows.push({ lo: lo - known, hi: hi - known, cols, values: cols.map(() => 1) });
      }
      if (group.mean !== null) {
        const [lo, hi] = sumRange(group.mean, group.respondents);
        const known = fixed.reduce((s, a) => s + sumOf(this.atoms[a]!.sums, BANDS), 0);
        const cols = inModel.map((a) => w(a));
        rows.push({ lo: lo - known, hi: hi - known, cols, values: cols.map(() => 1) });
      }
    }

    const starts = [0];
    for (const row of rows) starts.push(starts[starts.length - 1]! + row.cols.length);
    const model = {
      numCols,
      numRows: rows.length,
      sense: solver.constants.objectiveSense[sense],
      colCost,
      colLower,
      colUpper,
      rowLower: rows.map((r) => r.lo),
      rowUpper: rows.map((r) => r.hi),
      matrix: { format: 'csr' as const, numRows: rows.length, numCols, starts, indices: rows.flatMap((r) => r.cols), values: rows.flatMap((r) => r.values) },
    };
    // The linear relaxation first: when its optimum is whole, it is the optimum over whole numbers too.
    const relaxed = solver.raw.lpCall(model);
    const whole = relaxed.status !== -1 && relaxed.value.modelStatus === solver.constants.modelStatus.optimal && relaxed.value.solution.colValue.every((v) => Math.abs(v - Math.round(v)) < 1e-7);
    const result = whole ? relaxed : solver.raw.mipCall({ ...model, integrality: new Array<number>(numCols).fill(solver.constants.variableType.integer) as never });
    // The truth is always feasible; a solve that proves nothing counts as the worst case (privacy wins).
    const optimal = result.status !== -1 && result.value.modelStatus === solver.constants.modelStatus.optimal;
    const counted = unit.atoms.reduce((s, a) => s + this.sizes[a]!, 0);
    if (!optimal) return sense === 'minimize' ? counted : 0;
    const objective = unit.atoms.reduce((s, a) => s + result.value!.solution.colValue[x(a, BANDS.indexOf(band))]!, 0);
    return Math.round(objective);
  }
}
