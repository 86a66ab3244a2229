import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INVITE_ROWS, parseInviteCsv, ZInviteInput } from '../../../lib/validation/invites';

const teams = ['Community Mental Health', 'Night Shift Crisis', 'Ward 7'];
const parse = (text: string, maxRows?: number) => parseInviteCsv(text, { teams, maxRows });
const EXPECTED_HEADER = 'The first line must name the columns: email, name, role and, if you use it, team.';

describe('ZInviteInput (the single-invite form)', () => {
  it('tidies what it is given', () => {
    expect(
      ZInviteInput.parse({ email: '  Ann.Smith@Example.ORG ', name: '  Ann   Smith ', roles: ['Manager', 'clinician', 'manager'], team: ' Ward 7 ' }),
    ).toEqual({ email: 'ann.smith@example.org', name: 'Ann Smith', roles: ['manager', 'clinician'], team: 'Ward 7' });
  });

  it.each([
    ['no team', undefined],
    ['an empty team', ''],
    ['a blank team', '   '],
  ])('treats %s as no team', (_label, team) => {
    expect(ZInviteInput.parse({ email: 'a@example.org', name: 'A', roles: ['admin'], team }).team).toBeUndefined();
  });

  it.each([
    ['an email without a domain', { email: 'bob@' }, 'email', 'Enter a valid email address.'],
    ['an empty email', { email: '   ' }, 'email', 'Enter an email address.'],
    ['an email over 320 characters', { email: `${'a'.repeat(64)}@${'b'.repeat(252)}.org` }, 'email', 'Use at most 320 characters.'],
    ['an empty name', { name: '  ' }, 'name', 'Enter a name.'],
    ['a name over 200 characters', { name: 'n'.repeat(201) }, 'name', 'Use at most 200 characters.'],
    ['a name a spreadsheet would run (=HYPERLINK(1))', { name: '=HYPERLINK(1)' }, 'name', 'A name can’t begin with =, +, - or @: spreadsheets would read it as a formula.'],
    ['a name a spreadsheet would run (+1 Ann)', { name: '+1 Ann' }, 'name', 'A name can’t begin with =, +, - or @: spreadsheets would read it as a formula.'],
    ['a name a spreadsheet would run (-Ann)', { name: '-Ann' }, 'name', 'A name can’t begin with =, +, - or @: spreadsheets would read it as a formula.'],
    ['a name a spreadsheet would run (@SUM(A1))', { name: '@SUM(A1)' }, 'name', 'A name can’t begin with =, +, - or @: spreadsheets would read it as a formula.'],
    ['no roles', { roles: [] }, 'roles', 'Choose at least one role.'],
    ['an unknown role', { roles: ['boss'] }, 'roles.0', 'Choose clinician, manager or admin.'],
  ])('rejects %s', (_label, change, path, message) => {
    const result = ZInviteInput.safeParse({ email: 'a@example.org', name: 'A', roles: ['clinician'], ...change });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[path, message]]);
  });

  it('accepts a name of exactly 200 characters', () => {
    expect(ZInviteInput.parse({ email: 'a@example.org', name: 'n'.repeat(200), roles: ['clinician'] }).name).toHaveLength(200);
  });
});

