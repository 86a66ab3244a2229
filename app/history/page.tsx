import Link from 'next/link';
import { SubscaleTrend } from '@/components/charts/SubscaleTrend';
import { DataTable } from '@/components/ui/DataTable';
import { InstrumentCredit } from '@/components/instrument/InstrumentCredit';
import { requireUser } from '@/lib/auth/session';
import { axisTicks } from '@/lib/format/axis-ticks';
import { formatLongDate, formatShortDate } from '@/lib/format/date';
import { BAND_LABELS, bandTones, buildHistory, TONE_LABELS, signedPoints, SUBSCALE_ABOUT, SUBSCALE_NAMES, type HistoryPoint } from '@/lib/instruments';
import { sinceText } from '@/lib/instruments/summary';
import { listMyCheckIns } from '@/lib/services/check-ins';
import { listMyNotes } from '@/lib/services/notes';
import { reliableChange, reliableChangeThreshold, SUBSCALES, type Subscale } from '@/lib/scoring';

export const metadata = { title: 'Your history' };

const HISTORY_COLUMNS = [{ label: 'Date' }, { label: 'Score', numeric: true }, { label: 'Band' }, { label: 'Change' }];
const NOTE_COLUMNS = [{ label: 'Date' }, { label: 'Note' }];

function changeText(point: HistoryPoint): string {
  if (!point.change) return 'first';
  const points = signedPoints(point.change.difference);
  return point.change.direction === 'none' ? points : `${points}, real change`;
}

/** "Since your first check-in on 10 May 2026: 12 points lower, a real change for the better." */
function sinceFirstText(subscale: Subscale, points: HistoryPoint[]): string {
  const first = points[0]!;
  const latest = points.at(-1)!;
  return sinceText(reliableChange(subscale, first.raw, latest.raw), `your first check-in on ${formatLongDate(first.at)}`);
}

/** At most this many dates on a chart's axis: room for each label on a phone. */
const AXIS_TICKS = 4;

/** The id of a note's row in the notes table, which the score tables link to. */
const noteAnchor = (checkInId: string) => `note-${checkInId}`;

