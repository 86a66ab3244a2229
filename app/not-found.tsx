import Link from 'next/link';

export const metadata = { title: { absolute: 'Page not found · Tend' } };

export default function NotFound() {
  return (
    <div className="page">
      <h1>We couldn’t find that page</h1>
      <p>It may have moved, or the link may be mistyped. If you followed a link to a check-in, only the person who took it can open it.</p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </div>
  );
}
