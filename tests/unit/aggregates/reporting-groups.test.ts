import { describe, expect, it } from 'vitest';
import { reportingAt, reportingKeys, type TeamReportingChange } from '../../../lib/aggregates/reporting-groups';

const at = (iso: string) => new Date(iso);
const change = (teamId: string, effectiveFrom: string, reportingGroupId: string | null): TeamReportingChange => ({
  teamId,
  effectiveFrom: at(effectiveFrom),
  reportingGroupId,
});

describe('reportingAt', () => {
  const changes = [
    change('family', '2026-03-01T00:00:00Z', 'g1'),
    change('crisis', '2026-03-01T00:00:00Z', 'g1'),
    // Family back on its own from June, listed before its earlier change: order does not matter.
    change('family', '2026-06-01T00:00:00Z', null),
    change('outreach', '2026-09-01T00:00:00Z', 'g2'),
  ];

  it('applies no change before it takes effect', () => {
    expect(reportingAt(changes, at('2026-02-28T23:59:59Z'))).toEqual(new Map());
  });

  it('applies a change from the instant it takes effect (a period starting then)', () => {
    expect(reportingAt(changes, at('2026-03-01T00:00:00Z'))).toEqual(new Map([['family', 'g1'], ['crisis', 'g1']]));
  });

  it('takes the latest change in force, and a team back on its own is in no group', () => {
    expect(reportingAt(changes, at('2026-07-01T00:00:00Z'))).toEqual(new Map([['crisis', 'g1']]));
    expect(reportingAt([...changes].reverse(), at('2026-07-01T00:00:00Z'))).toEqual(new Map([['crisis', 'g1']]));
    expect(reportingAt(changes, at('2026-09-01T00:00:00Z'))).toEqual(new Map([['crisis', 'g1'], ['outreach', 'g2']]));
  });
});

describe('reportingKeys', () => {
  it('counts a person once for a group that holds several of their teams, and keeps teams on their own', () => {
    const grouped = new Map([['family', 'g1'], ['crisis', 'g1']]);
    expect(reportingKeys(['family', 'crisis', 'outreach'], grouped)).toEqual(['g1', 'outreach']);
    expect(reportingKeys([], grouped)).toEqual([]);
  });
});
