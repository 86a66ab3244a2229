import { describe, expect, it } from 'vitest';
import { isTimeZone, TIME_ZONES, ZOrganisationSettingsInput } from '../../../lib/validation/admin';

const valid = { name: 'Riverside', checkInCadenceDays: '30', reportingPeriod: 'month', timeZone: 'Europe/London', anonymityThreshold: '5', wordingPreset: 'helper' };
const MESSAGE = 'Choose a time zone from the list, for example Europe/London.';

describe('ZOrganisationSettingsInput: timeZone', () => {
  it.each(['Europe/London', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Pacific/Chatham'])('accepts %s', (timeZone) => {
    expect(ZOrganisationSettingsInput.parse({ ...valid, timeZone }).timeZone).toBe(timeZone);
  });

  it.each([
    ['an unknown zone', 'Mars/Olympus'],
    ['an empty value', ''],
    // IANA names are case-sensitive, and what is stored must be exactly what the list offers.
    ['the right zone in the wrong case', 'europe/london'],
    ['a zone with spaces around it', ' Europe/London '],
    ['an offset rather than a zone', '+01:00'],
    ['an abbreviation', 'GMT+1'],
  ])('rejects %s (%j)', (_label, timeZone) => {
    const result = ZOrganisationSettingsInput.safeParse({ ...valid, timeZone });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['timeZone', MESSAGE]]);
  });

  it('rejects a missing zone with the same message', () => {
    const withoutZone = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'timeZone'));
    const result = ZOrganisationSettingsInput.safeParse(withoutZone);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['timeZone', MESSAGE]]);
  });
});

describe('TIME_ZONES', () => {
  it('is sorted, without duplicates, and includes UTC even where Node does not list it', () => {
    expect([...TIME_ZONES]).toEqual([...TIME_ZONES].sort());
    expect(new Set(TIME_ZONES).size).toBe(TIME_ZONES.length);
    expect(TIME_ZONES).toContain('UTC');
    expect(TIME_ZONES).toContain('Europe/London');
  });

  it.each([
    ['Asia/Kolkata', 'Asia/Calcutta'],
    ['Europe/Kyiv', 'Europe/Kiev'],
    ['America/Argentina/Buenos_Aires', 'America/Buenos_Aires'],
  ])('offers the current IANA name %s, not the old %s that Node may list', (current, old) => {
    expect(TIME_ZONES).toContain(current);
    expect(TIME_ZONES).not.toContain(old);
  });

  it('holds only zones Intl can format in', () => {
    for (const timeZone of TIME_ZONES) {
      expect(() => new Intl.DateTimeFormat('en-GB', { timeZone }), timeZone).not.toThrow();
    }
  });

  it.each([
    ['Europe/London', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['europe/london', false],
  ])('isTimeZone(%j) is %s', (value, expected) => {
    expect(isTimeZone(value)).toBe(expected);
  });
});
