import 'server-only';
import type { InitiativeComparison, InitiativeItem, InitiativeTeamRef } from '../aggregates/views';
import { getDb, type Prisma } from '../db';
import { MAX_INITIATIVES_PER_TEAM_PER_YEAR, MIN_PERIODS_EACH_SIDE, type TInitiativeFormValues, type TInitiativeInput } from '../validation/initiatives';
import {
  assertCanViewTeam,
  canViewOrganisationDashboard,
  compareGroupBeforeAfter,
  listDashboardTeams,
  ORGANISATION_GROUP,
  organisationTimeZone,
} from './aggregates';
import { localDate } from '../aggregates/periods';
import { recordAuditEvent } from './audit';
import { assertId, ForbiddenError, NotFoundError, UserInputError, type Actor } from './actor';
import { consumeLimits, INITIATIVES_PER_ACTOR } from './rate-limit';

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
  createdAt: true,
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

/**
 * Serialises every change to the organisation's initiatives that could add to a year's count,
 * so that two requests at once cannot both count 24 and both record the 25th. (FOR NO KEY
 * UPDATE does not block the key-share locks that inserting rows referencing the organisation takes.)
 */
async function lockOrganisationInitiatives(tx: Tx, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "organisations" WHERE "id" = ${organisationId}::uuid FOR NO KEY UPDATE`;
}

/** The calendar year of a yyyy-mm-dd day. */
const yearOf = (day: string) => Number(day.slice(0, 4));

/** The message for a team that is full, as the form shows it next to the field. */
function tooManyForTeam(team: string, year: number, wholeOrganisation: boolean): string {
  const full = `${team} already has ${MAX_INITIATIVES_PER_TEAM_PER_YEAR} initiatives starting in ${year}, the most a team can have in a year`;
  return wholeOrganisation
    ? `${full}, and an initiative for the whole organisation would be one more for it. Edit or delete one of its initiatives first.`
    : `${full}. Edit or delete one first.`;
}

/**
 * Checks that one more initiative starting in `year` keeps every team it newly covers within
 * MAX_INITIATIVES_PER_TEAM_PER_YEAR (counting the whole organisation's, which cover every team)
 * and, for a whole-organisation initiative, the organisation within as many of its own.
 * Call it with the organisation locked (lockOrganisationInitiatives).
 * @param teams the teams newly covered, sorted by name: the first one that is full is named
 * @param excludeId the initiative being edited, which is not counted against itself
 * @throws UserInputError on teamIds, or on wholeOrganisation when the initiative covers the whole organisation
 */
async function assertRoomInYear(
  tx: Tx,
  organisationId: string,
  year: number,
  covers: { wholeOrganisation: boolean; teams: InitiativeTeamRef[] },
  excludeId?: string,
): Promise<void> {
  // Stored days are midnight UTC (toDbDate), so the year is a plain range of days.
  const startsOn = { gte: toDbDate(`${year}-01-01`), lte: toDbDate(`${year}-12-31`) };
  const notItself = excludeId ? { id: { not: excludeId } } : {};
  const field = covers.wholeOrganisation ? 'wholeOrganisation' : 'teamIds';
  const wholeOrganisationCount = await tx.initiative.count({ where: { organisationId, wholeOrganisation: true, startsOn, ...notItself } });
  if (covers.wholeOrganisation && wholeOrganisationCount >= MAX_INITIATIVES_PER_TEAM_PER_YEAR) {
    throw new UserInputError(
      `The whole organisation already has ${MAX_INITIATIVES_PER_TEAM_PER_YEAR} initiatives starting in ${year}, the most it can have in a year. Edit or delete one first.`,
      field,
    );
  }
  if (covers.teams.length === 0) return;
  const counts = await tx.initiativeTeam.groupBy({
    by: ['teamId'],
    where: { teamId: { in: covers.teams.map((t) => t.id) }, initiative: { organisationId, wholeOrganisation: false, startsOn, ...notItself } },
    _count: { _all: true },
  });
  const ownCount = new Map(counts.map((c) => [c.teamId, c._count._all]));
  const full = covers.teams.find((t) => (ownCount.get(t.id) ?? 0) + wholeOrganisationCount >= MAX_INITIATIVES_PER_TEAM_PER_YEAR);
  if (full) {
    throw new UserInputError(tooManyForTeam(full.name, year, covers.wholeOrganisation), field);
  }
}

/** Every active team of the organisation, sorted by name: whom a whole-organisation initiative adds to. */
function activeTeams(tx: Tx, organisationId: string): Promise<InitiativeTeamRef[]> {
  return tx.team.findMany({ where: { organisationId, archivedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
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

const tooFast = (minutes: number) =>
  `You’ve recorded several initiatives in the last few minutes; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;

/**
 * Records an initiative for the teams chosen (or the whole organisation, admins only), at
 * most INITIATIVES_PER_ACTOR.limit by one person within its window.
 * @param now when it is recorded, for the rate limit
 * @throws ForbiddenError unless a manager or admin; UserInputError (teamIds) for teams beyond the actor's reach,
 * or (teamIds, or wholeOrganisation) when a team or the organisation has its most initiatives for the start's year;
 * UserInputError (no field) when the person has recorded too many in the last few minutes
 */
export async function createInitiative(actor: Actor, input: TInitiativeInput, now: Date = new Date()): Promise<{ id: string }> {
  const reach = await reachOf(actor);
  const consumed = await consumeLimits([{ limit: INITIATIVES_PER_ACTOR, key: actor.userId }], now);
  if (consumed.limited) throw new UserInputError(tooFast(consumed.retryAfterMinutes));
  const db = await getDb();
  const recorded = db.$transaction(async (tx) => {
    await lockOrganisationInitiatives(tx, reach.organisationId);
    const teams = await coveredTeams(tx, reach, input);
    await assertRoomInYear(tx, reach.organisationId, yearOf(input.startsOn), {
      wholeOrganisation: input.wholeOrganisation,
      teams: input.wholeOrganisation ? await activeTeams(tx, reach.organisationId) : teams,
    });
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
  // Only initiatives actually recorded count towards the rate limit.
  return recorded.catch(async (error: unknown) => {
    await consumed.refund();
    throw error;
  });
}

/**
 * The yearly limits for an edit: only what the edit adds is checked (a team it newly covers, the
 * whole organisation when it newly covers it, or everything when it moves to another year), so
 * changing the title of an initiative in a year that is full is never refused.
 */
async function assertRoomForChange(tx: Tx, organisationId: string, existing: InitiativeRow, input: TInitiativeInput, teams: InitiativeTeamRef[]): Promise<void> {
  const year = yearOf(input.startsOn);
  const sameYear = yearOf(fromDbDate(existing.startsOn)) === year;
  const coveredBefore = new Set(existing.teams.map((t) => t.team.id));
  const isNew = (team: InitiativeTeamRef) => !sameYear || (!existing.wholeOrganisation && !coveredBefore.has(team.id));
  const newlyWholeOrganisation = input.wholeOrganisation && (!sameYear || !existing.wholeOrganisation);
  if (!newlyWholeOrganisation && !teams.some(isNew)) return;
  await lockOrganisationInitiatives(tx, organisationId);
  const candidates = input.wholeOrganisation ? await activeTeams(tx, organisationId) : teams;
  await assertRoomInYear(tx, organisationId, year, { wholeOrganisation: input.wholeOrganisation, teams: candidates.filter(isNew) }, existing.id);
}

/**
 * Saves the initiative as entered and records what changed (old and new values).
 * @returns the names of the fields that changed (none: nothing is written or recorded)
 * @throws NotFoundError unless the actor may edit it; UserInputError (teamIds, wholeOrganisation) as for createInitiative
 * when the edit would add to a team's, or the organisation's, count for the start's year beyond the most allowed
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
    await assertRoomForChange(tx, reach.organisationId, existing, input, teams);
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
    // Stored before the minimum was raised to 2, an initiative with 1 reads as the minimum.
    periodsEachSide: Math.max(row.periodsEachSide, MIN_PERIODS_EACH_SIDE),
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
 * before/after comparison: for a team, those that cover it or the whole
 * organisation, compared for that team; for the organisation (admins only),
 * all, compared for the organisation when they cover it and otherwise for
 * each team they cover, exactly as on that team's dashboard (one group, one
 * comparison, wherever it appears).
 * @throws NotFoundError unless the actor may open that dashboard
 */
export async function listInitiatives(actor: Actor, scope: InitiativeScope): Promise<InitiativeItem[]> {
  let organisationId: string;
  let where: Prisma.InitiativeWhereInput;
  /** The groups (key and name) each initiative is compared for on this dashboard. */
  let groupsOf: (row: InitiativeRow) => { key: string; name: string }[];
  if ('teamId' in scope) {
    const team = await assertCanViewTeam(actor, scope.teamId);
    organisationId = team.organisationId;
    where = { organisationId, OR: [{ wholeOrganisation: true }, { teams: { some: { teamId: team.id } } }] };
    groupsOf = () => [{ key: team.id, name: team.name }];
  } else {
    if (!canViewOrganisationDashboard(actor) || !actor.organisation) throw new NotFoundError();
    const organisation = actor.organisation;
    organisationId = organisation.id;
    where = { organisationId };
    groupsOf = (row) =>
      row.wholeOrganisation ? [{ key: ORGANISATION_GROUP, name: organisation.name }] : row.teams.map((t) => ({ key: t.team.id, name: t.team.name }));
  }
  const reach = await reachOf(actor);
  const db = await getDb();
  const [rows, timeZone] = await Promise.all([
    db.initiative.findMany({ where, orderBy: [{ startsOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }], select: INITIATIVE_SELECT }),
    organisationTimeZone(organisationId),
  ]);
  const items = rows.map(toFormValues);
  // One read of each group's published periods for every initiative compared in it.
  const byGroup = new Map<string, number[]>();
  rows.forEach((row, i) => {
    for (const group of groupsOf(row)) byGroup.set(group.key, [...(byGroup.get(group.key) ?? []), i]);
  });
  const compared = new Map<string, InitiativeComparison>();
  await Promise.all(
    [...byGroup].map(async ([key, indexes]) => {
      const results = await compareGroupBeforeAfter(
        organisationId,
        key,
        indexes.map((i) => ({ ...items[i]!, recordedAt: rows[i]!.createdAt })),
      );
      indexes.forEach((i, n) => compared.set(`${key}:${i}`, results[n]!));
    }),
  );
  return rows.map((row, i): InitiativeItem => {
    const { teamIds, ...values } = items[i]!;
    return {
      ...values,
      teams: row.teams.map((t) => t.team),
      canEdit: mayEdit(reach, { wholeOrganisation: row.wholeOrganisation, teamIds }),
      recordedOn: localDate(row.createdAt, timeZone),
      comparisons: groupsOf(row).map((group) => ({ group: group.name, comparison: compared.get(`${group.key}:${i}`)! })),
    };
  });
}
