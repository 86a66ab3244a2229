'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';

type Item = { number: number; text: string };
type Option = { value: number; label: string };
type MissingItem = { number: number; page: number; text: string };
type SaveResult =
  | { ok: true; data: { answeredCount: number; closed?: true } }
  | { ok: false; error: string };

type Props = {
  checkInId: string;
  page: number;
  pageCount: number;
  items: Item[];
  options: readonly Option[];
  /** Every saved answer of the check-in, by item number. */
  answers: Record<number, number>;
  itemCount: number;
  missing: MissingItem[];
  invalid: boolean;
  /** A question of this page to scroll to and focus on arrival (a link from the list of unanswered ones). */
  focusItem: number | null;
  /** Questions left blank on the page before (after "Next page"). */
  skipped: MissingItem[];
  /** The page was reached by moving from another page (not by opening the check-in). */
  focusOnArrival: boolean;
  pageAction: (formData: FormData) => Promise<void>;
  saveAnswer: (input: { checkInId: string; itemNumber: number; value: number }) => Promise<SaveResult>;
};

type SaveState = 'idle' | 'saving' | 'saved' | 'retrying';

const RETRY_MS = 3000;

/**
 * One page of the questionnaire. It is a plain HTML form that works without
 * JavaScript (each page posts its answers); with JavaScript every answer is also
 * saved the moment it is given, and retried until the server has it.
 */
