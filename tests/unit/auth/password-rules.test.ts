import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  loadCommonPasswords,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_MESSAGES,
  ZNewPassword,
} from '../../../lib/auth/password-rules';

const TOO_SHORT = 'Use at least 12 characters.';
const TOO_LONG = 'Use at most 256 characters.';
const COMMON = 'This password is too common: it is on lists attackers try first. Choose something less guessable, such as a few unrelated words.';
const PATTERN = 'This password is too easy to guess: it repeats one character or follows a run of keys. Choose something less guessable, such as a few unrelated words.';
const PERSONAL = 'Don’t use your email address or name in your password.';

/** An acceptable passphrase cut to `length` characters. */
const phrase = (length: number) => 'violet-kettle-harbour-'.repeat(20).slice(0, length);

describe('the common-password list', () => {
  const lines = readFileSync(path.join(process.cwd(), 'lib/auth/common-passwords.txt'), 'utf8').split('\n');

  it('starts with a two-line comment saying where it comes from', () => {
    expect(lines.slice(0, 2).every((line) => line.startsWith('# '))).toBe(true);
    expect(lines[1]).toContain('@zxcvbn-ts/language-common 4.1.3');
    expect(lines[1]).toContain('MIT');
    expect(lines[2]?.startsWith('#')).toBe(false);
  });

  it('holds 10,000 distinct lower-case entries and nothing else', () => {
    const entries = lines.slice(2).filter((line) => line !== '');
    expect(entries).toHaveLength(10_000);
    expect(new Set(entries).size).toBe(10_000);
    expect(entries.filter((entry) => entry !== entry.toLowerCase() || entry !== entry.trim())).toEqual([]);
    expect(loadCommonPasswords().size).toBe(10_000);
  });

  it('is in frequency order, the most common first', () => {
    expect(lines.slice(2, 6)).toEqual(['123456', 'password', '12345678', 'qwerty']);
  });

  it.each(['password', '123456', 'qwerty', 'iloveyou', 'letmein', 'dragon'])('includes %s', (entry) => {
    expect(loadCommonPasswords().has(entry)).toBe(true);
  });

  it.each(['correct horse battery staple', 'violet-kettle-harbour-9', '#', ''])('does not include %j', (entry) => {
    expect(loadCommonPasswords().has(entry)).toBe(false);
  });

  it('is read once and kept', () => {
    expect(loadCommonPasswords()).toBe(loadCommonPasswords());
  });

  it('stays small enough to ship with the app', () => {
    expect(lines.join('\n').length).toBeLessThan(120_000);
  });
});

