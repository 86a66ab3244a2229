import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { formatLongDate } from '@/lib/format/date';
import { NotFoundError } from '@/lib/services/actor';
import { getDraftToDiscard } from '@/lib/services/check-ins';
import { ITEM_COUNT } from '@/lib/scoring';
import { ZCheckInId } from '@/lib/validation/check-in';
import { discardDraftAction } from './actions';

export const metadata = { title: 'Discard this check-in?' };

/** Asks before throwing away the person's check-in in progress: a plain form, so it works without JavaScript. */
export default async function DiscardDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const id = ZCheckInId.safeParse((await params).id);
  if (!id.success) notFound();
  const draft = await getDraftToDiscard(actor, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div className="page page--narrow">
      <h1>Discard this check-in?</h1>
      <p className="lede">
        Your check-in in progress: {draft.answeredCount} of {ITEM_COUNT} questions answered, last saved on {formatLongDate(draft.updatedAt)}.
      </p>
      <p>
        Discarding it deletes these answers for good; nothing from them has been scored or shared. You can start a new check-in
        whenever you like.
      </p>
      <form action={discardDraftAction}>
        <input type="hidden" name="checkInId" value={draft.id} />
        <div className="button-row">
          <button type="submit" className="button button--danger">
            Discard my answers
          </button>
          <Link href={`/check-ins/${draft.id}`} className="button-row__link">
            Keep it and carry on
          </Link>
        </div>
      </form>
    </div>
  );
}
