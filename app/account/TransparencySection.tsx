import { formatLocalDay } from '@/lib/format/date-time';
import type { RuleSummary, Transparency } from '@/lib/services/transparency';

const PERIOD_WORD: Record<RuleSummary['reportingPeriod'], string> = { month: 'month', quarter: 'quarter' };
const members = (n: number) => (n === 1 ? '1 member' : `${n} members`);
const rule = (r: RuleSummary) => `groups of at least ${r.anonymityThreshold} people who responded, for each ${PERIOD_WORD[r.reportingPeriod]} once it has ended`;

/** Which teams the person's check-ins count for and the rule summaries follow (PRODUCT.md privacy rule 13). */
export function TransparencySection({ transparency, now }: { transparency: Transparency; now: Date }) {
  const { teams, inForce, pending, history } = transparency;
  return (
    <section className="panel" aria-labelledby="who-sees">
      <h2 id="who-sees">Who sees summaries of your check-ins</h2>
      <p>
        Nobody sees your answers or scores. Managers and admins at {transparency.organisation} see only summaries of teams, never
        who responded.
      </p>
      {teams.length === 0 ? (
        <p>Your check-ins do not count for any team at the moment: you are not in one.</p>
      ) : (
        <>
          <p id="who-sees-teams">Your check-ins count for:</p>
          <ul className="support__list" aria-labelledby="who-sees-teams">
            {teams.map((team) => (
              <li key={team.name}>
                {team.name} ({members(team.members)}),{' '}
                {team.countsFrom.getTime() <= now.getTime()
                  ? `since ${formatLocalDay(team.countsFrom, inForce.timeZone)}`
                  : `from ${formatLocalDay(team.countsFrom, inForce.timeZone)}: the first reporting period that began after you joined`}
                {team.reportedWithin ? `; reported together with other teams, as ${team.reportedWithin}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>Summaries are shown only for {rule(inForce)}.</p>
      {pending ? (
        <p className="notice">
          From {formatLocalDay(pending.effectiveFrom, inForce.timeZone)} the threshold will be {pending.anonymityThreshold}
          {pending.reportingPeriod !== inForce.reportingPeriod ? ` and summaries will be for each ${PERIOD_WORD[pending.reportingPeriod]}` : ''}.
          Periods that started before then keep the rule they started with.
        </p>
      ) : null}
      {history.length > 1 ? (
        <>
          <h3 id="who-sees-history">How the rule has changed</h3>
          <ul className="support__list" aria-labelledby="who-sees-history">
            {history.map((entry) => (
              <li key={entry.effectiveFrom?.toISOString() ?? 'start'}>
                {entry.effectiveFrom ? `From ${formatLocalDay(entry.effectiveFrom, entry.timeZone)}` : 'At first'}: {rule(entry)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">This rule has not changed since {transparency.organisation} started using Tend.</p>
      )}
    </section>
  );
}
