import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { canViewOrganisationDashboard, listDashboardTeams } from '@/lib/services/aggregates';

export const metadata = { title: 'Dashboards' };

/** The dashboards the person may open: the teams they manage (every team, for an admin) and, for admins, the organisation. */
export default async function DashboardsPage() {
  const actor = await getCurrentUser();
  if (!actor) notFound();
  const teams = await listDashboardTeams(actor);
  const organisation = canViewOrganisationDashboard(actor);
  if (teams.length === 0 && !organisation) notFound();
  return (
    <div className="page">
      <h1>Dashboards</h1>
      <p className="lede">
        How your teams are doing over time, from closed reporting periods only. Nobody’s answers or scores are ever shown, and a
        group’s figures appear only when enough people responded that no one can be picked out.
      </p>
      {organisation ? (
        <section className="panel" aria-labelledby="dashboards-organisation">
          <h2 id="dashboards-organisation">Organisation</h2>
          <p>
            <Link href="/dashboard/organisation">{actor.organisation!.name}: the whole organisation and each team side by side</Link>
          </p>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="dashboards-teams">
        <h2 id="dashboards-teams">Teams</h2>
        {teams.length === 0 ? (
          <p>There are no teams yet.</p>
        ) : (
          <ul className="plain-list dashboard-list">
            {teams.map((team) => (
              <li key={team.id}>
                <Link href={`/dashboard/teams/${team.id}`}>{team.name}</Link>
                {team.archived ? <span className="muted"> (archived)</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
