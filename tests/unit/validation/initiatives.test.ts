import { describe, expect, it } from 'vitest';
import {
  END_BEFORE_START_MESSAGE,
  END_DATE_MESSAGE,
  isCalendarDate,
  RETURN_TO_MESSAGE,
  START_DATE_MESSAGE,
  TEAMS_REQUIRED_MESSAGE,
  ZDashboardReturnTo,
  ZInitiativeCreateTarget,
  ZInitiativeEditTarget,
  ZInitiativeId,
  ZInitiativeInput,
} from '../../../lib/validation/initiatives';
import { MIN_PERIODS_EACH_SIDE } from '../../../lib/validation/initiative-limits';
import { MIN_PERIODS_EACH_SIDE as COMPARISON_MINIMUM } from '../../../lib/aggregates/comparison';

const TEAM_A = '3f1c1c6e-8a4b-4d6e-9b1a-2c3d4e5f6a7b';
const TEAM_B = '7a2b9c1d-0e3f-4a5b-8c6d-9e0f1a2b3c4d';
/** As a form posts it: strings, lists for checkbox lists. */
const valid = { title: 'Peer-support group', description: '', startsOn: '2026-03-01', endsOn: '', teamIds: [TEAM_A], periodsEachSide: '3' };
const PERIODS = 'Enter the number of periods as a whole number from 2 to 6.';

