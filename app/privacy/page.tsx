import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { canCheckIn } from '@/lib/services/permissions';
import { getAnonymityThreshold } from '@/lib/services/privacy';
import { acknowledgePrivacyAction } from './actions';

export const metadata = { title: 'Who can see what' };

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getCurrentUser();
  const [k, query] = await Promise.all([getAnonymityThreshold(actor), searchParams]);
  const checksIn = canCheckIn(actor);
  // Only someone who may check in goes on to a check-in from here (an admin who is not a clinician goes home).
  const continueTo = checksIn && query.continue === 'check-in' ? 'check-in' : '';
  return (
    <div className="page">
      <h1>Who can see what</h1>
      <p className="lede">Tend is built so that your check-ins stay yours. In plain words:</p>
      <ul className="plain-list">
        <li>
          <strong>Your answers and scores: only you.</strong> Not your manager, not your organisation’s admins, not
          colleagues. Nobody else can open them, however they ask.
        </li>
        <li>
          <strong>Managers see team summaries only:</strong> how many people responded, whole-number averages and the share
          in each band, for a finished reporting period in which at least {k} different people in the team checked in; each
          person counts once a period. Below {k} they see nothing, not even the count, and a group that could be worked out
          by subtracting the others from a total is hidden too. A share always stands for at least 4 people, and a band with
          fewer is merged with its neighbour (“moderate or high”) or not shown; a distribution or an average that would say
          that everyone, or all but one or two people, are in the same band is not shown. Every period’s figures are checked
          by a mathematical audit, across every team and the whole organisation, before they are stored. Nothing is shown
          about a period that is still open, not even whether {k} people have responded yet. They are never shown who has or
          hasn’t checked in.
        </li>
        <li>
          <strong>Admins manage accounts:</strong> names, email addresses, roles and teams. They cannot see check-ins or
          scores either: only the same summaries, for each team and the whole organisation.
        </li>
        <li>
          <strong>Summaries are published once</strong> when a period ends and never change afterwards, so that nobody can
          learn about one person by watching a figure move. They are not your personal data: if you delete a check-in later,
          a summary already published stays as it was.
        </li>
        <li>
          <strong>Reminders are yours alone:</strong> when a check-in is due we email you once, and once more a week later if
          you haven’t checked in; you can choose a longer interval or stop the emails on your account page. Nobody else sees
          whether you were reminded, or whether you have checked in.
        </li>
        <li>
          <strong>You can take your data with you:</strong> your account page downloads all your check-ins as a spreadsheet
          (CSV), as JSON, or as FHIR R4 for health-records systems. Only you can download them.
        </li>
        <li>
          <strong>You can delete your data for good:</strong> one check-in from its result page, or all your check-ins and
          notes from your account page. Deleting removes the answers, scores and notes (deleting everything also removes any
          unfinished check-in and the record of reminders sent to you). Your account, teams and reminder settings stay, so
          you can check in again. A deleted check-in is not counted in summaries published afterwards; summaries already
          published stay as they are. The audit log notes only that “a member” deleted their own data, never who.
        </li>
        <li>
          <strong>What remains possible.</strong> When everyone in a team of exactly {k} responds, the team’s count shows
          that everyone responded. And someone who controls all but one of the accounts in a team of {k} could work out the
          last person’s average from the team’s figures; that is why your account page shows how many members each of your
          teams has, and why you are told when you are added to a team and before the threshold is lowered.
        </li>
        <li>
          <strong>What counts for a team</strong> is the team you were in when you submitted a check-in; moving team later
          does not move your past check-ins. An admin may report a small team together with others (a “reporting group”):
          then summaries cover the whole group, never the small team alone, from the next period on. Your account page says
          when your team is reported this way.
        </li>
      </ul>
      <p>The ProQOL is a screen, not a diagnosis. It describes how work has felt lately, not who you are.</p>

      {actor && !actor.privacyAcknowledged ? (
        <form action={acknowledgePrivacyAction} className="panel">
          <input type="hidden" name="continue" value={continueTo} />
          <p>{checksIn ? 'Please confirm you have read this before your first check-in.' : 'Please confirm you have read this.'}</p>
          <button type="submit" className="button">
            I understand{continueTo ? ': start my check-in' : ''}
          </button>
        </form>
      ) : actor ? (
        <p className="notice">You have read this notice. It stays here, linked at the foot of every page.</p>
      ) : (
        <p>
          <Link href="/sign-in">Sign in</Link>
        </p>
      )}
    </div>
  );
}
