import { describe, expect, it } from 'vitest';
import { auditEventWords, auditSentence, describeDetails } from '../../../lib/format/audit';

describe('the audit log in words', () => {
  it('says what happened, to what, and who did it, as a sentence', () => {
    const entry = { action: 'team.archived' as const, target: 'Night Shift', actor: 'Alex Morgan (admin@example.org)' };
    expect(auditEventWords(entry)).toBe('Archived team Night Shift');
    expect(auditSentence(entry)).toBe('Alex Morgan (admin@example.org) archived team Night Shift.');
    expect(auditSentence({ ...entry, action: 'initiative.created', target: 'Peer support' })).toBe('Alex Morgan (admin@example.org) recorded initiative Peer support.');
  });

  it('names nobody for a member deleting their own data', () => {
    expect(auditSentence({ action: 'member.deleted_own_data', target: '', actor: 'A member' })).toBe('A member deleted their own check-in data.');
  });

  it('gives a change as from → to', () => {
    expect(describeDetails({ teams: { from: ['Outreach'], to: [] } })).toBe('teams: ["Outreach"] → []');
    expect(describeDetails(null)).toBe('');
  });
});
