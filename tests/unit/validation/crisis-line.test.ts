import { describe, expect, it } from 'vitest';
import { CRISIS_MESSAGES, telHref, toCrisisLine, ZCrisisLineInput } from '../../../lib/validation/crisis-line';

const samaritans = { crisisLineText: 'Samaritans (free, any time)', crisisLinePhone: '116 123', crisisLineCountry: 'UK and Ireland' };

/** [field, message] for every issue, in order. */
const issues = (input: unknown) => ZCrisisLineInput.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

describe('ZCrisisLineInput: what is accepted', () => {
  it('keeps the three fields, trimmed', () => {
    expect(ZCrisisLineInput.parse({ crisisLineText: '  Samaritans ', crisisLinePhone: ' 116 123 ', crisisLineCountry: ' UK and Ireland ' })).toEqual({
      crisisLineText: 'Samaritans',
      crisisLinePhone: '116 123',
      crisisLineCountry: 'UK and Ireland',
    });
  });

  it.each([
    ['three digits', '999'],
    ['fifteen digits', '123 456 789 012 345'],
    ['an international number', '+1 (800) 273-8255'],
    ['a national number with a trunk zero', '0800 068 4141'],
    ['hyphens', '1-800-273-8255'],
  ])('accepts a number with %s (%j)', (_label, crisisLinePhone) => {
    expect(issues({ ...samaritans, crisisLinePhone })).toEqual([]);
  });

  it.each(['UK and Ireland', 'United States', 'Côte d’Ivoire', 'Trinidad & Tobago', 'Bosnia-Herzegovina', 'Korea (Republic of)', 'NZ'])(
    'accepts the country %j',
    (crisisLineCountry) => {
      expect(issues({ ...samaritans, crisisLineCountry })).toEqual([]);
    },
  );

  it('accepts text alone (a line with no number, such as a text service) and text with a number but no country', () => {
    expect(issues({ crisisLineText: 'text SHOUT to 85258', crisisLinePhone: '', crisisLineCountry: '' })).toEqual([]);
    expect(issues({ ...samaritans, crisisLineCountry: '' })).toEqual([]);
  });

  it.each([
    ['the text', 'crisisLineText', 200],
    ['the country', 'crisisLineCountry', 60],
  ])('accepts %s at its longest', (_label, field, length) => {
    expect(issues({ ...samaritans, [field]: 'A'.repeat(length) })).toEqual([]);
  });
});

describe('ZCrisisLineInput: what is refused, next to its field', () => {
  it.each([
    ['two digits', '99'],
    ['sixteen digits', '1234 5678 9012 3456'],
    ['letters', '0800 SAMARITANS'],
    ['a + in the middle', '44+20 7946 0321'],
    ['an extension sign', '116123#1'],
    ['only punctuation', '+() -'],
    ['more than 30 characters', `1${' '.repeat(26)}2345`],
  ])('a number with %s (%j)', (_label, crisisLinePhone) => {
    expect(issues({ ...samaritans, crisisLinePhone })).toEqual([['crisisLinePhone', CRISIS_MESSAGES.phone]]);
  });

  it.each([
    ['61 characters', 'A'.repeat(61)],
    ['digits', '44'],
    ['a leading symbol', '-UK'],
    ['markup', '<b>UK</b>'],
  ])('a country with %s', (_label, crisisLineCountry) => {
    expect(issues({ ...samaritans, crisisLineCountry })).toEqual([['crisisLineCountry', CRISIS_MESSAGES.country]]);
  });

  it('text of 201 characters', () => {
    expect(issues({ ...samaritans, crisisLineText: 'A'.repeat(201) })).toEqual([['crisisLineText', CRISIS_MESSAGES.textLong]]);
  });

  it.each([
    ['a number', { crisisLinePhone: '116 123' }],
    ['a country', { crisisLineCountry: 'UK and Ireland' }],
    ['text of spaces only and a number', { crisisLineText: '   ', crisisLinePhone: '116 123' }],
  ])('%s without the text that says whose line it is', (_label, fields) => {
    expect(issues({ crisisLineText: '', crisisLinePhone: '', crisisLineCountry: '', ...fields })).toEqual([['crisisLineText', CRISIS_MESSAGES.textMissing]]);
  });

  it('every bad field at once, so one submission shows all of them', () => {
    expect(issues({ crisisLineText: '', crisisLinePhone: 'call us', crisisLineCountry: '12' })).toEqual([
      ['crisisLinePhone', CRISIS_MESSAGES.phone],
      ['crisisLineCountry', CRISIS_MESSAGES.country],
      ['crisisLineText', CRISIS_MESSAGES.textMissing],
    ]);
  });
});

describe('toCrisisLine', () => {
  it.each([
    ['every field empty: the default wording', { crisisLineText: '', crisisLinePhone: '', crisisLineCountry: '' }, null],
    ['fields missing altogether: the default wording', {}, null],
    ['text alone', { crisisLineText: 'text SHOUT to 85258' }, { text: 'text SHOUT to 85258', phone: null, country: null }],
    ['all three', samaritans, { text: 'Samaritans (free, any time)', phone: '116 123', country: 'UK and Ireland' }],
  ])('%s', (_label, input, expected) => {
    expect(toCrisisLine(ZCrisisLineInput.parse(input))).toEqual(expected);
  });
});

describe('telHref', () => {
  it.each([
    ['116 123', 'tel:116123'],
    ['+1 (800) 273-8255', 'tel:+18002738255'],
    ['0800-068-4141', 'tel:08000684141'],
  ])('%j dials %j', (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});
