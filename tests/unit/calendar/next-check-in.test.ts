import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { nextCheckInCalendar } from '../../../lib/calendar/next-check-in';

function parse(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the next check-in as a calendar file', () => {
  const base = { timeZone: 'Europe/London', origin: 'https://tend.example.org', organisationName: 'Riverside', uid: 'abc@tend' };

  it('is one all-day event on the day it is due, read back by an independent parser', () => {
    const { filename, body } = nextCheckInCalendar({ ...base, dueAt: new Date('2027-01-05T14:30:00Z') });
    expect(filename).toBe('tend-check-in-2027-01-05.ics');
    const [event, ...rest] = parse(body);
    expect(rest).toHaveLength(0);
    expect(event!.summary).toBe('Tend check-in');
    expect(event!.uid).toBe('abc@tend');
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.startDate.toString()).toBe('2027-01-05');
    expect(event!.endDate.toString()).toBe('2027-01-06');
    expect(event!.description).toContain('https://tend.example.org/');
    expect(event!.description).toContain('Riverside');
  });

  it('takes the day in the time zone given, not in UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    const { body } = nextCheckInCalendar({ ...base, dueAt: new Date('2027-06-30T23:30:00Z') });
    expect(parse(body)[0]!.startDate.toString()).toBe('2027-07-01');
    const utc = nextCheckInCalendar({ ...base, timeZone: 'UTC', dueAt: new Date('2027-06-30T23:30:00Z') });
    expect(parse(utc.body)[0]!.startDate.toString()).toBe('2027-06-30');
  });

  it('ends a year’s last day in the next year', () => {
    const { body } = nextCheckInCalendar({ ...base, dueAt: new Date('2027-12-31T12:00:00Z') });
    expect(parse(body)[0]!.endDate.toString()).toBe('2028-01-01');
  });
});
