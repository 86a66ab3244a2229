import { reliableChange, SUBSCALES, type Band, type Proqol5Scores, type ReliableChange, type Subscale } from '../scoring';

/**
 * A person's check-ins as one series per subscale, oldest first, each point
 * with its change from the check-in before it and whether that change is
 * reliable. Pure: the history page's charts and tables both read this, so
 * the two always say the same thing.
 */
export type HistoryPoint = {
  checkInId: string;
  /** Milliseconds since the epoch: charts place points by time, not by index. */
  at: number;
  raw: number;
  band: Band;
  /** Difference from the previous check-in, and whether it is a reliable change; null for the first. */
  change: ReliableChange | null;
};

export type History = Record<Subscale, HistoryPoint[]>;

export function buildHistory(checkIns: readonly { id: string; submittedAt: Date; scores: Proqol5Scores }[]): History {
  const ordered = [...checkIns].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const series = (subscale: Subscale): HistoryPoint[] =>
    ordered.map((checkIn, index) => {
      const before = index > 0 ? ordered[index - 1]!.scores[subscale].raw : null;
      const raw = checkIn.scores[subscale].raw;
      return {
        checkInId: checkIn.id,
        at: checkIn.submittedAt.getTime(),
        raw,
        band: checkIn.scores[subscale].band,
        change: before === null ? null : reliableChange(subscale, before, raw),
      };
    });
  return Object.fromEntries(SUBSCALES.map((s) => [s, series(s)])) as History;
}

/** "+9", "−2" or "0": a signed difference as people write it. */
export function signedPoints(difference: number): string {
  if (difference > 0) return `+${difference}`;
  if (difference < 0) return `−${-difference}`;
  return '0';
}
