import { z } from 'zod';

/** Every action the audit log records. */
export const AUDIT_ACTIONS = [
  'invite.created',
  'invite.revoked',
  'invite.accepted',
  'team.created',
  'team.renamed',
  'team.archived',
  'team.restored',
  'team.reporting_changed',
  'reporting_group.created',
  'member.roles_changed',
  'member.teams_changed',
  'member.removed',
  'member.restored',
  'settings.updated',
  'support_contacts.updated',
  'initiative.created',
  'initiative.updated',
  'initiative.deleted',
  // Recorded with no actor, target or details: naming the person would tell an admin they had checked in.
  'member.deleted_own_data',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditKind = { value: string; label: string; all: string; actions: readonly { value: AuditAction; label: string }[] };

/** The kinds of event the log can be filtered by, each with its actions, in readable words. */
export const AUDIT_KINDS = [
  {
    value: 'initiatives',
    label: 'Initiatives',
    all: 'All initiative events',
    actions: [
      { value: 'initiative.created', label: 'Initiative recorded' },
      { value: 'initiative.updated', label: 'Initiative changed' },
      { value: 'initiative.deleted', label: 'Initiative deleted' },
    ],
  },
  {
    value: 'members',
    label: 'Members',
    all: 'All member events',
    actions: [
      { value: 'member.roles_changed', label: 'Roles changed' },
      { value: 'member.teams_changed', label: 'Teams of a member changed' },
      { value: 'member.removed', label: 'Member removed' },
      { value: 'member.restored', label: 'Member restored' },
      { value: 'member.deleted_own_data', label: 'A member deleted their own check-in data' },
    ],
  },
  {
    value: 'teams',
    label: 'Teams',
    all: 'All team events',
    actions: [
      { value: 'team.created', label: 'Team created' },
      { value: 'team.renamed', label: 'Team renamed' },
      { value: 'team.archived', label: 'Team archived' },
      { value: 'team.restored', label: 'Team restored' },
      { value: 'team.reporting_changed', label: 'How a team is reported changed' },
      { value: 'reporting_group.created', label: 'Reporting group created' },
    ],
  },
  {
    value: 'invites',
    label: 'Invites',
    all: 'All invite events',
    actions: [
      { value: 'invite.created', label: 'Invite sent' },
      { value: 'invite.revoked', label: 'Invite revoked' },
      { value: 'invite.accepted', label: 'Invite accepted' },
    ],
  },
  {
    value: 'settings',
    label: 'Settings',
    all: 'All settings events',
    actions: [
      { value: 'settings.updated', label: 'Settings changed' },
      { value: 'support_contacts.updated', label: 'Support contacts changed' },
    ],
  },
] as const satisfies readonly AuditKind[];

const KIND_VALUES: [string, ...string[]] = [...AUDIT_ACTIONS, ...AUDIT_KINDS.map((k) => k.value)];

/** The actions a kind (or a single action) stands for. */
export function actionsOfKind(kind: string): AuditAction[] {
  const group: AuditKind | undefined = AUDIT_KINDS.find((k) => k.value === kind);
  if (group) return group.actions.map((a) => a.value);
  return AUDIT_ACTIONS.filter((action) => action === kind);
}

/** A query parameter that is missing, repeated or not what it should be is no parameter: the log shows its first page. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The audit log's query string: a kind of event (a group such as "initiatives", or one
 * action), who acted (a user id), and the page, as a cursor: `before` (older than this
 * event) or `after` (newer than it). Never fails: anything unreadable is left out, so a
 * bad link shows the first page rather than an error.
 */
export const ZAuditLogQuery = z
  .object({
    kind: lenient(z.enum(KIND_VALUES)),
    who: lenient(z.uuid()),
    before: lenient(z.uuid()),
    after: lenient(z.uuid()),
  })
  .catch({})
  // Both cursors at once name no page.
  .transform((query) => (query.before && query.after ? { ...query, before: undefined, after: undefined } : query));
export type TAuditLogQuery = z.output<typeof ZAuditLogQuery>;
