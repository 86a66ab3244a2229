import { getCurrentUser } from '@/lib/auth/session';
import { reportedWithinText } from '@/lib/format/aggregates';
import { csvHeaders, dashboardCsv, dashboardCsvName } from '@/lib/format/aggregates-csv';
import { NotFoundError } from '@/lib/services/actor';
import { getTeamDashboard } from '@/lib/services/aggregates';
import { listInitiatives } from '@/lib/services/initiatives';

/**
 * The team dashboard's figures and initiatives as CSV, for the same people who
 * may open the dashboard (both reads check); not-found for anyone else.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await getCurrentUser();
  if (!actor) return new Response('Not found', { status: 404 });
  try {
    const now = new Date();
    const [dashboard, initiatives] = await Promise.all([getTeamDashboard(actor, teamId, now), listInitiatives(actor, { teamId })]);
    const csv = dashboardCsv(
      dashboard.periods.map((p) => ({ group: p.reportedWithin ? reportedWithinText(p.reportedWithin) : dashboard.team.name, period: p, figures: p.figures })),
      initiatives,
    );
    return new Response(csv, { headers: csvHeaders(dashboardCsvName(dashboard.team.name, now, dashboard.open.timeZone)) });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Not found', { status: 404 });
    throw error;
  }
}
