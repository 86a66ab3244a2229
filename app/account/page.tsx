import { ActionForm, TextField } from '@/components/ui/Form';
import { requireUser } from '@/lib/auth/session';
import { changePasswordAction, signOutEverywhereAction } from './actions';

export const metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requireUser();
  return (
    <div className="page page--narrow">
      <h1>Your account</h1>
      <p>
        {actor.name} · {actor.email}
      </p>
      <section className="panel" aria-labelledby="password">
        <h2 id="password">Change your password</h2>
        <ActionForm action={changePasswordAction} submitLabel="Change password">
          <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
          <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters; a few unrelated words work well." />
          <TextField name="confirm" label="New password again" type="password" autoComplete="new-password" />
        </ActionForm>
      </section>
      <section className="panel" aria-labelledby="everywhere">
        <h2 id="everywhere">Sign out everywhere</h2>
        <p>Ends your sessions on every device and browser, this one included.</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="button button--secondary">
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
