import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { getPrivacyRules } from '@/lib/services/privacy';
import { AcknowledgeForm, afterEach, continueTarget, DEFAULT_RULES, DEFAULTS_NOTE, pendingChange, withContinue } from '../notice';

export const metadata = { title: 'Who can see what, in short' };

/**
 * The privacy notice in three statements, shown before a first check-in: short
 * enough that "I understand" is on the first screen of a phone. The full
 * notice (/privacy) keeps the continue flow, so it can be acknowledged there too.
 */
export default async function PrivacySummaryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getCurrentUser();
  const [rules, query] = await Promise.all([getPrivacyRules(actor), searchParams]);
  const rule = rules ?? DEFAULT_RULES;
  const continueTo = continueTarget(actor, query);
  const pending = pendingChange(rule);
  const acknowledging = actor !== null && !actor.privacyAcknowledged;
  return (
    <div className="page">
      <h1>{acknowledging && continueTo ? 'Before your first check-in' : 'Who can see what, in short'}</h1>
      <ul className="privacy-summary">
        <li>
          <strong>Only you see your answers.</strong> Your answers, scores and notes are for you alone: not for your
          manager, admins or colleagues.
        </li>
        <li>
          <strong>Managers and admins see only summaries</strong> of groups of {rule.anonymityThreshold} or more people, and
          only {afterEach(rule.reportingPeriod)}.
        </li>
        <li>
          <strong>You can export or delete everything:</strong> all your check-ins and notes, whenever you like, from your
          account page.
        </li>
      </ul>
      <div className="privacy-summary__actions">
        {acknowledging ? (
          <AcknowledgeForm continueTo={continueTo} />
        ) : actor ? (
          <p className="notice">You have read the privacy notice. It stays linked at the foot of every page.</p>
        ) : (
          <p>
            <Link href="/sign-in">Sign in</Link>
          </p>
        )}
        <p>
          <Link href={withContinue('/privacy', continueTo)}>Read the details</Link>
        </p>
      </div>
      {pending ? <p className="small">{pending}</p> : null}
      {rules ? null : <p className="small">{DEFAULTS_NOTE}</p>}
    </div>
  );
}
