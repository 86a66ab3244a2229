import { requireAdmin } from '@/lib/auth/session';
import { listAuditEvents, type AuditEntry } from '@/lib/services/audit';

export const metadata = { title: 'Audit log' };

const ACTIONS: Record<AuditEntry['action'], string> = {
  'invite.created': 'Invited',
  'invite.revoked': 'Revoked the invite of',
  'invite.accepted': 'Accepted an invite:',
  'team.created': 'Created team',
  'team.renamed': 'Renamed team',
  'team.archived': 'Archived team',
  'team.restored': 'Restored team',
  'member.roles_changed': 'Changed the roles of',
  'member.teams_changed': 'Changed the teams of',
  'member.removed': 'Removed',
  'member.restored': 'Restored',
  'settings.updated': 'Changed settings of',
  'support_contacts.updated': 'Changed support contacts:',
  'initiative.created': 'Recorded initiative',
  'initiative.updated': 'Changed initiative',
  'initiative.deleted': 'Deleted initiative',
  // Recorded without an actor (see lib/services/audit.ts): the label says it all, and the Who column reads "A member".
  'member.deleted_own_data': 'A member deleted their own check-in data',
};

function describeDetails(details: AuditEntry['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => {
      if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
        const { from, to } = value as { from: unknown; to: unknown };
        return `${key}: ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
      }
      return `${key}: ${JSON.stringify(value)}`;
    })
    .join('; ');
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function AuditPage() {
  const actor = await requireAdmin();
  const events = await listAuditEvents(actor);
  return (
    <>
      <h1>Audit log</h1>
      <p>Administrative actions in this organisation, newest first (times in UTC). It never records answers or scores.</p>
      {events.length === 0 ? (
        <p>Nothing has been recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Administrative actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{timeFormat.format(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>
                    {ACTIONS[e.action] ?? e.action}
                    {e.target ? ` ${e.target}` : null}
                  </td>
                  <td>{describeDetails(e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
