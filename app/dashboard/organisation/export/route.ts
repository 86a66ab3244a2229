import { getCurrentUser } from '@/lib/auth/session';
import { reportedWithinText } from '@/lib/format/aggregates';
import { csvHeaders, dashboardCsv } from '@/lib/format/aggregates-csv';
import { NotFoundError } from '@/lib/services/actor';
import { getOrganisationDashboard } from '@/lib/services/aggregates';

/** The organisation dashboard's figures as CSV (admins only; not-found for anyone else). */
export async function GET() {
  const actor = await getCurrentUser();
  if (!actor) return new Response('Not found', { status: 404 });
  try {
    const dashboard = await getOrganisationDashboard(actor, new Date(), { everyPeriod: true });
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
    return new Response(dashboardCsv(rows), { headers: csvHeaders('tend-organisation.csv') });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Not found', { status: 404 });
    throw error;
  }
}
