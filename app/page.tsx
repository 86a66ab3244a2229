import Link from 'next/link';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { requireUser } from '@/lib/auth/session';
import { DISPLAY_TIME_ZONE, formatDayMonth, formatLongDate, formatShortDate } from '@/lib/format/date';
import { BAND_LABELS, betterWay, sinceText, SUBSCALE_NAMES, summariseLatest, type LatestSummary } from '@/lib/instruments';
import { getOpenDraft, listMyCheckIns, type CheckInSummary } from '@/lib/services/check-ins';
import { getReminderSettings, type ReminderSettings } from '@/lib/services/reminders';
import { ITEM_COUNT, SUBSCALES } from '@/lib/scoring';
import { startCheckInAction } from './check-ins/actions';

// The root layout's title template applies to the pages below it, not to its own page.
export const metadata = { title: { absolute: 'Home · Tend' } };

/** Enough check-ins to find one three months back at a weekly cadence. */
const SUMMARY_CHECK_INS = 30;
const RECENT_ROWS = 4;

/**
 * Home: what a person comes back for. When a check-in is due (or one is in
 * progress) that comes first, as the main action; otherwise the latest result
 * in words, with how it moved, comes first and the next due date follows.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser();
  const now = new Date();
  const [draft, checkIns, query, reminders] = await Promise.all([
    getOpenDraft(actor),
    listMyCheckIns(actor, { take: SUMMARY_CHECK_INS }),
    searchParams,
    getReminderSettings(actor, now),
  ]);
  const canCheckIn = actor.organisation !== null && actor.roles.includes('clinician');
  const firstName = actor.name.split(' ')[0];
  const latest = summariseLatest(checkIns, DISPLAY_TIME_ZONE);
  const actionFirst = canCheckIn && (draft !== null || reminders?.due === true || latest === null);

  const checkInPanel = canCheckIn ? <CheckInPanel draft={draft} reminders={reminders} primary={actionFirst} /> : null;

  return (
    <div className="page">
      <h1>Hello, {firstName}</h1>
      {query.saved === '1' && draft ? (
        <p className="notice" role="status">
          Your answers are saved. You can finish your check-in whenever suits you.
        </p>
      ) : null}
      {query.discarded === '1' && !draft ? (
        <p className="notice" role="status">
          Your check-in in progress was discarded.
        </p>
      ) : null}

      {actionFirst ? checkInPanel : null}
      {latest ? <LatestResult latest={latest} recent={checkIns.slice(0, RECENT_ROWS)} total={checkIns.length} /> : null}
      {!actionFirst ? checkInPanel : null}

      {!canCheckIn && !latest ? <NoCheckIns actor={actor} /> : null}
    </div>
  );
}

function CheckInPanel({ draft, reminders, primary }: {
  draft: { id: string; answeredCount: number } | null;
  reminders: ReminderSettings | null;
  /** Whether checking in is the main thing to do now. */
  primary: boolean;
}) {
  const title = draft ? 'Your check-in in progress' : reminders?.due ? 'Your check-in is due' : 'Your next check-in';
  return (
    <section className="panel" aria-labelledby="check-in-title">
      <h2 id="check-in-title">{title}</h2>
      {draft ? (
        <p>
          You have answered {draft.answeredCount} of {ITEM_COUNT} questions. Your answers are saved; pick up where you left off.
        </p>
      ) : reminders?.due ? (
        <p>
          {reminders.first ? 'It’s time for your first check-in.' : `It’s been ${reminders.intervalDays} days or more since your last check-in: it’s time for the next one.`}{' '}
          Thirty short questions about how work has felt over the last 30 days; about five minutes, saved as you go, and only you can see your answers.
        </p>
      ) : reminders ? (
        <p>
          Your next check-in is due on <strong>{formatLongDate(reminders.dueAt)}</strong>. We’ll remind you then.
        </p>
      ) : null}
      <div className="button-row">
        <form action={startCheckInAction}>
          <button type="submit" className={primary ? 'button' : 'button button--secondary'}>
            {draft ? 'Resume check-in' : primary ? 'Start check-in' : 'Check in early'}
          </button>
        </form>
        {reminders && !draft ? (
          <a href="/account/calendar" className="button button--secondary" download>
            Add to calendar
          </a>
        ) : null}
      </div>
      {draft ? (
        <p>
          <Link href={`/check-ins/${draft.id}/discard`}>Discard this check-in and its answers</Link>
        </p>
      ) : null}
      {reminders ? (
        <p className="muted small">
          {reminders.intervalDays === reminders.cadenceDays
            ? `Every ${reminders.intervalDays} days, as ${reminders.organisationName} suggests. `
            : `Every ${reminders.intervalDays} days, as you chose. `}
          <Link href="/account#reminders">Change how often</Link>
        </p>
      ) : null}
    </section>
  );
}

