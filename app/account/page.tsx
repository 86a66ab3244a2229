import { ActionForm, TextField } from '@/components/ui/Form';
import { requireUser } from '@/lib/auth/session';
import { hasPassword } from '@/lib/services/accounts';
import { listMyCheckIns } from '@/lib/services/check-ins';
import { getReminderSettings } from '@/lib/services/reminders';
import { getTransparency } from '@/lib/services/transparency';
import { DeleteAllSection } from './DeleteAllSection';
import { ExportSection } from './ExportSection';
import { RemindersSection } from './RemindersSection';
import { TransparencySection } from './TransparencySection';
import { changePasswordAction, requestPasswordLinkAction, signOutEverywhereAction } from './actions';

export const metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requireUser();
  const now = new Date();
  const [withPassword, reminders, transparency, anyCheckIn] = await Promise.all([
    hasPassword(actor),
    getReminderSettings(actor, now),
    getTransparency(actor, now),
    listMyCheckIns(actor, { take: 1 }).then((list) => list.length > 0),
  ]);
  // Someone who takes no check-ins (an admin or manager only) has no data of their own to download or delete.
  const ownData = anyCheckIn || actor.roles.includes('clinician');
  return (
    <div className="page page--narrow">
      <h1>Your account</h1>
      <p>
        {actor.name} · {actor.email}
      </p>
      {reminders ? <RemindersSection settings={reminders} now={now} /> : null}
      {transparency ? <TransparencySection transparency={transparency} now={now} /> : null}
      {withPassword ? (
        <section className="panel" aria-labelledby="password">
          <h2 id="password">Change your password</h2>
          <ActionForm action={changePasswordAction} submitLabel="Change password">
            <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
            <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters; a few unrelated words work well." />
            <TextField name="confirm" label="New password again" type="password" autoComplete="new-password" />
          </ActionForm>
        </section>
      ) : (
        <section className="panel" aria-labelledby="password">
          <h2 id="password">Set a password</h2>
          <p>
            You sign in with email links or single sign-on. To add a password as well, we’ll email {actor.email} a link that
            lets you choose one: proof that the address is yours.
          </p>
          <ActionForm action={requestPasswordLinkAction} submitLabel="Email me a link to set a password" secondary />
        </section>
      )}
      <section className="panel" aria-labelledby="everywhere">
        <h2 id="everywhere">Sign out everywhere</h2>
        <p>Ends your sessions on every device and browser, this one included.</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="button button--secondary">
            Sign out everywhere
          </button>
        </form>
      </section>
      {ownData ? (
        <>
          <ExportSection />
          <DeleteAllSection />
        </>
      ) : null}
    </div>
  );
}
