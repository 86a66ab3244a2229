import { formatCalendarDate } from '@/lib/format/date';
import type { OpenPeriodView } from '@/lib/aggregates/views';

/** The open period: only whether the group has reached the threshold yet, never a running count or mean. */
export function OpenPeriod({ open, group }: { open: OpenPeriodView; group: string }) {
  const closes = formatCalendarDate(open.lastDay);
  return (
    <section className="panel" aria-labelledby="open-period">
      <h2 id="open-period">{open.label}, still open</h2>
      <p>
        {open.reachedThreshold
          ? `Enough people in ${group} have responded (at least ${open.threshold}) for this period’s figures to be published when it closes.`
          : `Not yet enough responses for this period’s figures to be published (at least ${open.threshold} people are needed).`}{' '}
        The period ends at the close of {closes}; its figures appear after that, and nothing about it is shown before.
      </p>
    </section>
  );
}
