import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { getCurrentUser } from '@/lib/auth/session';
import { canAdminister } from '@/lib/services/permissions';
import { signOutAction } from './actions';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tend', template: '%s · Tend' },
  description: 'Regular ProQOL 5 check-ins for people who care for others.',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5f5a' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader userName={user?.name ?? null} isAdmin={canAdminister(user)}
          showDashboards={!!user?.organisation && (user.roles.includes('admin') || user.roles.includes('manager'))}
          signOutAction={signOutAction} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <nav aria-label="About Tend">
            <Link href="/privacy">Who can see what</Link>
            {user ? <Link href="/support">Support</Link> : null}
          </nav>
        </footer>
      </body>
    </html>
  );
}
