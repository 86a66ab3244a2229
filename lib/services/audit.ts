import 'server-only';
import { getDb, type Prisma } from '../db';
import type { Actor } from './actor';
import { assertAdmin } from './permissions';

/**
 * The audit log of administrative actions. It records who did what to which
 * target and when; by construction it holds no answers, scores or notes
 * (`details` carries only settings values, role and team names, and an
 * initiative's title, teams, dates and number of periods compared — never a
 * figure or its description's text).
 */

export type AuditAction =
  | 'invite.created'
  | 'invite.revoked'
  | 'invite.accepted'
  | 'team.created'
  | 'team.renamed'
  | 'team.archived'
  | 'team.restored'
  | 'member.roles_changed'
  | 'member.teams_changed'
  | 'member.removed'
  | 'member.restored'
  | 'settings.updated'
  | 'support_contacts.updated'
  | 'initiative.created'
  | 'initiative.updated'
  | 'initiative.deleted'
  /** Recorded with no actor, target or details: naming the person would tell an admin they had checked in. */
  | 'member.deleted_own_data';

/**
 * Actions recorded without naming who did them (privacy rule 7): shown as
 * "A member", never as "Someone no longer here", and with no target.
 */
const ANONYMOUS_ACTIONS: ReadonlySet<string> = new Set<AuditAction>(['member.deleted_own_data']);

type Tx = Pick<Prisma.TransactionClient, 'auditEvent'>;

export async function recordAuditEvent(
  tx: Tx,
  event: {
    organisationId: string;
    actorId: string | null;
    action: AuditAction;
    targetType: 'invite' | 'team' | 'member' | 'organisation' | 'initiative';
    targetId?: string | null;
    targetLabel?: string;
    details?: Prisma.InputJsonValue;
  },
): Promise<void> {
  if (ANONYMOUS_ACTIONS.has(event.action) && (event.actorId !== null || event.targetId || event.targetLabel || event.details !== undefined)) {
    throw new Error(`The audit event ${event.action} must not name who did it or what it was about.`);
  }
  await tx.auditEvent.create({
    data: {
      organisationId: event.organisationId,
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      targetLabel: event.targetLabel ?? '',
      details: event.details,
    },
  });
}

export type AuditEntry = {
  id: string;
  at: Date;
  actor: string;
  action: AuditAction;
  target: string;
  details: Record<string, unknown> | null;
};

/** The newest entries of the actor's organisation's log. Admins only. */
export async function listAuditEvents(actor: Actor, options: { take?: number } = {}): Promise<AuditEntry[]> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  const rows = await db.auditEvent.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 200,
    select: {
      id: true,
      createdAt: true,
      action: true,
      targetType: true,
      targetLabel: true,
      details: true,
      actor: { select: { name: true, email: true } },
    },
  });
  return rows.map((row) => {
    const anonymous = ANONYMOUS_ACTIONS.has(row.action);
    return {
      id: row.id,
      at: row.createdAt,
      actor: anonymous ? 'A member' : row.actor ? `${row.actor.name} (${row.actor.email})` : 'Someone no longer here',
      action: row.action as AuditAction,
      target: anonymous ? '' : row.targetLabel || row.targetType,
      details: anonymous ? null : ((row.details as Record<string, unknown> | null) ?? null),
    };
  });
}
