import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hiddenText, HIDDEN_TEXT, reportedWithinText } from '../../../lib/format/aggregates';
import { dashboardCsv } from '../../../lib/format/aggregates-csv';

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
