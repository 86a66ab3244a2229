import { notFound, redirect } from 'next/navigation';
import { CheckInForm } from '@/components/check-in/CheckInForm';
import { InstrumentCredit } from '@/components/instrument/InstrumentCredit';
import { requireUser } from '@/lib/auth/session';
import { PROQOL5, renderWording } from '@/lib/instruments';
import { NotFoundError } from '@/lib/services/actor';
import { getCheckInForAnswering } from '@/lib/services/check-ins';
import { itemsOnPage, PAGE_COUNT, pageOfItem, ZCheckInId } from '@/lib/validation/check-in';
import { checkInPageAction, saveAnswerAction } from '../actions';

export const metadata = { title: 'Check-in' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CheckInPage({ params, searchParams }: Props) {
  const actor = await requireUser();
  const id = ZCheckInId.safeParse((await params).id);
  if (!id.success) notFound();
  const checkIn = await getCheckInForAnswering(actor, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (checkIn.status === 'submitted') redirect(`/check-ins/${checkIn.id}/result`);

  const query = await searchParams;
  const unanswered = PROQOL5.items.map((item) => item.number).filter((n) => checkIn.answers[n] === undefined);
  const requested = Number(query.page);
  const page =
    Number.isInteger(requested) && requested >= 1 && requested <= PAGE_COUNT
      ? requested
      : unanswered.length > 0
        ? pageOfItem(unanswered[0] as number)
        : PAGE_COUNT;
  const showMissing = query.incomplete === '1' && unanswered.length > 0;
  const render = (text: string) => renderWording(text, checkIn.wordingPreset);
  // A question to land on (a link from the list of unanswered ones): one of this page's.
  const focusItem = Number(query.focus);
  const onPage = itemsOnPage(page);
  // Questions left blank on the page before, still unanswered (after "Next page").
  const skipped = typeof query.skipped === 'string' && page > 1
    ? query.skipped
        .split(',')
        .map(Number)
        .filter((n) => itemsOnPage(page - 1).includes(n) && checkIn.answers[n] === undefined)
    : [];

  return (
    <div className="page">
      <h1>Your check-in</h1>
      <p className={page === 1 ? 'lede' : 'muted'}>{render(PROQOL5.instructions)}</p>
      <CheckInForm
        checkInId={checkIn.id}
        page={page}
        pageCount={PAGE_COUNT}
        items={onPage.map((n) => ({ number: n, text: render(PROQOL5.items[n - 1]!.text) }))}
        options={PROQOL5.responseOptions}
        answers={checkIn.answers}
        itemCount={PROQOL5.items.length}
        missing={
          showMissing
            ? unanswered.map((n) => ({ number: n, page: pageOfItem(n), text: render(PROQOL5.items[n - 1]!.text) }))
            : []
        }
        invalid={query.invalid === '1'}
        focusItem={onPage.includes(focusItem) ? focusItem : null}
        skipped={skipped.map((n) => ({ number: n, page: page - 1, text: render(PROQOL5.items[n - 1]!.text) }))}
        focusOnArrival={query.page !== undefined}
        pageAction={checkInPageAction}
        saveAnswer={saveAnswerAction}
      />
      <InstrumentCredit />
    </div>
  );
}
