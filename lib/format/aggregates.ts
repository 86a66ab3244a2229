import type { BandShareView, GroupPeriodView, PublishedPeriodView } from '../aggregates/views';

/** Words for a group's figures that are not shown, the same on every page and in exports. */
export const HIDDEN_TEXT: Record<Exclude<GroupPeriodView['status'], 'shown'>, string> = {
  too_few: 'Not enough responses to show without identifying people',
  complementary: 'Hidden so that a smaller group’s figures can’t be worked out from the others',
};

/** "35%", "fewer than 3", or "withheld". */
export function bandShareText(share: BandShareView): string {
  if (share.kind === 'percent') return `${share.percent}%`;
  return share.kind === 'fewer_than_3' ? 'fewer than 3' : 'withheld';
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
