import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { listMembers } from '@/lib/services/members';
import { listTeams } from '@/lib/services/teams';

export const metadata = { title: 'Admin' };

export default async function AdminHome() {
  const actor = await requireAdmin();
  const [teams, members] = await Promise.all([listTeams(actor), listMembers(actor)]);
  return (
    <>
      <h1>{actor.organisation?.name}</h1>
      <p>
        Manage who is in Tend and how it works for your organisation. Admins never see anyone’s answers or scores, nor
        whether a person has checked in.
      </p>
      <ul className="plain-list">
        <li>
          <Link href="/admin/teams">Teams</Link>: {teams.filter((t) => !t.archived).length} active
        </li>
        <li>
          <Link href="/admin/members">Members</Link>: {members.filter((m) => !m.removed).length}
        </li>
        <li>
          <Link href="/admin/invites">Invites</Link>: invite people one at a time or from a spreadsheet
        </li>
        <li>
          <Link href="/admin/settings">Settings</Link>: check-in cadence, reporting period, anonymity threshold, wording,
          support contacts
        </li>
        <li>
          <Link href="/admin/audit">Audit log</Link>: who changed what, and when
        </li>
      </ul>
    </>
  );
}
