import 'server-only';
import { openPeriod } from '../aggregates/periods';
import { reportingAt, type TeamReportingChange } from '../aggregates/reporting-groups';
import { getDb, Prisma } from '../db';
import { recordAuditEvent } from './audit';
import { assertId, NotFoundError, UserInputError, type Actor } from './actor';
import { assertAdmin } from './permissions';
import { loadRuleState, periodRules, ruleInForce } from './reporting-rules';

/**
 * Reporting groups (lib/aggregates/reporting-groups.ts): an admin reports
 * small teams together, so that one small team no longer hides the
 * organisation's total. Like the reporting rules, a change applies from the
 * start of the next period; published periods keep the groups they were
 * published with.
 */

type Client = Pick<Prisma.TransactionClient, '$queryRaw'>;

/** Every reporting change of the organisation's teams, oldest first. */
export async function loadTeamReporting(client: Client, organisationId: string): Promise<TeamReportingChange[]> {
  return client.$queryRaw<TeamReportingChange[]>`
    SELECT r."team_id"::text AS "teamId", r."effective_from" AS "effectiveFrom", r."reporting_group_id"::text AS "reportingGroupId"
    FROM "team_reporting" r JOIN "teams" t ON t."id" = r."team_id"
    WHERE t."organisation_id" = ${organisationId}::uuid
    ORDER BY r."effective_from" ASC`;
}

export type ReportingGroupRef = { id: string; name: string };

export type TeamReportingSummary = {
  teamId: string;
  /** The group the team is reported within in the period under way, or null (on its own). */
  inForce: ReportingGroupRef | null;
  /** A change saved for the next period: the group then (null: on its own again), or undefined when nothing changes. */
  pending?: ReportingGroupRef | null;
};

export type ReportingOverview = {
  /** Each group with its teams now and from the next period, and how many people check in for it from then (counted once). */
  groups: (ReportingGroupRef & { teams: string[]; pendingTeams: string[]; nextMembers: number })[];
  /** How each team is reported, with how many people check in for it. */
  teams: Map<string, TeamReportingSummary & { members: number }>;
  /** When the next period starts: a change saved now applies from then. */
  nextStart: Date;
  /** The threshold of the period under way, and the next period's. */
  threshold: number;
  nextThreshold: number;
  timeZone: string;
};

