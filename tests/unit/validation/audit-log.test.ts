import { describe, expect, it } from 'vitest';
import { actionsOfKind, AUDIT_ACTIONS, AUDIT_KINDS, ZAuditLogQuery } from '../../../lib/validation/audit-log';

const ID = '3f1c2b7a-9d4e-4c1b-8a2f-6e5d4c3b2a10';
const NONE = { kind: undefined, who: undefined, before: undefined, after: undefined };

describe('AUDIT_KINDS', () => {
  it('offers every action exactly once', () => {
    const offered = AUDIT_KINDS.flatMap((kind) => kind.actions.map((a) => a.value));
    expect([...offered].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each([
    ['initiatives', ['initiative.created', 'initiative.updated', 'initiative.deleted']],
    ['settings', ['settings.updated', 'support_contacts.updated']],
    ['team.renamed', ['team.renamed']],
    ['member.deleted_own_data', ['member.deleted_own_data']],
    ['nothing.like.this', []],
  ])('actionsOfKind(%j)', (kind, actions) => {
    expect(actionsOfKind(kind)).toEqual(actions);
  });
});

describe('ZAuditLogQuery', () => {
  it.each([
    [{ kind: 'initiatives', who: ID, before: ID }, { ...NONE, kind: 'initiatives', who: ID, before: ID }],
    [{ kind: 'member.removed', after: ID }, { ...NONE, kind: 'member.removed', after: ID }],
    [{ kind: '' }, NONE],
  ])('reads %j', (raw, expected) => {
    expect(ZAuditLogQuery.parse(raw)).toEqual(expected);
  });

  // Never an error: whatever cannot be read is left out, and the log shows its first page.
  it.each<[string, unknown, object]>([
    ['an unknown kind', { kind: 'secrets', who: ID }, { ...NONE, who: ID }],
    ['a repeated parameter', { kind: ['teams', 'invites'], before: [ID, ID] }, NONE],
    ['a cursor that is no id', { before: '../../etc', who: '1 OR 1=1' }, NONE],
    ['both cursors', { kind: 'teams', before: ID, after: ID }, { ...NONE, kind: 'teams' }],
    ['no object at all', 'page=2', {}],
    ['nothing', undefined, {}],
  ])('leaves out %s', (_label, raw, expected) => {
    expect(ZAuditLogQuery.parse(raw)).toEqual(expected);
  });
});
