'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn } from '@/lib/auth/config';
import { UserInputError } from '@/lib/services/actor';
import { acceptInvite } from '@/lib/services/invites';
import type { FormState } from '@/lib/validation/form-state';

const ZAccept = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  password: z.string().max(1024).optional(),
  confirm: z.string().max(1024).optional(),
  method: z.enum(['link']).optional(),
});

/** Accepts an invite (a public POST: the token is the credential), then signs the person in. */
export async function acceptInviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = ZAccept.safeParse(Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith('$ACTION'))));
  if (!parsed.success) return { status: 'error', message: 'This invitation link is not valid.' };
  const { token, password, confirm } = parsed.data;
  const settingPassword = password !== undefined;
  if (settingPassword && password !== confirm) {
    return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors: { confirm: 'The two passwords are different.' } };
  }
  let email: string;
  try {
    ({ email } = await acceptInvite(token, settingPassword ? password : null));
  } catch (error) {
    if (error instanceof UserInputError) {
      return {
        status: 'error',
        message: error.field ? 'Please correct the fields marked below.' : error.message,
        fieldErrors: error.field ? { [error.field]: error.message } : undefined,
      };
    }
    throw error;
  }
  if (!settingPassword) redirect(formData.get('method') === 'link' ? '/sign-in/link?joined=1' : '/sign-in?joined=1');
  await signIn('credentials', { email, password, redirectTo: '/' });
  return { status: 'success' };
}
