import { DateTime } from 'luxon';
import { DISPLAY_TIME_ZONE } from './date';

/** What a chart's time axis labels: months ("Sep ’26") or, over a short span, days ("10 Sep"). */
export type AxisTicks = { ticks: number[]; unit: 'month' | 'day' };

/** Months between ticks, smallest first: each divides a year, or is whole years. */
const STEPS = [1, 2, 3, 6, 12, 24, 36, 60];

/**
 * Evenly spaced ticks for a time axis from `from` to `to` (epoch milliseconds):
 * the first day of a month, every 1, 2, 3, 6 or 12 months (the fewest months
 * between ticks that keeps them to `max`), on months that divide the year
 * evenly (every quarter falls on January, April, July and October), so the
 * labels read as a calendar does rather than wherever the check-ins fell.
 * Where fewer than two months begin within the span, the two ends (or the one
 * day) are labelled as days instead. Months begin in Tend's display time zone.
 */
export function axisTicks(from: number, to: number, max = 6): AxisTicks {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) throw new RangeError('axisTicks needs two times, the earlier first.');
  if (max < 2) throw new RangeError('axisTicks needs room for at least two ticks.');
  let month = DateTime.fromMillis(from, { zone: DISPLAY_TIME_ZONE }).startOf('month');
  if (month.toMillis() < from) month = month.plus({ months: 1 });
  const starts: DateTime[] = [];
  for (; month.toMillis() <= to; month = month.plus({ months: 1 })) starts.push(month);
  if (starts.length < 2) return { ticks: from === to ? [from] : [from, to], unit: 'day' };
  for (const step of STEPS) {
    const aligned = starts.filter((m) => (m.year * 12 + m.month - 1) % step === 0);
    if (aligned.length <= max && aligned.length >= 2) return { ticks: aligned.map((m) => m.toMillis()), unit: 'month' };
    if (aligned.length < 2) {
      // Too few aligned months in a short span: every step-th month from the first instead.
      const spaced = starts.filter((_, i) => i % step === 0);
      if (spaced.length <= max) return { ticks: spaced.map((m) => m.toMillis()), unit: 'month' };
    }
  }
  const step = Math.ceil(starts.length / max);
  return { ticks: starts.filter((_, i) => i % step === 0).map((m) => m.toMillis()), unit: 'month' };
}
