import 'server-only';
import { openPeriod, type PeriodKind } from '../aggregates/periods';
import { appOrigin } from '../config/server';
import { getDb, type Prisma } from '../db';
import { formatLocalDay } from '../format/date-time';
import { enqueueMail } from '../mail/outbox';
import type { Actor } from './actor';
import { loadRuleBook, periodRules, ruleInForce, type RuleBook } from './reporting-rules';
import { loadTeamReporting } from './reporting-groups';
import { reportingAt } from '../aggregates/reporting-groups';

/**
 * Transparency for the people measured (PRODUCT.md privacy rule 13): each
 * person sees which teams their check-ins count for, how big each team is and
 * the rule summaries are shown under, and is told when they are added to a team
 * or the threshold is lowered, before it takes effect. Everything here is about
 * the actor alone: team sizes are counts, never names, and nothing reads
 * anyone's check-ins.
 */

export type RuleSummary = { anonymityThreshold: number; reportingPeriod: PeriodKind; timeZone: string };

export type Transparency = {
  organisation: string;
  teams: {
    name: string;
    /** Active clinicians in the team, the person included when they are one. */
    members: number;
    /** The start of the first reporting period the person counts for in this team (rule 11: a member from its start). */
    countsFrom: Date;
    /** The reporting group the team is reported within in the period under way: its figures are the group's. */
    reportedWithin: string | null;
  }[];
  /** The rule of the period under way. */
  inForce: RuleSummary;
  /** A change scheduled for the start of a later period. */
  pending: (RuleSummary & { effectiveFrom: Date }) | null;
  /** The rules so far, oldest first; `effectiveFrom` null for the one the organisation started with. */
  history: (RuleSummary & { effectiveFrom: Date | null })[];
};

/** Notice mails are worth sending for a week; after that the account page says the same. */
const NOTICE_LIFETIME_MS = 7 * 86_400_000;
const THE_BEGINNING_MS = new Date('1970-01-02T00:00:00Z').getTime();

type Client = Pick<Prisma.TransactionClient, '$queryRaw' | 'teamMembership'>;

const summary = (rule: RuleSummary): RuleSummary => ({
  anonymityThreshold: rule.anonymityThreshold,
  reportingPeriod: rule.reportingPeriod,
  timeZone: rule.timeZone,
});

/**
 * The start of the first reporting period that starts at or after `joinedAt`:
 * a person counts for a team in a period only if they were a member from its
 * start. Periods are taken from the calendar and the scheduled changes (a
 * period never spans a change), which is where every period begins.
 */
function firstPeriodFrom(book: RuleBook, joinedAt: Date): Date {
  const open = openPeriod({ lastEnd: null, now: joinedAt, ...periodRules(book) });
  return open.startsAt.getTime() === joinedAt.getTime() ? open.startsAt : open.endsAt;
}

/** Active clinicians per team: the people whose check-ins count for it. */
async function memberCounts(client: Client, organisationId: string, teamIds: string[]): Promise<Map<string, number>> {
  if (teamIds.length === 0) return new Map();
  const rows = await client.teamMembership.groupBy({
    by: ['teamId'],
    where: { teamId: { in: teamIds }, user: { memberships: { some: { organisationId, removedAt: null, roles: { has: 'clinician' } } } } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.teamId, r._count._all]));
}

/**
 * What the signed-in person's check-ins count for and under which rule. Reads
 * only the actor's own memberships: there is no way to ask about someone else.
 * @returns null for someone who is not an active member of an organisation
 */
