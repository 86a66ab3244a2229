import { DataTable } from '@/components/ui/DataTable';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTimeIn } from '@/lib/format/date-time';
import { auditEventWords, describeDetails } from '@/lib/format/audit';
import { getAuditLog } from '@/lib/services/audit';
import { AUDIT_KINDS, ZAuditLogQuery } from '@/lib/validation/audit-log';

export const metadata = { title: 'Audit log' };

const AUDIT_COLUMNS = [{ label: 'When' }, { label: 'Who' }, { label: 'What' }, { label: 'Details' }];

/**
 * The organisation's audit log, a page at a time (newest first), filtered by kind of event
 * and by who acted. Plain links and a GET form: it all works without JavaScript, and any
 * query string that cannot be read shows the first page.
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdmin();
  const log = await getAuditLog(actor, ZAuditLogQuery.parse(await searchParams));
  const href = (cursor: { before?: string; after?: string }) => {
    const params = new URLSearchParams(Object.entries({ ...log.filter, ...cursor }).filter((entry): entry is [string, string] => !!entry[1]));
    const query = params.toString();
    return query ? `/admin/audit?${query}` : '/admin/audit';
  };
  const filtered = !!(log.filter.kind || log.filter.who);
  const filterQuery = new URLSearchParams(Object.entries(log.filter).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Administrative actions in this organisation, newest first. It never records answers or scores. Times are in the organisation’s
        time zone, {log.timeZone.replaceAll('_', ' ')}.
      </p>

      <section className="panel" aria-labelledby="audit-filter">
        <h2 id="audit-filter">Choose what to show</h2>
        <form method="get" action="/admin/audit" className="form">
          <div className="field">
            <label htmlFor="audit-kind">Kind of event</label>
            <select id="audit-kind" name="kind" defaultValue={log.filter.kind ?? ''}>
              <option value="">All kinds of event</option>
              {AUDIT_KINDS.map((kind) => (
                <optgroup key={kind.value} label={kind.label}>
                  <option value={kind.value}>{kind.all}</option>
                  {kind.actions.map((action) => (
                    <option key={action.value} value={action.value}>
                      {action.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-who">Who acted</label>
            <p className="field__hint" id="audit-who-hint">
              A member who deletes their own check-in data is never named, so those events appear only with “Anyone”.
            </p>
            <select id="audit-who" name="who" defaultValue={log.filter.who ?? ''} aria-describedby="audit-who-hint">
              <option value="">Anyone</option>
              {log.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="button button--secondary">
              Show events
            </button>
          </div>
        </form>
      </section>

      <p>
        <a href={`/admin/audit/export${filterQuery ? `?${filterQuery}` : ''}`} download className="button button--secondary">
          Download {filtered ? 'these events' : 'the whole log'} (CSV)
        </a>
      </p>

      {log.entries.length === 0 ? (
        <p>{filtered ? 'No events match what you chose.' : 'Nothing has been recorded yet.'}</p>
      ) : (
        <DataTable
          hideCaption
          caption={filtered ? 'Administrative actions you chose, newest first' : 'Administrative actions, newest first'}
          columns={AUDIT_COLUMNS}
          rows={log.entries.map((e) => ({
            key: e.id,
            cells: [formatDateTimeIn(e.at, log.timeZone), e.actor, auditEventWords(e), describeDetails(e.details)],
          }))}
        />
      )}

      {log.newer || log.older ? (
        <nav aria-label="Pages of the audit log" className="button-row">
          {log.newer ? <a href={href({})}>Newest events</a> : null}
          {log.newer ? <a href={href({ after: log.newer })}>Newer events</a> : null}
          {log.older ? <a href={href({ before: log.older })}>Older events</a> : null}
        </nav>
      ) : null}
    </>
  );
}
