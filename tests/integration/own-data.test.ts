import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { NotFoundError, type Actor } from '../../lib/services/actor';
import { listAuditEvents, recordAuditEvent } from '../../lib/services/audit';
import { listMyCheckIns, saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import { saveCheckInNote } from '../../lib/services/notes';
import { deleteAllMyCheckInData, deleteMyCheckIn, getCheckInToDelete } from '../../lib/services/own-data';
import { createOrganisation, createPerson, createTeam, sampleAnswers } from '../fixtures/factories';

const asInputs = (answers: number[]) => answers.map((value, i) => ({ itemNumber: i + 1, value }));

let org: { id: string };
let formerOrg: { id: string };
let owner: Actor;
let others: Record<string, Actor>;
let colleague: Actor;
let admin: Actor;
/** The owner's submitted check-ins in `org`, oldest first. */
const ownSubmitted: string[] = [];
let ownDraft: string;
let ownFormer: string;
const colleagueCheckIns: string[] = [];
let publishedPeriodId: string;

async function submitted(actor: Actor, seed: number, at: Date): Promise<string> {
  const { id } = await startOrResumeCheckIn(actor);
  await saveCheckInAnswers(actor, id, asInputs(sampleAnswers(seed)));
  const outcome = await submitCheckIn(actor, id, at);
  if (!outcome.ok) throw new Error('check-in did not submit');
  return id;
}

async function count(sql: TemplateStringsArray, ...values: unknown[]): Promise<number> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ n: number }[]>(sql, ...values);
  return row!.n;
}

/** Raw counts of everything personal a person's check-ins leave in the database. */
async function personalRows(userId: string, checkInIds: string[]) {
  return {
    checkIns: await count`SELECT count(*)::int AS n FROM "check_ins" WHERE "user_id" = ${userId}::uuid`,
    checkInsById: await count`SELECT count(*)::int AS n FROM "check_ins" WHERE "id" = ANY(${checkInIds}::uuid[])`,
    answers: await count`SELECT count(*)::int AS n FROM "check_in_answers" WHERE "check_in_id" = ANY(${checkInIds}::uuid[])`,
    teams: await count`SELECT count(*)::int AS n FROM "check_in_teams" WHERE "check_in_id" = ANY(${checkInIds}::uuid[])`,
    notes: await count`SELECT count(*)::int AS n FROM "check_in_notes" WHERE "check_in_id" = ANY(${checkInIds}::uuid[])`,
    notesOfPerson: await count`SELECT count(*)::int AS n FROM "check_in_notes" WHERE "user_id" = ${userId}::uuid`,
    reminders: await count`SELECT count(*)::int AS n FROM "reminders" r JOIN "memberships" m ON m."id" = r."membership_id" WHERE m."user_id" = ${userId}::uuid`,
  };
}

async function ownDataEvents(organisationId: string) {
  const db = await getDb();
  return db.auditEvent.findMany({
    where: { organisationId, action: 'member.deleted_own_data' },
    select: { actorId: true, targetType: true, targetId: true, targetLabel: true, details: true },
  });
}

async function addReminders(userId: string) {
  const db = await getDb();
  const memberships = await db.membership.findMany({ where: { userId }, select: { id: true } });
  for (const { id } of memberships) {
    await db.reminder.create({ data: { membershipId: id, cycleStart: new Date('2026-09-01T00:00:00Z'), kind: 'due', sentAt: new Date('2026-10-01T08:00:00Z') } });
    await db.reminder.create({ data: { membershipId: id, cycleStart: new Date('2026-09-01T00:00:00Z'), kind: 'follow_up', sentAt: null } });
  }
}

