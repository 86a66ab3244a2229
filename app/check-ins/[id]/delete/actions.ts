'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { deleteMyCheckIn } from '@/lib/services/own-data';
import { ZCheckInId } from '@/lib/validation/check-in';

/** Deletes one of the actor's own submitted check-ins (anyone else's reads as not found; nothing is deleted). */
const deleteCheckIn = authedAction(z.object({ checkInId: ZCheckInId }), async (actor, input) => {
  await deleteMyCheckIn(actor, input.checkInId);
  revalidatePath('/');
  revalidatePath('/history');
  redirect('/history?deleted=1');
});

/** The confirmation page's plain form posts here (no JavaScript needed). */
export async function deleteCheckInAction(formData: FormData): Promise<void> {
  const result = await deleteCheckIn(formData);
  // Only a malformed id fails to parse: like any unknown check-in, it is not found.
  if (!result.ok) notFound();
}
