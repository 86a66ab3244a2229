import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Fewest characters (Unicode code points) a new password may have. Length is what
 * makes a password hard to guess; 12 fits a few unrelated words.
 */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Most characters (Unicode code points) a new password may have: generous for
 * passphrases and password managers, yet bounds the work of hashing it.
 */
export const MAX_PASSWORD_LENGTH = 256;

/** Where the list of common passwords lives, relative to the project root (the app always runs from there). */
const COMMON_PASSWORDS_FILE = 'lib/auth/common-passwords.txt';

/** Plain sentences shown next to the password field. */
export const PASSWORD_MESSAGES = {
  tooShort: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  tooLong: `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  common: 'This password is too common: it is on lists attackers try first. Choose something less guessable, such as a few unrelated words.',
  pattern: 'This password is too easy to guess: it repeats one character or follows a run of keys. Choose something less guessable, such as a few unrelated words.',
  personal: 'Don’t use your email address or name in your password.',
} as const;

/** What a password is checked against besides the list: the account it is for. */
export interface PasswordContext {
  email?: string;
  name?: string;
}

export type PasswordCheck = { ok: true } | { ok: false; message: string };

let commonPasswords: ReadonlySet<string> | undefined;

/**
 * The 10,000 most common passwords, lower-cased. Read from disk on first use
 * and kept for the life of the process (about 80 KB).
 */
export function loadCommonPasswords(): ReadonlySet<string> {
  if (!commonPasswords) {
    const text = readFileSync(path.join(process.cwd(), COMMON_PASSWORDS_FILE), 'utf8');
    const entries = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    commonPasswords = new Set(entries);
  }
  return commonPasswords;
}

// Digits, punctuation, symbols and spaces around a word: "Password1234!" is "password" to an attacker.
const SURROUNDING = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;

/** Shortest core word worth looking up once the surrounding digits and punctuation are stripped. */
const MIN_CORE_LENGTH = 4;

/** Shortest part of an email address or name that counts as personal information. */
const MIN_PERSONAL_LENGTH = 4;

// Runs a person types without thinking: counting, the alphabet, keyboard rows.
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

function codePoints(value: string): string[] {
  return Array.from(value);
}

function isCommon(lower: string): boolean {
  const list = loadCommonPasswords();
  if (list.has(lower)) return true;
  const core = lower.replace(SURROUNDING, '');
  return core !== lower && codePoints(core).length >= MIN_CORE_LENGTH && list.has(core);
}

/** One character over and over, or a stretch of counting, the alphabet or a keyboard row (either direction). */
function isPattern(lower: string): boolean {
  const chars = codePoints(lower);
  if (new Set(chars).size === 1) return true;
  return SEQUENCES.some((sequence) => {
    const repeated = sequence.repeat(Math.ceil(chars.length / sequence.length) + 1);
    const reversed = codePoints(repeated).reverse().join('');
    return repeated.includes(lower) || reversed.includes(lower);
  });
}

/** The parts of an email address and name that should not appear in a password, lower-cased. */
function personalWords({ email, name }: PasswordContext): string[] {
  const words: string[] = [];
  const local = email?.trim().toLowerCase().split('@')[0] ?? '';
  words.push(local);
  // "jane.doe+work" also gives "jane" and "work"; "Mary-Jane O'Connor" gives "mary", "jane", "connor".
  words.push(...local.split(/[^\p{L}\p{N}]+/u));
  words.push(...(name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return words.filter((word) => codePoints(word).length >= MIN_PERSONAL_LENGTH);
}

/**
 * Whether a new password is acceptable, and if not, a short sentence saying why.
 * Checked in this order: length (in code points, so an emoji counts as one),
 * the common-password list (also with surrounding digits and punctuation
 * removed), one repeated character or a keyboard/alphabet/number run, and the
 * person's own email address or name.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordCheck {
  const length = codePoints(password).length;
  if (length < MIN_PASSWORD_LENGTH) return { ok: false, message: PASSWORD_MESSAGES.tooShort };
  if (length > MAX_PASSWORD_LENGTH) return { ok: false, message: PASSWORD_MESSAGES.tooLong };

  const lower = password.toLowerCase();
  if (isCommon(lower)) return { ok: false, message: PASSWORD_MESSAGES.common };
  if (isPattern(lower)) return { ok: false, message: PASSWORD_MESSAGES.pattern };
  if (personalWords(context).some((word) => lower.includes(word))) return { ok: false, message: PASSWORD_MESSAGES.personal };
  return { ok: true };
}

/**
 * A new password from a form, checked by the same rules as `checkPassword` but
 * without the account's email or name (use `checkPassword` where they are known).
 */
export const ZNewPassword = z.string({ message: 'Enter a password.' }).superRefine((password, ctx) => {
  const result = checkPassword(password);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
});