/** [field, message] of every issue, to compare whole. */
function issues(input: unknown): [string, string][] {
  const result = ZInitiativeInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('ZInitiativeInput', () => {
  it('reads a form post into typed values, with the defaults filled in', () => {
    expect(ZInitiativeInput.parse({ title: '  Peer-support group ', startsOn: '2026-03-01', teamIds: [TEAM_A] })).toEqual({
      title: 'Peer-support group',
      description: '',
      startsOn: '2026-03-01',
      endsOn: null,
      wholeOrganisation: false,
      teamIds: [TEAM_A],
      periodsEachSide: 3,
    });
  });

  it.each([
    ['a title of 1 character', { title: 'x' }, 'title', 'x'],
    ['a title of 120 characters', { title: 'x'.repeat(120) }, 'title', 'x'.repeat(120)],
    ['a title of 120 characters once trimmed', { title: `  ${'x'.repeat(120)}  ` }, 'title', 'x'.repeat(120)],
    ['a description of 500 characters', { description: 'd'.repeat(500) }, 'description', 'd'.repeat(500)],
    ['a description, trimmed', { description: ' Weekly, 45 minutes. \n' }, 'description', 'Weekly, 45 minutes.'],
    ['a description whose line breaks a browser sent as two characters', { description: `${'d'.repeat(249)}\r\n${'d'.repeat(250)}` }, 'description', `${'d'.repeat(249)}\n${'d'.repeat(250)}`],
    ['a leap day', { startsOn: '2028-02-29' }, 'startsOn', '2028-02-29'],
    ['an end on the start day', { endsOn: '2026-03-01' }, 'endsOn', '2026-03-01'],
    ['an end after the start', { endsOn: '2026-06-30' }, 'endsOn', '2026-06-30'],
    ['an empty end (ongoing)', { endsOn: '' }, 'endsOn', null],
    ['an end of spaces (ongoing)', { endsOn: '   ' }, 'endsOn', null],
    ['no end at all', { endsOn: undefined }, 'endsOn', null],
    ['the fewest periods, 2', { periodsEachSide: '2' }, 'periodsEachSide', 2],
    ['the most periods, 6', { periodsEachSide: '6' }, 'periodsEachSide', 6],
    ['an emptied periods field (the default)', { periodsEachSide: '' }, 'periodsEachSide', 3],
    ['periods as a number', { periodsEachSide: 4 }, 'periodsEachSide', 4],
    ['the same team twice, once', { teamIds: [TEAM_A, TEAM_A, TEAM_B] }, 'teamIds', [TEAM_A, TEAM_B]],
    ['a ticked whole-organisation box', { wholeOrganisation: 'yes', teamIds: [] }, 'wholeOrganisation', true],
    ['a ticked box as the browser default "on"', { wholeOrganisation: 'on', teamIds: [] }, 'wholeOrganisation', true],
    ['a boolean from a caller', { wholeOrganisation: true, teamIds: [] }, 'wholeOrganisation', true],
    ['an unticked box', { wholeOrganisation: undefined }, 'wholeOrganisation', false],
    // A whole-organisation initiative names no teams: it covers them all, archived or new.
    ['teams with the whole organisation (dropped)', { wholeOrganisation: 'yes', teamIds: [TEAM_A] }, 'teamIds', []],
  ] as const)('accepts %s', (_label, change, field, expected) => {
    const parsed = ZInitiativeInput.parse({ ...valid, ...change });
    expect(parsed[field]).toEqual(expected);
  });

  it.each([
    ['no title', { title: undefined }, [['title', 'Enter a title.']]],
    ['an empty title', { title: '' }, [['title', 'Enter a title.']]],
    ['a title of spaces', { title: '   ' }, [['title', 'Enter a title.']]],
    ['a title of 121 characters', { title: 'x'.repeat(121) }, [['title', 'Use at most 120 characters.']]],
    ['a description of 501 characters', { description: 'd'.repeat(501) }, [['description', 'Use at most 500 characters.']]],
    ['no start date', { startsOn: undefined }, [['startsOn', START_DATE_MESSAGE]]],
    ['an empty start date', { startsOn: '' }, [['startsOn', START_DATE_MESSAGE]]],
    ['30 February', { startsOn: '2026-02-30' }, [['startsOn', START_DATE_MESSAGE]]],
    ['29 February of a common year', { startsOn: '2026-02-29' }, [['startsOn', START_DATE_MESSAGE]]],
    ['month 13', { startsOn: '2026-13-01' }, [['startsOn', START_DATE_MESSAGE]]],
    ['day 0', { startsOn: '2026-03-00' }, [['startsOn', START_DATE_MESSAGE]]],
    ['a day-first date', { startsOn: '01/03/2026' }, [['startsOn', START_DATE_MESSAGE]]],
    ['a date without leading zeros', { startsOn: '2026-3-1' }, [['startsOn', START_DATE_MESSAGE]]],
    ['a date and time', { startsOn: '2026-03-01T09:00' }, [['startsOn', START_DATE_MESSAGE]]],
    ['a five-digit year', { startsOn: '20260-03-01' }, [['startsOn', START_DATE_MESSAGE]]],
    ['a year before 1900 (a slip)', { startsOn: '0026-03-01' }, [['startsOn', START_DATE_MESSAGE]]],
    ['words', { startsOn: 'next Monday' }, [['startsOn', START_DATE_MESSAGE]]],
    ['an end that is not a date', { endsOn: '2026-06-31' }, [['endsOn', END_DATE_MESSAGE]]],
    ['an end the day before the start', { endsOn: '2026-02-28' }, [['endsOn', END_BEFORE_START_MESSAGE]]],
    ['an end a year before the start', { endsOn: '2025-03-01' }, [['endsOn', END_BEFORE_START_MESSAGE]]],
    // The start's own message says enough; the order of the two is not judged on a bad start.
    ['a bad start with an end', { startsOn: '2026-02-30', endsOn: '2026-01-01' }, [['startsOn', START_DATE_MESSAGE]]],
    ['no team and not the whole organisation', { teamIds: [] }, [['teamIds', TEAMS_REQUIRED_MESSAGE]]],
    ['no team list at all', { teamIds: undefined }, [['teamIds', TEAMS_REQUIRED_MESSAGE]]],
    ['no team with an unticked box', { teamIds: [], wholeOrganisation: 'no' }, [['teamIds', TEAMS_REQUIRED_MESSAGE]]],
    ['a team id that is not an id', { teamIds: ['Day Unit'] }, [['teamIds.0', 'Choose teams from the list.']]],
    ['a whole-organisation value that is no checkbox', { wholeOrganisation: 'maybe' }, [['wholeOrganisation', 'Tick the box or leave it empty.']]],
    ['0 periods', { periodsEachSide: '0' }, [['periodsEachSide', PERIODS]]],
    // One period a side would compare two published periods to a precision their own figures lack.
    ['1 period', { periodsEachSide: '1' }, [['periodsEachSide', PERIODS]]],
    ['1 period as a number', { periodsEachSide: 1 }, [['periodsEachSide', PERIODS]]],
    ['7 periods', { periodsEachSide: '7' }, [['periodsEachSide', PERIODS]]],
    ['a fraction of a period', { periodsEachSide: '2.5' }, [['periodsEachSide', PERIODS]]],
    ['periods in words', { periodsEachSide: 'three' }, [['periodsEachSide', PERIODS]]],
    ['negative periods', { periodsEachSide: '-1' }, [['periodsEachSide', PERIODS]]],
    [
      'several mistakes at once (each next to its field)',
      { title: '', startsOn: '2026-02-30', teamIds: [], periodsEachSide: '9' },
      [
        ['title', 'Enter a title.'],
        ['startsOn', START_DATE_MESSAGE],
        ['periodsEachSide', PERIODS],
        ['teamIds', TEAMS_REQUIRED_MESSAGE],
      ],
    ],
  ] as const)('rejects %s', (_label, change, expected) => {
    expect(issues({ ...valid, ...change })).toEqual(expected);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-01-01', true],
    ['1900-02-29', false],
    ['1899-12-31', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    [' 2026-01-01', false],
    ['', false],
  ])('%j is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('ZInitiativeId', () => {
  it.each([
    [TEAM_A, true],
    ['not-an-id', false],
    ['', false],
  ])('%j is accepted: %s', (value, expected) => {
    expect(ZInitiativeId.safeParse(value).success).toBe(expected);
  });
});

describe('ZDashboardReturnTo: only back to a dashboard of this site', () => {
  it.each(['/dashboard/teams/3f1c1c6e-8a4b-4d6e-9b1a-2c3d4e5f6a7b', '/dashboard/organisation', '/dashboard/', '/dashboard/organisation?period=quarter'])(
    'accepts %s',
    (value) => {
      expect(ZDashboardReturnTo.parse(value)).toBe(value);
    },
  );

  it.each([
    ['another site', 'https://evil.example/dashboard/'],
    ['a protocol-relative address', '//evil.example/dashboard/'],
    ['a doubled slash inside', '/dashboard//evil.example'],
    ['a backslash, which browsers read as a slash', '/dashboard/\\evil.example'],
    ['a way out with ..', '/dashboard/../admin'],
    ['an encoded way out', '/dashboard/%2e%2e/admin'],
    ['a page outside the dashboards', '/admin/members'],
    ['a look-alike prefix', '/dashboards/x'],
    ['/dashboard without a slash after it', '/dashboard'],
    ['a script address', 'javascript:alert(1)'],
    ['a line break (header injection)', '/dashboard/x\r\nLocation: https://evil.example'],
    ['a fragment', '/dashboard/x#y'],
    ['nothing', ''],
  ])('refuses %s', (_label, value) => {
    expect(ZDashboardReturnTo.safeParse(value).success).toBe(false);
  });
});

describe('the hidden fields: a stale or tampered form is reported on the form as a whole', () => {
  const NOT_FOUND = 'This initiative could not be found. Reload the page and try again.';
  const formIssues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

  it.each([
    ['a dashboard to go back to', { returnTo: '/dashboard/organisation' }, { returnTo: '/dashboard/organisation' }, []],
    ['nowhere to go back to', {}, { returnTo: undefined }, []],
    ['another site', { returnTo: 'https://evil.example/' }, undefined, [['', RETURN_TO_MESSAGE]]],
    ['two return paths', { returnTo: ['/dashboard/a', '/dashboard/b'] }, undefined, [['', RETURN_TO_MESSAGE]]],
  ])('create: %s', (_label, input, data, expected) => {
    const result = ZInitiativeCreateTarget.safeParse(input);
    expect(formIssues(result)).toEqual(expected);
    if (data) expect(result.data).toEqual(data);
  });

  it.each([
    ['an id and a dashboard', { id: TEAM_A, returnTo: '/dashboard/teams/x' }, { id: TEAM_A, returnTo: '/dashboard/teams/x' }, []],
    ['an id alone', { id: TEAM_A }, { id: TEAM_A, returnTo: undefined }, []],
    ['no id', { returnTo: '/dashboard/teams/x' }, undefined, [['', NOT_FOUND]]],
    ['an id that is not an id', { id: '1 OR 1=1' }, undefined, [['', NOT_FOUND]]],
    ['a bad id and a bad return path', { id: 'x', returnTo: '//evil.example' }, undefined, [['', NOT_FOUND], ['', RETURN_TO_MESSAGE]]],
  ])('edit and delete: %s', (_label, input, data, expected) => {
    const result = ZInitiativeEditTarget.safeParse(input);
    expect(formIssues(result)).toEqual(expected);
    if (data) expect(result.data).toEqual(data);
  });
});

describe('the fewest periods a side', () => {
  it('is the comparison’s own minimum, which the form and its messages repeat', () => {
    expect(MIN_PERIODS_EACH_SIDE).toBe(COMPARISON_MINIMUM);
    expect(MIN_PERIODS_EACH_SIDE).toBe(2);
  });
});