beforeAll(async () => {
  const db = await getDb();
  org = await createOrganisation();
  formerOrg = await createOrganisation();
  const team = await createTeam(org.id);
  owner = await createPerson({ organisationId: org.id, teams: [{ id: team.id }] });
  colleague = await createPerson({ organisationId: org.id, teams: [{ id: team.id }] });
  admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
  others = {
    'a clinician in the same team': colleague,
    'the team’s manager': await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: team.id, manager: true }] }),
    'an admin of the organisation': admin,
  };

  // A check-in from an organisation the owner has since left: deleting everything takes it too.
  await db.membership.create({ data: { userId: owner.userId, organisationId: formerOrg.id, roles: ['clinician'] } });
  const asFormerMember: Actor = { ...owner, organisation: { id: formerOrg.id, name: 'Former', wordingPreset: 'helper' } };
  ownFormer = await submitted(asFormerMember, 4, new Date('2026-06-10T09:00:00Z'));
  await saveCheckInNote(owner, ownFormer, 'From my old job.');
  await db.membership.updateMany({ where: { userId: owner.userId, organisationId: formerOrg.id }, data: { removedAt: new Date() } });

  ownSubmitted.push(await submitted(owner, 1, new Date('2026-08-10T09:00:00Z')));
  ownSubmitted.push(await submitted(owner, 2, new Date('2026-09-10T09:00:00Z')));
  ownSubmitted.push(await submitted(owner, 3, new Date('2026-10-10T09:00:00Z')));
  await saveCheckInNote(owner, ownSubmitted[0]!, 'A hard month.');
  await saveCheckInNote(owner, ownSubmitted[1]!, 'Better after the peer group.');
  ownDraft = (await startOrResumeCheckIn(owner)).id;
  await saveCheckInAnswers(owner, ownDraft, asInputs(sampleAnswers(5).slice(0, 7)));
  await db.membership.updateMany({ where: { userId: owner.userId, organisationId: org.id }, data: { reminderIntervalDays: 60, remindersPausedAt: new Date('2026-10-01T00:00:00Z') } });
  await addReminders(owner.userId);

  colleagueCheckIns.push(await submitted(colleague, 7, new Date('2026-08-11T09:00:00Z')));
  await saveCheckInNote(colleague, colleagueCheckIns[0]!, 'Mine, not theirs.');
  colleagueCheckIns.push((await startOrResumeCheckIn(colleague)).id);
  await saveCheckInAnswers(colleague, colleagueCheckIns[1]!, asInputs(sampleAnswers(8).slice(0, 3)));
  await addReminders(colleague.userId);

  const period = await db.publishedPeriod.create({
    data: {
      organisationId: org.id,
      startsAt: new Date('2026-08-01T00:00:00Z'),
      endsAt: new Date('2026-09-01T00:00:00Z'),
      reportingPeriod: 'month',
      timeZone: 'Europe/London',
      anonymityThreshold: 5,
      aggregates: {
        create: [
          { groupKey: 'organisation', respondents: 5, members: 6, burnoutMean: 24.4, burnoutLow: 2, burnoutModerate: 3, burnoutHigh: 0 },
          { groupKey: team.id, teamId: team.id, suppression: 'too_few' },
        ],
      },
    },
    select: { id: true },
  });
  publishedPeriodId = period.id;
});

async function publishedRows() {
  const db = await getDb();
  return {
    periods: await db.publishedPeriod.findMany({ where: { organisationId: org.id }, orderBy: { startsAt: 'asc' } }),
    aggregates: await db.periodAggregate.findMany({ where: { periodId: publishedPeriodId }, orderBy: { groupKey: 'asc' } }),
  };
}

