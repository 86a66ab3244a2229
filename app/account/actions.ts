'use server';

import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { signOut } from '@/lib/auth/config';
import { requireUser } from '@/lib/auth/session';
import { drainOutboxSoon } from '@/lib/mail/outbox';
import { changePassword, requestPasswordSetLink, setPasswordWithLink, signOutEverywhere } from '@/lib/services/accounts';
import { UserInputError } from '@/lib/services/actor';

export const changePasswordAction = formAction(
  z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024), confirm: z.string().max(1024) }),
  async (actor, input) => {
    if (input.newPassword !== input.confirm) throw new UserInputError('The two new passwords are different.', 'confirm');
    await changePassword(actor, input.currentPassword, input.newPassword);
    // Every session ended with the change, this one too: sign in with the new password.
    await signOut({ redirectTo: '/sign-in?passwordChanged=1' });
  },
);

export const requestPasswordLinkAction = formAction(z.object({}), async (actor) => {
  await requestPasswordSetLink(actor);
  await drainOutboxSoon();
  return `We’ve emailed a link to ${actor.email}. Open it in this browser within 30 minutes to choose your password.`;
});

export const setPasswordWithLinkAction = formAction(
  z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), newPassword: z.string().max(1024), confirm: z.string().max(1024) }),
  async (actor, input) => {
    if (input.newPassword !== input.confirm) throw new UserInputError('The two new passwords are different.', 'confirm');
    await setPasswordWithLink(actor, input.token, input.newPassword);
    await signOut({ redirectTo: '/sign-in?passwordChanged=1' });
  },
);

export async function signOutEverywhereAction(): Promise<void> {
  const actor = await requireUser();
  await signOutEverywhere(actor);
  await signOut({ redirectTo: '/sign-in?signedOutEverywhere=1' });
}
