import type { AuditEntry } from '../services/audit';

/** What each kind of event says, before its target ("Archived team" Night Shift). */
const ACTIONS: Record<AuditEntry['action'], string> = {
  'invite.created': 'Invited',
  'invite.revoked': 'Revoked the invite of',
  'invite.accepted': 'Accepted an invite:',
  'team.created': 'Created team',
  'team.renamed': 'Renamed team',
  'team.archived': 'Archived team',
  'team.restored': 'Restored team',
  'team.reporting_changed': 'Changed how this team is reported:',
  'reporting_group.created': 'Created reporting group',
  'member.roles_changed': 'Changed the roles of',
  'member.teams_changed': 'Changed the teams of',
  'member.removed': 'Removed',
  'member.restored': 'Restored',
  'settings.updated': 'Changed settings of',
  'support_contacts.updated': 'Changed support contacts:',
  'initiative.created': 'Recorded initiative',
  'initiative.updated': 'Changed initiative',
  'initiative.deleted': 'Deleted initiative',
  // Recorded without an actor (see lib/services/audit.ts): the label says it all, and the Who column reads "A member".
  'member.deleted_own_data': 'A member deleted their own check-in data',
};

/** A change's details in words: "teams: [\"Outreach\"] → []". */
export function describeDetails(details: AuditEntry['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => {
      if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
        const { from, to } = value as { from: unknown; to: unknown };
        return `${key}: ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
      }
      return `${key}: ${JSON.stringify(value)}`;
    })
    .join('; ');
}


/** "Archived team Night Shift": what happened, to what. */
export function auditEventWords(entry: Pick<AuditEntry, 'action' | 'target'>): string {
  return `${ACTIONS[entry.action] ?? entry.action}${entry.target ? ` ${entry.target}` : ''}`;
}

/**
 * The event as one sentence: "Alex Morgan (admin@example.org) archived team
 * Night Shift." An event recorded without anyone named (a member deleting their
 * own data) says only what happened.
 */
export function auditSentence(entry: Pick<AuditEntry, 'action' | 'target' | 'actor'>): string {
  const words = auditEventWords(entry);
  if (entry.action === 'member.deleted_own_data') return `${words}.`;
  return `${entry.actor} ${words.charAt(0).toLowerCase()}${words.slice(1)}.`;
}
