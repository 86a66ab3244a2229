'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth/config';

export type SignInState = { error?: string; fieldErrors?: { email?: string; password?: string }; email: string };

const ZSignInInput = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(320, 'That email address is too long.'),
  password: z.string().min(1, 'Enter your password.').max(1024, 'That password is too long.'),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths may be returned to after signing in. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = ZSignInInput.safeParse(Object.fromEntries(formData));
  const email = String(formData.get('email') ?? '').slice(0, 320);
  if (!parsed.success) {
    const fieldErrors: SignInState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'email' || field === 'password') && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { error: 'Please fix the highlighted fields.', fieldErrors, email };
  }
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return { email };
  } catch (error) {
    // A successful sign-in redirects by throwing; only Auth.js's own errors are failures.
    if (error instanceof CredentialsSignin && error.code.startsWith('rate_limited:')) {
      const minutes = Number(error.code.split(':')[1]) || 15;
      return {
        error: `Too many sign-in attempts. For your security, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
        email,
      };
    }
    if (error instanceof AuthError) {
      return {
        error: 'That email and password don’t match an account. Check them and try again.',
        email,
      };
    }
    throw error;
  }
}

/** Starts single sign-on (only offered when an OpenID Connect provider is configured). */
export async function ssoSignInAction(): Promise<void> {
  await signIn('sso', { redirectTo: '/' });
}
