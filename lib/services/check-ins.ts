import 'server-only';
import { scoreColumns } from '../db/score-columns';
import { getDb, Prisma } from '../db';
import { PROQOL5 } from '../instruments/proqol5';
import { isWordingPreset, DEFAULT_WORDING_PRESET, type WordingPreset } from '../instruments/wording';
import { assertAnswer, ITEM_COUNT, scoreProqol5, type Band, type Proqol5Scores } from '../scoring';
import { assertId, ForbiddenError, NotFoundError, PrivacyNoticeRequiredError, type Actor } from './actor';
import { assertCanCheckIn } from './permissions';

/**
 * A clinician's own check-ins. Every query is scoped by the acting user's id,
 * so another person's check-in reads exactly like one that does not exist.
 *
 * Changing a draft (starting, answering, submitting) takes an active member
 * with the clinician role, checked twice: on the actor (assertCanCheckIn) and
 * again inside the transaction, from the database, for the check-in's own
 * organisation, since an admin may remove the person or take their clinician
 * role away while a request is under way. Reading one's own past check-ins
 * needs no membership: a removed person still reads their own results.
 */

export type AnswerInput = { itemNumber: number; value: number };

export type CheckInForAnswering =
  | { id: string; status: 'draft'; wordingPreset: WordingPreset; answers: Record<number, number>; updatedAt: Date }
  | { id: string; status: 'submitted' };

export type CheckInResult = {
  id: string;
  submittedAt: Date;
  wordingPreset: WordingPreset;
  scores: Proqol5Scores;
  /** The actor's check-in submitted just before this one, to compare with; null for a first check-in. */
  previous: { id: string; submittedAt: Date; scores: Proqol5Scores } | null;
  /** The actor's check-in submitted just after this one (to link to); null for the latest. */
  next: { id: string; submittedAt: Date } | null;
};

export type CheckInSummary = { id: string; submittedAt: Date; scores: Proqol5Scores };

export type SubmitOutcome = { ok: true; id: string } | { ok: false; missing: number[] };

export class CheckInClosedError extends Error {
  constructor() {
    super('This check-in has already been submitted.');
    this.name = 'CheckInClosedError';
  }
}

function ownCheckIn(actor: Actor, id: string) {
  assertId(id);
  return { id, userId: actor.userId };
}

function draftKeyFor(actor: Actor, organisationId: string): string {
  return `${actor.userId}:${organisationId}`;
}

function wordingOf(value: string): WordingPreset {
  return isWordingPreset(value) ? value : DEFAULT_WORDING_PRESET;
}

/** The actor's open draft, if any, with how many items it has answered. */
export async function getOpenDraft(actor: Actor): Promise<{ id: string; answeredCount: number; updatedAt: Date } | null> {
  if (!actor.organisation) return null;
  const db = await getDb();
  const draft = await db.checkIn.findUnique({
    where: { draftKey: draftKeyFor(actor, actor.organisation.id) },
    select: { id: true, userId: true, updatedAt: true, _count: { select: { answers: true } } },
  });
  if (!draft || draft.userId !== actor.userId) return null;
  return { id: draft.id, answeredCount: draft._count.answers, updatedAt: draft.updatedAt };
}

/**
 * Resumes the actor's open draft or starts one. At most one draft exists per
 * person and organisation (a unique key), so a double click starts one.
 * @throws PrivacyNoticeRequiredError until the privacy notice is acknowledged
 */
export async function startOrResumeCheckIn(actor: Actor): Promise<{ id: string; resumed: boolean }> {
  const { organisationId, wordingPreset } = assertCanCheckIn(actor);
  if (!actor.privacyAcknowledged) throw new PrivacyNoticeRequiredError();
  const db = await getDb();
  const draftKey = draftKeyFor(actor, organisationId);
  const existing = await db.checkIn.findUnique({ where: { draftKey }, select: { id: true } });
  if (existing) return { id: existing.id, resumed: true };
  try {
    const created = await db.checkIn.create({
      data: {
        userId: actor.userId,
        organisationId,
        instrumentId: PROQOL5.id,
        instrumentVersion: PROQOL5.version,
        wordingPreset,
        draftKey,
      },
      select: { id: true },
    });
    return { id: created.id, resumed: false };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const raced = await db.checkIn.findUnique({ where: { draftKey }, select: { id: true } });
      if (raced) return { id: raced.id, resumed: true };
    }
    throw error;
  }
}

