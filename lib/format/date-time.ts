import { DateTime } from 'luxon';

/**
 * A moment as the server shows it in an organisation's own time zone (organisations.time_zone),
 * "7 Dec 2026, 14:05". Kept apart from ./date.ts, which client components import, so luxon
 * stays out of the browser's bundle. A zone luxon cannot use (never stored: settings refuse
 * it) falls back to UTC rather than printing "Invalid DateTime".
 */
export function formatDateTimeIn(date: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(date, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromJSDate(date, { zone: 'UTC' })).setLocale('en-GB').toLocaleString(DateTime.DATETIME_MED);
}

/** The local calendar day an instant begins, "1 January 2027": for the start of a reporting period. */
export function formatLocalDay(date: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(date, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromJSDate(date, { zone: 'UTC' })).setLocale('en-GB').toFormat('d LLLL yyyy');
}
