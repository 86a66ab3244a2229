import { formatCalendarDate } from '@/lib/format/date';
import type { OpenPeriodView } from '@/lib/aggregates/views';

/**
 * The open period: when it closes, when its figures are due, and the rule they will be published under.
 * Never anything about who has responded so far, not even whether enough have (it would change the
 * moment one person submitted).
 */
export function OpenPeriod({ open, group }: { open: OpenPeriodView; group: string }) {
  const { anonymityThreshold: k, reportingPeriod } = open.rule;
  return (
    <section className="panel open-period" aria-labelledby="open-period">
      <h2 id="open-period">{open.label}: open until the end of {formatCalendarDate(open.lastDay)}</h2>
      <p>
        Figures for {group} for {open.label} are due on {formatCalendarDate(open.dueOn)}, once the period has closed. Nothing
        about it is shown before then: not how many people have responded so far, nor whether enough have.
      </p>
      <p>
        They will be published under the rule in force: {reportingPeriod === 'month' ? 'monthly' : 'quarterly'} periods, and
        only groups with at least {k} people who responded are shown.
      </p>
    </section>
  );
}
