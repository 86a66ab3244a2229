import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ActionForm, TextField } from '@/components/ui/Form';
import { getCurrentUser } from '@/lib/auth/session';
import { emailLinkAction } from './actions';

export const metadata = { title: 'Sign in with an email link' };

export default async function EmailLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentUser()) redirect('/');
  const { joined } = await searchParams;
  return (
    <div className="page page--narrow">
      <h1>Sign in with an email link</h1>
      {joined ? (
        <p className="notice" role="status">
          Your account is ready. Ask for a sign-in link with the email address your invitation was sent to.
        </p>
      ) : null}
      <p>We’ll email you a link that signs you in once. No password needed.</p>
      <ActionForm action={emailLinkAction} submitLabel="Email me a sign-in link">
        <TextField name="email" label="Email" type="email" inputMode="email" autoComplete="username" />
      </ActionForm>
      <p>
        <Link href="/sign-in">Sign in with your password instead</Link>
      </p>
    </div>
  );
}
