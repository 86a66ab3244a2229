import 'server-only';
import { getDb, type Prisma } from '../db';
import { actionsOfKind, AUDIT_ACTIONS, ZAuditLogQuery, type AuditAction, type TAuditLogQuery } from '../validation/audit-log';
import type { Actor } from './actor';
import { assertAdmin } from './permissions';

/**
 * The audit log of administrative actions. It records who did what to which
 * target and when; by construction it holds no answers, scores or notes
 * (`details` carries only settings values, role and team names, and an
 * initiative's title, teams, dates and number of periods compared — never a
 * figure or its description's text).
 */

export type { AuditAction } from '../validation/audit-log';

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
    targetType: 'invite' | 'team' | 'member' | 'organisation' | 'initiative' | 'reporting_group';
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

/** Events per page of the log: a flood of events pushes older ones onto later pages, never out of reach. */
export const AUDIT_PAGE_SIZE = 50;

export type AuditLogPage = {
  /** Newest first. */
  entries: AuditEntry[];
  /** The cursor for the page of newer events (`after`), when there are any. */
  newer: string | null;
  /** The cursor for the page of older events (`before`), when there are any. */
  older: string | null;
  /** The filters as applied: a kind or a person the log does not know is left out. */
  filter: { kind?: string; who?: string };
  /** The organisation's IANA time zone, in which the page shows times. */
  timeZone: string;
  /** Everyone the log names as having acted, to filter by: never the anonymous events, which name nobody. */
  people: { id: string; label: string }[];
};

const ENTRY_SELECT = {
  id: true,
  createdAt: true,
  action: true,
  targetType: true,
  targetLabel: true,
  details: true,
  actor: { select: { name: true, email: true } },
} as const satisfies Prisma.AuditEventSelect;

type Position = { id: string; createdAt: Date };

// Pages are cut by position (time, then id for events in the same millisecond), not by
// offset: events recorded while someone reads the log shift no page, so no event appears
// on two pages or on none.
const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] as const satisfies Prisma.AuditEventOrderByWithRelationInput[];
const OLDEST_FIRST = [{ createdAt: 'asc' }, { id: 'asc' }] as const satisfies Prisma.AuditEventOrderByWithRelationInput[];
const olderThan = (p: Position): Prisma.AuditEventWhereInput => ({ OR: [{ createdAt: { lt: p.createdAt } }, { createdAt: p.createdAt, id: { lt: p.id } }] });
const newerThan = (p: Position): Prisma.AuditEventWhereInput => ({ OR: [{ createdAt: { gt: p.createdAt } }, { createdAt: p.createdAt, id: { gt: p.id } }] });

function toEntry(row: Prisma.AuditEventGetPayload<{ select: typeof ENTRY_SELECT }>): AuditEntry {
  const anonymous = ANONYMOUS_ACTIONS.has(row.action);
  return {
    id: row.id,
    at: row.createdAt,
    actor: anonymous ? 'A member' : row.actor ? `${row.actor.name} (${row.actor.email})` : 'Someone no longer here',
    action: row.action as AuditAction,
    target: anonymous ? '' : row.targetLabel || row.targetType,
    details: anonymous ? null : ((row.details as Record<string, unknown> | null) ?? null),
  };
}

/**
 * One page of the actor's organisation's log, newest first: the newest events, or those
 * just older (`before`) or newer (`after`) than an event of the log, of one kind and by one
 * person if asked. Filtering by person never matches an anonymous event. A cursor naming
 * no event of this organisation, or beyond which nothing is left, gives the first page.
 * Admins only.
 * @throws ForbiddenError unless an admin of an organisation
 */
/**
 * What a view of the log reads: the events of the organisation of the kind
 * and by the person asked (a person the log does not know is left out), with
 * everyone the log names and the organisation's time zone.
 */
