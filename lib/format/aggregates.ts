import type { BandKey } from '../aggregates/publication';
import type { DistributionCell, GroupPeriodView, PublishedPeriodView, ReportedWithin } from '../aggregates/views';

/** Words for a group's figures that are not shown, the same on every page and in exports. */
export const HIDDEN_TEXT: Record<'too_few' | 'complementary', string> = {
  too_few: 'Not enough responses to show without identifying people',
  complementary: 'Hidden so that a smaller group’s figures can’t be worked out from the others',
};

/** Why a group has no figures of its own in a period: hidden, or reported within a reporting group. */
export function hiddenText(figures: Exclude<GroupPeriodView, { status: 'shown' }>): string {
  return figures.status === 'grouped' ? `Reported within ${figures.within}` : HIDDEN_TEXT[figures.status];
}

/**
 * Words for a figure the disclosure audit did not let through: the same
 * whatever the cause, so that the words say no more than that a rule applied.
 */
export const NOT_SHOWN_TEXT = 'not shown, to protect individuals';

const BAND_WORDS: Record<BandKey, string> = { low: 'low', moderate: 'moderate', high: 'high' };

/** "Low", or "Moderate or high" for a merged share. */
export function cellLabel(bands: readonly BandKey[]): string {
  const words = bands.map((b) => BAND_WORDS[b]).join(' or ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Low 30% · Moderate or high 70%", or the not-shown words. */
export function distributionText(distribution: readonly DistributionCell[] | null): string {
  if (!distribution) return `Distribution ${NOT_SHOWN_TEXT}`;
  return distribution.map((c) => `${cellLabel(c.bands)} ${c.percent}%`).join(' · ');
}

/** A whole-number mean, or the not-shown words. */
export function meanText(mean: number | null): string {
  return mean === null ? NOT_SHOWN_TEXT : String(mean);
}

/** "+3", "−2", "no change", or "—" when there is nothing to compare with. */
export function changeText(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return 'no change';
  return change > 0 ? `+${change}` : `−${Math.abs(change)}`;
}

/** "Monthly, at least 5 people" */
export function ruleText(rule: PublishedPeriodView['rule']): string {
  return `${rule.reportingPeriod === 'month' ? 'Monthly' : 'Quarterly'}, at least ${rule.anonymityThreshold} people`;
}

/** "7 of 8 members responded", or the count alone when the member count is not known. */
export function participationText(figures: Extract<GroupPeriodView, { status: 'shown' }>): string {
  return figures.members === null ? `${figures.respondents} responded` : `${figures.respondents} of ${figures.members} members responded`;
}

/** "Crisis and Family Services (reporting group: Crisis Response, Family Services)" */
export function reportedWithinText(group: ReportedWithin): string {
  return `${group.name} (reporting group: ${group.teams.join(', ')})`;
}
