import { ActionForm, TextField } from '@/components/ui/Form';
import { requireAdmin } from '@/lib/auth/session';
import { listTeams } from '@/lib/services/teams';
import { archiveTeamAction, createTeamAction, renameTeamAction } from '../actions';

export const metadata = { title: 'Teams' };

export default async function TeamsPage() {
  const actor = await requireAdmin();
  const teams = await listTeams(actor);
  return (
    <>
      <h1>Teams</h1>
      <section className="panel" aria-labelledby="new-team">
        <h2 id="new-team">New team</h2>
        <ActionForm action={createTeamAction} submitLabel="Create team" resetOnSuccess>
          <TextField name="name" label="Team name" />
        </ActionForm>
      </section>
      {teams.map((team) => (
        <section key={team.id} className="panel" aria-labelledby={`team-${team.id}`}>
          <h2 id={`team-${team.id}`}>
            {team.name}
            {team.archived ? <span className="muted"> (archived)</span> : null}
          </h2>
          <p>
            {team.memberCount} {team.memberCount === 1 ? 'member' : 'members'}
            {team.managers.length > 0 ? `; managed by ${team.managers.join(', ')}` : '; no manager yet'}
          </p>
          <ActionForm action={renameTeamAction} submitLabel={`Rename ${team.name}`} secondary>
            <input type="hidden" name="teamId" value={team.id} />
            <TextField name="name" label={`New name for ${team.name}`} defaultValue={team.name} />
          </ActionForm>
          <ActionForm action={archiveTeamAction} submitLabel={team.archived ? `Restore ${team.name}` : `Archive ${team.name}`} secondary>
            <input type="hidden" name="teamId" value={team.id} />
            <input type="hidden" name="archive" value={team.archived ? 'no' : 'yes'} />
          </ActionForm>
        </section>
      ))}
    </>
  );
}
