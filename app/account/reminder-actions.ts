'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { updateReminderSettings } from '@/lib/services/reminders';

const ZUpdateReminderSettingsInput = z.object({
  intervalDays: z.coerce.number({ error: 'Choose how often you want to check in.' }).int('Choose how often you want to check in.'),
  emails: z.enum(['on', 'off'], { error: 'Choose whether to get reminder emails.' }),
});

export const updateReminderSettingsAction = formAction(ZUpdateReminderSettingsInput, async (actor, input) => {
  await updateReminderSettings(actor, { intervalDays: input.intervalDays, emails: input.emails === 'on' });
  revalidatePath('/account');
  revalidatePath('/');
  return input.emails === 'on'
    ? `Saved. You’ll be reminded every ${input.intervalDays} days.`
    : `Saved. We won’t email you reminders; the home page still shows when a check-in is due.`;
});
