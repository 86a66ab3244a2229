'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { UserInputError } from '@/lib/services/actor';
import { deleteAllMyCheckInData } from '@/lib/services/own-data';

/** The word typed to confirm deleting everything (compared trimmed and case-insensitively). */
const DELETE_ALL_CONFIRM_WORD = 'DELETE';

function deletedMessage(count: number): string {
  if (count === 0) return 'You had no check-ins to delete. Your account stays; you can check in whenever you like.';
  const what = count === 1 ? '1 check-in, with any note on it' : `${count} check-ins, with their notes`;
  return `Deleted ${what}. Your account stays; you can check in again whenever you like.`;
}

/** Deletes all of the actor's own check-ins, notes and reminder records, once they have typed the word. */
export const deleteAllMyCheckInDataAction = formAction(z.object({ confirmWord: z.string().max(100, 'Type DELETE in the box.').default('') }), async (actor, input) => {
  if (input.confirmWord.trim().toUpperCase() !== DELETE_ALL_CONFIRM_WORD) {
    throw new UserInputError(`To delete everything, type ${DELETE_ALL_CONFIRM_WORD} in the box.`, 'confirmWord');
  }
  const count = await deleteAllMyCheckInData(actor);
  revalidatePath('/');
  revalidatePath('/history');
  return deletedMessage(count);
});
