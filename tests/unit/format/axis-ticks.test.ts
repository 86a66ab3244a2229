import { describe, expect, it } from 'vitest';
import { axisTicks } from '../../../lib/format/axis-ticks';

const at = (iso: string) => new Date(iso).getTime();
/** Ticks as London dates, "yyyy-mm-dd". */
const days = (ticks: number[]) => ticks.map((t) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(t));

describe('axisTicks', () => {
  it('ticks every month start within a span of a few months', () => {
    const { ticks, unit } = axisTicks(at('2026-05-10T09:00:00Z'), at('2026-09-20T09:00:00Z'));
    expect(unit).toBe('month');
    expect(days(ticks)).toEqual(['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01']);
  });

  it('starts months at midnight in London, summer time or not', () => {
    const { ticks } = axisTicks(at('2026-02-15T12:00:00Z'), at('2026-05-15T12:00:00Z'));
    expect(ticks.map((t) => new Date(t).toISOString())).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z', '2026-04-30T23:00:00.000Z']);
  });

  it('keeps to the most ticks allowed, on months that divide the year evenly', () => {
    // Two years of monthly check-ins: 24 month starts, one tick a quarter would be 8, so every six months.
    const { ticks } = axisTicks(at('2024-12-15T12:00:00Z'), at('2026-12-05T12:00:00Z'));
    expect(days(ticks)).toEqual(['2025-01-01', '2025-07-01', '2026-01-01', '2026-07-01']);
    // A year: every two months (from January) makes 6, which is allowed.
    expect(days(axisTicks(at('2025-12-20T12:00:00Z'), at('2026-12-05T12:00:00Z')).ticks)).toEqual([
      '2026-01-01', '2026-03-01', '2026-05-01', '2026-07-01', '2026-09-01', '2026-11-01',
    ]);
    expect(days(axisTicks(at('2025-12-20T12:00:00Z'), at('2026-12-05T12:00:00Z'), 4).ticks)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
  });

  it('ticks are evenly spaced in months over many years', () => {
    const { ticks } = axisTicks(at('2016-03-01T12:00:00Z'), at('2026-12-01T12:00:00Z'));
    expect(ticks.length).toBeLessThanOrEqual(6);
    const months = days(ticks).map((d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)));
    const gaps = new Set(months.slice(1).map((m, i) => m - months[i]!));
    expect(gaps.size).toBe(1);
  });

  it('labels the two ends as days when fewer than two months begin within the span', () => {
    expect(axisTicks(at('2026-10-03T12:00:00Z'), at('2026-10-24T12:00:00Z'))).toEqual({ ticks: [at('2026-10-03T12:00:00Z'), at('2026-10-24T12:00:00Z')], unit: 'day' });
    expect(axisTicks(at('2026-10-20T12:00:00Z'), at('2026-11-10T12:00:00Z')).unit).toBe('day');
    expect(axisTicks(at('2026-10-20T12:00:00Z'), at('2026-10-20T12:00:00Z'))).toEqual({ ticks: [at('2026-10-20T12:00:00Z')], unit: 'day' });
  });

  it('refuses a span that runs backwards', () => {
    expect(() => axisTicks(2, 1)).toThrow(RangeError);
  });
});
