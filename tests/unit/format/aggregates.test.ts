import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hiddenText, HIDDEN_TEXT, reportedWithinText } from '../../../lib/format/aggregates';
import { dashboardCsv, dashboardCsvName } from '../../../lib/format/aggregates-csv';
import type { GroupPeriodView } from '../../../lib/aggregates/views';

const period = {
  id: 'p',
  startsAt: new Date('2026-05-01T00:00:00Z'),
  endsAt: new Date('2026-06-01T00:00:00Z'),
  label: 'May 2026',
  shortLabel: 'May',
  rule: { reportingPeriod: 'month' as const, anonymityThreshold: 5, timeZone: 'UTC' },
};

describe('words for figures a group does not have', () => {
  it('names the reporting group a team is reported within, and the reason for a hidden one', () => {
    expect(hiddenText({ status: 'grouped', within: 'Crisis and Family Services' })).toBe('Reported within Crisis and Family Services');
    expect(hiddenText({ status: 'too_few' })).toBe(HIDDEN_TEXT.too_few);
    expect(hiddenText({ status: 'complementary' })).toBe(HIDDEN_TEXT.complementary);
    expect(reportedWithinText({ name: 'Other teams', teams: ['Night', 'Outreach'] })).toBe('Other teams (reporting group: Night, Outreach)');
  });

  it('a CSV row for a team reported within a group carries no figures, only where they are', () => {
    const rows = parse(dashboardCsv([{ group: 'Family Services', period, figures: { status: 'grouped', within: 'Crisis and Family Services' } }]), { relaxColumnCount: true }) as string[][];
    const [header, row] = rows;
    expect(row![header!.indexOf('Note')]).toBe('Reported within Crisis and Family Services');
    expect(row![header!.indexOf('Respondents')]).toBe('');
    expect(row!.slice(header!.indexOf('Note') + 1).every((cell) => cell === '')).toBe(true);
  });
});

describe('a dashboard CSV a spreadsheet can use', () => {
  const london = {
    ...period,
    // April 2026 in London begins at 23:00 UTC on 31 March.
    startsAt: new Date('2026-03-31T23:00:00Z'),
    endsAt: new Date('2026-04-30T23:00:00Z'),
    label: 'April 2026',
    rule: { reportingPeriod: 'month' as const, anonymityThreshold: 5, timeZone: 'Europe/London' },
  };
  const shown = (merged: boolean): GroupPeriodView => ({
      status: 'shown',
      respondents: 8,
      members: 9,
      subscales: {
        compassionSatisfaction: { mean: 37, change: 2, distribution: [{ bands: ['moderate'], percent: 50 }, { bands: ['high'], percent: 50 }] },
        burnout: { mean: 24, change: -1, distribution: merged ? [{ bands: ['low'], percent: 50 }, { bands: ['moderate', 'high'], percent: 50 }] : [{ bands: ['low'], percent: 50 }, { bands: ['moderate'], percent: 50 }] },
        secondaryTraumaticStress: { mean: 21, change: null, distribution: [{ bands: ['low'], percent: 50 }, { bands: ['moderate'], percent: 50 }] },
      },
    });
  const initiative = {
    id: 'i',
    title: '=Peer support',
    description: '',
    startsOn: '2026-04-10',
    endsOn: null,
    wholeOrganisation: false,
    periodsEachSide: 3,
    teams: [{ id: 't', name: 'Outreach' }],
    canEdit: true,
    recordedOn: '2026-04-10',
    comparisons: [{ group: 'Outreach', comparison: {
      before: ['January 2026', 'February 2026', 'March 2026'],
      after: ['April 2026', 'May 2026'],
      subscales: [
        { subscale: 'compassionSatisfaction' as const, reading: 'not enough data yet' as const },
        { subscale: 'burnout' as const, reading: 'likely improved' as const, beforeMean: 30, afterMean: 25, difference: -5, low: -8, high: -2, words: 'w' },
        { subscale: 'secondaryTraumaticStress' as const, reading: 'no clear change yet' as const, beforeMean: 20, afterMean: 21, difference: 1, low: -2, high: 4, words: 'w' },
      ],
      afterBeganBeforeRecorded: false,
    } }],
  };
  const read = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

  it('gives periods as labels and local dates, the rule as figures, and a status for every row', () => {
    const rows = read(
      dashboardCsv([
        { group: 'Outreach', period: london, figures: shown(false) },
        { group: 'Outreach', period: london, figures: shown(true) },
        { group: 'Outreach', period: london, figures: { status: 'too_few' } },
        { group: 'Outreach', period: london, figures: { status: 'complementary' } },
        { group: 'Outreach', period: london, figures: { status: 'grouped', within: 'Night and Outreach' } },
      ]),
    );
    const periods = rows.filter((r) => r.Record === 'period');
    expect(periods.map((r) => r.Status)).toEqual(['shown', 'coarsened', 'too few', 'hidden to protect a smaller group', 'reported within a reporting group']);
    expect(periods[0]).toMatchObject({ Period: 'April 2026', 'First day': '2026-04-01', 'Last day': '2026-04-30', 'Time zone': 'Europe/London', 'Reporting period': 'monthly', Threshold: '5' });
    expect(periods[0]).toMatchObject({ Respondents: '8', Members: '9', 'Burnout mean': '24', 'Burnout change': '-1', 'Burnout low %': '50', 'Burnout moderate or high %': '', 'Secondary traumatic stress change': '' });
    expect(periods[1]).toMatchObject({ 'Burnout moderate %': '', 'Burnout moderate or high %': '50' });
    // Words never stand in a numeric column: the reason is in Note.
    expect(periods[2]).toMatchObject({ Respondents: '', 'Burnout mean': '', Note: HIDDEN_TEXT.too_few });
    expect(rows.at(-1)).toMatchObject({ Record: 'credit' });
  });

  it('holds each initiative with its comparison for the group, in whole numbers, and neutralises a formula', () => {
    const rows = read(dashboardCsv([{ group: 'Outreach', period: london, figures: shown(false) }], [initiative]));
    const row = rows.find((r) => r.Record === 'initiative')!;
    expect(row).toMatchObject({
      Group: 'Outreach',
      Initiative: "'=Peer support",
      'Initiative starts': '2026-04-10',
      'Initiative ends': '',
      'Initiative covers': 'Outreach',
      'Periods each side': '3',
      'Compared before': 'January 2026; February 2026; March 2026',
      'Compared after': 'April 2026; May 2026',
      'Compassion satisfaction reading': 'not enough data yet',
      'Compassion satisfaction difference': '',
      'Burnout mean before': '30',
      'Burnout mean after': '25',
      'Burnout difference': '-5',
      'Burnout interval low': '-8',
      'Burnout interval high': '-2',
      'Burnout reading': 'likely improved',
      Respondents: '',
      Period: '',
    });
  });

  it('names the file after the group and the day, in the organisation’s zone', () => {
    expect(dashboardCsvName('Outreach & Night', new Date('2026-12-07T23:30:00Z'), 'Europe/London')).toBe('tend-outreach-night-2026-12-07.csv');
    expect(dashboardCsvName('Outreach', new Date('2026-12-07T23:30:00Z'), 'Pacific/Auckland')).toBe('tend-outreach-2026-12-08.csv');
  });
});
