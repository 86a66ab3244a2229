import 'server-only';
import { getDb, Prisma } from '../db';
import { recordAuditEvent } from './audit';
import { assertId, NotFoundError, UserInputError, type Actor } from './actor';
import { assertAdmin } from './permissions';

export type TeamSummary = { id: string; name: string; archived: boolean; memberCount: number; managers: string[] };

/** The organisation's teams with member counts and manager names (no check-in data). Admins only. */
export async function listTeams(actor: Actor): Promise<TeamSummary[]> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  const teams = await db.team.findMany({
    where: { organisationId },
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      archivedAt: true,
      members: { select: { isManager: true, user: { select: { name: true } } } },
    },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    archived: t.archivedAt !== null,
    memberCount: t.members.length,
    managers: t.members.filter((m) => m.isManager).map((m) => m.user.name).sort(),
  }));
}

function duplicateName(error: unknown, name: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw new UserInputError(`There is already a team called “${name}”.`, 'name');
  }
  throw error;
}

export async function createTeam(actor: Actor, name: string): Promise<{ id: string }> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const team = await tx.team.create({ data: { organisationId, name }, select: { id: true } });
      await recordAuditEvent(tx, { organisationId, actorId: actor.userId, action: 'team.created', targetType: 'team', targetId: team.id, targetLabel: name });
      return team;
    })
    .catch((error: unknown) => duplicateName(error, name));
}

async function findTeam(tx: Prisma.TransactionClient, organisationId: string, teamId: string) {
  assertId(teamId);
  const team = await tx.team.findFirst({ where: { id: teamId, organisationId }, select: { id: true, name: true, archivedAt: true } });
  if (!team) throw new NotFoundError();
  return team;
}

export async function renameTeam(actor: Actor, teamId: string, name: string): Promise<void> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  await db
    .$transaction(async (tx) => {
      const team = await findTeam(tx, organisationId, teamId);
      if (team.name === name) return;
      await tx.team.update({ where: { id: team.id }, data: { name } });
      await recordAuditEvent(tx, {
        organisationId,
        actorId: actor.userId,
        action: 'team.renamed',
        targetType: 'team',
        targetId: team.id,
        targetLabel: name,
        details: { from: team.name, to: name },
      });
    })
    .catch((error: unknown) => duplicateName(error, name));
}

/** Archived teams take no new check-ins; their history stays for aggregates. */
export async function setTeamArchived(actor: Actor, teamId: string, archived: boolean): Promise<void> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const team = await findTeam(tx, organisationId, teamId);
    if ((team.archivedAt !== null) === archived) return;
    await tx.team.update({ where: { id: team.id }, data: { archivedAt: archived ? new Date() : null } });
    await recordAuditEvent(tx, {
      organisationId,
      actorId: actor.userId,
      action: archived ? 'team.archived' : 'team.restored',
      targetType: 'team',
      targetId: team.id,
      targetLabel: team.name,
    });
  });
}
