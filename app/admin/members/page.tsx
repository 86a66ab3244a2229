import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { listMembers } from '@/lib/services/members';

export const metadata = { title: 'Members' };

export default async function MembersPage() {
  const actor = await requireAdmin();
  const members = await listMembers(actor);
  return (
    <>
      <h1>Members</h1>
      <p>
        Names, roles and teams only. Whether or when anyone checks in, and what they answer, is never shown here.{' '}
        <Link href="/admin/invites">Invite people</Link>.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Members of the organisation</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Teams</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">
                  <Link href={`/admin/members/${m.userId}`}>{m.name}</Link>
                  {m.removed ? <span className="muted"> (removed)</span> : null}
                </th>
                <td>{m.email}</td>
                <td>{m.roles.join(', ')}</td>
                <td>{m.teams.map((t) => (t.isManager ? `${t.name} (manager)` : t.name)).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
