import { ActionForm, CheckboxGroup, FileField, SelectField, TextField } from '@/components/ui/Form';
import { requireAdmin } from '@/lib/auth/session';
import { listPendingInvites } from '@/lib/services/invites';
import { listTeams } from '@/lib/services/teams';
import { ROLE_NAMES } from '@/lib/validation/admin';
import { inviteAction, inviteCsvAction, revokeInviteAction } from './actions';

export const metadata = { title: 'Invites' };

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export default async function InvitesPage() {
  const actor = await requireAdmin();
  const [teams, pending] = await Promise.all([listTeams(actor), listPendingInvites(actor)]);
  const teamOptions = [{ value: '', label: 'No team' }, ...teams.filter((t) => !t.archived).map((t) => ({ value: t.name, label: t.name }))];
  return (
    <>
      <h1>Invites</h1>
      <section className="panel" aria-labelledby="invite-one">
        <h2 id="invite-one">Invite one person</h2>
        <ActionForm action={inviteAction} submitLabel="Send invitation" resetOnSuccess>
          <TextField name="email" label="Email" type="email" inputMode="email" autoComplete="off" />
          <TextField name="name" label="Name" autoComplete="off" />
          <CheckboxGroup name="roles" legend="Roles" options={ROLE_NAMES.map((r) => ({ value: r, label: r[0]!.toUpperCase() + r.slice(1) }))} defaultValues={['clinician']} />
          <SelectField name="team" label="Team" options={teamOptions} />
        </ActionForm>
      </section>
      <section className="panel" aria-labelledby="invite-csv">
        <h2 id="invite-csv">Invite from a spreadsheet</h2>
        <p>
          Upload a CSV file with the columns <code>email, name, role, team</code> and a header row. Several roles go in one
          cell separated by semicolons (<code>clinician;manager</code>). Rows with a problem are listed by line number; all
          the others are invited.
        </p>
        <ActionForm action={inviteCsvAction} submitLabel="Upload and invite">
          <FileField name="file" label="CSV file" accept=".csv,text/csv" />
        </ActionForm>
      </section>
      <section aria-labelledby="pending">
        <h2 id="pending">Pending invitations</h2>
        {pending.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="plain-list">
            {pending.map((invite) => (
              <li key={invite.id} className="panel">
                <strong>{invite.name}</strong> ({invite.email}): {invite.roles.join(', ')}
                {invite.team ? `, ${invite.team}` : ''}. {invite.expired ? 'Expired' : 'Expires'} {dateFormat.format(invite.expiresAt)}.
                <ActionForm action={revokeInviteAction} submitLabel={`Withdraw invitation to ${invite.email}`} secondary>
                  <input type="hidden" name="inviteId" value={invite.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