function LatestResult({ latest, recent, total }: { latest: LatestSummary; recent: CheckInSummary[]; total: number }) {
  return (
    <section className="panel" aria-labelledby="latest-title">
      <h2 id="latest-title">Your latest check-in: {formatLongDate(latest.at)}</h2>
      <ul className="summary-list">
        {latest.scales.map((scale) => (
          <li key={scale.subscale} className="summary-list__item">
            <p className="summary-list__score">
              <strong>
                {SUBSCALE_NAMES[scale.subscale]} {scale.raw}
              </strong>
              , {BAND_LABELS[scale.band].toLowerCase()} <span className="muted">({betterWay(scale.higherIsBetter)})</span>
            </p>
            {scale.sinceLast ? <p className="summary-list__change">{sinceText(scale.sinceLast.change, formatShortDate(scale.sinceLast.at))}</p> : null}
            {scale.sinceThreeMonths ? (
              <p className="summary-list__change">{sinceText(scale.sinceThreeMonths.change, formatShortDate(scale.sinceThreeMonths.at))}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {!latest.scales[0]?.sinceLast ? <p className="muted">Your first check-in: from the next one, you’ll see here how each score moves.</p> : null}
      <p>
        <Link href={`/check-ins/${latest.checkInId}/result`}>See this result in full</Link>
      </p>
      {total > 1 ? (
        <>
          <RecentTable recent={recent} />
          <p>
            <Link href="/history">See your history and trends</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}

/**
 * The last few check-ins, oldest first, a column each: a row per scale reads
 * like a short trend, and a few numbers fit a phone as a table.
 */
function RecentTable({ recent }: { recent: CheckInSummary[] }) {
  const oldestFirst = [...recent].reverse();
  const columns: DataColumn[] = [
    { label: 'Scale' },
    ...oldestFirst.map((c) => ({
      label: formatShortDate(c.submittedAt),
      header: <Link href={`/check-ins/${c.id}/result`}>{formatDayMonth(c.submittedAt)}</Link>,
      numeric: true,
    })),
  ];
  return (
    <DataTable
      caption={`Your last ${recent.length} check-ins, oldest first: scores from 10 to 50`}
      columns={columns}
      stack={false}
      className="data-table--compact"
      rows={SUBSCALES.map((s) => ({ key: s, cells: [SUBSCALE_NAMES[s], ...oldestFirst.map((c) => c.scores[s].raw)] }))}
    />
  );
}

/** Someone who takes no check-ins (an admin or manager only): where their work is. */
function NoCheckIns({ actor }: { actor: { roles: readonly string[]; organisation: { name: string } | null } }) {
  const manages = actor.roles.includes('manager') || actor.roles.includes('admin');
  return (
    <section className="panel" aria-labelledby="work-title">
      <h2 id="work-title">{actor.organisation ? actor.organisation.name : 'Tend'}</h2>
      {actor.organisation && manages ? (
        <>
          <p>Your account is for the anonymised dashboards{actor.roles.includes('admin') ? ' and running Tend for your organisation' : ''}. Check-ins are taken by clinicians.</p>
          <ul className="plain-list">
            <li>
              <Link href="/dashboard">Dashboards</Link>: how teams are doing, from anonymous group figures only
            </li>
            {actor.roles.includes('admin') ? (
              <li>
                <Link href="/admin">Admin</Link>: teams, people, settings and the audit log
              </li>
            ) : null}
          </ul>
        </>
      ) : (
        <p>
          Your account isn’t part of an organisation’s check-ins at the moment. If you expected to check in here, ask your
          organisation’s Tend admin for an invitation.
        </p>
      )}
    </section>
  );
}
