import Link from 'next/link';
import { ActionForm, SelectField, TextField } from '@/components/ui/Form';
import { requireAdmin } from '@/lib/auth/session';
import { formatLocalDay } from '@/lib/format/date-time';
import { getReportingOverview, type ReportingOverview } from '@/lib/services/reporting-groups';
import { listTeams, type TeamSummary } from '@/lib/services/teams';
import { restoreTeamAction, createReportingGroupAction, createTeamAction, renameTeamAction, setTeamReportingAction } from '../actions';

export const metadata = { title: 'Teams' };

/**
 * A team below the threshold from the next period (on its own, or its
 * reporting group): its figures are never shown, and whenever it is hidden the
 * organisation's total is hidden too.
 */
function belowThreshold(team: TeamSummary, overview: ReportingOverview): { name: string; members: number } | null {
  if (team.archived) return null;
  const reporting = overview.teams.get(team.id)!;
  const group = reporting.pending !== undefined ? reporting.pending : reporting.inForce;
  if (group) {
    const members = overview.groups.find((g) => g.id === group.id)!.nextMembers;
    return members < overview.nextThreshold ? { name: group.name, members } : null;
  }
  return reporting.members < overview.nextThreshold ? { name: team.name, members: reporting.members } : null;
}

export default async function TeamsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireAdmin();
  const { done } = await searchParams;
  const [teams, overview] = await Promise.all([listTeams(actor), getReportingOverview(actor)]);
  const nextStart = formatLocalDay(overview.nextStart, overview.timeZone);
  const k = overview.nextThreshold;
  const small = teams.flatMap((team) => {
    const below = belowThreshold(team, overview);
    return below ? [{ team, below }] : [];
  });
  const groupOptions = [{ value: '', label: 'On its own' }, ...overview.groups.map((g) => ({ value: g.id, label: `Within ${g.name}` }))];
  return (
    <>
      <h1>Teams</h1>
      {done === 'archived' || done === 'restored' ? (
        <p className="notice" role="status">
          {done === 'archived' ? 'Team archived. You can restore it below whenever you like.' : 'Team restored: new check-ins count for it again.'}
        </p>
      ) : null}
      {small.length > 0 ? (
        <section className="panel panel--warning" aria-labelledby="below-threshold">
          <h2 id="below-threshold">
            {small.length === 1 ? '1 team is' : `${small.length} teams are`} below the threshold of {k}
          </h2>
          <p>
            A team with fewer than {k} people who check in never shows figures, and in every period it is hidden, the organisation’s
            total is hidden too (the total minus the other teams would give its figures). Report small teams together in a reporting
            group below.
          </p>
          <ul>
            {small.map(({ team, below }) => (
              <li key={team.id}>
                <a href={`#team-${team.id}`}>{team.name}</a>:{' '}
                {below.name === team.name
                  ? `${below.members} ${below.members === 1 ? 'person checks' : 'people check'} in`
                  : `reported within ${below.name}, which has ${below.members} ${below.members === 1 ? 'person who checks' : 'people who check'} in`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="reporting-groups">
        <h2 id="reporting-groups">Reporting groups</h2>
        <p>
          Teams in a reporting group are reported together, as one group: their dashboards show the group’s figures, and a team too
          small to be shown on its own no longer hides the organisation’s total. A change applies from the next reporting period,
          which starts on {nextStart}; published periods keep their figures.
        </p>
        {overview.groups.length > 0 ? (
          <ul>
            {overview.groups.map((g) => (
              <li key={g.id}>
                <strong>{g.name}</strong>: {g.teams.length > 0 ? g.teams.join(', ') : 'no teams yet'}
                {g.pendingTeams.join() !== g.teams.join() ? ` (from ${nextStart}: ${g.pendingTeams.length > 0 ? g.pendingTeams.join(', ') : 'no teams'})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No reporting groups yet: every team is reported on its own.</p>
        )}
        <ActionForm action={createReportingGroupAction} submitLabel="Create reporting group" resetOnSuccess secondary>
          <TextField name="name" label="Reporting group name" hint="For example “Community teams”, or “Other teams”." />
        </ActionForm>
      </section>

      <section className="panel" aria-labelledby="new-team">
        <h2 id="new-team">New team</h2>
        <ActionForm action={createTeamAction} submitLabel="Create team" resetOnSuccess>
          <TextField name="name" label="Team name" />
        </ActionForm>
      </section>
      {teams.map((team) => {
        const reporting = overview.teams.get(team.id)!;
        const below = belowThreshold(team, overview);
        return (
          <section key={team.id} className="panel" aria-labelledby={`team-${team.id}`}>
            <h2 id={`team-${team.id}`}>
              {team.name}
              {team.archived ? <span className="muted"> (archived)</span> : null}
            </h2>
            <p>
              {team.memberCount} {team.memberCount === 1 ? 'member' : 'members'}
              {team.managers.length > 0 ? `; managed by ${team.managers.join(', ')}` : '; no manager yet'}
            </p>
            <p>
              Reported {reporting.inForce ? `within ${reporting.inForce.name}` : 'on its own'}
              {reporting.pending !== undefined ? `; from ${nextStart}, ${reporting.pending ? `within ${reporting.pending.name}` : 'on its own'}` : ''}.
            </p>
            {below ? (
              <p className="notice notice--warning">
                {below.name === team.name
                  ? `Below the threshold: ${below.members} of the ${k} people needed check in for this team, so its figures will not be shown.`
                  : `Below the threshold: ${below.name} has ${below.members} of the ${k} people needed, so its figures will not be shown.`}
              </p>
            ) : null}
            {overview.groups.length > 0 ? (
              <ActionForm action={setTeamReportingAction} submitLabel={`Save how ${team.name} is reported`} secondary>
                <input type="hidden" name="teamId" value={team.id} />
                <SelectField
                  name="reportingGroupId"
                  label={`How ${team.name} is reported`}
                  options={groupOptions}
                  defaultValue={(reporting.pending !== undefined ? reporting.pending?.id : reporting.inForce?.id) ?? ''}
                  hint={`Applies from ${nextStart}.`}
                />
              </ActionForm>
            ) : null}
            <ActionForm action={renameTeamAction} submitLabel={`Rename ${team.name}`} secondary>
              <input type="hidden" name="teamId" value={team.id} />
              <TextField name="name" label={`New name for ${team.name}`} defaultValue={team.name} />
            </ActionForm>
            {team.archived ? (
              <ActionForm action={restoreTeamAction} submitLabel={`Restore ${team.name}`} secondary>
                <input type="hidden" name="teamId" value={team.id} />
              </ActionForm>
            ) : (
              <p>
                <Link href={`/admin/teams/${team.id}/archive`} className="button button--danger-outline">
                  Archive {team.name}…
                </Link>
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}
