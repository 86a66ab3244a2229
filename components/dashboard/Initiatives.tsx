import Link from 'next/link';
import { SUBSCALE_NAMES } from '@/lib/instruments';
import { localDate } from '@/lib/aggregates/periods';
import { formatCalendarDate } from '@/lib/format/date';
import type { DashboardPeriod } from '@/lib/aggregates/views';
import type { GroupComparison, InitiativeItem } from '@/lib/aggregates/views';
import { overlappingInitiatives } from '@/lib/aggregates/overlap';
import type { GroupTrendMarker } from '@/components/charts/GroupTrend';
import { MIN_PERIODS_EACH_SIDE } from '@/lib/validation/initiative-limits';


/** "+4 points", "−1 point", "0 points": a whole-number difference. */
const signedPoints = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;

/**
 * Each initiative's number on the charts and in the list: 1 for the first to
 * start (then by title), so the numbers read in time order along the axis.
 */
export function initiativeNumbers(initiatives: readonly InitiativeItem[]): Map<string, number> {
  const ordered = [...initiatives].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  return new Map(ordered.map((initiative, i) => [initiative.id, i + 1]));
}

/** Where each initiative starts on a chart, numbered: the published period whose local dates contain its start date. */
export function initiativeMarkers(initiatives: readonly InitiativeItem[], periods: readonly DashboardPeriod[]): GroupTrendMarker[] {
  const numbers = initiativeNumbers(initiatives);
  return initiatives
    .flatMap((initiative) => {
      const period = periods.find(
        (p) => localDate(p.startsAt, p.rule.timeZone) <= initiative.startsOn && initiative.startsOn < localDate(p.endsAt, p.rule.timeZone),
      );
      return period ? [{ label: period.shortLabel, period: period.label, title: initiative.title, number: numbers.get(initiative.id)! }] : [];
    })
    .sort((a, b) => a.number - b.number);
}

/**
 * The initiatives of a dashboard, each with its before/after comparison, and a
 * form to record one. A comparison says what changed, not why.
 */
export function Initiatives({
  initiatives,
  returnTo,
  newHref,
  showGroups,
}: {
  initiatives: InitiativeItem[];
  returnTo: string;
  /** The page that records a new one, or null when the person may not. */
  newHref: string | null;
  /** Name the group of each comparison (the organisation's page, where groups differ). */
  showGroups?: boolean;
}) {
  const numbers = initiativeNumbers(initiatives);
  const overlaps = overlappingInitiatives(initiatives.map((i) => ({ ...i, teamIds: i.teams.map((t) => t.id) })));
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  return (
    <section className="panel" aria-labelledby="initiatives">
      <h2 id="initiatives">Initiatives</h2>
      <p>
        What was tried, drawn on the charts above as a numbered dashed line at the period it started. Each compares the mean of every scale over the
        published periods before it started with those from its start on, in whole points like every figure here, with the
        range the change probably lies in (a 95% interval, widened to whole points). A before/after comparison shows what
        changed, not why: other things happen at the same time.
      </p>
      {initiatives.length === 0 ? <p>No initiatives recorded yet.</p> : null}
      {initiatives.map((initiative) => (
        <article key={initiative.id} className="panel" aria-labelledby={`initiative-${initiative.id}`}>
          <h3 id={`initiative-${initiative.id}`}>
            <span className="marker-number" aria-hidden="true">
              {numbers.get(initiative.id)}
            </span>
            <span className="visually-hidden">Initiative {numbers.get(initiative.id)}: </span>
            {initiative.title}
          </h3>
          <p className="muted">
            From {formatCalendarDate(initiative.startsOn)}
            {initiative.endsOn ? ` to ${formatCalendarDate(initiative.endsOn)}` : ', ongoing'} ·{' '}
            {initiative.wholeOrganisation ? 'the whole organisation' : initiative.teams.map((t) => t.name).join(', ')}
          </p>
          {initiative.description ? <p>{initiative.description}</p> : null}
          {overlaps.get(initiative.id)!.length > 0 ? (
            <p className="notice notice--warning">
              <strong>These overlap:</strong> it ran at the same time as{' '}
              {overlaps
                .get(initiative.id)!
                .map((id) => `${numbers.get(id)} “${byId.get(id)!.title}”`)
                .join(' and ')}{' '}
              for the same people, so a change can’t be credited to one of them.
            </p>
          ) : null}
          {initiative.comparisons.map((c) => (
            <Comparison key={c.group} initiative={initiative} group={c} named={initiative.comparisons.length > 1 || !!showGroups} />
          ))}
          {initiative.canEdit ? (
            <div className="button-row">
              <Link href={`/dashboard/initiatives/${initiative.id}/edit?returnTo=${encodeURIComponent(returnTo)}`}>Edit “{initiative.title}”</Link>
              <Link
                href={`/dashboard/initiatives/${initiative.id}/delete?returnTo=${encodeURIComponent(returnTo)}`}
                className="button button--danger-outline"
              >
                Delete “{initiative.title}”…
              </Link>
            </div>
          ) : null}
        </article>
      ))}
      {newHref ? (
        <p className="print-hidden">
          <Link href={newHref}>Record an initiative</Link>
        </p>
      ) : null}
    </section>
  );
}

function Comparison({ initiative, group, named }: { initiative: InitiativeItem; group: GroupComparison; named: boolean }) {
  const { comparison } = group;
  const id = `comparison-${initiative.id}-${group.group.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const forGroup = named ? `For ${group.group}: ` : '';
  const backdated = comparison.afterBeganBeforeRecorded ? (
    <p className="muted">
      Recorded on {formatCalendarDate(initiative.recordedOn)}, after the periods compared “after” had begun: its start date was
      chosen with some of those figures already known, so read the comparison with care.
    </p>
  ) : null;
  // A scale whose mean is not shown in one of the periods compared is not compared; the others still are.
  const usable = comparison.subscales.some((s) => s.reading !== 'not enough data yet');
  if (!usable) {
    return (
      <p>
        {forGroup}
        <strong>Not enough data yet</strong> for a before/after comparison: it needs at least {MIN_PERIODS_EACH_SIDE} published
        periods on each side of the start (up to {initiative.periodsEachSide} each), every one of them with enough responses to be
        shown.
      </p>
    );
  }
  return (
    <>
      <p id={id}>
        {forGroup}
        Before and after, {comparison.before.join(', ')} against {comparison.after.join(', ')}:
      </p>
      <ul className="comparison-list" aria-labelledby={id}>
        {comparison.subscales.map((s) =>
          s.reading === 'not enough data yet' ? (
            <li key={s.subscale}>
              <strong>{SUBSCALE_NAMES[s.subscale]}</strong>: not enough data yet (its mean is not shown in every one of these periods).
            </li>
          ) : (
            <li key={s.subscale}>
              <strong>{SUBSCALE_NAMES[s.subscale]}</strong>: {s.words}. Mean {s.beforeMean} before, {s.afterMean} after, a difference of{' '}
              {signedPoints(s.difference)}.
            </li>
          ),
        )}
      </ul>
      {backdated}
    </>
  );
}
