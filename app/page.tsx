import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { BAND_LABELS, SUBSCALE_NAMES } from '@/lib/instruments';
import { getOpenDraft, listMyCheckIns } from '@/lib/services/check-ins';
import { getReminderSettings } from '@/lib/services/reminders';
import { ITEM_COUNT, SUBSCALES } from '@/lib/scoring';
import { startCheckInAction } from './check-ins/actions';

export const metadata = { title: 'Home' };

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser();
  const now = new Date();
  const [draft, checkIns, query, reminders] = await Promise.all([
    getOpenDraft(actor),
    listMyCheckIns(actor, { take: 12 }),
    searchParams,
    getReminderSettings(actor, now),
  ]);
  const canCheckIn = actor.organisation !== null && actor.roles.includes('clinician');
  const firstName = actor.name.split(' ')[0];

  return (
    <div className="page">
      <h1>Hello, {firstName}</h1>
      {query.saved === '1' && draft ? (
        <p className="notice" role="status">
          Your answers are saved. You can finish your check-in whenever suits you.
        </p>
      ) : null}

      {canCheckIn ? (
        <section className="panel" aria-labelledby="check-in-title">
          <h2 id="check-in-title">{draft ? 'Your check-in in progress' : reminders?.due ? 'Your check-in is due' : 'Check in'}</h2>
          {reminders?.due && !draft ? (
            <p className="notice">
              {reminders.first ? 'It’s time for your first check-in.' : `It’s been ${reminders.intervalDays} days or more since your last check-in: it’s time for the next one.`}
            </p>
          ) : null}
          {draft ? (
            <p>
              You have answered {draft.answeredCount} of {ITEM_COUNT} questions. Your answers are saved; pick up where you
              left off.
            </p>
          ) : (
            <p>
              Thirty short questions about how work has felt over the last 30 days. It takes about five minutes, your
              answers are saved as you go, and only you can see them.
            </p>
          )}
          <form action={startCheckInAction}>
            <button type="submit" className="button">
              {draft ? 'Resume check-in' : 'Start check-in'}
            </button>
          </form>
          {reminders && !reminders.due ? (
            <p className="muted">
              Your next check-in is due on {dateFormat.format(reminders.dueAt)}. <Link href="/account#reminders">Change how often</Link>
            </p>
          ) : null}
        </section>
      ) : (
        <p>Check-ins are taken by clinicians. Your account has no clinician role in an organisation.</p>
      )}

      <section aria-labelledby="results-title">
        <h2 id="results-title">Your results</h2>
        {checkIns.length > 0 ? (
          <p>
            <Link href="/history">See your history and trends</Link>
          </p>
        ) : null}
        {checkIns.length === 0 ? (
          <p>You have no results yet. They will appear here after your first check-in.</p>
        ) : (
          <ul className="result-list">
            {checkIns.map((c) => (
              <li key={c.id} className="result-list__item">
                <Link href={`/check-ins/${c.id}/result`} className="result-list__date">
                  {dateFormat.format(c.submittedAt)}
                </Link>
                <dl className="result-list__scores">
                  {SUBSCALES.map((subscale) => (
                    <div key={subscale}>
                      <dt>{SUBSCALE_NAMES[subscale]}</dt>
                      <dd>
                        {c.scores[subscale].raw} <span className="muted">({BAND_LABELS[c.scores[subscale].band].toLowerCase()})</span>
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
