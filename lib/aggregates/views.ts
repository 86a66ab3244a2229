import type { BeforeAfterComparison } from './comparison';
import type { PeriodKind } from './periods';
import type { BandKey, SubscaleKey } from './publication';

/**
 * What dashboards receive from the aggregation service (lib/services/aggregates.ts):
 * whole-number means, percentages and reasons, never a person, a score or an SD.
 * Plain types, so components can take them as props.
 */

/** One shown share: a band, or two neighbouring bands merged ("moderate or high"), as a whole percentage. */
export type DistributionCell = { bands: BandKey[]; percent: number };
export type SubscaleView = {
  /** Whole-number mean; null when it is not shown (the audit found it would say too much). */
  mean: number | null;
  /** Whole-number change of the mean since the previous published period, when both are shown. */
  change: number | null;
  /** The shares shown, adding up to the respondents; null when the distribution is not shown. */
  distribution: DistributionCell[] | null;
};
export type GroupPeriodView =
  | {
      status: 'shown';
      respondents: number;
      /** "N of M members responded"; null when the member count is unknown or smaller than N (people who left). */
      members: number | null;
      subscales: Record<SubscaleKey, SubscaleView>;
    }
  | { status: 'too_few' | 'complementary' }
  /** A team reported within a reporting group in this period: its figures are the group's, never its own. */
  | { status: 'grouped'; within: string };

export type PublishedPeriodView = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  label: string;
  shortLabel: string;
  /** The rules it was published under. */
  rule: { reportingPeriod: PeriodKind; anonymityThreshold: number; timeZone: string };
};
/**
 * The period still open: when it closes, when its figures are due, and the
 * rule they will be published under. Nothing in it depends on who has
 * submitted so far (privacy model rule 3: not even whether k has been reached).
 */
export type OpenPeriodView = {
  label: string;
  endsAt: Date;
  /** The period's last day in the organisation's time zone (yyyy-mm-dd). */
  lastDay: string;
  /** The day its figures are published, the day after `lastDay` (yyyy-mm-dd, same zone): minutes after it begins. */
  dueOn: string;
  /** The rule in force now, which its figures will be published under. */
  rule: { reportingPeriod: PeriodKind; anonymityThreshold: number };
  /** The organisation's time zone, and today's date in it (yyyy-mm-dd): for dating a report or a download. */
  timeZone: string;
  today: string;
};

/** The reporting group a team's figures of a period belong to: its name and every team in it. */
export type ReportedWithin = { name: string; teams: string[] };

/** A period of one group. For a team reported within a reporting group, `figures` are the group's and `reportedWithin` says so. */
export type DashboardPeriod = PublishedPeriodView & { figures: GroupPeriodView; reportedWithin?: ReportedWithin };

/** Whole numbers only: the unrounded means, interval and degrees of freedom never leave lib/services. */
export type SubscaleComparison = { subscale: SubscaleKey } & BeforeAfterComparison;
export type InitiativeComparison = {
  /** The published periods compared on each side (labels), empty when there are none yet. */
  before: string[];
  after: string[];
  /** Whether the first period compared "after" had begun before the initiative was recorded (it was recorded with a past start). */
  afterBeganBeforeRecorded: boolean;
  subscales: SubscaleComparison[];
};

export type InitiativeTeamRef = { id: string; name: string };

/** An initiative's own fields, as pages and forms show them. */
export type InitiativeFields = {
  title: string;
  description: string;
  /** yyyy-mm-dd, a day in the organisation's time zone. */
  startsOn: string;
  /** yyyy-mm-dd, or null while ongoing. */
  endsOn: string | null;
  wholeOrganisation: boolean;
  periodsEachSide: number;
};

export type InitiativeItem = InitiativeFields & {
  id: string;
  /** The teams it covers, by name (none when it covers the whole organisation). */
  teams: InitiativeTeamRef[];
  /** Whether the actor may edit or delete it. */
  canEdit: boolean;
  /** The day it was recorded (yyyy-mm-dd, the organisation's zone). */
  recordedOn: string;
  /**
   * Before and after, for each group it is compared in: on a team's
   * dashboard, that team; on the organisation's, the organisation for one
   * covering the whole organisation, else each team it covers (the same
   * comparison as on that team's own dashboard).
   */
  comparisons: GroupComparison[];
};

/** One initiative's comparison for one group, named. */
export type GroupComparison = { group: string; comparison: InitiativeComparison };

