import { UnusableLink } from '@/components/layout/UnusableLink';
import { ActionForm, TextField } from '@/components/ui/Form';
import { getInviteForAcceptance } from '@/lib/services/invites';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { acceptInviteAction } from './actions';

export const metadata = { title: 'Your invitation' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await getInviteForAcceptance(token) : { status: 'unknown' as const };
  if (invite.status !== 'open') {
    return (
      <UnusableLink
        title="This invitation can’t be used"
        reason={
          invite.status === 'used'
            ? 'It has already been accepted. You can sign in with the account it set up.'
            : invite.status === 'expired'
              ? 'It has expired. Ask your organisation’s Tend admin to send a new one.'
              : 'The link is not valid, or the invitation was withdrawn. Ask your organisation’s Tend admin for a new one.'
        }
        next={{ href: '/sign-in', label: 'Go to sign in' }}
      />
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Join {invite.organisation} on Tend</h1>
      <p>
        Welcome, {invite.name}. Tend is a private space for regular check-ins on how your work is affecting you. Only you
        can see your answers and results.
      </p>
      {invite.hasAccount ? (
        <ActionForm action={acceptInviteAction} submitLabel="Join">
          <input type="hidden" name="token" value={token} />
          <p>You already have a Tend account as {invite.email}. Join, then sign in as usual.</p>
        </ActionForm>
      ) : (
        <ActionForm action={acceptInviteAction} submitLabel="Create my account">
          <input type="hidden" name="token" value={token} />
          <p>
            Your account’s email is <strong>{invite.email}</strong>. Choose a password of at least {MIN_PASSWORD_LENGTH}{' '}
            characters; a few unrelated words work well.
          </p>
          <TextField name="password" label="New password" type="password" autoComplete="new-password" />
          <TextField name="confirm" label="New password again" type="password" autoComplete="new-password" />
        </ActionForm>
      )}
      {invite.hasAccount ? null : (
        <section className="panel" aria-labelledby="no-password">
          <h2 id="no-password">Or go without a password</h2>
          <p>Sign in each time with a single-use link emailed to {invite.email}.</p>
          <ActionForm action={acceptInviteAction} submitLabel="Set up without a password" secondary>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="method" value="link" />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
