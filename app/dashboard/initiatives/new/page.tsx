import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InitiativeForm } from '@/components/dashboard/InitiativeForm';
import { getCurrentUser } from '@/lib/auth/session';
import { canViewOrganisationDashboard, listDashboardTeams } from '@/lib/services/aggregates';
import { createInitiativeAction } from '../actions';

export const metadata: Metadata = { title: 'Record an initiative' };

/**
 * Records an initiative: a manager for the teams they manage, an admin for any
 * team or the whole organisation. `?team=` preselects the team whose dashboard
 * it came from, and the form goes back there. Anyone else gets not-found.
 */
export default async function NewInitiativePage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) notFound();
  const teams = (await listDashboardTeams(actor)).filter((t) => !t.archived);
  const allowWholeOrganisation = canViewOrganisationDashboard(actor);
  if (teams.length === 0 && !allowWholeOrganisation) notFound();
  const { team: asked } = await searchParams;
  const team = teams.find((t) => t.id === asked);
  const returnTo = team ? `/dashboard/teams/${team.id}` : allowWholeOrganisation ? '/dashboard/organisation' : `/dashboard/teams/${teams[0]!.id}`;
  return (
    <div className="page">
      <p className="muted">
        <Link href={returnTo}>Back to the dashboard</Link>
      </p>
      <h1>Record an initiative</h1>
      <p className="lede">
        Something you tried for the team’s wellbeing: a peer-support group, reflective supervision, a change to workload. It is drawn on
        the dashboards’ charts, and compared before and after once enough periods have been published.
      </p>
      <InitiativeForm
        teams={teams}
        allowWholeOrganisation={allowWholeOrganisation}
        initial={{ teamIds: team ? [team.id] : [] }}
        action={createInitiativeAction}
        returnTo={returnTo}
        submitLabel="Record initiative"
      />
    </div>
  );
}
