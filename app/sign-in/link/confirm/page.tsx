import Link from 'next/link';
import { UnusableLink } from '@/components/layout/UnusableLink';
import { ActionForm } from '@/components/ui/Form';
import { getCurrentUser } from '@/lib/auth/session';
import { peekSignInLink } from '@/lib/services/sign-in-links';
import { confirmEmailLinkAction } from '../actions';

export const metadata = { title: 'Sign in with your link' };

/**
 * Where an emailed sign-in link leads. Opening it changes nothing (mail
 * scanners open links); the person sees whose account it is and signs in with
 * a POST. Someone sent a link to another person's account sees that name here.
 */
export default async function ConfirmEmailLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const link = typeof token === 'string' ? await peekSignInLink(token) : null;
  const current = await getCurrentUser();
  if (!link) {
    return (
      <UnusableLink
        title="This sign-in link can’t be used"
        reason="It has expired, has been used already, or is not complete. Links work once, within 15 minutes."
        next={{ href: '/sign-in/link', label: 'Ask for a new sign-in link' }}
      />
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Sign in as {link.email}?</h1>
      <p>
        This link signs you in to Tend as <strong>{link.email}</strong>. Continue only if that is your email address.
      </p>
      {current && current.email !== link.email ? (
        <p className="notice" role="status">
          You are signed in as {current.email} in this browser. Continuing signs you in as {link.email} instead.
        </p>
      ) : null}
      <ActionForm action={confirmEmailLinkAction} submitLabel={`Sign in as ${link.email}`}>
        <input type="hidden" name="token" value={token as string} />
      </ActionForm>
      <p>
        Not you? <Link href="/sign-in">Go to sign in</Link> and nothing happens.
      </p>
    </div>
  );
}
