import Link from 'next/link';

export type NavItem = { href: string; label: string };

/**
 * Whether a link leads to the page being shown ("page"), or to the section it
 * is in ("true"): `aria-current`, so a screen reader says where you are.
 */
export function currentFor(href: string, pathname: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  if (href !== '/' && pathname.startsWith(`${href}/`)) return 'true';
  return undefined;
}

/**
 * The one header of every page, in one row at any width. Support is always in
 * view, signed in or out (someone who cannot sign in still reaches the crisis
 * line). Signed in, the other places sit in a row on a wide screen and behind
 * "Menu" on a phone: a plain disclosure, so it opens without JavaScript too.
 */
export function SiteHeader({
  items,
  pathname,
  signedIn,
  signOutAction,
}: {
  /** Where this person can go, in order (none when signed out). */
  items: NavItem[];
  pathname: string;
  signedIn: boolean;
  signOutAction: () => Promise<void>;
}) {
  const links = (className: string) =>
    items.map((item) => (
      <Link key={item.href} href={item.href} className={className} aria-current={currentFor(item.href, pathname)}>
        {item.label}
      </Link>
    ));
  const signOut = (
    <form action={signOutAction}>
      <button type="submit" className="button button--quiet">
        Sign out
      </button>
    </form>
  );
  return (
    <header className="site-header">
      <div className="site-header__inner shell">
        <Link href="/" className="site-header__brand" aria-current={pathname === '/' ? 'page' : undefined}>
          Tend
        </Link>
        <div className="site-header__end">
          {signedIn ? (
            <nav aria-label="Main" className="site-header__nav site-header__nav--wide">
              {links('site-header__link')}
              {signOut}
            </nav>
          ) : null}
          {/* Signed in on a wide screen, Support is among the links above; on a phone it stays out of the menu. */}
          <Link
            href="/support"
            className={signedIn ? 'site-header__link site-header__support site-header__support--narrow' : 'site-header__link site-header__support'}
            aria-current={currentFor('/support', pathname)}
          >
            Support
          </Link>
          {signedIn ? (
            <details className="site-menu">
              <summary className="site-menu__toggle">Menu</summary>
              <nav aria-label="Main" className="site-menu__panel">
                {links('site-menu__link')}
                {signOut}
              </nav>
            </details>
          ) : pathname === '/sign-in' ? null : (
            <Link href="/sign-in" className="site-header__link">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
