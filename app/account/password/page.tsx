import { UnusableLink } from '@/components/layout/UnusableLink';
import { ActionForm, TextField } from '@/components/ui/Form';
import { requireUser } from '@/lib/auth/session';
import { isPasswordSetLinkOpen } from '@/lib/services/accounts';
import { setPasswordWithLinkAction } from '../actions';

export const metadata = { title: 'Choose a password' };

/** Where the emailed set-password link leads; it works only signed in as the account it was sent to. */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser();
  const { token } = await searchParams;
  const open = typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token) && (await isPasswordSetLinkOpen(actor, token));
  if (!open) {
    return (
      <UnusableLink
        title="This link can’t be used"
        reason="It has expired, has been used already, or was sent to another account. Links work once, within 30 minutes."
        next={{ href: '/account', label: 'Back to your account' }}
      />
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Choose a password</h1>
      <p>For {actor.email}. You will sign in again afterwards, on every device.</p>
      <ActionForm action={setPasswordWithLinkAction} submitLabel="Set password">
        <input type="hidden" name="token" value={token} />
        <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters; a few unrelated words work well." />
        <TextField name="confirm" label="New password again" type="password" autoComplete="new-password" />
      </ActionForm>
    </div>
  );
}
