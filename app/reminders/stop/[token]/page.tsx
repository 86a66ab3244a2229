import Link from 'next/link';
import { readUnsubscribeToken } from '@/lib/services/reminders';

export const metadata = { title: 'Stop reminder emails', robots: { index: false } };

/**
 * Where the "Stop reminder emails" link in a reminder leads; no sign-in
 * needed. One button does it: a GET changes nothing, because mail scanners
 * and link previews open links without the person.
 */
export default async function StopRemindersPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const valid = readUnsubscribeToken(token) !== null;
  return (
    <div className="page page--narrow">
      <h1>Stop reminder emails</h1>
      {query.done === '1' && valid ? (
        <>
          <p className="notice" role="status">
            Done: we won’t email you reminders any more.
          </p>
          <p>
            The home page still shows when a check-in is due. To turn emails back on or change how often you check in, see your{' '}
            <Link href="/account#reminders">reminder settings</Link> (after signing in).
          </p>
        </>
      ) : valid ? (
        <>
          <p>Tend will stop sending you reminder emails. You can still check in whenever you like, and turn emails back on in your account.</p>
          <form method="post" action={`/api/reminders/unsubscribe/${encodeURIComponent(token)}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <input type="hidden" name="from" value="page" />
            <button type="submit" className="button">
              Stop reminder emails
            </button>
          </form>
          <p>
            Or <Link href="/account#reminders">change how often you are reminded</Link> instead (after signing in).
          </p>
        </>
      ) : (
        <p role="alert">
          This link has expired or is not valid. Sign in and open your <Link href="/account#reminders">reminder settings</Link> to stop or change
          reminder emails.
        </p>
      )}
    </div>
  );
}
