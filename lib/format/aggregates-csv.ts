import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { safeCell } from '../csv/safe-cell';
import { PROQOL5, SUBSCALE_NAMES } from '../instruments/proqol5';
import { SUBSCALES } from '../scoring';
import type { GroupComparison, GroupPeriodView, InitiativeItem, PublishedPeriodView } from '../aggregates/views';
import { hiddenText, NOT_SHOWN_TEXT } from './aggregates';

/** The shares a distribution can show, as columns: each band, and the two merged pairs. */
const SHARE_COLUMNS = [['low'], ['moderate'], ['high'], ['low', 'moderate'], ['moderate', 'high']] as const;
const SHARE_NAMES = ['low %', 'moderate %', 'high %', 'low or moderate %', 'moderate or high %'];
const COMPARISON_NAMES = ['mean before', 'mean after', 'difference', 'interval low', 'interval high', 'reading'];

export type ExportRow = { group: string; period: PublishedPeriodView; figures: GroupPeriodView };


/**
 * What a period row's figures are, in one word or phrase, so a spreadsheet can
 * filter on it: `shown` (every figure), `coarsened` (some not shown, or two
 * bands given as one share), `too few`, `hidden to protect a smaller group`
 * (complementary suppression) or `reported within a reporting group`.
 */
export type ExportStatus = 'shown' | 'coarsened' | 'too few' | 'hidden to protect a smaller group' | 'reported within a reporting group';

export function exportStatus(figures: GroupPeriodView): ExportStatus {
  switch (figures.status) {
    case 'too_few':
      return 'too few';
    case 'complementary':
      return 'hidden to protect a smaller group';
    case 'grouped':
      return 'reported within a reporting group';
    case 'shown': {
      const coarse = SUBSCALES.some((s) => {
        const f = figures.subscales[s];
        return f.mean === null || f.distribution === null || f.distribution.some((c) => c.bands.length > 1);
      });
      return coarse ? 'coarsened' : 'shown';
    }
  }
}

/** The columns: what a row is, the period in the organisation's own dates and rule, its figures, then an initiative's comparison. */
export const DASHBOARD_CSV_HEADER = [
  'Record',
  'Group',
  'Period',
  'First day',
  'Last day',
  'Time zone',
  'Reporting period',
  'Threshold',
  'Status',
  'Note',
  'Respondents',
  'Members',
  ...SUBSCALES.flatMap((s) => ['mean', 'change', ...SHARE_NAMES].map((c) => `${SUBSCALE_NAMES[s]} ${c}`)),
  'Initiative',
  'Initiative starts',
  'Initiative ends',
  'Initiative covers',
  'Periods each side',
  'Compared before',
  'Compared after',
  ...SUBSCALES.flatMap((s) => COMPARISON_NAMES.map((c) => `${SUBSCALE_NAMES[s]} ${c}`)),
];

const FIGURE_COLUMNS = SUBSCALES.length * (2 + SHARE_NAMES.length);
const COMPARISON_COLUMNS = 7 + SUBSCALES.length * COMPARISON_NAMES.length;
const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const blanks = (n: number) => Array.from({ length: n }, () => '');

/** The last day of a period in its own zone: the day before the instant it ends. */
function lastDay(period: PublishedPeriodView): string {
  return DateTime.fromJSDate(period.endsAt, { zone: period.rule.timeZone }).minus({ days: 1 }).toISODate()!;
}

function periodCells({ group, period, figures }: ExportRow): string[] {
  const status = exportStatus(figures);
  const start = [
    'period',
    safeCell(group),
    period.label,
    DateTime.fromJSDate(period.startsAt, { zone: period.rule.timeZone }).toISODate()!,
    lastDay(period),
    period.rule.timeZone,
    period.rule.reportingPeriod === 'month' ? 'monthly' : 'quarterly',
    String(period.rule.anonymityThreshold),
    status,
  ];
  if (figures.status !== 'shown') return [...start, safeCell(hiddenText(figures)), '', '', ...blanks(FIGURE_COLUMNS), ...blanks(COMPARISON_COLUMNS)];
  return [
    ...start,
    status === 'coarsened' ? `Empty figures and merged bands: ${NOT_SHOWN_TEXT}` : '',
    String(figures.respondents),
    num(figures.members),
    ...SUBSCALES.flatMap((s) => {
      const f = figures.subscales[s];
      const share = (bands: readonly string[]) => f.distribution?.find((c) => c.bands.join() === bands.join())?.percent;
      return [num(f.mean), num(f.change), ...SHARE_COLUMNS.map((bands) => num(share(bands)))];
    }),
    ...blanks(COMPARISON_COLUMNS),
  ];
}

function initiativeCells(initiative: InitiativeItem, { group, comparison }: GroupComparison): string[] {
  return [
    'initiative',
    safeCell(group),
    ...blanks(10),
    ...blanks(FIGURE_COLUMNS),
    safeCell(initiative.title),
    initiative.startsOn,
    initiative.endsOn ?? '',
    safeCell(initiative.wholeOrganisation ? 'the whole organisation' : initiative.teams.map((t) => t.name).join('; ')),
    String(initiative.periodsEachSide),
    comparison.before.join('; '),
    comparison.after.join('; '),
    ...SUBSCALES.flatMap((s) => {
      const c = comparison.subscales.find((x) => x.subscale === s);
      if (!c || c.reading === 'not enough data yet') return ['', '', '', '', '', 'not enough data yet'];
      return [num(c.beforeMean), num(c.afterMean), num(c.difference), num(c.low), num(c.high), c.reading];
    }),
  ];
}

/**
 * A dashboard as CSV for a spreadsheet: exactly what the page shows (the same
 * DTOs, so the same suppression, never more). One rectangular table: a
 * `period` row per group and period (its dates local to the organisation,
 * numbers only in numeric columns, and a Status saying what the figures are),
 * an `initiative` row per initiative and group it is compared for (as the
 * page lists them), with its before/after comparison, and a last `credit` row with the licence's credit line in Note.
 * Every text cell goes through safeCell.
 */
export function dashboardCsv(rows: readonly ExportRow[], initiatives: readonly InitiativeItem[] = []): string {
  const credit = DASHBOARD_CSV_HEADER.map((column) => (column === 'Record' ? 'credit' : column === 'Note' ? PROQOL5.creditLine : ''));
  return stringify([
    DASHBOARD_CSV_HEADER,
    ...rows.map(periodCells),
    ...initiatives.flatMap((initiative) => initiative.comparisons.map((c) => initiativeCells(initiative, c))),
    credit,
  ]);
}

/** "tend-outreach-2026-12-07.csv": the group and the day it was downloaded, in the organisation's zone. */
export function dashboardCsvName(group: string, now: Date, timeZone: string): string {
  const slug = group.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'dashboard';
  return `tend-${slug}-${DateTime.fromJSDate(now, { zone: timeZone }).toISODate()}.csv`;
}

/** A download's headers: an attachment that is never cached or shared. */
export function csvHeaders(filename: string): HeadersInit {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
    'Cache-Control': 'private, no-store',
  };
}
