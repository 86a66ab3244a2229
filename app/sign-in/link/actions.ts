'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { signIn } from '@/lib/auth/config';
import { clientAddress } from '@/lib/services/rate-limit';
import { checkSignInLinkLimits } from '@/lib/services/sign-in-links';
import type { FormState } from '@/lib/validation/form-state';

const ZEmail = z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(320).pipe(z.email({ message: 'Enter a valid email address.' }));

export async function emailLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = String(formData.get('email') ?? '').slice(0, 320);
  const parsed = ZEmail.safeParse(raw);
  if (!parsed.success) {
    return { status: 'error', message: 'Please correct the field marked below.', fieldErrors: { email: parsed.error.issues[0]!.message }, values: { email: raw } };
  }
  const limit = await checkSignInLinkLimits(parsed.data, clientAddress(await headers()));
  if (limit.limited) {
    const n = limit.retryAfterMinutes;
    return { status: 'error', message: `Too many sign-in links asked for. Try again in ${n} ${n === 1 ? 'minute' : 'minutes'}.`, values: { email: raw } };
  }
  await signIn('email', { email: parsed.data, redirect: false, redirectTo: '/' });
  // The same answer whether or not the address has an account.
  return { status: 'success', message: `If ${parsed.data} has a Tend account, a sign-in link is on its way. It works once, within 15 minutes.` };
}
