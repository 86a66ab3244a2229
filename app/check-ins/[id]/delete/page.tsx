import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { formatLongDate } from '@/lib/format/date';
import { NotFoundError } from '@/lib/services/actor';
import { getCheckInToDelete } from '@/lib/services/own-data';
import { ZCheckInId } from '@/lib/validation/check-in';
import { deleteCheckInAction } from './actions';

export const metadata = { title: 'Delete this check-in?' };

/** Asks before deleting one of the person's own check-ins: a plain form, so it works without JavaScript. */
export default async function DeleteCheckInPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const id = ZCheckInId.safeParse((await params).id);
  if (!id.success) notFound();
  const checkIn = await getCheckInToDelete(actor, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const resultHref = `/check-ins/${checkIn.id}/result`;

  return (
    <div className="page page--narrow">
      <h1>Delete this check-in?</h1>
      <p className="lede">Your check-in on {formatLongDate(checkIn.submittedAt)}.</p>
      <p>Deleting it removes, for good:</p>
      <ul>
        <li>your answers to all 30 questions</li>
        <li>your three scores</li>
        {checkIn.hasNote ? <li>your private note on it</li> : null}
      </ul>
      <p>
        It disappears from your history and trends. <strong>This cannot be undone.</strong>
      </p>
      <p>
        Team summaries already published are not changed: they are anonymous and never move once published (
        <Link href="/privacy">who can see what</Link>).
      </p>
      <form action={deleteCheckInAction}>
        <input type="hidden" name="checkInId" value={checkIn.id} />
        <div className="button-row">
          <button type="submit" className="button button--danger">
            Delete this check-in
          </button>
          <Link href={resultHref} className="button-row__link">
            Keep it
          </Link>
        </div>
      </form>
    </div>
  );
}
