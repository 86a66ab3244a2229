import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../csv/safe-cell';
import { PROQOL5, SUBSCALE_NAMES } from '../instruments/proqol5';
import { SUBSCALES } from '../scoring';
import type { GroupPeriodView, PublishedPeriodView } from '../aggregates/views';
import { hiddenText, NOT_SHOWN_TEXT, ruleText } from './aggregates';

/** The shares a distribution can show, as columns: each band, and the two merged pairs. */
const SHARE_COLUMNS = [['low'], ['moderate'], ['high'], ['low', 'moderate'], ['moderate', 'high']] as const;
const SHARE_NAMES = ['low %', 'moderate %', 'high %', 'low or moderate %', 'moderate or high %'];

export type ExportRow = { group: string; period: PublishedPeriodView; figures: GroupPeriodView };

/**
 * A dashboard as CSV: exactly what the page shows (the same DTOs, so the same
 * suppression, never more), one row per group and period, with the licence's
 * credit line at the end. Every text cell goes through safeCell.
 */
export function dashboardCsv(rows: readonly ExportRow[]): string {
  const header = [
    'Group',
    'Period',
    'Period starts',
    'Period ends',
    'Published under',
    'Respondents',
    'Members',
    'Note',
    ...SUBSCALES.flatMap((s) => ['mean', 'change', ...SHARE_NAMES].map((c) => `${SUBSCALE_NAMES[s]} ${c}`)),
  ];
  const body = rows.map(({ group, period, figures }) => {
    const start = [safeCell(group), period.label, period.startsAt.toISOString(), period.endsAt.toISOString(), ruleText(period.rule)];
    const blank = () => ['', '', ...SHARE_NAMES.map(() => '')];
    if (figures.status !== 'shown') return [...start, '', '', hiddenText(figures), ...SUBSCALES.flatMap(blank)];
    const partial = SUBSCALES.some((s) => figures.subscales[s].mean === null || figures.subscales[s].distribution === null);
    return [
      ...start,
      String(figures.respondents),
      figures.members === null ? '' : String(figures.members),
      partial ? `Empty figures: ${NOT_SHOWN_TEXT}` : '',
      ...SUBSCALES.flatMap((s) => {
        const f = figures.subscales[s];
        const share = (bands: readonly string[]) => f.distribution?.find((c) => c.bands.join() === bands.join())?.percent;
        return [
          f.mean === null ? '' : String(f.mean),
          f.change === null ? '' : String(f.change),
          ...SHARE_COLUMNS.map((bands) => share(bands)?.toString() ?? ''),
        ];
      }),
    ];
  });
  return stringify([header, ...body, [], [PROQOL5.creditLine]]);
}

/** A download's headers: an attachment that is never cached or shared. */
export function csvHeaders(filename: string): HeadersInit {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
    'Cache-Control': 'private, no-store',
  };
}
