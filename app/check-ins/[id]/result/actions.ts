'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { MAX_NOTE_LENGTH, saveCheckInNote } from '@/lib/services/notes';

/** Saves the actor's private note on their own check-in (another person's check-in reads as not found). */
export const saveNoteAction = formAction(
  z.object({
    checkInId: z.uuid(),
    note: z.string().max(MAX_NOTE_LENGTH, `Keep your note to ${MAX_NOTE_LENGTH} characters.`),
  }),
  async (actor, input) => {
    await saveCheckInNote(actor, input.checkInId, input.note);
    revalidatePath('/history');
    revalidatePath(`/check-ins/${input.checkInId}/result`);
    return input.note.trim() ? 'Your note is saved. Only you can read it.' : 'Your note is removed.';
  },
);
