'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { discardMyDraft } from '@/lib/services/check-ins';
import { ZCheckInId } from '@/lib/validation/check-in';

/** Discards one of the actor's own drafts (anyone else's, or a submitted check-in, reads as not found; nothing is deleted). */
const discardDraft = authedAction(z.object({ checkInId: ZCheckInId }), async (actor, input) => {
  await discardMyDraft(actor, input.checkInId);
  revalidatePath('/');
  redirect('/?discarded=1');
});

/** The confirmation page's plain form posts here (no JavaScript needed). */
export async function discardDraftAction(formData: FormData): Promise<void> {
  const result = await discardDraft(formData);
  if (!result.ok) notFound();
}
