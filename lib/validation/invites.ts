import { z } from 'zod';
import { FORMULA_START } from '../csv/safe-cell';
import { ROLE_NAMES } from './admin';

/** What an invited person may do; a person may hold several roles. Matches the database's `role` enum. */
export type InviteRole = (typeof ROLE_NAMES)[number];

/** Every role, in the order they are listed to people. */
export const INVITE_ROLES = ROLE_NAMES;

/** Longest email address accepted, in characters (the limit of an address's parts together, RFC 5321). */
export const MAX_EMAIL_LENGTH = 320;

/** Longest name accepted, in characters. */
export const MAX_NAME_LENGTH = 200;

/** Most people one CSV file may invite, unless the caller says otherwise. */
export const DEFAULT_MAX_INVITE_ROWS = 500;

/** The columns of an invite CSV; `team` may be left out. */
export const INVITE_CSV_COLUMNS = ['email', 'name', 'role', 'team'] as const;
const REQUIRED_COLUMNS = ['email', 'name', 'role'] as const;

type Column = (typeof INVITE_CSV_COLUMNS)[number];

const ROLE_LIST_TEXT = 'clinician, manager or admin';

// A cell may list several roles: "clinician;manager", "Manager | Admin", "clinician/manager".
const ROLE_SEPARATORS = /[;|/,\s]+/;

