import 'server-only';
import { getDb, type Prisma } from '../db';
import type { TMemberUpdateInput } from '../validation/admin';
import { recordAuditEvent } from './audit';
import { assertId, NotFoundError, UserInputError, type Actor, type RoleName } from './actor';
import { assertAdmin } from './permissions';
import { enqueueTeamAddedMail } from './transparency';

/**
 * Organisation members as admins see them: name, email, roles, teams. By
 * design nothing here reads check-ins: an admin never learns whether, when or
 * how anyone checked in.
 */
export type MemberSummary = {
  userId: string;
  name: string;
  email: string;
  roles: RoleName[];
  removed: boolean;
  teams: { id: string; name: string; isManager: boolean }[];
};

const memberSelect = (organisationId: string) =>
  ({
    roles: true,
    removedAt: true,
    user: {
      select: {
        id: true,
        name: true,
        email: true,
        teamMemberships: {
          where: { team: { organisationId } },
          select: { isManager: true, team: { select: { id: true, name: true } } },
          orderBy: { team: { name: 'asc' } },
        },
      },
    },
  }) satisfies Prisma.MembershipSelect;

type MemberRow = Prisma.MembershipGetPayload<{ select: ReturnType<typeof memberSelect> }>;

function toSummary(row: MemberRow): MemberSummary {
  return {
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    roles: row.roles,
    removed: row.removedAt !== null,
    teams: row.user.teamMemberships.map((t) => ({ id: t.team.id, name: t.team.name, isManager: t.isManager })),
  };
}

export async function listMembers(actor: Actor): Promise<MemberSummary[]> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  const rows = await db.membership.findMany({
    where: { organisationId },
    orderBy: [{ removedAt: { sort: 'asc', nulls: 'first' } }, { user: { name: 'asc' } }],
    select: memberSelect(organisationId),
  });
  return rows.map(toSummary);
}

export async function getMember(actor: Actor, userId: string): Promise<MemberSummary> {
  const { organisationId } = assertAdmin(actor);
  assertId(userId);
  const db = await getDb();
  const row = await db.membership.findUnique({
    where: { userId_organisationId: { userId, organisationId } },
    select: memberSelect(organisationId),
  });
  if (!row) throw new NotFoundError();
  return toSummary(row);
}

/**
 * Locks the organisation's row until the transaction ends. Every change that
 * may take an admin away (a role change, a removal) takes this lock first, so
 * two of them run one after the other and the second one's count of remaining
 * admins sees the first one's committed change: two admins removing or
 * demoting each other at once cannot leave the organisation with none.
 * NO KEY UPDATE rather than UPDATE: these still exclude each other, but rows
 * merely referring to the organisation (an audit event, an accepted invite's
 * membership) are not held up, so an invite accepted meanwhile cannot deadlock
 * with a removal of the same person.
 */
