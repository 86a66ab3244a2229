import { getCurrentUser } from '@/lib/auth/session';
import { reportedWithinText } from '@/lib/format/aggregates';
import { csvHeaders, dashboardCsv } from '@/lib/format/aggregates-csv';
import { NotFoundError } from '@/lib/services/actor';
import { getTeamDashboard } from '@/lib/services/aggregates';

/** The team dashboard's figures as CSV, for the same people who may open the dashboard; not-found for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await getCurrentUser();
  if (!actor) return new Response('Not found', { status: 404 });
  try {
    const dashboard = await getTeamDashboard(actor, teamId);
    const csv = dashboardCsv(
      dashboard.periods.map((p) => ({ group: p.reportedWithin ? reportedWithinText(p.reportedWithin) : dashboard.team.name, period: p, figures: p.figures })),
    );
    return new Response(csv, { headers: csvHeaders(`tend-${dashboard.team.name}.csv`) });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Not found', { status: 404 });
    throw error;
  }
}
