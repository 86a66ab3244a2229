import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/layout/SignInForm';
import { getCurrentUser } from '@/lib/auth/session';
import { ssoProviderName } from '@/lib/auth/config';
import { signInAction, ssoSignInAction } from './actions';

export const metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentUser()) redirect('/');
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined;
  const sso = ssoProviderName();
  return (
    <div className="page page--narrow">
      <h1>Sign in to Tend</h1>
      {notice(params) ? (
        <p className="notice" role="status">
          {notice(params)}
        </p>
      ) : null}
      {linkError(params) ? (
        <div className="error-summary" role="alert">
          <p>{linkError(params)}</p>
        </div>
      ) : null}
      <SignInForm action={signInAction} callbackUrl={callbackUrl} />
      {sso ? (
        <form action={ssoSignInAction} className="sso">
          <button type="submit" className="button button--secondary">
            Sign in with {sso}
          </button>
        </form>
      ) : null}
      <p>
        <Link href="/sign-in/link">Sign in with an email link instead</Link>
      </p>
    </div>
  );
}

function notice(params: Record<string, string | string[] | undefined>): string | null {
  if (params.signedOut) return 'You have signed out.';
  if (params.signedOutEverywhere) return 'You have signed out on every device.';
  if (params.passwordChanged) return 'Your password has been changed. Sign in with the new one.';
  if (params.joined) return 'You have joined. Sign in with your existing account.';
  return null;
}

function linkError(params: Record<string, string | string[] | undefined>): string | null {
  if (params.error === 'Verification') {
    return 'That sign-in link has expired, has been used already, or is not for an account here. Ask for a new one.';
  }
  if (params.error === 'AccessDenied') {
    return 'That sign-in was not accepted: it has expired or been used, or the account is not one Tend knows (single sign-on needs a verified email of an invited account).';
  }
  return params.error ? 'Signing in did not work. Please try again.' : null;
}
