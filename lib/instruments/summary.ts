import { DateTime } from 'luxon';
import { HIGHER_IS_BETTER, reliableChange, SUBSCALES, type Band, type Proqol5Scores, type ReliableChange, type Subscale } from '../scoring';

/**
 * The home page's summary of a person's latest check-in: per subscale the
 * score and band, and its change since the check-in before and since about
 * three months earlier, each judged for reliable change. Pure, so the words
 * the page shows are tested without a database.
 */

export type Comparison = { checkInId: string; at: Date; change: ReliableChange };

export type ScaleSummary = {
  subscale: Subscale;
  raw: number;
  band: Band;
  higherIsBetter: boolean;
  /** Since the check-in before the latest; null for a first check-in. */
  sinceLast: Comparison | null;
  /**
   * Since the newest check-in at least three months before the latest one;
   * null when there is none, or when it is the check-in before (already said).
   */
  sinceThreeMonths: Comparison | null;
};

export type LatestSummary = { checkInId: string; at: Date; scales: ScaleSummary[] };

type Summarised = { id: string; submittedAt: Date; scores: Proqol5Scores };

/** The months back the longer comparison looks. */
export const LONG_COMPARISON_MONTHS = 3;

export function summariseLatest(checkIns: readonly Summarised[], timeZone: string): LatestSummary | null {
  const newestFirst = [...checkIns].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
  const latest = newestFirst[0];
  if (!latest) return null;
  const previous = newestFirst[1] ?? null;
  const cutoff = DateTime.fromJSDate(latest.submittedAt, { zone: timeZone }).minus({ months: LONG_COMPARISON_MONTHS }).toMillis();
  const longAgo = newestFirst.find((c) => c.submittedAt.getTime() <= cutoff) ?? null;
  const compare = (subscale: Subscale, before: Summarised | null): Comparison | null =>
    before
      ? { checkInId: before.id, at: before.submittedAt, change: reliableChange(subscale, before.scores[subscale].raw, latest.scores[subscale].raw) }
      : null;
  return {
    checkInId: latest.id,
    at: latest.submittedAt,
    scales: SUBSCALES.map((subscale) => ({
      subscale,
      raw: latest.scores[subscale].raw,
      band: latest.scores[subscale].band,
      higherIsBetter: HIGHER_IS_BETTER[subscale],
      sinceLast: compare(subscale, previous),
      sinceThreeMonths: longAgo && longAgo.id !== previous?.id ? compare(subscale, longAgo) : null,
    })),
  };
}

/** "higher is better" / "lower is better" */
export function betterWay(higherIsBetter: boolean): string {
  return higherIsBetter ? 'higher is better' : 'lower is better';
}

/**
 * A change in words, led by its date: "Since 3 November: 3 points lower,
 * within the usual ups and downs." or "Since 5 September:
 * 12 points lower, a real change for the better."
 * @param since the earlier check-in's date, already formatted
 */
export function sinceText(change: ReliableChange, since: string): string {
  const points = Math.abs(change.difference);
  if (points === 0) return `Since ${since}: the same.`;
  const amount = `${points} ${points === 1 ? 'point' : 'points'} ${change.difference > 0 ? 'higher' : 'lower'}`;
  if (change.direction === 'none') return `Since ${since}: ${amount}, within the usual ups and downs.`;
  return `Since ${since}: ${amount}, ${change.direction === 'improved' ? 'a real change for the better' : 'a real change'}.`;
}