/**
 * The person's own check-ins over time: a chart per subscale with the bands
 * shaded, and beside each a table of the same figures (the chart is never the
 * only way to read them, and the tables need no JavaScript).
 */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser();
  const [checkIns, notes, query] = await Promise.all([listMyCheckIns(actor), listMyNotes(actor), searchParams]);
  const history = buildHistory(checkIns);
  const count = checkIns.length;

  return (
    <div className="page">
      <h1>Your history</h1>
      {query.deleted === '1' ? (
        <p className="notice" role="status">
          Check-in deleted.
        </p>
      ) : null}
      {/* Without JavaScript there are no charts to draw (nor a legend for them): the tables carry everything. */}
      <noscript>
        <style>{'.trend, .history-legend { display: none; }'}</style>
      </noscript>
      {count === 0 ? (
        <p>
          You have no check-ins yet. After your first, your scores appear here; <Link href="/">check in from your home page</Link>.
        </p>
      ) : (
        <>
          <p className="lede">
            {count === 1 ? 'Your one check-in so far.' : `Your ${count} check-ins, from ${formatLongDate(checkIns.at(-1)!.submittedAt)} to ${formatLongDate(checkIns[0]!.submittedAt)}.`}{' '}
            {count === 1 ? 'Your trend appears from the second check-in.' : 'Each scale is read on its own, from 10 to 50; the shading shows what its bands mean for you.'}
          </p>
          {count > 1 ? (
            <ul className="history-legend" aria-label="How to read the charts">
              {(['good', 'middle', 'concern'] as const).map((tone) => (
                <li key={tone}>
                  <span className={`history-legend__swatch tone--${tone}`} aria-hidden="true" /> {TONE_LABELS[tone]}
                </li>
              ))}
              <li>
                <span className="history-legend__swatch history-legend__swatch--ring" aria-hidden="true" /> a real change from the check-in before
              </li>
              {notes.size > 0 ? (
                <li>
                  <span className="history-legend__swatch history-legend__swatch--note" aria-hidden="true" /> a note you wrote
                </li>
              ) : null}
            </ul>
          ) : null}
          {SUBSCALES.map((subscale) => {
            const points = history[subscale];
            const newestFirst = [...points].reverse();
            return (
              <section key={subscale} className="panel" aria-labelledby={`history-${subscale}`}>
                <h2 id={`history-${subscale}`}>{SUBSCALE_NAMES[subscale]}</h2>
                <p className="muted">{SUBSCALE_ABOUT[subscale]}</p>
                {points.length > 1 ? (
                  <>
                    <p className="history-story">{sinceFirstText(subscale, points)}</p>
                    <SubscaleTrend
                      name={SUBSCALE_NAMES[subscale]}
                      tones={bandTones(subscale)}
                      ticks={axisTicks(points[0]!.at, points.at(-1)!.at, AXIS_TICKS)}
                      points={points.map((p) => ({
                        at: p.at,
                        raw: p.raw,
                        band: BAND_LABELS[p.band],
                        reliable: !!p.change && p.change.direction !== 'none',
                        note: notes.has(p.checkInId),
                      }))}
                    />
                  </>
                ) : null}
                <DataTable
                  captionId={`table-${subscale}`}
                  caption={`${SUBSCALE_NAMES[subscale]}: ${points.length === 1 ? 'your score' : `all ${points.length} scores, newest first, with the change from the check-in before`}`}
                  columns={HISTORY_COLUMNS}
                  className="data-table--inline"
                  rows={newestFirst.map((p) => ({
                    key: p.checkInId,
                    cells: [
                      <span key="date" className="history-date">
                        <Link href={`/check-ins/${p.checkInId}/result`}>
                          <time dateTime={new Date(p.at).toISOString()}>{formatShortDate(p.at)}</time>
                        </Link>
                        {notes.has(p.checkInId) ? (
                          <a href={`#${noteAnchor(p.checkInId)}`} className="history-date__note">
                            Note<span className="visually-hidden"> of {formatShortDate(p.at)}</span>
                          </a>
                        ) : null}
                      </span>,
                      p.raw,
                      BAND_LABELS[p.band],
                      changeText(p),
                    ],
                  }))}
                />
              </section>
            );
          })}
          <section className="panel" aria-labelledby="history-notes">
            <h2 id="history-notes">Your notes</h2>
            {notes.size === 0 ? (
              <p>You haven’t written any notes yet. You can add one to any check-in from its result page; only you can read them.</p>
            ) : (
              <DataTable
                caption="Your notes, newest first"
                columns={NOTE_COLUMNS}
                rows={checkIns
                  .filter((c) => notes.has(c.id))
                  .map((c) => ({
                    key: c.id,
                    cells: [
                      <Link key="date" id={noteAnchor(c.id)} href={`/check-ins/${c.id}/result`}>
                        {formatShortDate(c.submittedAt)}
                      </Link>,
                      <span key="note" className="multiline">{notes.get(c.id)}</span>,
                    ],
                  }))}
              />
            )}
          </section>
          <details className="panel history-method">
            <summary>How we judge a real change</summary>
            <p>
              Scores move a little from one check-in to the next even when nothing has changed: no questionnaire measures exactly.
              We call a change real only when it is larger than those usual ups and downs. This is the reliable change index of
              Jacobson and Truax (1991), worked out from how consistent each scale is (its reliability in the ProQOL manual) and how
              widely helpers’ scores spread (De La Rosa and others, 2018).
            </p>
            <p>On each scale, a real change is a difference of at least:</p>
            <ul>
              {SUBSCALES.map((subscale) => (
                <li key={subscale}>
                  {SUBSCALE_NAMES[subscale]}: {Math.ceil(reliableChangeThreshold(subscale))} points
                </li>
              ))}
            </ul>
            <p>
              A smaller change can still matter to you. It is one the questionnaire cannot tell apart from its own ups and downs, so
              Tend does not call it real.
            </p>
          </details>
        </>
      )}
      <InstrumentCredit />
    </div>
  );
}
