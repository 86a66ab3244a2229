import { describe, expect, it } from 'vitest';
import { overlappingInitiatives, type Dated } from '../../../lib/aggregates/overlap';

const initiative = (id: string, startsOn: string, endsOn: string | null, teamIds: string[] = ['outreach'], wholeOrganisation = false): Dated => ({
  id,
  startsOn,
  endsOn,
  teamIds,
  wholeOrganisation,
});

describe('overlappingInitiatives', () => {
  it('finds two that run at the same time for the same team, both ways', () => {
    const result = overlappingInitiatives([initiative('a', '2026-03-01', '2026-05-31'), initiative('b', '2026-05-01', null)]);
    expect(result.get('a')).toEqual(['b']);
    expect(result.get('b')).toEqual(['a']);
  });

  it('one still going on overlaps everything that starts after it', () => {
    expect(overlappingInitiatives([initiative('a', '2026-01-01', null), initiative('b', '2027-06-01', '2027-06-30')]).get('a')).toEqual(['b']);
  });

  it('a day in common is enough; the day after is not', () => {
    expect(overlappingInitiatives([initiative('a', '2026-03-01', '2026-03-31'), initiative('b', '2026-03-31', '2026-04-30')]).get('a')).toEqual(['b']);
    expect(overlappingInitiatives([initiative('a', '2026-03-01', '2026-03-31'), initiative('b', '2026-04-01', '2026-04-30')]).get('a')).toEqual([]);
  });

  it('different teams do not overlap; the whole organisation overlaps every team', () => {
    const teams = overlappingInitiatives([initiative('a', '2026-03-01', null, ['outreach']), initiative('b', '2026-03-01', null, ['crisis'])]);
    expect(teams.get('a')).toEqual([]);
    const whole = overlappingInitiatives([initiative('a', '2026-03-01', null, ['outreach']), initiative('org', '2026-04-01', null, [], true)]);
    expect(whole.get('a')).toEqual(['org']);
    expect(whole.get('org')).toEqual(['a']);
    // Sharing one team of several is the same group for that team.
    expect(overlappingInitiatives([initiative('a', '2026-03-01', null, ['outreach', 'night']), initiative('b', '2026-03-01', null, ['night'])]).get('b')).toEqual(['a']);
  });
});