describe('parseInviteCsv', () => {
  it('returns the valid rows of a realistic file alongside an error for each bad one', () => {
    const file = [
      'Email,Name,Role,Team',
      'ann.smith@example.org,Ann Smith,clinician,Ward 7',
      'bob@,Bob Jones,clinician,Ward 7',
      'cara@example.org,"O\'Neill, Cara",clinician;manager,night shift crisis',
      'dev@example.org,Dev Patel,boss,',
      'EVE@Example.org,Eve Adams,Admin,',
      '',
    ].join('\n');
    expect(parse(file)).toEqual({
      rows: [
        { line: 2, email: 'ann.smith@example.org', name: 'Ann Smith', roles: ['clinician'], team: 'Ward 7' },
        { line: 4, email: 'cara@example.org', name: "O'Neill, Cara", roles: ['clinician', 'manager'], team: 'Night Shift Crisis' },
        { line: 6, email: 'eve@example.org', name: 'Eve Adams', roles: ['admin'], team: null },
      ],
      errors: [
        { line: 3, message: 'Line 3: "bob@" is not a valid email address.' },
        { line: 5, message: 'Line 5: unknown role "boss" (use clinician, manager or admin).' },
      ],
    });
  });

  it.each([
    ['an invalid email', 'bob@,Bob,clinician,', ['Line 2: "bob@" is not a valid email address.']],
    ['a missing email', ',Bob,clinician,', ['Line 2: the email address is missing.']],
    ['an email over 320 characters', `${'a'.repeat(64)}@${'b'.repeat(252)}.org,Bob,clinician,`, ['Line 2: the email address is longer than 320 characters.']],
    ['a missing name', 'bob@example.org, ,clinician,', ['Line 2: the name is missing.']],
    ['a name over 200 characters', `bob@example.org,${'n'.repeat(201)},clinician,`, ['Line 2: the name is longer than 200 characters.']],
    ['a name a spreadsheet would run', 'bob@example.org,"=HYPERLINK(""http://x.example"",""Bob"")",clinician,', ['Line 2: the name begins with "=", which spreadsheets read as a formula.']],
    ['a name beginning with @', 'bob@example.org,@Bob,clinician,', ['Line 2: the name begins with "@", which spreadsheets read as a formula.']],
    ['an unknown role', 'bob@example.org,Bob,boss,', ['Line 2: unknown role "boss" (use clinician, manager or admin).']],
    ['a missing role', 'bob@example.org,Bob,,', ['Line 2: the role is missing (use clinician, manager or admin).']],
    ['an unknown team', 'bob@example.org,Bob,clinician,Night Shift', ['Line 2: there is no team called "Night Shift".']],
    ['more values than columns', 'bob@example.org,Bob,clinician,Ward 7,extra', ['Line 2: this row has more values than the header has columns (4).']],
    [
      'several problems, one error each, in column order',
      'bob@,,boss;chief,Nowhere',
      [
        'Line 2: "bob@" is not a valid email address.',
        'Line 2: the name is missing.',
        'Line 2: unknown role "boss" (use clinician, manager or admin).',
        'Line 2: unknown role "chief" (use clinician, manager or admin).',
        'Line 2: there is no team called "Nowhere".',
      ],
    ],
    ['a known role alongside an unknown one', 'bob@example.org,Bob,clinician;boss,', ['Line 2: unknown role "boss" (use clinician, manager or admin).']],
    ['a long value, shortened in the message', `${'x'.repeat(100)},Bob,clinician,`, [`Line 2: "${'x'.repeat(59)}…" is not a valid email address.`]],
  ])('rejects a row with %s', (_label, row, messages) => {
    const result = parse(`email,name,role,team\n${row}\n`);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual(messages.map((message) => ({ line: 2, message })));
  });

  it.each([
    ['semicolons', 'clinician;manager', ['clinician', 'manager']],
    ['bars', 'manager|admin', ['manager', 'admin']],
    ['slashes', 'clinician/admin', ['clinician', 'admin']],
    ['spaces', 'clinician manager admin', ['clinician', 'manager', 'admin']],
    ['separators with spaces around them', ' Clinician ; MANAGER ', ['clinician', 'manager']],
    ['a role given twice', 'manager;Manager;clinician', ['manager', 'clinician']],
    ['a comma inside quotes', '"clinician, manager"', ['clinician', 'manager']],
  ])('reads several roles in one cell separated by %s', (_label, cell, roles) => {
    const result = parse(`email,name,role\nann@example.org,Ann,${cell}\n`);
    expect(result).toEqual({ rows: [{ line: 2, email: 'ann@example.org', name: 'Ann', roles, team: null }], errors: [] });
  });

  it.each([
    ['LF', 'email,name,role\nann@example.org,Ann,clinician\nbob@example.org,Bob,manager\n'],
    ['CRLF', 'email,name,role\r\nann@example.org,Ann,clinician\r\nbob@example.org,Bob,manager\r\n'],
    ['CR alone', 'email,name,role\rann@example.org,Ann,clinician\rbob@example.org,Bob,manager\r'],
    ['no newline at the end', 'email,name,role\nann@example.org,Ann,clinician\nbob@example.org,Bob,manager'],
    ['a UTF-8 byte order mark', '\uFEFFemail,name,role\r\nann@example.org,Ann,clinician\r\nbob@example.org,Bob,manager\r\n'],
    ['several blank lines at the end', 'email,name,role\nann@example.org,Ann,clinician\nbob@example.org,Bob,manager\n\n\n'],
    ['header names in another order, case and spacing', ' ROLE , Email,name\nclinician,ann@example.org,Ann\nmanager,bob@example.org,Bob\n'],
    ['quoted header names', '"email","name","role"\n"ann@example.org","Ann","clinician"\n"bob@example.org","Bob","manager"\n'],
    ['an empty cell left at the end of each line', 'email,name,role,\nann@example.org,Ann,clinician,\nbob@example.org,Bob,manager,\n'],
  ])('reads a file with %s', (_label, file) => {
    expect(parse(file)).toEqual({
      rows: [
        { line: 2, email: 'ann@example.org', name: 'Ann', roles: ['clinician'], team: null },
        { line: 3, email: 'bob@example.org', name: 'Bob', roles: ['manager'], team: null },
      ],
      errors: [],
    });
  });

  it('skips blank lines and rows of empty cells, keeping the line numbers a spreadsheet shows', () => {
    const file = 'email,name,role,team\n\nann@example.org,Ann,clinician,\n,,,\n   \nbob@,Bob,manager,\n';
    expect(parse(file)).toEqual({
      rows: [{ line: 3, email: 'ann@example.org', name: 'Ann', roles: ['clinician'], team: null }],
      errors: [{ line: 6, message: 'Line 6: "bob@" is not a valid email address.' }],
    });
  });

  it('reads quoted values holding commas, doubled quotes and line breaks, counting lines from where a row starts', () => {
    const file = [
      'email,name,role,team',
      '"ann@example.org","Smith, Ann ""Annie""",clinician,"Ward 7"',
      'bob@example.org,"Bob',
      'Jones",manager,',
      'bob@,"Carl,',
      '',
      'Cole",admin,',
      'dee@example.org,Dee,admin,"Community',
      'Mental Health"',
    ].join('\r\n');
    expect(parse(file)).toEqual({
      rows: [
        { line: 2, email: 'ann@example.org', name: 'Smith, Ann "Annie"', roles: ['clinician'], team: 'Ward 7' },
        { line: 3, email: 'bob@example.org', name: 'Bob Jones', roles: ['manager'], team: null },
        { line: 8, email: 'dee@example.org', name: 'Dee', roles: ['admin'], team: 'Community Mental Health' },
      ],
      errors: [{ line: 5, message: 'Line 5: "bob@" is not a valid email address.' }],
    });
  });

  it('reports a quote that is never closed, keeping the rows before it', () => {
    const file = 'email,name,role\nann@example.org,Ann,clinician\nbob@example.org,"Bob,manager\ncat@example.org,Cat,admin\n';
    expect(parse(file)).toEqual({
      rows: [{ line: 2, email: 'ann@example.org', name: 'Ann', roles: ['clinician'], team: null }],
      errors: [{ line: 3, message: 'Line 3: a quoted value is never closed: a closing " is missing, so the rest of the file could not be read.' }],
    });
  });

  it('reports the same email again, naming the line it first appears on', () => {
    const file = 'email,name,role\nann@example.org,Ann,clinician\nbob@example.org,Bob,clinician\n ANN@example.org ,Ann again,manager\nann@example.org,Ann thrice,admin\n';
    expect(parse(file)).toEqual({
      rows: [
        { line: 2, email: 'ann@example.org', name: 'Ann', roles: ['clinician'], team: null },
        { line: 3, email: 'bob@example.org', name: 'Bob', roles: ['clinician'], team: null },
      ],
      errors: [
        { line: 4, message: 'Line 4: "ann@example.org" appears again: already on line 2.' },
        { line: 5, message: 'Line 5: "ann@example.org" appears again: already on line 2.' },
      ],
    });
  });

  it('matches team names ignoring case and spaces, giving them as the organisation spells them', () => {
    const file = 'email,name,role,team\nann@example.org,Ann,clinician,WARD 7\nbob@example.org,Bob,clinician,  community   mental health \n';
    expect(parse(file).rows.map((row) => row.team)).toEqual(['Ward 7', 'Community Mental Health']);
  });

  it('names only the unknown team, not the teams there are', () => {
    const { errors } = parse('email,name,role,team\nann@example.org,Ann,clinician,Night Shift\n');
    expect(errors).toEqual([{ line: 2, message: 'Line 2: there is no team called "Night Shift".' }]);
    expect(teams.some((team) => errors[0]?.message.includes(team))).toBe(false);
  });

  it.each([
    ['an empty file', '', 1, `Line 1: the file is empty. ${EXPECTED_HEADER}`],
    ['a file of blank lines', '\n\r\n \n', 1, `Line 1: the file is empty. ${EXPECTED_HEADER}`],
    ['no header', 'ann@example.org,Ann,clinician\n', 1, `Line 1: there is no header. ${EXPECTED_HEADER}`],
    ['a header without role', 'email,name,team\nann@example.org,Ann,Ward 7\n', 1, `Line 1: the header has no "role" column. ${EXPECTED_HEADER}`],
    ['a header without email and name', 'role,team\nclinician,Ward 7\n', 1, `Line 1: the header has no "email" and "name" columns. ${EXPECTED_HEADER}`],
    ['an extra column', 'email,name,role,phone\nann@example.org,Ann,clinician,0123\n', 1, `Line 1: unexpected column "phone". ${EXPECTED_HEADER}`],
    ['extra columns', 'Email,Phone,name,role,Notes\n', 1, `Line 1: unexpected columns "Phone" and "Notes". ${EXPECTED_HEADER}`],
    ['a column without a name', 'email,,name,role\n', 1, `Line 1: a column in the header has no name. ${EXPECTED_HEADER}`],
    ['a column named twice', 'email,name,role,Email\n', 1, `Line 1: the "email" column appears more than once. ${EXPECTED_HEADER}`],
    ['a header after blank lines, without role', '\n\nemail,name\n', 3, `Line 3: the header has no "role" column. ${EXPECTED_HEADER}`],
  ])('gives a single error and no rows for %s', (_label, file, line, message) => {
    expect(parse(file)).toEqual({ rows: [], errors: [{ line, message }] });
  });

  it.each([
    ['the default of 500', undefined, DEFAULT_MAX_INVITE_ROWS],
    ['a smaller limit', 3, 3],
  ])('reads at most %s rows, then says the file is too long', (_label, maxRows, limit) => {
    const people = Array.from({ length: limit + 5 }, (_, i) => `person${i}@example.org,Person ${i},clinician`);
    const result = parse(['email,name,role', ...people].join('\n'), maxRows);
    expect(result.rows).toHaveLength(limit);
    expect(result.rows.at(-1)).toEqual({ line: limit + 1, email: `person${limit - 1}@example.org`, name: `Person ${limit - 1}`, roles: ['clinician'], team: null });
    expect(result.errors).toEqual([
      {
        line: limit + 2,
        message: `Line ${limit + 2}: the file is too long: it can invite at most ${limit} people at a time. Split the rest into another file.`,
      },
    ]);
  });

  it('accepts exactly the limit', () => {
    const file = 'email,name,role\na@example.org,A,clinician\nb@example.org,B,clinician\n\n';
    expect(parse(file, 2)).toEqual({
      rows: [
        { line: 2, email: 'a@example.org', name: 'A', roles: ['clinician'], team: null },
        { line: 3, email: 'b@example.org', name: 'B', roles: ['clinician'], team: null },
      ],
      errors: [],
    });
  });
});
