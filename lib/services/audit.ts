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
  | 'initiative.deleted';

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
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    actor: row.actor ? `${row.actor.name} (${row.actor.email})` : 'Someone no longer here',
    action: row.action as AuditAction,
    target: row.targetLabel || row.targetType,
    details: (row.details as Record<string, unknown> | null) ?? null,
  }));
}
