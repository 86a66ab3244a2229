import 'server-only';
import type { InitiativeItem, InitiativeTeamRef } from '../aggregates/views';
import { getDb, type Prisma } from '../db';
import type { TInitiativeFormValues, TInitiativeInput } from '../validation/initiatives';
import {
  assertCanViewTeam,
  canViewOrganisationDashboard,
  compareGroupBeforeAfter,
  listDashboardTeams,
  ORGANISATION_GROUP,
} from './aggregates';
import { recordAuditEvent } from './audit';
import { assertId, ForbiddenError, NotFoundError, UserInputError, type Actor } from './actor';

/**
 * Initiatives: something a manager or admin tried (a peer-support group, a
 * workload change), drawn on the trend and compared before and after.
 *
 * Who may do what:
 * - An admin records initiatives for any teams of their organisation, or for
 *   the whole organisation, and edits or deletes any of them.
 * - A manager records them only for teams they manage, never for the whole
 *   organisation, and edits or deletes only those all of whose teams they
 *   manage. Anyone else is told the initiative does not exist.
 * - Anyone who may open a team's dashboard sees the initiatives that cover it
 *   (its own and the whole organisation's); only admins see the list for the
 *   organisation.
 * An initiative holds no figures: the comparison is read from published
 * periods each time (lib/services/aggregates.ts), so it shows exactly what the
 * dashboards show, and the audit log records only titles, team names and dates.
 */

export type { InitiativeItem, InitiativeTeamRef } from '../aggregates/views';
export type InitiativeScope = { teamId: string } | { organisation: true };

type Tx = Prisma.TransactionClient;

const INITIATIVE_SELECT = {
  id: true,
  title: true,
  description: true,
  startsOn: true,
  endsOn: true,
  wholeOrganisation: true,
  periodsEachSide: true,
  teams: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: 'asc' } } },
} as const satisfies Prisma.InitiativeSelect;

type InitiativeRow = Prisma.InitiativeGetPayload<{ select: typeof INITIATIVE_SELECT }>;

/** What the actor may do with initiatives: their organisation, whether they administer it, and the teams they may cover. */
type Reach = { organisationId: string; isAdmin: boolean; teamIds: ReadonlySet<string> };

/**
 * The actor's reach: every team of the organisation for an admin, the teams
 * they manage for a manager (as the dashboards decide, listDashboardTeams).
 * @throws ForbiddenError for anyone else
 */
async function reachOf(actor: Actor): Promise<Reach> {
  if (!actor.organisation || !(actor.roles.includes('admin') || actor.roles.includes('manager'))) {
    throw new ForbiddenError('Only managers and admins can record initiatives.');
  }
  const teams = await listDashboardTeams(actor);
  return { organisationId: actor.organisation.id, isAdmin: actor.roles.includes('admin'), teamIds: new Set(teams.map((t) => t.id)) };
}

/** The same as reachOf, but for someone with no reach at all an initiative simply does not exist. */
async function reachOrNotFound(actor: Actor): Promise<Reach> {
  try {
    return await reachOf(actor);
  } catch (error) {
    if (error instanceof ForbiddenError) throw new NotFoundError();
    throw error;
  }
}

function mayEdit(reach: Reach, initiative: { wholeOrganisation: boolean; teamIds: readonly string[] }): boolean {
  if (reach.isAdmin) return true;
  return !initiative.wholeOrganisation && initiative.teamIds.length > 0 && initiative.teamIds.every((id) => reach.teamIds.has(id));
}

/**
 * Checks whom the input covers against the actor's reach and returns the teams' names.
 * @throws UserInputError (field teamIds) for the whole organisation unless an admin, or a team beyond reach
 */