/** The actor's check-in with its saved answers. @throws NotFoundError unless the actor owns it */
export async function getCheckInForAnswering(actor: Actor, id: string): Promise<CheckInForAnswering> {
  const db = await getDb();
  const checkIn = await db.checkIn.findFirst({
    where: ownCheckIn(actor, id),
    select: {
      id: true,
      status: true,
      wordingPreset: true,
      updatedAt: true,
      answers: { select: { itemNumber: true, value: true } },
    },
  });
  if (!checkIn) throw new NotFoundError();
  if (checkIn.status === 'submitted') return { id: checkIn.id, status: 'submitted' };
  return {
    id: checkIn.id,
    status: 'draft',
    wordingPreset: wordingOf(checkIn.wordingPreset),
    updatedAt: checkIn.updatedAt,
    answers: Object.fromEntries(checkIn.answers.map((a) => [a.itemNumber, a.value])),
  };
}

/**
 * Refuses unless the check-in belongs to the actor's current organisation and
 * the database still holds an active membership there with the clinician role.
 * The membership row stays share-locked until the transaction ends, so a
 * concurrent removal or role change waits for it (and a change committed first
 * is seen here).
 * @throws ForbiddenError otherwise
 */
async function assertStillChecksIn(tx: Prisma.TransactionClient, actor: Actor, checkInOrganisationId: string): Promise<void> {
  const { organisationId } = assertCanCheckIn(actor);
  if (checkInOrganisationId !== organisationId) {
    throw new ForbiddenError('This check-in belongs to an organisation you no longer check in with.');
  }
  const active = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "memberships"
    WHERE "user_id" = ${actor.userId}::uuid AND "organisation_id" = ${organisationId}::uuid
      AND "removed_at" IS NULL AND 'clinician' = ANY ("roles")
    FOR SHARE`;
  if (active.length === 0) throw new ForbiddenError('Only clinicians who are members of an organisation can check in.');
}

/**
 * Locks the actor's check-in row until the transaction ends (so saves and
 * submits of it take turns) and reads its status and organisation.
 */
async function lockOwnCheckIn(
  tx: Prisma.TransactionClient,
  actor: Actor,
  id: string,
): Promise<{ status: 'draft' | 'submitted'; organisationId: string } | null> {
  assertId(id);
  const [row] = await tx.$queryRaw<{ status: 'draft' | 'submitted'; organisation_id: string }[]>`
    SELECT "status"::text AS "status", "organisation_id"::text AS "organisation_id" FROM "check_ins"
    WHERE "id" = ${id}::uuid AND "user_id" = ${actor.userId}::uuid
    FOR UPDATE`;
  return row ? { status: row.status, organisationId: row.organisation_id } : null;
}

function assertAnswers(answers: readonly AnswerInput[]): void {
  for (const { itemNumber, value } of answers) {
    if (!Number.isInteger(itemNumber) || itemNumber < 1 || itemNumber > ITEM_COUNT) {
      throw new RangeError(`There is no item ${itemNumber} in the ProQOL 5.`);
    }
    assertAnswer(itemNumber, value);
  }
}

/**
 * Saves answers to the actor's draft (a later answer to the same item replaces
 * the earlier one).
 * @returns how many items the draft now has answers for
 * @throws NotFoundError unless the actor owns the check-in; CheckInClosedError once it is submitted
 */
export async function saveCheckInAnswers(
  actor: Actor,
  id: string,
  answers: readonly AnswerInput[],
): Promise<{ answeredCount: number }> {
  assertCanCheckIn(actor);
  assertAnswers(answers);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Locking the row first makes a concurrent submit wait for these answers.
    const checkIn = await lockOwnCheckIn(tx, actor, id);
    if (!checkIn) throw new NotFoundError();
    if (checkIn.status === 'submitted') throw new CheckInClosedError();
    await assertStillChecksIn(tx, actor, checkIn.organisationId);
    await tx.checkIn.update({ where: ownCheckIn(actor, id), data: { updatedAt: new Date() } });
    for (const { itemNumber, value } of answers) {
      await tx.checkInAnswer.upsert({
        where: { checkInId_itemNumber: { checkInId: id, itemNumber } },
        create: { checkInId: id, itemNumber, value },
        update: { value, answeredAt: new Date() },
      });
    }
    return { answeredCount: await tx.checkInAnswer.count({ where: { checkInId: id } }) };
  });
}

/**
 * Submits the actor's draft: scores it, records the teams the actor belongs to
 * now, and closes it. Idempotent: submitting a submitted check-in changes
 * nothing and reports success, so a double click or a re-post stores one.
 * One transaction: lock the check-in, re-check the membership, then read the
 * answers, so the scores are those of the answers stored when it closes.
 * @returns the unanswered item numbers instead when the draft is incomplete
 * @throws NotFoundError unless the actor owns the check-in; ForbiddenError
 *   unless the actor is (still) an active clinician of its organisation
 */
export async function submitCheckIn(actor: Actor, id: string, now: Date = new Date()): Promise<SubmitOutcome> {
  assertCanCheckIn(actor);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Lock first: a save in flight finishes before the answers are read below.
    const checkIn = await lockOwnCheckIn(tx, actor, id);
    if (!checkIn) throw new NotFoundError();
    if (checkIn.status === 'submitted') return { ok: true as const, id };
    await assertStillChecksIn(tx, actor, checkIn.organisationId);

    const answers = await tx.checkInAnswer.findMany({ where: { checkInId: id }, select: { itemNumber: true, value: true } });
    const byItem = new Map(answers.map((a) => [a.itemNumber, a.value]));
    const missing = PROQOL5.items.map((item) => item.number).filter((n) => !byItem.has(n));
    if (missing.length > 0) return { ok: false as const, missing };

    const scores = scoreProqol5(PROQOL5.items.map((item) => byItem.get(item.number) as number));
    await tx.checkIn.update({
      where: { ...ownCheckIn(actor, id), status: 'draft' },
      data: {
        status: 'submitted',
        draftKey: null,
        submittedAt: now,
        ...scoreColumns(scores),
      },
    });

    const teams = await tx.teamMembership.findMany({
      where: { userId: actor.userId, team: { organisationId: checkIn.organisationId, archivedAt: null } },
      select: { teamId: true, createdAt: true },
    });
    if (teams.length > 0) {
      // When they joined each team: the check-in counts for a team only in periods that began after that.
      await tx.checkInTeam.createMany({ data: teams.map(({ teamId, createdAt }) => ({ checkInId: id, teamId, memberSince: createdAt })) });
    }
    return { ok: true as const, id };
  });
}

/** The score columns of a check-in, and their mapping to scores (shared with the own-data export). */
export const scoreSelect = {
  compassionSatisfactionRaw: true,
  compassionSatisfactionBand: true,
  burnoutRaw: true,
  burnoutBand: true,
  secondaryTraumaticStressRaw: true,
  secondaryTraumaticStressBand: true,
} as const;

type ScoreRow = {
  compassionSatisfactionRaw: number | null;
  compassionSatisfactionBand: Band | null;
  burnoutRaw: number | null;
  burnoutBand: Band | null;
  secondaryTraumaticStressRaw: number | null;
  secondaryTraumaticStressBand: Band | null;
};

export function toScores(row: ScoreRow): Proqol5Scores {
  const pick = (raw: number | null, band: Band | null) => {
    if (raw === null || band === null) throw new Error('A submitted check-in is missing its scores.');
    return { raw, band };
  };
  return {
    compassionSatisfaction: pick(row.compassionSatisfactionRaw, row.compassionSatisfactionBand),
    burnout: pick(row.burnoutRaw, row.burnoutBand),
    secondaryTraumaticStress: pick(row.secondaryTraumaticStressRaw, row.secondaryTraumaticStressBand),
  };
}

/**
 * The scores of one of the actor's submitted check-ins, with the actor's
 * previous one (to compare with and link to) and the date of the next one (to
 * link to). All three are scoped by owner: the neighbours are the actor's own
 * check-ins, so nobody learns from them whether, or when, anyone else checked
 * in. Ordered by submission time, then id, so two check-ins submitted in the
 * same instant still link to each other. @throws NotFoundError otherwise
 */
export async function getCheckInResult(actor: Actor, id: string): Promise<CheckInResult> {
  const db = await getDb();
  const row = await db.checkIn.findFirst({
    where: { ...ownCheckIn(actor, id), status: 'submitted' },
    select: { id: true, submittedAt: true, wordingPreset: true, ...scoreSelect },
  });
  if (!row || !row.submittedAt) throw new NotFoundError();
  const own = { userId: actor.userId, status: 'submitted' as const };
  const at = row.submittedAt;
  const [previous, next] = await Promise.all([
    db.checkIn.findFirst({
      where: { ...own, OR: [{ submittedAt: { lt: at } }, { submittedAt: at, id: { lt: row.id } }] },
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      select: { id: true, submittedAt: true, ...scoreSelect },
    }),
    db.checkIn.findFirst({
      where: { ...own, OR: [{ submittedAt: { gt: at } }, { submittedAt: at, id: { gt: row.id } }] },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      select: { id: true, submittedAt: true },
    }),
  ]);
  return {
    id: row.id,
    submittedAt: row.submittedAt,
    wordingPreset: wordingOf(row.wordingPreset),
    scores: toScores(row),
    previous: previous ? { id: previous.id, submittedAt: previous.submittedAt as Date, scores: toScores(previous) } : null,
    next: next ? { id: next.id, submittedAt: next.submittedAt as Date } : null,
  };
}

/** The actor's submitted check-ins, newest first. */
export async function listMyCheckIns(actor: Actor, options: { take?: number } = {}): Promise<CheckInSummary[]> {
  const db = await getDb();
  const rows = await db.checkIn.findMany({
    where: { userId: actor.userId, status: 'submitted' },
    orderBy: { submittedAt: 'desc' },
    take: options.take,
    select: { id: true, submittedAt: true, ...scoreSelect },
  });
  return rows.map((row) => ({ id: row.id, submittedAt: row.submittedAt as Date, scores: toScores(row) }));
}

/** One of the actor's own drafts, for the page that asks before discarding it. @throws NotFoundError otherwise */
export async function getDraftToDiscard(actor: Actor, id: string): Promise<{ id: string; answeredCount: number; updatedAt: Date }> {
  assertId(id);
  const db = await getDb();
  const draft = await db.checkIn.findFirst({
    where: { id, userId: actor.userId, status: 'draft' },
    select: { id: true, updatedAt: true, _count: { select: { answers: true } } },
  });
  if (!draft) throw new NotFoundError();
  return { id: draft.id, answeredCount: draft._count.answers, updatedAt: draft.updatedAt };
}

/**
 * Discards one of the actor's own drafts with its answers (by cascade). A
 * draft is never part of any figure, so nothing else changes and nothing is
 * recorded. Reading one's own drafts needs no membership, nor does throwing
 * one away.
 * @throws NotFoundError for a malformed id, a submitted check-in, or anyone else's draft (nothing is deleted)
 */
export async function discardMyDraft(actor: Actor, id: string): Promise<void> {
  assertId(id);
  const db = await getDb();
  const { count } = await db.checkIn.deleteMany({ where: { id, userId: actor.userId, status: 'draft' } });
  if (count === 0) throw new NotFoundError();
}
