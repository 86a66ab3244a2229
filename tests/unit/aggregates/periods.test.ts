import { describe, expect, it } from 'vitest';
import {
  localDate,
  openPeriod,
  periodContaining,
  periodLabel,
  periodShortLabel,
  periodsToPublish,
  ruleAt,
  startOfLocalDate,
} from '../../../lib/aggregates/periods';

const iso = (p: { startsAt: Date; endsAt: Date }) => [p.startsAt.toISOString(), p.endsAt.toISOString()];

describe('reporting periods', () => {
  it.each([
    // London is on GMT in winter and BST (UTC+1) in summer: midnight local is 23:00 UTC the day before.
    ['2026-03-15T12:00:00Z', 'month', 'Europe/London', '2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z'],
    ['2026-07-01T00:30:00Z', 'month', 'Europe/London', '2026-06-30T23:00:00.000Z', '2026-07-31T23:00:00.000Z'],
    ['2026-06-30T23:30:00Z', 'month', 'Europe/London', '2026-06-30T23:00:00.000Z', '2026-07-31T23:00:00.000Z'],
    ['2026-06-30T22:59:59Z', 'month', 'Europe/London', '2026-05-31T23:00:00.000Z', '2026-06-30T23:00:00.000Z'],
    ['2026-02-10T00:00:00Z', 'quarter', 'Europe/London', '2026-01-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z'],
    ['2026-11-20T00:00:00Z', 'quarter', 'America/New_York', '2026-10-01T04:00:00.000Z', '2027-01-01T05:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'month', 'UTC', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
  ] as const)('%s as a %s in %s runs from %s to %s', (instant, kind, zone, start, end) => {
    expect(iso(periodContaining(new Date(instant), kind, zone))).toEqual([start, end]);
  });

  it('refuses an unknown time zone', () => {
    expect(() => periodContaining(new Date(), 'month', 'Mars/Olympus')).toThrow('unknown time zone Mars/Olympus');
    expect(() => localDate(new Date(), 'Nowhere/Else')).toThrow(RangeError);
  });

  it('lists the closed periods to publish, from the first check-in or the last published period', () => {
    const now = new Date('2026-04-10T09:00:00Z');
    const fromFirst = periodsToPublish({ lastEnd: null, firstCheckIn: new Date('2026-01-20T10:00:00Z'), now, kind: 'month', timeZone: 'UTC' });
    expect(fromFirst.map((p) => p.startsAt.toISOString().slice(0, 10))).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    const fromLast = periodsToPublish({ lastEnd: new Date('2026-03-01T00:00:00Z'), firstCheckIn: new Date('2025-01-01T00:00:00Z'), now, kind: 'month', timeZone: 'UTC' });
    expect(fromLast.map(iso)).toEqual([['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']]);
    expect(periodsToPublish({ lastEnd: null, firstCheckIn: null, now, kind: 'month', timeZone: 'UTC' })).toEqual([]);
    // The period ending exactly now is closed.
    expect(periodsToPublish({ lastEnd: new Date('2026-03-01T00:00:00Z'), firstCheckIn: null, now: new Date('2026-04-01T00:00:00Z'), kind: 'month', timeZone: 'UTC' })).toHaveLength(1);
  });

  it('never overlaps when the setting changes from months to quarters: the next quarter starts where the months ended', () => {
    const now = new Date('2026-07-02T00:00:00Z');
    const periods = periodsToPublish({ lastEnd: new Date('2026-02-01T00:00:00Z'), firstCheckIn: null, now, kind: 'quarter', timeZone: 'UTC' });
    expect(periods.map(iso)).toEqual([
      ['2026-02-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
    ]);
    expect(periodLabel(periods[0]!, 'quarter', 'UTC')).toBe('Q1 2026 (from 1 February)');
    expect(periodLabel(periods[1]!, 'quarter', 'UTC')).toBe('Q2 2026');
  });

  it('the open period starts at the calendar boundary, or later where a shortened period is still open', () => {
    const now = new Date('2026-03-15T00:00:00Z');
    expect(iso(openPeriod({ lastEnd: new Date('2026-03-01T00:00:00Z'), now, kind: 'month', timeZone: 'UTC' }))).toEqual(['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(iso(openPeriod({ lastEnd: new Date('2026-02-01T00:00:00Z'), now, kind: 'quarter', timeZone: 'UTC' }))).toEqual(['2026-02-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(iso(openPeriod({ lastEnd: null, now, kind: 'quarter', timeZone: 'UTC' }))).toEqual(['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
  });

  it.each([
    ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'month', 'March 2026', 'Mar 26'],
    ['2026-03-10T00:00:00Z', '2026-04-01T00:00:00Z', 'month', 'March 2026 (from 10 March)', 'Mar 26'],
    ['2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z', 'quarter', 'Q4 2026', 'Q4 26'],
  ] as const)('labels %s–%s (%s) as %s', (start, end, kind, label, short) => {
    const period = { startsAt: new Date(start), endsAt: new Date(end) };
    expect(periodLabel(period, kind, 'UTC')).toBe(label);
    expect(periodShortLabel(period, kind, 'UTC')).toBe(short);
  });

  it('converts between instants and local calendar dates', () => {
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toBe('2026-07-01');
    expect(startOfLocalDate('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(() => startOfLocalDate('2026-02-30', 'UTC')).toThrow('not a calendar date');
    expect(() => startOfLocalDate('1 July 2026', 'UTC')).toThrow('not a calendar date');
    expect(() => startOfLocalDate('2026-07-01', 'Bad/Zone')).toThrow('unknown time zone');
  });
});

describe('rules frozen per period', () => {
  const month = { reportingPeriod: 'month' as const, timeZone: 'UTC', anonymityThreshold: 5 };
  const changes = [
    { ...month, effectiveFrom: new Date('1970-01-01T00:00:00Z') },
    { reportingPeriod: 'quarter' as const, timeZone: 'UTC', anonymityThreshold: 3, effectiveFrom: new Date('2026-05-01T00:00:00Z') },
  ];
  const iso = (p: { startsAt: Date; endsAt: Date }) => [p.startsAt.toISOString(), p.endsAt.toISOString()];

  it('the rule at an instant is the latest change in force by then, else the current one', () => {
    expect(ruleAt([], new Date('2026-04-01T00:00:00Z'), month)).toBe(month);
    expect(ruleAt(changes, new Date('2026-04-30T23:59:59Z'), { ...month, anonymityThreshold: 9 })).toBe(changes[0]);
    expect(ruleAt(changes, new Date('2026-05-01T00:00:00Z'), month)).toBe(changes[1]);
  });

  it('each period follows the rule in force when it started, and none runs past a change', () => {
    const periods = periodsToPublish({ lastEnd: new Date('2026-03-01T00:00:00Z'), firstCheckIn: null, now: new Date('2026-10-02T00:00:00Z'), kind: 'quarter', timeZone: 'UTC', changes: [changes[1]!, changes[0]!] });
    expect(periods.map(iso)).toEqual([
      ['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'],
      ['2026-05-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
      ['2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'],
    ]);
    // A change scheduled mid-quarter (a time zone moved its boundary) ends the period there.
    const cut = [{ ...month, effectiveFrom: new Date('1970-01-01T00:00:00Z') }, { ...month, reportingPeriod: 'quarter' as const, effectiveFrom: new Date('2026-04-15T00:00:00Z') }];
    expect(openPeriod({ lastEnd: new Date('2026-04-01T00:00:00Z'), now: new Date('2026-04-10T00:00:00Z'), kind: 'quarter', timeZone: 'UTC', changes: cut }).endsAt.toISOString()).toBe('2026-04-15T00:00:00.000Z');
    // The first period is the one holding the first check-in, under the rule in force then.
    expect(iso(periodsToPublish({ lastEnd: null, firstCheckIn: new Date('2026-04-10T00:00:00Z'), now: new Date('2026-05-02T00:00:00Z'), kind: 'quarter', timeZone: 'UTC', changes })[0]!)).toEqual(['2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
  });
});