async function coveredTeams(tx: Tx, reach: Reach, input: TInitiativeInput): Promise<InitiativeTeamRef[]> {
  if (input.wholeOrganisation) {
    if (!reach.isAdmin) throw new UserInputError('Only admins can record an initiative for the whole organisation. Choose the teams you manage.', 'teamIds');
    return [];
  }
  if (input.teamIds.length === 0) throw new UserInputError('Choose at least one team, or the whole organisation.', 'teamIds');
  if (!input.teamIds.every((id) => reach.teamIds.has(id))) {
    throw new UserInputError(
      reach.isAdmin ? 'Choose teams of your organisation from the list.' : 'You can only choose teams you manage.',
      'teamIds',
    );
  }
  return tx.team.findMany({ where: { organisationId: reach.organisationId, id: { in: input.teamIds } }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

/** A yyyy-mm-dd day as the database's `date` holds it (midnight UTC), and back. */
const toDbDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
const fromDbDate = (date: Date) => date.toISOString().slice(0, 10);

/** The initiative with this id in the actor's organisation, when the actor may edit it. @throws NotFoundError otherwise */
async function findEditable(tx: Tx, reach: Reach, id: string): Promise<InitiativeRow> {
  assertId(id);
  const initiative = await tx.initiative.findFirst({ where: { id, organisationId: reach.organisationId }, select: INITIATIVE_SELECT });
  if (!initiative || !mayEdit(reach, { wholeOrganisation: initiative.wholeOrganisation, teamIds: initiative.teams.map((t) => t.team.id) })) {
    throw new NotFoundError();
  }
  return initiative;
}

/** What the audit log keeps of an initiative: whom it covers and when, never a figure. */
function auditDetails(initiative: { wholeOrganisation: boolean; startsOn: string; endsOn: string | null; periodsEachSide: number }, teams: InitiativeTeamRef[]) {
  return {
    teams: initiative.wholeOrganisation ? ['the whole organisation'] : teams.map((t) => t.name),
    startsOn: initiative.startsOn,
    endsOn: initiative.endsOn,
    periodsEachSide: initiative.periodsEachSide,
  };
}

/** An initiative's own columns, as stored, from the validated input. */
function initiativeColumns(input: TInitiativeInput) {
  return {
    title: input.title,
    description: input.description,
    startsOn: toDbDate(input.startsOn),
    endsOn: input.endsOn === null ? null : toDbDate(input.endsOn),
    wholeOrganisation: input.wholeOrganisation,
    periodsEachSide: input.periodsEachSide,
  };
}

/**
 * Records an initiative for the teams chosen (or the whole organisation, admins only).
 * @throws ForbiddenError unless a manager or admin; UserInputError (teamIds) for teams beyond the actor's reach
 */
export async function createInitiative(actor: Actor, input: TInitiativeInput): Promise<{ id: string }> {
  const reach = await reachOf(actor);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const teams = await coveredTeams(tx, reach, input);
    const initiative = await tx.initiative.create({
      data: {
        organisationId: reach.organisationId,
        ...initiativeColumns(input),
        createdById: actor.userId,
        teams: { create: teams.map((t) => ({ teamId: t.id })) },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      organisationId: reach.organisationId,
      actorId: actor.userId,
      action: 'initiative.created',
      targetType: 'initiative',
      targetId: initiative.id,
      targetLabel: input.title,
      details: auditDetails(input, teams),
    });
    return initiative;
  });
}

/**
 * Saves the initiative as entered and records what changed (old and new values).
 * @returns the names of the fields that changed (none: nothing is written or recorded)
 * @throws NotFoundError unless the actor may edit it; UserInputError (teamIds) as for createInitiative
 */
export async function updateInitiative(actor: Actor, id: string, input: TInitiativeInput): Promise<string[]> {
  const reach = await reachOrNotFound(actor);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const existing = await findEditable(tx, reach, id);
    const teams = await coveredTeams(tx, reach, input);
    const before = { ...toFormValues(existing), teams: existing.wholeOrganisation ? ['the whole organisation'] : existing.teams.map((t) => t.team.name) };
    const after = { ...input, id: existing.id, teams: auditDetails(input, teams).teams };
    const fields = ['title', 'description', 'startsOn', 'endsOn', 'wholeOrganisation', 'periodsEachSide', 'teams'] as const;
    const changed = fields.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    if (changed.length === 0) return [];
    await tx.initiative.update({
      where: { id: existing.id },
      data: {
        ...initiativeColumns(input),
        teams: { deleteMany: {}, create: teams.map((t) => ({ teamId: t.id })) },
      },
    });
    await recordAuditEvent(tx, {
      organisationId: reach.organisationId,
      actorId: actor.userId,
      action: 'initiative.updated',
      targetType: 'initiative',
      targetId: existing.id,
      targetLabel: input.title,
      // The description is free text: the log says that it changed, not what it says.
      details: Object.fromEntries(
        changed.map((key) => [key, key === 'description' ? 'changed' : { from: before[key], to: after[key] }]),
      ) as Prisma.InputJsonValue,
    });
    return changed;
  });
}