describe('deleting one check-in', () => {
  it.each(['a clinician in the same team', 'the team’s manager', 'an admin of the organisation'])(
    '%s cannot delete, or even find, the owner’s check-in',
    async (who) => {
      const other = others[who]!;
      const id = ownSubmitted[0]!;
      await expect(getCheckInToDelete(other, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteMyCheckIn(other, id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await personalRows(owner.userId, [id])).toMatchObject({ checkInsById: 1, answers: 30, teams: 1, notes: 1 });
      expect(await ownDataEvents(org.id)).toEqual([]);
    },
  );

  it('a malformed or unknown id, or a draft, reads as not found and deletes nothing', async () => {
    for (const id of ['not-a-uuid', `${ownSubmitted[0]}' OR 1=1 --`, '00000000-0000-4000-8000-000000000000', ownDraft]) {
      await expect(deleteMyCheckIn(owner, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getCheckInToDelete(owner, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await personalRows(owner.userId, [])).checkIns).toBe(5);
    expect(await ownDataEvents(org.id)).toEqual([]);
  });

  it('shows its owner the date and whether a note goes with it', async () => {
    expect(await getCheckInToDelete(owner, ownSubmitted[0]!)).toEqual({ id: ownSubmitted[0], submittedAt: new Date('2026-08-10T09:00:00Z'), hasNote: true });
    expect(await getCheckInToDelete(owner, ownSubmitted[2]!)).toMatchObject({ hasNote: false });
  });

  it('its owner deletes it with its answers, teams and note, and nothing else', async () => {
    const [gone, ...kept] = ownSubmitted as [string, ...string[]];
    await deleteMyCheckIn(owner, gone);
    expect(await personalRows(owner.userId, [gone])).toMatchObject({ checkInsById: 0, answers: 0, teams: 0, notes: 0 });
    expect(await personalRows(owner.userId, kept)).toMatchObject({ checkInsById: 2, answers: 60, teams: 2, notes: 1 });
    expect(await personalRows(owner.userId, [])).toMatchObject({ checkIns: 4, notesOfPerson: 2 });
    expect((await listMyCheckIns(owner)).map((c) => c.id)).toEqual([...kept].reverse().concat(ownFormer));
    expect(await personalRows(colleague.userId, colleagueCheckIns)).toMatchObject({ checkIns: 2, answers: 33, teams: 1, notes: 1 });

    expect(await ownDataEvents(org.id)).toEqual([{ actorId: null, targetType: 'organisation', targetId: null, targetLabel: '', details: null }]);
    ownSubmitted.shift();

    // Deleted is deleted: a second try finds nothing and records nothing.
    await expect(deleteMyCheckIn(owner, gone)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ownDataEvents(org.id)).toHaveLength(1);
  });

  it('appears in the audit log as “A member”, with no target or details', async () => {
    const [entry] = (await listAuditEvents(admin)).filter((e) => e.action === 'member.deleted_own_data');
    expect(entry).toMatchObject({ actor: 'A member', target: '', details: null });
    const everything = JSON.stringify(await listAuditEvents(admin));
    expect(everything).not.toContain(owner.name);
    expect(everything).not.toContain(owner.email);
  });

  it('the anonymous event refuses to be written naming anyone', async () => {
    const db = await getDb();
    await expect(
      recordAuditEvent(db, { organisationId: org.id, actorId: owner.userId, action: 'member.deleted_own_data', targetType: 'organisation' }),
    ).rejects.toThrow(/must not name/);
    await expect(
      recordAuditEvent(db, { organisationId: org.id, actorId: null, action: 'member.deleted_own_data', targetType: 'organisation', targetLabel: owner.email }),
    ).rejects.toThrow(/must not name/);
    expect(await ownDataEvents(org.id)).toHaveLength(1);
  });
});

describe('deleting all one’s check-in data', () => {
  it('removes every check-in, answer, team row, note and reminder record of the person, and nothing of anyone else', async () => {
    const db = await getDb();
    const ownIds = (await db.checkIn.findMany({ where: { userId: owner.userId }, select: { id: true } })).map((c) => c.id);
    expect(ownIds.sort()).toEqual([...ownSubmitted, ownDraft, ownFormer].sort());
    expect(await personalRows(owner.userId, ownIds)).toEqual({ checkIns: 4, checkInsById: 4, answers: 97, teams: 2, notes: 2, notesOfPerson: 2, reminders: 4 });
    const colleagueBefore = await personalRows(colleague.userId, colleagueCheckIns);
    expect(colleagueBefore).toEqual({ checkIns: 2, checkInsById: 2, answers: 33, teams: 1, notes: 1, notesOfPerson: 1, reminders: 2 });
    const publishedBefore = await publishedRows();
    expect(publishedBefore.aggregates).toHaveLength(2);
    const eventsBefore = await db.auditEvent.count();

    expect(await deleteAllMyCheckInData(owner)).toBe(4);

    expect(await personalRows(owner.userId, ownIds)).toEqual({ checkIns: 0, checkInsById: 0, answers: 0, teams: 0, notes: 0, notesOfPerson: 0, reminders: 0 });
    expect(await personalRows(colleague.userId, colleagueCheckIns)).toEqual(colleagueBefore);
    expect(await publishedRows()).toEqual(publishedBefore);

    // One event per organisation whose check-ins went, naming nobody.
    const anonymous = { actorId: null, targetType: 'organisation', targetId: null, targetLabel: '', details: null };
    expect(await ownDataEvents(org.id)).toEqual([anonymous, anonymous]);
    expect(await ownDataEvents(formerOrg.id)).toEqual([anonymous]);
    expect(await db.auditEvent.count()).toBe(eventsBefore + 2);
  });

  it('keeps the account, memberships, teams and reminder preferences', async () => {
    const db = await getDb();
    const user = await db.user.findUnique({ where: { id: owner.userId }, select: { email: true, passwordHash: true } });
    expect(user).toMatchObject({ email: owner.email });
    expect(user?.passwordHash).toBeTruthy();
    const memberships = await db.membership.findMany({
      where: { userId: owner.userId },
      orderBy: { createdAt: 'asc' },
      select: { organisationId: true, roles: true, removedAt: true, reminderIntervalDays: true, remindersPausedAt: true },
    });
    expect(memberships).toHaveLength(2);
    expect(memberships.find((m) => m.organisationId === org.id)).toEqual({
      organisationId: org.id,
      roles: ['clinician'],
      removedAt: null,
      reminderIntervalDays: 60,
      remindersPausedAt: new Date('2026-10-01T00:00:00Z'),
    });
    expect(await db.teamMembership.count({ where: { userId: owner.userId } })).toBe(1);
  });

  it('with nothing left to delete, deletes nothing and records nothing', async () => {
    const db = await getDb();
    const before = await db.auditEvent.count();
    expect(await deleteAllMyCheckInData(owner)).toBe(0);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('another person deleting all their data leaves the owner’s new data alone', async () => {
    const mine = await submitted(owner, 9, new Date('2026-11-10T09:00:00Z'));
    const admins = await deleteAllMyCheckInData(admin);
    expect(admins).toBe(0);
    expect(await personalRows(owner.userId, [mine])).toMatchObject({ checkIns: 1, answers: 30 });
    await deleteMyCheckIn(owner, mine);
  });

  it('lets the person start and submit a new check-in afterwards', async () => {
    const started = await startOrResumeCheckIn(owner);
    expect(started.resumed).toBe(false);
    expect(await saveCheckInAnswers(owner, started.id, asInputs(sampleAnswers(6)))).toEqual({ answeredCount: 30 });
    expect(await submitCheckIn(owner, started.id)).toEqual({ ok: true, id: started.id });
    expect((await listMyCheckIns(owner)).map((c) => c.id)).toEqual([started.id]);
    expect(await personalRows(colleague.userId, colleagueCheckIns)).toMatchObject({ checkIns: 2, notes: 1 });
  });
});
