import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GroupSeries } from '@/components/dashboard/GroupSeries';
import { OpenPeriod } from '@/components/dashboard/OpenPeriod';
import { getCurrentUser } from '@/lib/auth/session';
import { changeText, HIDDEN_TEXT, participationText } from '@/lib/format/aggregates';
import { SUBSCALE_NAMES } from '@/lib/instruments';
import { SUBSCALES } from '@/lib/scoring';
import { NotFoundError } from '@/lib/services/actor';
import { getOrganisationDashboard, listDashboardTeams, ORGANISATION_GROUP } from '@/lib/services/aggregates';
import { listInitiatives } from '@/lib/services/initiatives';
import { createInitiativeAction, deleteInitiativeAction } from '@/app/dashboard/initiatives/actions';
import { initiativeMarkers, Initiatives } from '@/components/dashboard/Initiatives';

export const metadata: Metadata = { title: 'Organisation dashboard' };

/**
 * The organisation's figures and each team's side by side, for admins. Which
 * groups are hidden was decided when each period was published, over every
 * group together, so nothing here can be subtracted to reveal a hidden one.
 */
export default async function OrganisationDashboardPage({ searchParams }: { searchParams: Promise<{ period?: string | string[] }> }) {
  const actor = await getCurrentUser();
  if (!actor) notFound();
  const dashboard = await getOrganisationDashboard(actor).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { period: asked } = await searchParams;
  const newestFirst = [...dashboard.periods].reverse();
  const selected = newestFirst.find((p) => p.id === asked) ?? newestFirst[0];
  const organisationSeries = dashboard.periods.map((p) => ({ ...p, figures: p.cells[ORGANISATION_GROUP]! }));
  const [initiatives, teams] = await Promise.all([listInitiatives(actor, { organisation: true }), listDashboardTeams(actor)]);

  return (
    <div className="page page--wide">
      <p className="muted">
        <Link href="/dashboard">Dashboards</Link>
      </p>
      <h1>{dashboard.organisation.name}: organisation dashboard</h1>
      <p className="lede">
        The whole organisation and each team, from closed periods only. A group with too few respondents shows no figures, and where
        that group could otherwise be worked out by subtracting the others from the total, another group (usually the total) is
        hidden too.
      </p>
      <OpenPeriod open={dashboard.open} group="the organisation" />
      <p>
        <a href="/dashboard/organisation/export" download>
          Download these figures (CSV)
        </a>
      </p>

      <section className="panel" aria-labelledby="side-by-side">
        <h2 id="side-by-side">Teams side by side{selected ? `: ${selected.label}` : ''}</h2>
        {!selected ? (
          <p>No period has been published yet. Figures appear here once a period has closed.</p>
        ) : (
          <>
            <form method="get" className="button-row">
              <div className="field">
                <label htmlFor="period">Period</label>
                <select id="period" name="period" defaultValue={selected.id}>
                  {newestFirst.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--secondary">
                Show period
              </button>
            </form>
            <div className="table-scroll table-scroll--full" tabIndex={0} role="region" aria-labelledby="side-by-side-caption">
              <table className="history-table">
                <caption id="side-by-side-caption">
                  {selected.label}: respondents and mean scores (10 to 50), with the change since the period before
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col">Respondents</th>
                    {SUBSCALES.map((s) => (
                      <th key={s} scope="col">
                        {SUBSCALE_NAMES[s]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {dashboard.groups.map((group) => {
                    const cell = selected.cells[group.key];
                    return (
                      <tr key={group.key}>
                        <th scope="row">
                          {group.kind === 'team' ? <Link href={`/dashboard/teams/${group.key}`}>{group.name}</Link> : `${group.name} (everyone)`}
                          {group.archived ? ' (archived)' : ''}
                        </th>
                        {!cell || cell.status !== 'shown' ? (
                          <td colSpan={4}>{HIDDEN_TEXT[cell?.status ?? 'too_few']}</td>
                        ) : (
                          <>
                            <td>{participationText(cell)}</td>
                            {SUBSCALES.map((s) => (
                              <td key={s} className="num">
                                {cell.subscales[s].mean} <span className="muted">({changeText(cell.subscales[s].change)})</span>
                              </td>
                            ))}
                          </>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <h2>The whole organisation over time</h2>
      <GroupSeries id="organisation" periods={organisationSeries} markers={initiativeMarkers(initiatives, organisationSeries)} />
      <Initiatives
        actions={{ create: createInitiativeAction, remove: deleteInitiativeAction }}
        initiatives={initiatives}
        returnTo="/dashboard/organisation"
        teams={teams.filter((t) => !t.archived)}
        defaultTeamIds={[]}
        allowWholeOrganisation
      />
    </div>
  );
}
