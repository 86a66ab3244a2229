import { describe, expect, it } from 'vitest';
import { formatDateTimeIn } from '../../../lib/format/date-time';

describe('formatDateTimeIn', () => {
  it.each([
    // British summer time, and the same moment elsewhere.
    ['2026-07-01T12:05:00Z', 'Europe/London', '1 Jul 2026, 13:05'],
    ['2026-07-01T12:05:00Z', 'America/New_York', '1 Jul 2026, 08:05'],
    ['2026-07-01T12:05:00Z', 'UTC', '1 Jul 2026, 12:05'],
    // Winter: London is on UTC; the date changes in Auckland.
    ['2026-12-31T23:30:00Z', 'Europe/London', '31 Dec 2026, 23:30'],
    ['2026-12-31T23:30:00Z', 'Pacific/Auckland', '1 Jan 2027, 12:30'],
    // The hour after the clocks go forward in London.
    ['2026-03-29T01:00:00Z', 'Europe/London', '29 Mar 2026, 02:00'],
    // A zone that cannot be used falls back to UTC.
    ['2026-07-01T12:05:00Z', 'Mars/Olympus', '1 Jul 2026, 12:05'],
  ])('%s in %s is %j', (iso, zone, expected) => {
    expect(formatDateTimeIn(new Date(iso), zone)).toBe(expected);
  });
});
