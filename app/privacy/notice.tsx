import type { Actor } from '@/lib/services/actor';
import { canCheckIn } from '@/lib/services/permissions';
import type { PrivacyRules } from '@/lib/services/privacy';
import { formatLocalDay } from '@/lib/format/date-time';
import { acknowledgePrivacyAction } from './actions';

/** What the notice states when it knows no organisation's rule (signed out, or in none): Tend's defaults, and the page says so. */
export const DEFAULT_RULES: PrivacyRules = { anonymityThreshold: 5, reportingPeriod: 'month', timeZone: 'UTC', pending: null };

/** Said wherever DEFAULT_RULES stand in for an organisation's own. */
export const DEFAULTS_NOTE = 'These are Tend’s defaults: each organisation sets its own threshold (never below 3) and reporting period.';

type Query = Record<string, string | string[] | undefined>;

/**
 * Where "I understand" goes on to. Only someone who may check in goes on to a
 * check-in from the notice (an admin who is not a clinician goes home).
 */
export function continueTarget(actor: Actor | null, query: Query): 'check-in' | '' {
  return canCheckIn(actor) && query.continue === 'check-in' ? 'check-in' : '';
}

/** The same address with the continue flow kept, so that either page of the notice can be acknowledged. */
export function withContinue(path: string, continueTo: string): string {
  return continueTo ? `${path}?continue=${continueTo}` : path;
}

/** "after each month ends" */
export const afterEach = (period: PrivacyRules['reportingPeriod']) => `after each ${period} ends`;

/** A change of threshold or reporting period already scheduled, in one sentence (null: none). */
export function pendingChange(rules: PrivacyRules): string | null {
  const next = rules.pending;
  if (!next) return null;
  const changes = [
    next.anonymityThreshold !== rules.anonymityThreshold ? `groups need ${next.anonymityThreshold} or more people` : null,
    next.reportingPeriod !== rules.reportingPeriod ? `summaries come ${afterEach(next.reportingPeriod)}` : null,
  ].filter(Boolean);
  return `From ${formatLocalDay(next.effectiveFrom, rules.timeZone)}, ${changes.join(' and ')}; a period that started before then keeps the rule it started with.`;
}

/**
 * "I understand": a plain form post (no JavaScript needed) that records the
 * acknowledgement on the server and goes on to the check-in or home.
 */
export function AcknowledgeForm({ continueTo }: { continueTo: 'check-in' | '' }) {
  return (
    <form action={acknowledgePrivacyAction}>
      <input type="hidden" name="continue" value={continueTo} />
      <button type="submit" className="button">
        I understand{continueTo ? ': start my check-in' : ''}
      </button>
    </form>
  );
}
