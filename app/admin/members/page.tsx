import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { listMembers } from '@/lib/services/members';
import { DataTable } from '@/components/ui/DataTable';

export const metadata = { title: 'Members' };

const MEMBER_COLUMNS = [{ label: 'Name' }, { label: 'Email' }, { label: 'Roles' }, { label: 'Teams' }];

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
      <DataTable
        hideCaption
        caption="Members of the organisation"
        columns={MEMBER_COLUMNS}
        rows={members.map((m) => ({
          key: m.userId,
          cells: [
            <>
              <Link href={`/admin/members/${m.userId}`}>{m.name}</Link>
              {m.removed ? <span className="muted"> (removed)</span> : null}
            </>,
            m.email,
            m.roles.join(', '),
            m.teams.map((t) => (t.isManager ? `${t.name} (manager)` : t.name)).join(', ') || '—',
          ],
        }))}
      />
    </>
  );
}