async function lockOrganisation(tx: Prisma.TransactionClient, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "organisations" WHERE "id" = ${organisationId}::uuid FOR NO KEY UPDATE`;
}

async function assertAnotherAdminRemains(tx: Prisma.TransactionClient, organisationId: string, userId: string) {
  const others = await tx.membership.count({
    where: { organisationId, removedAt: null, roles: { has: 'admin' }, userId: { not: userId } },
  });
  if (others === 0) throw new UserInputError('An organisation needs at least one admin: make someone else an admin first.', 'roles');
}

/** Sets a member's roles and teams (and which of those teams they manage), recording each change. */
export async function updateMember(actor: Actor, input: TMemberUpdateInput, now: Date = new Date()): Promise<void> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: input.userId, organisationId } },
      select: { id: true, roles: true, user: { select: { email: true } }, organisation: { select: { name: true } } },
    });
    if (!membership) throw new NotFoundError();
    const label = membership.user.email;

    const roles = [...new Set(input.roles)].sort() as RoleName[];
    const before = [...membership.roles].sort();
    if (roles.join() !== before.join()) {
      if (before.includes('admin') && !roles.includes('admin')) await assertAnotherAdminRemains(tx, organisationId, input.userId);
      await tx.membership.update({ where: { id: membership.id }, data: { roles } });
      await recordAuditEvent(tx, {
        organisationId,
        actorId: actor.userId,
        action: 'member.roles_changed',
        targetType: 'member',
        targetId: input.userId,
        targetLabel: label,
        details: { from: before, to: roles },
      });
    }

    const teams = await tx.team.findMany({ where: { organisationId, id: { in: input.teamIds } }, select: { id: true, name: true } });
    if (teams.length !== new Set(input.teamIds).size) throw new UserInputError('One of the chosen teams no longer exists.', 'teamIds');
    const managed = new Set(input.managerTeamIds.filter((id) => input.teamIds.includes(id)));
    const current = await tx.teamMembership.findMany({
      where: { userId: input.userId, team: { organisationId } },
      select: { teamId: true, isManager: true, team: { select: { name: true } } },
    });
    const describe = (list: { name: string; manager: boolean }[]) =>
      list.map((t) => (t.manager ? `${t.name} (manager)` : t.name)).sort();
    const beforeTeams = describe(current.map((t) => ({ name: t.team.name, manager: t.isManager })));
    const afterTeams = describe(teams.map((t) => ({ name: t.name, manager: managed.has(t.id) })));
    if (beforeTeams.join() === afterTeams.join()) return;

    await tx.teamMembership.deleteMany({
      where: { userId: input.userId, team: { organisationId }, teamId: { notIn: teams.map((t) => t.id) } },
    });
    for (const team of teams) {
      await tx.teamMembership.upsert({
        where: { teamId_userId: { teamId: team.id, userId: input.userId } },
        create: { teamId: team.id, userId: input.userId, isManager: managed.has(team.id) },
        update: { isManager: managed.has(team.id) },
      });
    }
    // Rule 13: the person is told about a team they now count for (not about a changed manager flag).
    const added = teams.filter((t) => !current.some((c) => c.teamId === t.id));
    await enqueueTeamAddedMail(tx, { organisationId, organisationName: membership.organisation.name, to: label, teams: added }, now);
    await recordAuditEvent(tx, {
      organisationId,
      actorId: actor.userId,
      action: 'member.teams_changed',
      targetType: 'member',
      targetId: input.userId,
      targetLabel: label,
      details: { from: beforeTeams, to: afterTeams },
    });
  });
}

/**
 * Removes a member from the organisation (or restores them). A removed person
 * can still sign in and read their own past results, but can no longer check
 * in here; their past check-ins stay theirs, and keep counting for the teams
 * they counted for when submitted. Removal also ends their memberships of this
 * organisation's teams, so nothing they do later counts for those teams.
 * Restoring brings back the membership and its roles, not the teams: an admin
 * assigns those again.
 */
export async function setMemberRemoved(actor: Actor, userId: string, removed: boolean): Promise<void> {
  const { organisationId } = assertAdmin(actor);
  assertId(userId);
  if (removed && userId === actor.userId) throw new UserInputError('You cannot remove yourself. Ask another admin.');
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await tx.membership.findUnique({
      where: { userId_organisationId: { userId, organisationId } },
      select: { id: true, removedAt: true, roles: true, user: { select: { email: true } } },
    });
    if (!membership) throw new NotFoundError();
    if ((membership.removedAt !== null) === removed) return;
    if (removed && membership.roles.includes('admin')) await assertAnotherAdminRemains(tx, organisationId, userId);
    await tx.membership.update({ where: { id: membership.id }, data: { removedAt: removed ? new Date() : null } });
    let details: Prisma.InputJsonValue | undefined;
    if (removed) {
      const teams = await tx.teamMembership.findMany({
        where: { userId, team: { organisationId } },
        select: { isManager: true, team: { select: { name: true } } },
      });
      await tx.teamMembership.deleteMany({ where: { userId, team: { organisationId } } });
      // Team names only, as member.teams_changed records them: never anything about check-ins.
      const ended = teams.map((t) => (t.isManager ? `${t.team.name} (manager)` : t.team.name)).sort();
      if (ended.length > 0) details = { teams: { from: ended, to: [] } };
    }
    await recordAuditEvent(tx, {
      organisationId,
      actorId: actor.userId,
      action: removed ? 'member.removed' : 'member.restored',
      targetType: 'member',
      targetId: userId,
      targetLabel: membership.user.email,
      details,
    });
  });
}
