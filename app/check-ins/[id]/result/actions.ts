'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { MAX_NOTE_LENGTH, saveCheckInNote } from '@/lib/services/notes';

/** Saves the actor's private note on their own check-in (another person's check-in reads as not found). */
export const saveNoteAction = formAction(
  z.object({
    checkInId: z.uuid(),
    // A browser sends a line break as two characters; counted as the page counts it, one.
    note: z
      .string()
      .transform((text) => text.replace(/\r\n?/g, '\n'))
      .refine((text) => text.trim().length <= MAX_NOTE_LENGTH, {
        error: (issue) => `Your note is ${String(issue.input).trim().length.toLocaleString('en-GB')} characters: shorten it to ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} or fewer. Nothing has been cut or saved yet.`,
      }),
  }),
  async (actor, input) => {
    await saveCheckInNote(actor, input.checkInId, input.note);
    revalidatePath('/history');
    revalidatePath(`/check-ins/${input.checkInId}/result`);
    return input.note.trim() ? 'Your note is saved. Only you can read it.' : 'Your note is removed.';
  },
);