/** Spreadsheets and forms give names with stray or doubled spaces, even line breaks. */
function tidyName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** An email address as stored: trimmed and lower-cased, so the same person is not invited twice. */
export const ZInviteEmail = z
  .string({ message: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address.')
  .max(MAX_EMAIL_LENGTH, `Use at most ${MAX_EMAIL_LENGTH} characters.`)
  .pipe(z.email({ message: 'Enter a valid email address.' }));

/**
 * A person's name as it will be shown: spaces tidied, 1–200 characters, and not
 * beginning with a character a spreadsheet would read as a formula.
 */
export const ZInviteName = z
  .string({ message: 'Enter a name.' })
  .transform(tidyName)
  .pipe(
    z
      .string()
      .min(1, 'Enter a name.')
      .max(MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters.`)
      .refine((name) => !FORMULA_START.test(name), 'A name can’t begin with =, +, - or @: spreadsheets would read it as a formula.'),
  );

/** One role, any capitalisation. */
export const ZInviteRole = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(INVITE_ROLES, { message: `Choose ${ROLE_LIST_TEXT}.` }));

/** One invitation, from the single-invite form (the CSV upload gives the same fields). */
export const ZInviteInput = z.object({
  email: ZInviteEmail,
  name: ZInviteName,
  roles: z
    .array(ZInviteRole, { message: 'Choose at least one role.' })
    .min(1, 'Choose at least one role.')
    .transform((roles) => [...new Set(roles)]),
  // The team's name; an empty choice means no team. Whether it exists is checked against the organisation's teams.
  team: z
    .string()
    .trim()
    .optional()
    .transform((team) => team || undefined),
});
export type TInviteInput = z.output<typeof ZInviteInput>;

/** A valid row of an invite CSV. `line` is where it starts in the file, counting the header as line 1. */
export interface InviteCsvRow {
  line: number;
  email: string;
  name: string;
  roles: InviteRole[];
  /** The team's name as the organisation spells it, or null for no team. */
  team: string | null;
}

/** A problem with an invite CSV: `message` is a sentence starting "Line N:" to show as it is. */
export interface InviteCsvError {
  line: number;
  message: string;
}

export interface InviteCsvResult {
  rows: InviteCsvRow[];
  errors: InviteCsvError[];
}

export interface InviteCsvOptions {
  /** The names of the organisation's teams. */
  teams: string[];
  /** Most data rows read; one more is an error. Defaults to 500. */
  maxRows?: number;
}

interface CsvRecord {
  /** The line the record starts on, from 1. */
  line: number;
  fields: string[];
  /** The file ended inside a quoted field. */
  unclosedQuote: boolean;
}

/**
 * Records of RFC 4180 CSV, one at a time so a long file is read only as far as
 * needed. Accepts CRLF, LF or CR line ends; a quoted field may hold commas, line
 * breaks and doubled quotes. Forgiving where spreadsheets are sloppy: a quote in
 * the middle of an unquoted field is kept as text, and text after a closing
 * quote is added to the field.
 */
function* csvRecords(text: string): Generator<CsvRecord, void, undefined> {
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const record: CsvRecord = { line, fields: [], unclosedQuote: false };
    let field = '';
    let quoted = false;
    for (;;) {
      if (i >= text.length) {
        record.unclosedQuote = quoted;
        record.fields.push(field);
        break;
      }
      const char = text.charAt(i);
      const lineBreak = char === '\r' && text.charAt(i + 1) === '\n' ? 2 : char === '\r' || char === '\n' ? 1 : 0;
      if (quoted) {
        if (char === '"' && text.charAt(i + 1) === '"') {
          field += '"';
          i += 2;
        } else if (char === '"') {
          quoted = false;
          i += 1;
        } else if (lineBreak) {
          field += '\n';
          line += 1;
          i += lineBreak;
        } else {
          field += char;
          i += 1;
        }
      } else if (char === '"' && field.trim() === '') {
        // An opening quote, perhaps after a space or two: the spaces are not part of the value.
        field = '';
        quoted = true;
        i += 1;
      } else if (char === ',') {
        record.fields.push(field);
        field = '';
        i += 1;
      } else if (lineBreak) {
        record.fields.push(field);
        line += 1;
        i += lineBreak;
        break;
      } else {
        field += char;
        i += 1;
      }
    }
    yield record;
  }
}

/** Records with something in them: blank lines, and rows of empty cells a spreadsheet leaves behind, are skipped. */
function* nonBlankRecords(text: string): Generator<CsvRecord, void, undefined> {
  for (const record of csvRecords(text)) {
    if (record.unclosedQuote || record.fields.some((field) => field.trim() !== '')) yield record;
  }
}

/** A value quoted for a message, shortened so one bad cell cannot flood the page. */
function quote(value: string): string {
  const chars = Array.from(value.replace(/\s+/g, ' '));
  return `"${chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('')}"`;
}

function list(values: string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}

const EXPECTED_HEADER = 'The first line must name the columns: email, name, role and, if you use it, team.';

type HeaderResult = { ok: true; columns: Column[] } | { ok: false; message: string };

/** Which column holds which field. Names are matched ignoring case and surrounding spaces; empty names at the end are ignored. */
function readHeader(fields: string[]): HeaderResult {
  const names = fields.map((field) => field.trim().toLowerCase());
  while (names.length > 0 && names.at(-1) === '') names.pop();

  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length === REQUIRED_COLUMNS.length) return { ok: false, message: `there is no header. ${EXPECTED_HEADER}` };
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'column' : 'columns';
    return { ok: false, message: `the header has no ${list(missing.map((column) => `"${column}"`))} ${noun}. ${EXPECTED_HEADER}` };
  }

  const unknown = fields.slice(0, names.length).filter((_, index) => !(INVITE_CSV_COLUMNS as readonly string[]).includes(names[index] ?? ''));
  if (unknown.some((name) => name.trim() === '')) return { ok: false, message: `a column in the header has no name. ${EXPECTED_HEADER}` };
  if (unknown.length > 0) {
    const noun = unknown.length === 1 ? 'column' : 'columns';
    return { ok: false, message: `unexpected ${noun} ${list(unknown.map((name) => quote(name.trim())))}. ${EXPECTED_HEADER}` };
  }

  const repeated = INVITE_CSV_COLUMNS.find((column) => names.indexOf(column) !== names.lastIndexOf(column));
  if (repeated) return { ok: false, message: `the "${repeated}" column appears more than once. ${EXPECTED_HEADER}` };

  return { ok: true, columns: names as Column[] };
}

/** The roles in a cell, or the names that are not roles. */
function readRoles(cell: string): { roles: InviteRole[]; unknown: string[] } {
  const roles = new Set<InviteRole>();
  const unknown: string[] = [];
  for (const word of cell.split(ROLE_SEPARATORS)) {
    if (word === '') continue;
    const role = ZInviteRole.safeParse(word);
    if (role.success) roles.add(role.data);
    else if (!unknown.includes(word)) unknown.push(word);
  }
  return { roles: [...roles], unknown };
}

/**
 * Reads an invite CSV uploaded by an admin: a header naming the columns email,
 * name, role and (optionally) team, in any order and any case, then one person
 * per row. Valid rows are returned alongside an error for each problem, each on
 * the line a spreadsheet shows (the header is line 1; a record with a line break
 * inside quotes is counted from where it starts), so an admin can fix the file
 * and upload it again. A row with several problems has one error for each.
 *
 * Header problems (missing, incomplete, unknown columns) give a single error and
 * no rows. Rows past `maxRows` are not read: one error says the file is too long.
 */
export function parseInviteCsv(text: string, options: InviteCsvOptions): InviteCsvResult {
  const maxRows = options.maxRows ?? DEFAULT_MAX_INVITE_ROWS;
  const teams = new Map(options.teams.map((team) => [tidyName(team).toLowerCase(), team]));
  const rows: InviteCsvRow[] = [];
  const errors: InviteCsvError[] = [];
  const fail = (line: number, message: string) => errors.push({ line, message: `Line ${line}: ${message}` });

  const records = nonBlankRecords(text.replace(/^\uFEFF/, ''));
  const first = records.next();
  if (first.done) {
    fail(1, `the file is empty. ${EXPECTED_HEADER}`);
    return { rows, errors };
  }
  const header = readHeader(first.value.fields);
  if (!header.ok) {
    fail(first.value.line, header.message);
    return { rows, errors };
  }

  const firstLineOf = new Map<string, number>();
  let count = 0;
  for (const record of records) {
    const { line, fields } = record;
    if (record.unclosedQuote) {
      fail(line, 'a quoted value is never closed: a closing " is missing, so the rest of the file could not be read.');
      break;
    }
    count += 1;
    if (count > maxRows) {
      fail(line, `the file is too long: it can invite at most ${maxRows} people at a time. Split the rest into another file.`);
      break;
    }

    const cells: Partial<Record<Column, string>> = {};
    header.columns.forEach((column, index) => {
      cells[column] = (fields[index] ?? '').trim();
    });
    const problems: string[] = [];

    if (fields.slice(header.columns.length).some((field) => field.trim() !== '')) {
      problems.push(`this row has more values than the header has columns (${header.columns.length}).`);
    }

    const emailCell = cells.email ?? '';
    const email = ZInviteEmail.safeParse(emailCell);
    if (emailCell === '') problems.push('the email address is missing.');
    else if (emailCell.length > MAX_EMAIL_LENGTH) problems.push(`the email address is longer than ${MAX_EMAIL_LENGTH} characters.`);
    else if (!email.success) problems.push(`${quote(emailCell)} is not a valid email address.`);
    else {
      const earlier = firstLineOf.get(email.data);
      if (earlier === undefined) firstLineOf.set(email.data, line);
      else problems.push(`${quote(email.data)} appears again: already on line ${earlier}.`);
    }

    const name = tidyName(cells.name ?? '');
    if (name === '') problems.push('the name is missing.');
    else if (name.length > MAX_NAME_LENGTH) problems.push(`the name is longer than ${MAX_NAME_LENGTH} characters.`);
    else if (FORMULA_START.test(name)) problems.push(`the name begins with "${name[0]}", which spreadsheets read as a formula.`);

    const { roles, unknown } = readRoles(cells.role ?? '');
    for (const role of unknown) problems.push(`unknown role ${quote(role)} (use ${ROLE_LIST_TEXT}).`);
    if (roles.length === 0 && unknown.length === 0) problems.push(`the role is missing (use ${ROLE_LIST_TEXT}).`);

    const teamCell = tidyName(cells.team ?? '');
    const team = teamCell === '' ? null : (teams.get(teamCell.toLowerCase()) ?? undefined);
    if (team === undefined) problems.push(`there is no team called ${quote(teamCell)}.`);

    if (problems.length > 0 || !email.success || team === undefined) {
      for (const problem of problems) fail(line, problem);
      continue;
    }
    rows.push({ line, email: email.data, name, roles, team });
  }

  return { rows, errors };
}