export async function getTransparency(actor: Actor, now: Date = new Date()): Promise<Transparency | null> {
  if (!actor.organisation) return null;
  const organisationId = actor.organisation.id;
  const db = await getDb();
  const [book, membership, teamMemberships] = await Promise.all([
    loadRuleBook(db, organisationId),
    db.membership.findUnique({
      where: { userId_organisationId: { userId: actor.userId, organisationId } },
      select: { createdAt: true, removedAt: true },
    }),
    db.teamMembership.findMany({
      where: { userId: actor.userId, team: { organisationId, archivedAt: null } },
      select: { createdAt: true, team: { select: { id: true, name: true } } },
      orderBy: { team: { name: 'asc' } },
    }),
  ]);
  if (!book || !membership || membership.removedAt) return null;
  const [counts, reporting, groups] = await Promise.all([
    memberCounts(db, organisationId, teamMemberships.map((t) => t.team.id)),
    loadTeamReporting(db, organisationId),
    db.reportingGroup.findMany({ where: { organisationId }, select: { id: true, name: true } }),
  ]);
  // Changes take effect at the start of a period, so what is in force now is the period's.
  const grouped = reportingAt(reporting, now);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));

  const past = book.changes.filter((c) => c.effectiveFrom.getTime() <= now.getTime());
  const future = book.changes.find((c) => c.effectiveFrom.getTime() > now.getTime());
  const history = past.length === 0
    ? [{ ...summary(ruleInForce(book, now)), effectiveFrom: null }]
    : past.map((c) => ({ ...summary(c), effectiveFrom: c.effectiveFrom.getTime() < THE_BEGINNING_MS ? null : c.effectiveFrom }));

  return {
    organisation: actor.organisation.name,
    teams: teamMemberships.map((t) => {
      const joinedAt = new Date(Math.max(t.createdAt.getTime(), membership.createdAt.getTime()));
      const within = grouped.get(t.team.id);
      return {
        name: t.team.name,
        members: counts.get(t.team.id) ?? 0,
        countsFrom: firstPeriodFrom(book, joinedAt),
        reportedWithin: within ? (groupName.get(within) ?? null) : null,
      };
    }),
    inForce: summary(ruleInForce(book, now)),
    pending: future ? { ...summary(future), effectiveFrom: future.effectiveFrom } : null,
    history,
  };
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * Tells a person they were added to teams (one mail for all of them), in the
 * transaction that added them. Call it after the memberships are written, and
 * only with the teams actually added. Says how many members each team has, from
 * when their check-ins count and the threshold then: no score, no names.
 */
export async function enqueueTeamAddedMail(
  tx: Prisma.TransactionClient,
  input: { organisationId: string; organisationName: string; to: string; teams: { id: string; name: string }[] },
  now: Date = new Date(),
): Promise<void> {
  if (input.teams.length === 0) return;
  const book = (await loadRuleBook(tx, input.organisationId))!;
  const countsFrom = firstPeriodFrom(book, now);
  const rule = ruleInForce(book, countsFrom);
  const counts = await memberCounts(tx, input.organisationId, input.teams.map((t) => t.id));
  const names = input.teams.map((t) => t.name);
  await enqueueMail(
    {
      to: input.to,
      subject: `You've been added to ${list(names)} in Tend`,
      text: [
        `You have been added to ${list(names)} at ${input.organisationName}.`,
        '',
        ...input.teams.map((t) => `${t.name} has ${people(counts.get(t.id) ?? 0)} whose check-ins count for it.`),
        '',
        `Your check-ins count for ${names.length === 1 ? 'its' : 'their'} summaries from the next reporting period, which starts on ${formatLocalDay(countsFrom, rule.timeZone)}.`,
        `Summaries are shown only for groups of at least ${rule.anonymityThreshold} people who responded, and only once a period has ended. Nobody sees your own answers or scores.`,
        '',
        'You can see which teams your check-ins count for, and the rules, on your account page:',
        `${appOrigin()}/account`,
      ].join('\n'),
      expiresAt: new Date(now.getTime() + NOTICE_LIFETIME_MS),
    },
    tx,
    now,
  );
}

/**
 * Tells every active member of the organisation (all roles) that the
 * threshold will be lowered, before it takes effect; in the transaction that
 * scheduled the change, so it is written (and sent) once.
 */
export async function enqueueThresholdLoweredMail(
  tx: Prisma.TransactionClient,
  input: { organisationId: string; organisationName: string; effectiveFrom: Date; timeZone: string; from: number; to: number },
  now: Date = new Date(),
): Promise<void> {
  const members = await tx.membership.findMany({
    where: { organisationId: input.organisationId, removedAt: null },
    select: { user: { select: { email: true } } },
  });
  const date = formatLocalDay(input.effectiveFrom, input.timeZone);
  for (const member of members) {
    await enqueueMail(
      {
        to: member.user.email,
        subject: `The privacy threshold in ${input.organisationName} will change on ${date}`,
        text: [
          `From ${date}, summaries of check-ins at ${input.organisationName} can be shown for groups of ${input.to} people who responded instead of ${input.from}.`,
          'Periods that started before then keep the current threshold. Nobody sees your own answers or scores.',
          '',
          'You can see the rules, and which teams your check-ins count for, on your account page:',
          `${appOrigin()}/account`,
        ].join('\n'),
        expiresAt: new Date(Math.max(input.effectiveFrom.getTime(), now.getTime() + NOTICE_LIFETIME_MS)),
      },
      tx,
      now,
    );
  }
}
