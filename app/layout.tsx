import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { SiteHeader, type NavItem } from '@/components/layout/SiteHeader';
import { getCurrentUser } from '@/lib/auth/session';
import type { Actor } from '@/lib/services/actor';
import { canAdminister } from '@/lib/services/permissions';
import { signOutAction } from './actions';
import { currentPathname } from '@/lib/http/current-path';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tend', template: '%s · Tend' },
  description: 'Regular ProQOL 5 check-ins for people who care for others.',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5f5a' };

/** Where a signed-in person can go: History for someone who checks in (or once did, with no organisation now). */
function navItems(user: Actor): NavItem[] {
  const manages = !!user.organisation && (user.roles.includes('admin') || user.roles.includes('manager'));
  return [
    { href: '/', label: 'Home' },
    ...(user.roles.includes('clinician') || !user.organisation ? [{ href: '/history', label: 'History' }] : []),
    ...(manages ? [{ href: '/dashboard', label: 'Dashboards' }] : []),
    ...(canAdminister(user) ? [{ href: '/admin', label: 'Admin' }] : []),
    { href: '/support', label: 'Support' },
    { href: '/account', label: 'Account' },
  ];
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  const [user, pathname] = await Promise.all([getCurrentUser(), currentPathname()]);
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader items={user ? navItems(user) : []} pathname={pathname} signedIn={!!user} signOutAction={signOutAction} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer shell">
          <nav aria-label="About Tend">
            <Link href="/privacy" aria-current={pathname === '/privacy' ? 'page' : undefined}>
              Who can see what
            </Link>
            <Link href="/support" aria-current={pathname === '/support' ? 'page' : undefined}>
              Support
            </Link>
          </nav>
        </footer>
      </body>
    </html>
  );
}
