import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OpenPeriod } from '@/components/dashboard/OpenPeriod';
import { GroupSeries } from '@/components/dashboard/GroupSeries';
import { getCurrentUser } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/services/actor';
import { getTeamDashboard } from '@/lib/services/aggregates';
import { listInitiatives } from '@/lib/services/initiatives';
import { initiativeMarkers, Initiatives } from '@/components/dashboard/Initiatives';
import { PrintHeading, ReportTools } from '@/components/dashboard/ReportTools';
import { formatCalendarDate } from '@/lib/format/date';

export const metadata: Metadata = { title: 'Team dashboard' };

/**
 * A team's figures over published periods, for its managers and the
 * organisation's admins. Anyone else, signed in or not, gets not-found: a
 * team one may not see does not exist.
 */
export default async function TeamDashboardPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await getCurrentUser();
  if (!actor) notFound();
  // Both check the actor may see the team; the initiatives' comparisons read the periods the dashboard publishes
  // (a period that closes during this very request is in them from the next one on).
  const [dashboard, initiatives] = await Promise.all([getTeamDashboard(actor, teamId), listInitiatives(actor, { teamId })]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const returnTo = `/dashboard/teams/${dashboard.team.id}`;
  return (
    <div className="page">
      <PrintHeading organisation={actor.organisation?.name ?? ''} printedOn={formatCalendarDate(dashboard.open.today)} />
      <p className="muted print-hidden">
        <Link href="/dashboard">Dashboards</Link>
      </p>
      <h1>{dashboard.team.name}</h1>
      <p className="lede">
        How the team is doing, period by period: the number of people who responded, the mean of each scale and how many are in each
        band. Figures come from closed periods only, are published once and never change, and appear only when enough people
        responded that no one can be picked out.
      </p>
      <ReportTools csvHref={`/dashboard/teams/${dashboard.team.id}/export`} />
      <OpenPeriod open={dashboard.open} group="the team" />
      <GroupSeries id="team" periods={dashboard.periods} markers={initiativeMarkers(initiatives, dashboard.periods)} />
      <Initiatives
        initiatives={initiatives}
        returnTo={returnTo}
        newHref={dashboard.team.archived ? null : `/dashboard/initiatives/new?team=${dashboard.team.id}`}
      />
    </div>
  );
}
