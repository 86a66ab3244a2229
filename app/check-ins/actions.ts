'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/auth/action';
import { ForbiddenError } from '@/lib/services/actor';
import { requireUser } from '@/lib/auth/session';
import {
  CheckInClosedError,
  saveCheckInAnswers,
  startOrResumeCheckIn,
  submitCheckIn,
} from '@/lib/services/check-ins';
import { itemsOnPage, PAGE_COUNT, ZCheckInPageInput, ZSaveAnswerInput } from '@/lib/validation/check-in';

/**
 * "Start check-in" / "Resume check-in": opens the draft at its first unanswered
 * page; before a first check-in, the privacy notice comes first (in short, with the details a link away).
 */
export async function startCheckInAction(): Promise<void> {
  const actor = await requireUser();
  if (!actor.privacyAcknowledged) redirect('/privacy/summary?continue=check-in');
  const { id } = await startOrResumeCheckIn(actor);
  redirect(`/check-ins/${id}`);
}

/** Saves one answer as it is given (JavaScript on). */
export const saveAnswerAction = authedAction(ZSaveAnswerInput, async (actor, input) => {
  try {
    return await saveCheckInAnswers(actor, input.checkInId, [{ itemNumber: input.itemNumber, value: input.value }]);
  } catch (error) {
    if (error instanceof CheckInClosedError) return { answeredCount: -1, closed: true as const };
    throw error;
  }
});

/**
 * One page of the questionnaire posted as a form (with or without JavaScript):
 * saves the page's answers, then moves on, or submits. A re-post of a submitted
 * check-in (back button, double click) lands on its result and stores nothing.
 */
const checkInPage = authedAction(ZCheckInPageInput, async (actor, input) => {
  const base = `/check-ins/${input.checkInId}`;
  try {
    if (input.answers.length > 0) await saveCheckInAnswers(actor, input.checkInId, input.answers);
  } catch (error) {
    if (error instanceof CheckInClosedError) redirect(`${base}/result`);
    // No longer allowed to check in here (removed, or the clinician role taken away): home explains.
    if (error instanceof ForbiddenError) redirect('/');
    throw error;
  }
  switch (input.intent) {
    case 'previous':
      redirect(`${base}?page=${Math.max(1, input.page - 1)}`);
    case 'next': {
      // Questions of this page left blank: the next page says so, gently (they can be answered later).
      const given = new Set(input.answers.map((a) => a.itemNumber));
      const skipped = itemsOnPage(input.page).filter((n) => !given.has(n));
      redirect(`${base}?page=${Math.min(PAGE_COUNT, input.page + 1)}${skipped.length > 0 ? `&skipped=${skipped.join(',')}` : ''}`);
    }
    case 'save':
      redirect('/?saved=1');
    case 'submit': {
      const outcome = await submitCheckIn(actor, input.checkInId).catch((error: unknown) => {
        if (error instanceof ForbiddenError) redirect('/');
        throw error;
      });
      if (outcome.ok) redirect(`${base}/result`);
      redirect(`${base}?page=${input.page}&incomplete=1`);
    }
  }
});

export async function checkInPageAction(formData: FormData): Promise<void> {
  const result = await checkInPage(formData);
  if (!result.ok) {
    const id = String(formData.get('checkInId') ?? '');
    const page = String(formData.get('page') ?? '1');
    redirect(`/check-ins/${encodeURIComponent(id)}?page=${encodeURIComponent(page)}&invalid=1`);
  }
}
