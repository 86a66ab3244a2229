import Link from 'next/link';

export function SiteHeader({
  userName,
  isAdmin = false,
  signOutAction,
}: {
  userName: string | null;
  isAdmin?: boolean;
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
