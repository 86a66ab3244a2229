import Link from 'next/link';
import { currentFor } from '@/components/layout/SiteHeader';
import { requireAdmin } from '@/lib/auth/session';
import { currentPathname } from '@/lib/http/current-path';

const SECTIONS = [
  { href: '/admin', label: 'Admin' },
  { href: '/admin/teams', label: 'Teams' },
  { href: '/admin/members', label: 'Members' },
  { href: '/admin/invites', label: 'Invites' },
  { href: '/admin/settings', label: 'Settings' },
  { href: '/admin/audit', label: 'Audit log' },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const [, pathname] = await Promise.all([requireAdmin(), currentPathname()]);
  return (
    <div className="page">
      <nav aria-label="Admin" className="subnav">
        {SECTIONS.map((section) => (
          // The overview is current only on itself, not on every admin page.
          <Link key={section.href} href={section.href} aria-current={section.href === '/admin' ? (pathname === '/admin' ? 'page' : undefined) : currentFor(section.href, pathname)}>
            {section.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
