import Link from 'next/link';

/** The page an emailed link leads to when it can no longer be used: what happened, and where to go next. */
export function UnusableLink({ title, reason, next }: { title: string; reason: string; next: { href: string; label: string } }) {
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <p>{reason}</p>
      <p>
        <Link href={next.href}>{next.label}</Link>
      </p>
    </div>
  );
}
