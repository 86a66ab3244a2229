import Link from 'next/link';

export function SiteHeader({
  userName,
  isAdmin = false,
  showDashboards = false,
  signOutAction,
}: {
  userName: string | null;
  isAdmin?: boolean;
  /** Managers and admins: the anonymised team dashboards. */
  showDashboards?: boolean;
  signOutAction: () => Promise<void>;
}) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          Tend
        </Link>
        {userName ? (
          <nav aria-label="Account" className="site-header__nav">
            <Link href="/history" className="site-header__link">
              History
            </Link>
            {showDashboards ? (
              <Link href="/dashboard" className="site-header__link">
                Dashboards
              </Link>
            ) : null}
            {isAdmin ? (
              <Link href="/admin" className="site-header__link">
                Admin
              </Link>
            ) : null}
            <Link href="/account" className="site-header__link">
              <span className="visually-hidden">Your account: </span>
              {userName}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="button button--quiet">
                Sign out
              </button>
            </form>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
