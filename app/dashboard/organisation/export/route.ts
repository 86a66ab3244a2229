import { getCurrentUser } from '@/lib/auth/session';
import { reportedWithinText } from '@/lib/format/aggregates';
import { csvHeaders, dashboardCsv, dashboardCsvName } from '@/lib/format/aggregates-csv';
import { NotFoundError } from '@/lib/services/actor';
import { getOrganisationDashboard } from '@/lib/services/aggregates';
import { listInitiatives } from '@/lib/services/initiatives';

/** The organisation dashboard's figures and initiatives as CSV (admins only; not-found for anyone else). */
export async function GET() {
  const actor = await getCurrentUser();
  if (!actor) return new Response('Not found', { status: 404 });
  try {
    const now = new Date();
    const [dashboard, initiatives] = await Promise.all([getOrganisationDashboard(actor, now, { everyPeriod: true }), listInitiatives(actor, { organisation: true })]);
    const rows = dashboard.periods.flatMap((period) =>
      dashboard.groups.flatMap((group) => {
        // A reporting group has a row only in the periods it was published in.
        if (group.kind === 'reporting') {
          const figures = period.cells[group.key];
          return figures ? [{ group: reportedWithinText({ name: group.name, teams: period.reportingGroups[group.key] ?? [] }), period, figures }] : [];
        }
        return [{ group: group.name, period, figures: period.cells[group.key] ?? ({ status: 'too_few' } as const) }];
      }),
    );
    return new Response(dashboardCsv(rows, initiatives), {
      headers: csvHeaders(dashboardCsvName(dashboard.organisation.name, now, dashboard.open.timeZone)),
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Not found', { status: 404 });
    throw error;
  }
}
