/**
 * Dates as Tend shows them. One time zone for server and browser alike, so a
 * chart drawn in the browser labels a check-in with the same day as the table
 * the server rendered (the organisation's own time-zone setting will replace it).
 */
export const DISPLAY_TIME_ZONE = 'Europe/London';

/** "10 September 2026" */
export function formatLongDate(date: Date | number): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: DISPLAY_TIME_ZONE }).format(date);
}

/** "10 Sep 2026" */
export function formatShortDate(date: Date | number): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: DISPLAY_TIME_ZONE }).format(date);
}

/** "10 Sep": for a table's column headings, where the year is plain from the caption or the page. */
export function formatDayMonth(date: Date | number): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: DISPLAY_TIME_ZONE }).format(date);
}

/** "Sep 26": for chart axes, where space is short. */
export function formatAxisDate(date: Date | number): string {
  const parts = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: DISPLAY_TIME_ZONE }).formatToParts(date);
  return `${parts.find((p) => p.type === 'month')?.value ?? ''} ’${parts.find((p) => p.type === 'year')?.value ?? ''}`;
}

/** "1 June 2026" for a calendar date (yyyy-mm-dd) that is already local to where it applies. */
export function formatCalendarDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
