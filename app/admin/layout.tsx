import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <div className="page page--wide">
      <nav aria-label="Admin" className="subnav">
        <Link href="/admin">Admin</Link>
        <Link href="/admin/teams">Teams</Link>
        <Link href="/admin/members">Members</Link>
        <Link href="/admin/invites">Invites</Link>
        <Link href="/admin/settings">Settings</Link>
        <Link href="/admin/audit">Audit log</Link>
      </nav>
      {children}
    </div>
  );
}