/** @throws NotFoundError unless the actor may edit the initiative */
export async function deleteInitiative(actor: Actor, id: string): Promise<void> {
  const reach = await reachOrNotFound(actor);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const existing = await findEditable(tx, reach, id);
    await tx.initiative.delete({ where: { id: existing.id } });
    await recordAuditEvent(tx, {
      organisationId: reach.organisationId,
      actorId: actor.userId,
      action: 'initiative.deleted',
      targetType: 'initiative',
      targetId: existing.id,
      targetLabel: existing.title,
      details: auditDetails(toFormValues(existing), existing.teams.map((t) => t.team)),
    });
  });
}

function toFormValues(row: InitiativeRow): TInitiativeFormValues {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    startsOn: fromDbDate(row.startsOn),
    endsOn: row.endsOn === null ? null : fromDbDate(row.endsOn),
    wholeOrganisation: row.wholeOrganisation,
    periodsEachSide: row.periodsEachSide,
    teamIds: row.teams.map((t) => t.team.id),
  };
}

/** The initiative as an edit form starts from. @throws NotFoundError unless the actor may edit it */
export async function getInitiativeForEdit(actor: Actor, id: string): Promise<TInitiativeFormValues> {
  const reach = await reachOrNotFound(actor);
  const db = await getDb();
  return toFormValues(await findEditable(db, reach, id));
}

/**
 * The initiatives shown with a dashboard, newest start first, each with its
 * before/after comparison for that dashboard's group: for a team, those that
 * cover it or the whole organisation; for the organisation (admins only), all.
 * @throws NotFoundError unless the actor may open that dashboard
 */
export async function listInitiatives(actor: Actor, scope: InitiativeScope): Promise<InitiativeItem[]> {
  let organisationId: string;
  let groupKey: string;
  let where: Prisma.InitiativeWhereInput;
  if ('teamId' in scope) {
    const team = await assertCanViewTeam(actor, scope.teamId);
    organisationId = team.organisationId;
    groupKey = team.id;
    where = { organisationId, OR: [{ wholeOrganisation: true }, { teams: { some: { teamId: team.id } } }] };
  } else {
    if (!canViewOrganisationDashboard(actor) || !actor.organisation) throw new NotFoundError();
    organisationId = actor.organisation.id;
    groupKey = ORGANISATION_GROUP;
    where = { organisationId };
  }
  const reach = await reachOf(actor);
  const db = await getDb();
  const rows = await db.initiative.findMany({
    where,
    orderBy: [{ startsOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
    select: INITIATIVE_SELECT,
  });
  return Promise.all(
    rows.map(async (row): Promise<InitiativeItem> => {
      const { teamIds, ...values } = toFormValues(row);
      return {
        ...values,
        teams: row.teams.map((t) => t.team),
        canEdit: mayEdit(reach, { wholeOrganisation: row.wholeOrganisation, teamIds }),
        comparison: await compareGroupBeforeAfter(organisationId, groupKey, values.startsOn, row.periodsEachSide),
      };
    }),
  );
}