/** The organisation's reporting groups and how each team is reported now and from the next period. Admins only. */
export async function getReportingOverview(actor: Actor, now: Date = new Date()): Promise<ReportingOverview> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  const [state, changes, groups, teams, members] = await Promise.all([
    loadRuleState(db, organisationId),
    loadTeamReporting(db, organisationId),
    db.reportingGroup.findMany({ where: { organisationId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.team.findMany({ where: { organisationId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    // The people whose check-ins count for each team: its active clinicians.
    db.teamMembership.findMany({
      where: { team: { organisationId }, user: { memberships: { some: { organisationId, removedAt: null, roles: { has: 'clinician' } } } } },
      select: { teamId: true, userId: true },
    }),
  ]);
  const { book, lastEnd } = state!;
  const open = openPeriod({ lastEnd, now, ...periodRules(book) });
  const current = reportingAt(changes, open.startsAt);
  const next = reportingAt(changes, open.endsAt);
  const byId = new Map(groups.map((g) => [g.id, g]));
  const ref = (id: string | undefined) => (id ? { id, name: byId.get(id)!.name } : null);
  const peopleOf = (key: string, map: ReadonlyMap<string, string>) =>
    new Set(members.filter((m) => m.teamId === key || map.get(m.teamId) === key).map((m) => m.userId)).size;
  const summaries = new Map<string, TeamReportingSummary & { members: number }>();
  for (const team of teams) {
    const summary: TeamReportingSummary & { members: number } = { teamId: team.id, inForce: ref(current.get(team.id)), members: peopleOf(team.id, new Map()) };
    if (current.get(team.id) !== next.get(team.id)) summary.pending = ref(next.get(team.id));
    summaries.set(team.id, summary);
  }
  const namesIn = (map: Map<string, string>, groupId: string) => teams.filter((t) => map.get(t.id) === groupId).map((t) => t.name);
  return {
    groups: groups.map((g) => ({ ...g, teams: namesIn(current, g.id), pendingTeams: namesIn(next, g.id), nextMembers: peopleOf(g.id, next) })),
    teams: summaries,
    nextStart: open.endsAt,
    threshold: ruleInForce(book, open.startsAt).anonymityThreshold,
    nextThreshold: ruleInForce(book, open.endsAt).anonymityThreshold,
    timeZone: ruleInForce(book, open.startsAt).timeZone,
  };
}

export async function createReportingGroup(actor: Actor, name: string): Promise<{ id: string }> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const group = await tx.reportingGroup.create({ data: { organisationId, name }, select: { id: true } });
      await recordAuditEvent(tx, {
        organisationId,
        actorId: actor.userId,
        action: 'reporting_group.created',
        targetType: 'reporting_group',
        targetId: group.id,
        targetLabel: name,
      });
      return group;
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new UserInputError(`There is already a reporting group called “${name}”.`, 'name');
      }
      throw error;
    });
}

/**
 * Reports the team within `reportingGroupId` (null: on its own) from the start
 * of the next period. Saving what is already in force cancels a pending change.
 * @returns when it takes effect, or null when nothing changes
 * @throws NotFoundError for a team or group of another organisation
 */
export async function setTeamReporting(actor: Actor, teamId: string, reportingGroupId: string | null, now: Date = new Date()): Promise<Date | null> {
  const { organisationId } = assertAdmin(actor);
  assertId(teamId);
  if (reportingGroupId !== null) assertId(reportingGroupId);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // The same lock as publishing: the next period's start cannot move while this is saved.
    await tx.$queryRaw`SELECT 1 FROM "organisations" WHERE "id" = ${organisationId}::uuid FOR NO KEY UPDATE`;
    const team = await tx.team.findFirst({ where: { id: teamId, organisationId }, select: { id: true, name: true } });
    const group = reportingGroupId === null ? null : await tx.reportingGroup.findFirst({ where: { id: reportingGroupId, organisationId }, select: { id: true, name: true } });
    if (!team || (reportingGroupId !== null && !group)) throw new NotFoundError();
    const { book, lastEnd } = (await loadRuleState(tx, organisationId))!;
    const open = openPeriod({ lastEnd, now, ...periodRules(book) });
    const effectiveFrom = open.endsAt;
    const changes = await loadTeamReporting(tx, organisationId);
    const before = reportingAt(changes, open.startsAt).get(team.id) ?? null;
    const pending = changes.some((c) => c.teamId === team.id && c.effectiveFrom.getTime() === effectiveFrom.getTime());
    if (before === reportingGroupId) {
      if (!pending) return null;
      await tx.teamReporting.deleteMany({ where: { teamId: team.id, effectiveFrom } });
    } else {
      await tx.teamReporting.upsert({
        where: { teamId_effectiveFrom: { teamId: team.id, effectiveFrom } },
        create: { teamId: team.id, effectiveFrom, reportingGroupId },
        update: { reportingGroupId },
      });
    }
    await recordAuditEvent(tx, {
      organisationId,
      actorId: actor.userId,
      action: 'team.reporting_changed',
      targetType: 'team',
      targetId: team.id,
      targetLabel: team.name,
      details: {
        reporting: { from: before === null ? 'on its own' : await groupName(tx, before), to: group?.name ?? 'on its own' },
        effectiveFrom: effectiveFrom.toISOString(),
      },
    });
    return before === reportingGroupId ? null : effectiveFrom;
  });
}

async function groupName(tx: Prisma.TransactionClient, id: string): Promise<string> {
  return (await tx.reportingGroup.findUniqueOrThrow({ where: { id }, select: { name: true } })).name;
}
