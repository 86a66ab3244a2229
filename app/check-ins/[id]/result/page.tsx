import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InstrumentCredit } from '@/components/instrument/InstrumentCredit';
import { GuidanceList } from '@/components/results/GuidanceList';
import { ScoreCard } from '@/components/results/ScoreCard';
import { SupportContacts } from '@/components/results/SupportContacts';
import { ActionForm, TextAreaField } from '@/components/ui/Form';
import { requireUser } from '@/lib/auth/session';
import { BAND_LABELS, bandTones, describeChange, describeNorm, needsSupportFirst, normsSourceText, RESULT_TEXT, selectGuidance, SUBSCALE_ABOUT, SUBSCALE_NAMES, type Changes } from '@/lib/instruments';
import { formatLongDate } from '@/lib/format/date';
import { NotFoundError } from '@/lib/services/actor';
import { getCheckInResult } from '@/lib/services/check-ins';
import { getCheckInNote, MAX_NOTE_LENGTH } from '@/lib/services/notes';
import { getSupportInformation } from '@/lib/services/organisation-settings';
import { getReminderSettings } from '@/lib/services/reminders';
import { reliableChange, SUBSCALES } from '@/lib/scoring';
import { ZCheckInId } from '@/lib/validation/check-in';
import { saveNoteAction } from './actions';

export const metadata = { title: 'Your result' };

export default async function ResultPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const id = ZCheckInId.safeParse((await params).id);
  if (!id.success) notFound();
  const result = await getCheckInResult(actor, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const date = formatLongDate(result.submittedAt);
  const previous = result.previous;
  const changes: Changes = {};
  const changeText: Partial<Record<(typeof SUBSCALES)[number], string>> = {};
  if (previous) {
    for (const subscale of SUBSCALES) {
      const change = reliableChange(subscale, previous.scores[subscale].raw, result.scores[subscale].raw);
      changes[subscale] = change.direction;
      changeText[subscale] = describeChange(subscale, change, formatLongDate(previous.submittedAt));
    }
  }
  const supportFirst = needsSupportFirst(result.scores, changes);
  const [{ contacts, crisisLine }, note, reminders] = await Promise.all([getSupportInformation(actor), getCheckInNote(actor, result.id), getReminderSettings(actor)]);
  const downloadHref = (format: 'csv' | 'json' | 'fhir') => `/check-ins/${result.id}/export/${format}`;

  return (
    <div className="page">
      <h1>Your check-in result</h1>
      <p className="lede">
        From your check-in on {date}. Thank you for taking the time: noticing how work is affecting you is itself a way of
        looking after yourself.
      </p>
      {supportFirst ? <SupportContacts contacts={contacts} crisisLine={crisisLine} prominent /> : null}
      <p>
        The ProQOL has three separate scales, each scored from 10 to 50. They are read one by one, never added together.
      </p>
      <div className="score-grid">
        {SUBSCALES.map((subscale) => (
          <ScoreCard
            key={subscale}
            id={subscale}
            name={SUBSCALE_NAMES[subscale]}
            raw={result.scores[subscale].raw}
            band={result.scores[subscale].band}
            bandLabel={BAND_LABELS[result.scores[subscale].band]}
            message={RESULT_TEXT[subscale][result.scores[subscale].band]}
            about={SUBSCALE_ABOUT[subscale]}
            norm={describeNorm(subscale, result.scores[subscale].raw)}
            change={changeText[subscale]}
            tones={bandTones(subscale)}
          />
        ))}
      </div>
      <p className="muted">{normsSourceText()}</p>
      {previous ? (
        <p>A “real change” is one larger than the questionnaire’s own ups and downs (a reliable change).</p>
      ) : (
        <p>From your next check-in, this page will also show what has changed since this one.</p>
      )}
      <GuidanceList guidance={selectGuidance(result.scores, changes)} />
      <section className="panel" aria-labelledby="note-title">
        <h2 id="note-title">Your private note</h2>
        <p>What was going on for you around this check-in? A few words now can help you make sense of your trend later.</p>
        <ActionForm action={saveNoteAction} submitLabel="Save note">
          <input type="hidden" name="checkInId" value={result.id} />
          <TextAreaField
            name="note"
            label="Note"
            hint={`Only you can read it: not your manager, not an admin. Up to ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters; clear it and save to delete it.`}
            defaultValue={note?.text ?? ''}
            limit={MAX_NOTE_LENGTH}
          />
        </ActionForm>
      </section>
      <section aria-labelledby="download-title">
        <h2 id="download-title">Download this check-in</h2>
        <p>
          A copy of this check-in’s answers and scores, for you to keep. <Link href="/account#export">Download all your check-ins</Link> from your
          account.
        </p>
        <div className="button-row">
          <a className="button button--secondary" href={downloadHref('csv')} download>
            Spreadsheet (CSV)
          </a>
          <a className="button button--secondary" href={downloadHref('json')} download>
            JSON
          </a>
        </div>
        <details className="more-formats">
          <summary>More formats</summary>
          <p>For health record systems that read HL7 FHIR R4: this check-in as a QuestionnaireResponse, with the questionnaire it answers.</p>
          <a className="button button--secondary" href={downloadHref('fhir')} download>
            FHIR R4
          </a>
        </details>
      </section>
      {supportFirst ? null : <SupportContacts contacts={contacts} crisisLine={crisisLine} prominent={false} />}
      {result.previous || result.next ? (
        <nav className="result-nav" aria-label="Your other results">
          {result.previous ? (
            <Link href={`/check-ins/${result.previous.id}/result`} className="result-nav__earlier">
              <span aria-hidden="true">← </span>Earlier result: {formatLongDate(result.previous.submittedAt)}
            </Link>
          ) : null}
          {result.next ? (
            <Link href={`/check-ins/${result.next.id}/result`} className="result-nav__later">
              Later result: {formatLongDate(result.next.submittedAt)}
              <span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
      {reminders ? (
        <p>
          {reminders.due ? 'Your next check-in is due now.' : `Your next check-in is due on ${formatLongDate(reminders.dueAt)}.`}{' '}
          <Link href="/account#reminders">Change how often</Link>
        </p>
      ) : null}
      <p>
        <Link href="/">Back to your home page</Link>
      </p>
      <p>
        <Link href={`/check-ins/${result.id}/delete`}>Delete this check-in</Link>
      </p>
      <InstrumentCredit />
    </div>
  );
}
