import { DateTime } from 'luxon';

/**
 * Reporting periods: calendar months or quarters in the organisation's time
 * zone, each from midnight on its first day (inclusive) to midnight on the
 * first day of the next (exclusive). Pure and deterministic: `now` is passed in.
 *
 * Periods never overlap. Each period to publish begins where the last
 * published one ended and runs to the next boundary of the current setting, so
 * a change from months to quarters in February yields a shortened quarter
 * (1 February to 1 April) rather than a quarter that repeats January: no check-in
 * ever counts in two published periods, and periods of different lengths
 * cannot be subtracted from one another.
 */

export type PeriodKind = 'month' | 'quarter';
export type Period = { startsAt: Date; endsAt: Date };

function assertZone(timeZone: string): void {
  if (!DateTime.now().setZone(timeZone).isValid) throw new RangeError(`unknown time zone ${timeZone}`);
}

/** The calendar month or quarter containing `instant`, in `timeZone`. @throws RangeError for an unknown zone */
export function periodContaining(instant: Date, kind: PeriodKind, timeZone: string): Period {
  assertZone(timeZone);
  const start = DateTime.fromJSDate(instant, { zone: timeZone }).startOf(kind);
  return { startsAt: start.toJSDate(), endsAt: start.plus(kind === 'month' ? { months: 1 } : { quarters: 1 }).toJSDate() };
}

/** The period that begins at `startsAt` and ends at the next boundary of `kind` after it. */
export function periodFrom(startsAt: Date, kind: PeriodKind, timeZone: string): Period {
  return { startsAt, endsAt: periodContaining(startsAt, kind, timeZone).endsAt };
}

/**
 * A reporting rule: what a period is published under. Rules are frozen per
 * period: a change takes effect at the start of the next period that starts
 * after it (`effectiveFrom`), never in the middle of one.
 */
export type ReportingRule = { reportingPeriod: PeriodKind; timeZone: string; anonymityThreshold: number };
export type RuleChange = ReportingRule & { effectiveFrom: Date };

/**
 * The rule a period starting at `start` is under: the latest change in force by
 * then, or `current` when no change is (an organisation whose settings never
 * changed has no history).
 */
export function ruleAt(changes: readonly RuleChange[], start: Date, current: ReportingRule): ReportingRule {
  let rule = current;
  for (const change of changes) if (change.effectiveFrom.getTime() <= start.getTime()) rule = change;
  return rule;
}

/** The period from `startsAt` under the rule in force then: to its next boundary, or to the next change if sooner. */
function nextPeriod(startsAt: Date, changes: readonly RuleChange[], current: ReportingRule): Period {
  const rule = ruleAt(changes, startsAt, current);
  const period = periodFrom(startsAt, rule.reportingPeriod, rule.timeZone);
  const change = changes.find((c) => c.effectiveFrom.getTime() > startsAt.getTime() && c.effectiveFrom.getTime() < period.endsAt.getTime());
  return change ? { startsAt, endsAt: change.effectiveFrom } : period;
}

type Rules = { kind: PeriodKind; timeZone: string; anonymityThreshold?: number; changes?: readonly RuleChange[] };
const currentRule = (input: Rules): ReportingRule => ({ reportingPeriod: input.kind, timeZone: input.timeZone, anonymityThreshold: input.anonymityThreshold ?? 5 });
const byDate = (changes: readonly RuleChange[] = []) => [...changes].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());

/**
 * The closed periods still to publish, oldest first: from the end of the last
 * published period (or, with none yet, the start of the period of the first
 * check-in) up to the last period that has ended by `now`. Each period follows
 * the rule in force at its start (`changes`; `kind` and `timeZone` where none is).
 */
export function periodsToPublish(input: { lastEnd: Date | null; firstCheckIn: Date | null; now: Date } & Rules): Period[] {
  const { now } = input;
  const changes = byDate(input.changes);
  const current = currentRule(input);
  const first = input.firstCheckIn ? ruleAt(changes, input.firstCheckIn, current) : current;
  let start: Date | null = input.lastEnd ?? (input.firstCheckIn ? periodContaining(input.firstCheckIn, first.reportingPeriod, first.timeZone).startsAt : null);
  const periods: Period[] = [];
  while (start) {
    const period = nextPeriod(start, changes, current);
    if (period.endsAt.getTime() > now.getTime()) break;
    periods.push(period);
    start = period.endsAt;
  }
  return periods;
}

/**
 * The period still open at `now`: it begins where the last published one
 * ended, if that is later than the calendar boundary, and follows the rule in
 * force at its start.
 */
export function openPeriod(input: { lastEnd: Date | null; now: Date } & Rules): Period {
  const changes = byDate(input.changes);
  const current = currentRule(input);
  const rule = ruleAt(changes, input.now, current);
  const calendar = periodContaining(input.now, rule.reportingPeriod, rule.timeZone);
  const startsAt = input.lastEnd && input.lastEnd.getTime() > calendar.startsAt.getTime() ? input.lastEnd : calendar.startsAt;
  return nextPeriod(startsAt, changes, current);
}

/**
 * A period's name, e.g. "March 2026", "Q1 2026" or, for a shortened one,
 * "Q1 2026 (from 1 February)".
 */
export function periodLabel(period: Period, kind: PeriodKind, timeZone: string): string {
  const start = DateTime.fromJSDate(period.startsAt, { zone: timeZone });
  const calendar = periodContaining(period.startsAt, kind, timeZone);
  const name = kind === 'month' ? start.setLocale('en-GB').toFormat('LLLL yyyy') : `Q${start.quarter} ${start.year}`;
  return calendar.startsAt.getTime() === period.startsAt.getTime() ? name : `${name} (from ${start.setLocale('en-GB').toFormat('d LLLL')})`;
}

/** A short axis label: "Mar 26" or "Q1 26". */
export function periodShortLabel(period: Period, kind: PeriodKind, timeZone: string): string {
  const start = DateTime.fromJSDate(period.startsAt, { zone: timeZone });
  return kind === 'month' ? start.setLocale('en-GB').toFormat('LLL yy') : `Q${start.quarter} ${start.toFormat('yy')}`;
}

/** The local calendar date (yyyy-mm-dd) of an instant in a zone: for placing dated initiatives among periods. */
export function localDate(instant: Date, timeZone: string): string {
  assertZone(timeZone);
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/** Midnight at the start of a local calendar date (yyyy-mm-dd) in a zone. @throws RangeError for a malformed date */
export function startOfLocalDate(date: string, timeZone: string): Date {
  assertZone(timeZone);
  const day = DateTime.fromISO(date, { zone: timeZone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !day.isValid) throw new RangeError(`not a calendar date: ${date}`);
  return day.startOf('day').toJSDate();
}