export function CheckInForm(props: Props) {
  const { checkInId, page, pageCount, items, options, itemCount, missing } = props;
  const [answers, setAnswers] = useState<Record<number, number>>(props.answers);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const unsaved = useRef(new Map<number, number>());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef(new Map<number, HTMLFieldSetElement>());

  // A new page from the server brings the saved answers with it.
  const [shownPage, setShownPage] = useState(page);
  if (shownPage !== page) {
    setShownPage(page);
    setAnswers((current) => ({ ...props.answers, ...current }));
  }

  // After moving between pages, focus goes to the question asked for (a link
  // from the list of unanswered ones), or to the list itself, or to the new
  // page's heading, so keyboard and screen-reader users start there.
  const { focusOnArrival, focusItem } = props;
  useEffect(() => {
    const item = focusItem === null ? undefined : itemRefs.current.get(focusItem);
    const target = item ?? (missing.length > 0 ? summaryRef.current : focusOnArrival ? headingRef.current : null);
    if (!target) return;
    const frame = requestAnimationFrame(() => {
      target.focus();
      if (item) item.scrollIntoView({ block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [page, missing.length, focusOnArrival, focusItem]);

  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const { saveAnswer } = props;
  const router = useRouter();
  /** Sends unsaved answers in order until the server has them all, retrying after failures. */
  const flush = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (unsaved.current.size > 0 && mounted.current) {
        setSaveState('saving');
        let failed = false;
        for (const [itemNumber, value] of [...unsaved.current.entries()]) {
          try {
            const result = await saveAnswer({ checkInId, itemNumber, value });
            if (!result.ok) throw new Error(result.error);
            if (result.data.closed) {
              // Submitted elsewhere (another tab): show its result.
              router.push(`/check-ins/${checkInId}/result`);
              return;
            }
            // Forget it only if no newer answer was given meanwhile.
            if (unsaved.current.get(itemNumber) === value) unsaved.current.delete(itemNumber);
          } catch {
            failed = true;
          }
        }
        if (failed) {
          setSaveState('retrying');
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
      if (mounted.current) setSaveState('saved');
    } finally {
      running.current = false;
    }
  }, [checkInId, saveAnswer, router]);

  const onAnswer = (itemNumber: number, value: number) => {
    setAnswers((current) => ({ ...current, [itemNumber]: value }));
    unsaved.current.set(itemNumber, value);
    void flush();
  };

  const answered = Object.keys(answers).length;
  const isLast = page === pageCount;
  const first = items[0]?.number ?? 1;
  const last = items[items.length - 1]?.number ?? first;
  const missingHere = new Set(missing.filter((m) => m.page === page && answers[m.number] === undefined).map((m) => m.number));
  // Submit from any page once every other page is complete (no paging through to the last one).
  const onThisPage = new Set(items.map((i) => i.number));
  const othersAnswered = Array.from({ length: itemCount }, (_, i) => i + 1).every((n) => onThisPage.has(n) || answers[n] !== undefined);
  const skippedNow = props.skipped.filter((m) => answers[m.number] === undefined);

  return (
    <form action={props.pageAction} className="check-in" noValidate>
      <input type="hidden" name="checkInId" value={checkInId} />
      <input type="hidden" name="page" value={page} />

      {missing.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="missing-title">
          <h2 id="missing-title">Some questions still need an answer</h2>
          <p>Everything you have answered is saved. Answer these to submit your check-in:</p>
          <QuestionLinks checkInId={checkInId} items={missing} incomplete={true} />
        </div>
      ) : null}
      {skippedNow.length > 0 && missing.length === 0 ? (
        <div className="notice" role="status">
          <p>
            You left {skippedNow.length === 1 ? 'a question' : `${skippedNow.length} questions`} on the page before without an
            answer. That’s fine for now: you’ll be reminded before you submit.
          </p>
          <QuestionLinks checkInId={checkInId} items={skippedNow} incomplete={false} />
        </div>
      ) : null}
      {props.invalid ? (
        <div className="error-summary" role="alert">
          <p>Some answers could not be read. Please choose them again; your other answers are saved.</p>
        </div>
      ) : null}

      <div className="progress">
        <p id="progress-label" className="progress__label">
          {answered} of {itemCount} answered
        </p>
        <progress max={itemCount} value={answered} aria-labelledby="progress-label" />
        <p className="progress__save" aria-live="polite">
          {saveState === 'retrying' ? 'Your last answer is not saved yet: check your connection. We will keep trying.' : null}
        </p>
      </div>

      <h2 className="check-in__page-title" tabIndex={-1} ref={headingRef}>
        Questions {first} to {last} <span className="muted">(page {page} of {pageCount})</span>
      </h2>

      {items.map((item) => (
        <fieldset
          key={item.number}
          id={`item-${item.number}`}
          tabIndex={-1}
          ref={(element) => {
            if (element) itemRefs.current.set(item.number, element);
            else itemRefs.current.delete(item.number);
          }}
          className={`item${missingHere.has(item.number) ? ' item--error' : ''}`}
          aria-describedby={missingHere.has(item.number) ? `item-${item.number}-error` : undefined}
        >
          <legend>
            <span className="item__number" aria-hidden="true">
              {item.number}.{' '}
            </span>
            {item.text}
          </legend>
          {missingHere.has(item.number) ? (
            <p className="field__error" id={`item-${item.number}-error`}>
              Needs an answer: choose one of the options below.
            </p>
          ) : null}
          <div className="options">
            {options.map((option) => (
              <label key={option.value} className="option">
                <input
                  type="radio"
                  name={`item-${item.number}`}
                  value={option.value}
                  checked={answers[item.number] === option.value}
                  onChange={() => onAnswer(item.number, option.value)}
                />
                <span>
                  <span className="option__value" aria-hidden="true">
                    {option.value}
                  </span>{' '}
                  {option.label}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}

      <PageButtons page={page} isLast={isLast} canSubmit={!isLast && othersAnswered} />
      <p className="muted small">
        {saveState === 'saved' ? 'All answers saved. ' : null}
        Only you can see your answers.
      </p>
    </form>
  );
}

/**
 * Links that land on each question, focused (`incomplete`: marked as needing an
 * answer, with the list of unanswered ones kept at the top).
 */
function QuestionLinks({ checkInId, items, incomplete }: { checkInId: string; items: MissingItem[]; incomplete: boolean }) {
  return (
    <ul>
      {items.map((m) => (
        <li key={m.number}>
          <Link href={`/check-ins/${checkInId}?page=${m.page}${incomplete ? '&incomplete=1' : ''}&focus=${m.number}#item-${m.number}`}>
            Question {m.number}: {m.text}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Previous page" first, in layout and in tab order. Pressing Enter in the form
 * still moves on (or submits on the last page): the browser uses the first
 * submit button, which is a hidden copy of the main one.
 */
function PageButtons({ page, isLast, canSubmit }: { page: number; isLast: boolean; canSubmit: boolean }) {
  const { pending } = useFormStatus();
  const primary = isLast ? 'submit' : 'next';
  return (
    <div className="button-row">
      <button type="submit" name="intent" value={primary} className="visually-hidden" tabIndex={-1} aria-hidden="true" disabled={pending}>
        {isLast ? 'Submit check-in' : 'Next page'}
      </button>
      {page > 1 ? (
        <button type="submit" name="intent" value="previous" className="button button--secondary" disabled={pending}>
          Previous page
        </button>
      ) : null}
      {isLast ? (
        <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
          Submit check-in
        </button>
      ) : (
        <button type="submit" name="intent" value="next" className={canSubmit ? 'button button--secondary' : 'button'} disabled={pending}>
          Next page
        </button>
      )}
      {canSubmit ? (
        <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
          Submit check-in
        </button>
      ) : null}
      <button type="submit" name="intent" value="save" className="button button--secondary" disabled={pending}>
        Save and finish later
      </button>
    </div>
  );
}