async function auditScope(organisationId: string, kind: string | undefined, who: string | undefined) {
  const db = await getDb();
  const [organisation, people] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } }),
    db.user.findMany({
      where: { auditEvents: { some: { organisationId, action: { notIn: [...ANONYMOUS_ACTIONS] } } } },
      orderBy: [{ name: 'asc' }, { email: 'asc' }],
      select: { id: true, name: true, email: true },
    }),
  ]);
  const person = people.find((p) => p.id === who);
  let actions: AuditAction[] | undefined = kind === undefined ? undefined : actionsOfKind(kind);
  // Defence in depth: anonymous events are stored without an actor, and are never attributed even if one were set.
  if (person) actions = (actions ?? [...AUDIT_ACTIONS]).filter((action) => !ANONYMOUS_ACTIONS.has(action));
  const where: Prisma.AuditEventWhereInput = {
    organisationId,
    ...(actions ? { action: { in: actions } } : {}),
    ...(person ? { actorId: person.id } : {}),
  };
  return { where, person, people, timeZone: organisation.timeZone };
}

export async function getAuditLog(actor: Actor, query: TAuditLogQuery = {}): Promise<AuditLogPage> {
  const { organisationId } = assertAdmin(actor);
  const { kind, who, before, after } = ZAuditLogQuery.parse(query);
  const db = await getDb();
  const { where, person, people, timeZone } = await auditScope(organisationId, kind, who);

  const cursorId = before ?? after;
  const cursor = cursorId ? await db.auditEvent.findFirst({ where: { id: cursorId, organisationId }, select: { id: true, createdAt: true } }) : null;
  let rows: Prisma.AuditEventGetPayload<{ select: typeof ENTRY_SELECT }>[] = [];
  if (cursor && before) {
    rows = await db.auditEvent.findMany({ where: { AND: [where, olderThan(cursor)] }, orderBy: NEWEST_FIRST, take: AUDIT_PAGE_SIZE, select: ENTRY_SELECT });
  } else if (cursor && after) {
    rows = (await db.auditEvent.findMany({ where: { AND: [where, newerThan(cursor)] }, orderBy: OLDEST_FIRST, take: AUDIT_PAGE_SIZE + 1, select: ENTRY_SELECT })).reverse();
    // Fewer than a page's worth of newer events left: the newest page, full, rather than a short one.
    if (rows.length <= AUDIT_PAGE_SIZE) rows = [];
    else rows = rows.slice(1);
  }
  if (rows.length === 0) {
    rows = await db.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, take: AUDIT_PAGE_SIZE, select: ENTRY_SELECT });
  }

  const newest = rows[0];
  const oldest = rows.at(-1);
  const [hasNewer, hasOlder] = await Promise.all([
    newest ? db.auditEvent.findFirst({ where: { AND: [where, newerThan(newest)] }, select: { id: true } }) : null,
    oldest ? db.auditEvent.findFirst({ where: { AND: [where, olderThan(oldest)] }, select: { id: true } }) : null,
  ]);
  return {
    entries: rows.map(toEntry),
    newer: hasNewer && newest ? newest.id : null,
    older: hasOlder && oldest ? oldest.id : null,
    filter: { kind, who: person?.id },
    timeZone,
    people: people.map((p) => ({ id: p.id, label: `${p.name} (${p.email})` })),
  };
}

/** The entries of one page of the actor's organisation's log (getAuditLog), newest first. Admins only. */
/** The most events one download holds (about 200 pages of the log). */
export const AUDIT_EXPORT_LIMIT = 10_000;

/**
 * Every event of the actor's organisation's log that the filters choose,
 * newest first (up to AUDIT_EXPORT_LIMIT), for a download, with the
 * organisation's time zone: the same events the log's pages show, in one read.
 * @throws ForbiddenError unless an admin of an organisation
 */
export async function exportAuditLog(actor: Actor, query: Pick<TAuditLogQuery, 'kind' | 'who'> = {}): Promise<{ entries: AuditEntry[]; timeZone: string }> {
  const { organisationId } = assertAdmin(actor);
  const { kind, who } = ZAuditLogQuery.parse(query);
  const { where, timeZone } = await auditScope(organisationId, kind, who);
  const db = await getDb();
  const rows = await db.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, take: AUDIT_EXPORT_LIMIT, select: ENTRY_SELECT });
  return { entries: rows.map(toEntry), timeZone };
}

export async function listAuditEvents(actor: Actor, query: TAuditLogQuery = {}): Promise<AuditEntry[]> {
  return (await getAuditLog(actor, query)).entries;
}
