import 'server-only';
import { getDb, type Prisma } from '../db';
import { openPeriod, ruleAt, type ReportingRule, type RuleChange } from '../aggregates/periods';

/**
 * Rules frozen per period (PRODUCT.md privacy rule 11). The threshold, the
 * reporting period and the time zone a period is published under are the ones
 * in force when it started: an admin who changes them during a period changes
 * nothing about it (so nobody can lower the threshold, reload and watch a
 * figure appear). A change is scheduled for the start of the next period,
 * stored in `reporting_rules`; the organisation's own columns hold the latest
 * decision, shown on the settings page.
 */

type Client = Pick<Prisma.TransactionClient, '$queryRaw'>;

export type RuleBook = {
  /** The rule as saved last (the organisation's columns): in force now, unless a change is pending. */
  latest: ReportingRule;
  /** Every change, oldest first (empty when the settings never changed). */
  changes: RuleChange[];
};

/** An organisation's rules in one statement. */
export async function loadRuleBook(client: Client, organisationId: string): Promise<RuleBook | null> {
  const rows = await client.$queryRaw<(ReportingRule & { effectiveFrom: Date | null })[]>`
    SELECT o."reporting_period"::text AS "reportingPeriod", o."time_zone" AS "timeZone", o."anonymity_threshold" AS "anonymityThreshold", NULL::timestamptz AS "effectiveFrom"
    FROM "organisations" o WHERE o."id" = ${organisationId}::uuid
    UNION ALL
    SELECT r."reporting_period"::text, r."time_zone", r."anonymity_threshold", r."effective_from"
    FROM "reporting_rules" r WHERE r."organisation_id" = ${organisationId}::uuid
    ORDER BY 4 ASC NULLS FIRST`;
  const [organisation, ...changes] = rows;
  if (!organisation) return null;
  const rule = ({ reportingPeriod, timeZone, anonymityThreshold }: ReportingRule): ReportingRule => ({ reportingPeriod, timeZone, anonymityThreshold });
  return { latest: rule(organisation), changes: changes.map((c) => ({ ...rule(c), effectiveFrom: c.effectiveFrom! })) };
}

/** An organisation's rules with the end of its last published period: what every period boundary is computed from. */
export async function loadRuleState(client: Client, organisationId: string): Promise<{ book: RuleBook; lastEnd: Date | null } | null> {
  const [book, last] = await Promise.all([
    loadRuleBook(client, organisationId),
    client.$queryRaw<{ lastEnd: Date | null }[]>`SELECT max("ends_at") AS "lastEnd" FROM "published_periods" WHERE "organisation_id" = ${organisationId}::uuid`,
  ]);
  return book ? { book, lastEnd: last[0]?.lastEnd ?? null } : null;
}

/** The rule in force at an instant (a period's start). */
export function ruleInForce(book: RuleBook, instant: Date): ReportingRule {
  // With no history the organisation's columns have always been the rule; with one, its first row goes back to the beginning.
  return ruleAt(book.changes, instant, book.latest);
}

/** The periods' own arguments for lib/aggregates/periods: the rule as it was and will be. */
export function periodRules(book: RuleBook): { kind: ReportingRule['reportingPeriod']; timeZone: string; anonymityThreshold: number; changes: RuleChange[] } {
  return { kind: book.latest.reportingPeriod, timeZone: book.latest.timeZone, anonymityThreshold: book.latest.anonymityThreshold, changes: book.changes };
}

const THE_BEGINNING = new Date('1970-01-01T00:00:00Z');
const same = (a: ReportingRule, b: ReportingRule) =>
  a.reportingPeriod === b.reportingPeriod && a.timeZone === b.timeZone && a.anonymityThreshold === b.anonymityThreshold;

/**
 * Schedules `next` for the start of the next period: the end of the period
 * open at `now` under the rules so far. Call it in the transaction that saves
 * the organisation's columns, after locking the organisation's row.
 * @returns when the change takes effect, and the rule it replaces then (null: nothing changes)
 */
export async function scheduleRuleChange(
  tx: Prisma.TransactionClient,
  organisationId: string,
  next: ReportingRule,
  now: Date,
): Promise<{ effectiveFrom: Date; replaces: ReportingRule } | null> {
  const { book, lastEnd } = (await loadRuleState(tx, organisationId))!;
  const open = openPeriod({ lastEnd, now, ...periodRules(book) });
  const effectiveFrom = open.endsAt;
  const before = ruleAt(book.changes, open.startsAt, book.latest);
  if (book.changes.length === 0) {
    await tx.reportingRule.create({ data: { organisationId, effectiveFrom: THE_BEGINNING, ...before } });
  }
  // A change back to the rule already in force cancels what was pending.
  if (same(before, next)) {
    await tx.reportingRule.deleteMany({ where: { organisationId, effectiveFrom } });
    return null;
  }
  await tx.reportingRule.upsert({
    where: { organisationId_effectiveFrom: { organisationId, effectiveFrom } },
    create: { organisationId, effectiveFrom, ...next },
    update: next,
  });
  return { effectiveFrom, replaces: before };
}

export type RuleSchedule = {
  /** The rule of the period under way. */
  inForce: ReportingRule;
  /** When the next period starts: a change saved now applies from then. */
  nextStart: Date;
  /** A change already saved for the next period, if any. */
  pending: (ReportingRule & { effectiveFrom: Date }) | null;
  /** Every change, oldest first, with when it took (or takes) effect; empty while the settings never changed. */
  history: RuleChange[];
};

/** The reporting rule of the period under way, and what a change would do: for the settings page and each member's account page. */
export async function getRuleSchedule(organisationId: string, now: Date = new Date()): Promise<RuleSchedule> {
  const { book, lastEnd } = (await loadRuleState(await getDb(), organisationId))!;
  const open = openPeriod({ lastEnd, now, ...periodRules(book) });
  const pending = book.changes.find((c) => c.effectiveFrom.getTime() >= open.endsAt.getTime()) ?? null;
  return { inForce: ruleInForce(book, open.startsAt), nextStart: open.endsAt, pending, history: book.changes.slice(1) };
}
