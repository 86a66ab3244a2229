import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/layout/SignInForm';
import { getCurrentUser } from '@/lib/auth/session';
import { signInAction } from './actions';

export const metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentUser()) redirect('/');
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined;
  return (
    <div className="page page--narrow">
      <h1>Sign in to Tend</h1>
      {params.signedOut ? (
        <p className="notice" role="status">
          You have signed out.
        </p>
      ) : null}
      <SignInForm action={signInAction} callbackUrl={callbackUrl} />
    </div>
  );
}