describe('checkPassword', () => {
  it('has the messages shown next to the password field', () => {
    expect(PASSWORD_MESSAGES).toEqual({ tooShort: TOO_SHORT, tooLong: TOO_LONG, common: COMMON, pattern: PATTERN, personal: PERSONAL });
    expect([MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH]).toEqual([12, 256]);
  });

  it.each([
    ['a passphrase of plain words', 'correct horse battery staple'],
    ['words joined with hyphens and a digit', 'violet-kettle-harbour-9'],
    ['exactly 12 characters', 'tidal-oak-97'],
    ['exactly 256 characters', phrase(256)],
    ['12 characters, two of them emoji (14 UTF-16 units)', 'tea🫖kettle🌿🌊'],
    ['a common word inside a longer phrase', 'my dragon sleeps in the bath'],
    ['a sequence broken by other characters', '1234-abcd-qwer'],
    ['non-Latin letters', 'сосна-и-берёза'],
  ])('accepts %s', (_label, password) => {
    expect(checkPassword(password)).toEqual({ ok: true });
  });

  it.each([
    ['an empty password', '', TOO_SHORT],
    ['11 characters', 'tidal-oak-9', TOO_SHORT],
    ['11 code points that are 13 UTF-16 units', 'tea🫖kettle🌿', TOO_SHORT],
    ['257 characters', phrase(257), TOO_LONG],
    ['a listed password as it is', 'leavemealone', COMMON],
    ['a listed password in capitals', 'LEAVEMEALONE', COMMON],
    ['a listed password that looks like a run of keys', '1qaz2wsx3edc', COMMON],
    ['a listed word with digits and a symbol added', 'Password1234!', COMMON],
    ['a listed word with a year added', 'iloveyou2024', COMMON],
    ['a listed word with punctuation before and after', '!!!sunshine!!!', COMMON],
    ['a listed word with spaces and digits around it', '  football 99', COMMON],
    ['one character repeated', 'aaaaaaaaaaaa', PATTERN],
    ['one emoji repeated', '🌿'.repeat(12), PATTERN],
    ['counting', '123456789012', PATTERN],
    ['counting that wraps round more than once', '7890123456789012345', PATTERN],
    ['counting down', '987654321098', PATTERN],
    ['the alphabet', 'abcdefghijkl', PATTERN],
    ['the alphabet in capitals', 'MNOPQRSTUVWX', PATTERN],
    ['a keyboard row', 'qwertyuiopas', PATTERN],
    ['a keyboard row backwards', 'mnbvcxzlkjhg', PATTERN],
  ])('rejects %s', (_label, password, message) => {
    expect(checkPassword(password)).toEqual({ ok: false, message });
  });

  it('does not strip a listed core word shorter than 4 characters', () => {
    // "mad" is listed, but "2024!!mad!!2024" is more than "mad" with a little added.
    expect(loadCommonPasswords().has('mad')).toBe(true);
    expect(checkPassword('2024!!mad!!2024')).toEqual({ ok: true });
  });

  it.each([
    ['the email’s local part', 'violet-jdoe-harbour', { email: 'jdoe@example.org' }],
    ['the email’s local part in capitals', 'VIOLET-JDOE-HARBOUR', { email: 'jdoe@example.org' }],
    ['a word of the email’s local part', 'violet-kettle-smith', { email: 'ann.smith+work@example.org' }],
    ['the first name', 'harriet-kettle-river', { name: 'Harriet Vane' }],
    ['the last name, in capitals', 'violet-kettle-VANE', { name: 'Harriet Vane' }],
    ['part of a hyphenated name', 'mary-had-a-little-lamb', { name: 'Mary-Jane O’Connor' }],
    ['a name with accents', 'kettle-brontë-harbour', { name: 'Zoë Brontë' }],
    ['a name with accents, in capitals', 'KETTLE-BRONTË-HARBOUR', { name: 'Zoë Brontë' }],
  ])('rejects a password containing %s', (_label, password, context) => {
    expect(checkPassword(password, context)).toEqual({ ok: false, message: PERSONAL });
  });

  it.each([
    ['a local part shorter than 4 characters', 'violet-ann-harbour', { email: 'ann@example.org' }],
    ['a name word shorter than 4 characters', 'violet-kettle-bo-lee', { name: 'Bo Lee' }],
    ['the email’s domain', 'violet-example-harbour', { email: 'jdoe@example.org' }],
    ['no context at all', 'violet-kettle-harbour', {}],
    ['an empty email and name', 'violet-kettle-harbour', { email: '', name: '' }],
  ])('accepts a password despite %s', (_label, password, context) => {
    expect(checkPassword(password, context)).toEqual({ ok: true });
  });

  it('checks the list before the email and name', () => {
    expect(checkPassword('sunshine2024', { name: 'Sunshine Jones' })).toEqual({ ok: false, message: COMMON });
  });
});

describe('ZNewPassword', () => {
  it.each([
    ['correct horse battery staple', true, []],
    ['short', false, [TOO_SHORT]],
    ['Password1234!', false, [COMMON]],
    ['abcdefghijkl', false, [PATTERN]],
  ])('checks %j by the same rules', (password, success, messages) => {
    const result = ZNewPassword.safeParse(password);
    expect(result.success).toBe(success);
    expect(result.error?.issues.map((issue) => issue.message) ?? []).toEqual(messages);
    if (result.success) expect(result.data).toBe(password);
  });

  it('rejects a value that is not a string', () => {
    expect(ZNewPassword.safeParse(undefined).error?.issues.map((issue) => issue.message)).toEqual(['Enter a password.']);
  });
});
