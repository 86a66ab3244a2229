import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { getCurrentUser } from '@/lib/auth/session';
import { safeCell } from '@/lib/csv/safe-cell';
import { auditEventWords, auditSentence, describeDetails } from '@/lib/format/audit';
import { csvHeaders } from '@/lib/format/aggregates-csv';
import { ForbiddenError } from '@/lib/services/actor';
import { exportAuditLog } from '@/lib/services/audit';
import { ZAuditLogQuery } from '@/lib/validation/audit-log';

/**
 * The audit log as CSV, with the same filters as the page (kind, who), for
 * admins; not-found for anyone else. Times are in the organisation's zone.
 */
export async function GET(request: Request) {
  const actor = await getCurrentUser();
  if (!actor) return new Response('Not found', { status: 404 });
  const query = ZAuditLogQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const { entries, timeZone } = await exportAuditLog(actor, { kind: query.kind, who: query.who });
    const rows = entries.map((e) => [
      DateTime.fromJSDate(e.at, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm'),
      timeZone,
      safeCell(e.actor),
      safeCell(auditSentence(e)),
      e.action,
      safeCell(auditEventWords({ ...e, target: '' })),
      safeCell(e.target),
      safeCell(describeDetails(e.details)),
    ]);
    const csv = stringify([['When', 'Time zone', 'Who', 'What happened', 'Event', 'Kind of event', 'Target', 'Details'], ...rows]);
    const today = DateTime.now().setZone(timeZone).toISODate();
    return new Response(csv, { headers: csvHeaders(`tend-audit-log-${today}.csv`) });
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response('Not found', { status: 404 });
    throw error;
  }
}
