import { createEvent } from 'ics';
import { DateTime } from 'luxon';

/**
 * The next check-in as a calendar file (iCalendar, RFC 5545): one all-day
 * event on the day it is due, in the time zone Tend shows dates in, with a
 * link to Tend from the configured origin. It carries nothing about the
 * person's answers or scores: only that a check-in is due that day.
 */
export function nextCheckInCalendar({ dueAt, timeZone, origin, organisationName, uid }: {
  dueAt: Date;
  timeZone: string;
  /** The configured origin (appOrigin), never one taken from a request. */
  origin: string;
  organisationName: string;
  /** Stable per person and organisation, so importing it again updates the same event. */
  uid: string;
}): { filename: string; body: string } {
  const day = DateTime.fromJSDate(dueAt, { zone: timeZone }).startOf('day');
  const next = day.plus({ days: 1 });
  const { error, value } = createEvent({
    productId: 'tend/check-in',
    uid,
    title: 'Tend check-in',
    description: `Your next check-in with ${organisationName} is due today. Thirty short questions, about five minutes: ${origin}/`,
    url: `${origin}/`,
    start: [day.year, day.month, day.day],
    end: [next.year, next.month, next.day],
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
  });
  if (error || !value) throw error ?? new Error('The calendar file could not be made.');
  return { filename: `tend-check-in-${day.toISODate()}.ics`, body: value };
}
