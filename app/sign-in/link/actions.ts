'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { z } from 'zod';
import { signIn } from '@/lib/auth/config';
import { drainOutboxSoon } from '@/lib/mail/outbox';
import { clientAddress } from '@/lib/services/rate-limit';
import { requestSignInLink, SIGN_IN_LINK_MINUTES } from '@/lib/services/sign-in-links';
import type { FormState } from '@/lib/validation/form-state';

const ZEmail = z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(320).pipe(z.email({ message: 'Enter a valid email address.' }));

export async function emailLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = String(formData.get('email') ?? '').slice(0, 320);
  const parsed = ZEmail.safeParse(raw);
  if (!parsed.success) {
    return { status: 'error', message: 'Please correct the field marked below.', fieldErrors: { email: parsed.error.issues[0]!.message }, values: { email: raw } };
  }
  const limit = await requestSignInLink(parsed.data, clientAddress(await headers()));
  if (limit.limited) {
    const n = limit.retryAfterMinutes;
    return { status: 'error', message: `Too many sign-in links asked for. Try again in ${n} ${n === 1 ? 'minute' : 'minutes'}.`, values: { email: raw } };
  }
  // The email goes out after this response, so the answer takes as long for any address.
  await drainOutboxSoon();
  return {
    status: 'success',
    message: `If ${parsed.data} has a Tend account, a sign-in link is on its way. It works once, within ${SIGN_IN_LINK_MINUTES} minutes.`,
  };
}

const ZConfirm = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** Signs in with an emailed link, on the POST from its confirmation page only. */
export async function confirmEmailLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = ZConfirm.safeParse({ token: formData.get('token') });
  const failed: FormState = { status: 'error', message: 'That sign-in link has expired or was already used. Ask for a new one.' };
  if (!parsed.success) return failed;
  try {
    await signIn('email-link', { token: parsed.data.token, redirectTo: '/' });
    return { status: 'success' };
  } catch (error) {
    // A successful sign-in redirects by throwing; only Auth.js's own errors are failures.
    if (error instanceof CredentialsSignin || error instanceof AuthError) return failed;
    throw error;
  }
}
