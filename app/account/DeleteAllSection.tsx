import Link from 'next/link';
import { ActionForm, TextField } from '@/components/ui/Form';
import { deleteAllMyCheckInDataAction } from './delete-actions';

/**
 * "Delete all my check-ins and notes" on the account page. Confirmed by typing
 * a word rather than a second button press, since it cannot be undone; a wrong
 * word keeps what was typed and says so by the field.
 */
export function DeleteAllSection() {
  return (
    <section className="panel" aria-labelledby="delete-all">
      <h2 id="delete-all">Delete all my check-ins and notes</h2>
      <p>
        This deletes, for good, every check-in you have taken or started: your answers, your scores and your private notes,
        along with the record of reminders sent to you. It cannot be undone.
      </p>
      <p>
        Your account stays, with your reminder settings, and you can check in again whenever you like. Team summaries already
        published are anonymous and stay as they are (<Link href="/privacy">who can see what</Link>).
      </p>
      <ActionForm action={deleteAllMyCheckInDataAction} submitLabel="Delete all my check-ins and notes" danger>
        <TextField name="confirmWord" label="Type DELETE to confirm" autoComplete="off" />
      </ActionForm>
    </section>
  );
}
