import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GroupSeries } from '@/components/dashboard/GroupSeries';
import { OpenPeriod } from '@/components/dashboard/OpenPeriod';
import { DataTable } from '@/components/ui/DataTable';
import { getCurrentUser } from '@/lib/auth/session';
import { changeText, hiddenText, NOT_SHOWN_TEXT } from '@/lib/format/aggregates';
import { SUBSCALE_NAMES } from '@/lib/instruments';
import { SUBSCALES } from '@/lib/scoring';
import { NotFoundError } from '@/lib/services/actor';
import { getOrganisationDashboard, ORGANISATION_GROUP, type OrganisationDashboard } from '@/lib/services/aggregates';
import { listInitiatives } from '@/lib/services/initiatives';
import { initiativeMarkers, Initiatives } from '@/components/dashboard/Initiatives';
import { PrintHeading, ReportTools } from '@/components/dashboard/ReportTools';
import { formatCalendarDate } from '@/lib/format/date';

export const metadata: Metadata = { title: 'Organisation dashboard' };

/**
 * The organisation's figures and each team's side by side, for admins. Which
 * groups are hidden was decided when each period was published, over every
 * group together, so nothing here can be subtracted to reveal a hidden one.
 */
const SIDE_BY_SIDE_COLUMNS = [
  { label: 'Group' },
  { label: 'Respondents (of members)' },
  ...SUBSCALES.map((s) => ({ label: SUBSCALE_NAMES[s], numeric: true })),
];

/** Teams per page of the side-by-side table: a large organisation has hundreds. */
const TEAMS_PER_PAGE = 50;

export default async function OrganisationDashboardPage({ searchParams }: { searchParams: Promise<{ period?: string | string[]; page?: string | string[] }> }) {
  const actor = await getCurrentUser();
  if (!actor) notFound();
  const { period: asked, page: askedPage } = await searchParams;
  const [dashboard, initiatives] = await Promise.all([
    getOrganisationDashboard(actor, new Date(), { periodId: typeof asked === 'string' ? asked : undefined }),
    listInitiatives(actor, { organisation: true }),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const newestFirst = [...dashboard.periods].reverse();
  const selected = dashboard.periods.find((p) => p.id === dashboard.selectedPeriodId);
  const [organisationGroup, ...allTeamGroups] = dashboard.groups;
  // The rows of the selected period: teams on their own and reporting groups (a team reported within a group is named in its row).
  const teamGroups = allTeamGroups.filter((g) => {
    const cell = selected?.cells[g.key];
    return g.kind === 'reporting' ? !!cell : cell?.status !== 'grouped';
  });
  const pages = Math.max(1, Math.ceil(teamGroups.length / TEAMS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(typeof askedPage === 'string' ? askedPage : '1', 10) || 1));
  const pageGroups = [organisationGroup!, ...teamGroups.slice((page - 1) * TEAMS_PER_PAGE, page * TEAMS_PER_PAGE)];
  const pageHref = (n: number) => `/dashboard/organisation?period=${selected?.id ?? ''}&page=${n}`;
  const organisationSeries = dashboard.periods.map((p) => ({ ...p, figures: p.cells[ORGANISATION_GROUP]! }));

  return (
    <div className="page">
      <PrintHeading organisation={dashboard.organisation.name} printedOn={formatCalendarDate(dashboard.open.today)} />
      <p className="muted print-hidden">
        <Link href="/dashboard">Dashboards</Link>
      </p>
      <h1>{dashboard.organisation.name}: organisation dashboard</h1>
      <p className="lede">
        The whole organisation and each team. Figures come from closed periods only, are published once and never change, and
        appear only when enough people responded that no one can be picked out. A group with too few respondents shows no figures, and where
        that group could otherwise be worked out by subtracting the others from the total, another group (usually the total) is
        hidden too.
      </p>
      <ReportTools csvHref="/dashboard/organisation/export" />
      <OpenPeriod open={dashboard.open} group="the organisation" />
      <TotalHidden hidden={dashboard.totalHidden} periods={dashboard.periods.length} threshold={dashboard.open.rule.anonymityThreshold} />

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
            <DataTable
              captionId="side-by-side-caption"
              caption={`${selected.label}: respondents and mean scores (10 to 50), with the change since the period before. “Not shown”: ${NOT_SHOWN_TEXT}.`}
              columns={SIDE_BY_SIDE_COLUMNS}
              rows={pageGroups.map((group) => {
                const cell = selected.cells[group.key];
                return {
                  key: group.key,
                  cells: [
                    <>
                      {/* A plain link: hundreds of rows, and no client-side navigation needed. */}
                      {group.kind === 'team' ? <a href={`/dashboard/teams/${group.key}`}>{group.name}</a> : null}
                      {group.kind === 'organisation' ? `${group.name} (everyone)` : null}
                      {group.kind === 'reporting' ? <ReportingGroupName name={group.name} teams={selected.reportingGroups[group.key] ?? []} groups={dashboard.groups} /> : null}
                      {group.archived ? ' (archived)' : ''}
                    </>,
                    ...(!cell || cell.status !== 'shown'
                      ? [{ span: 4, content: cell ? hiddenText(cell) : hiddenText({ status: 'too_few' }) }]
                      : [
                          cell.members === null ? cell.respondents : `${cell.respondents} of ${cell.members}`,
                          ...SUBSCALES.map((s) => (cell.subscales[s].mean === null ? 'Not shown' : `${cell.subscales[s].mean} (${changeText(cell.subscales[s].change)})`)),
                        ]),
                  ],
                };
              })}
            />
            {pages > 1 ? (
              <nav aria-label="Pages of teams" className="button-row">
                <span>
                  Teams {(page - 1) * TEAMS_PER_PAGE + 1}–{Math.min(page * TEAMS_PER_PAGE, teamGroups.length)} of {teamGroups.length}
                </span>
                {page > 1 ? <a href={pageHref(page - 1)}>Previous teams</a> : null}
                {page < pages ? <a href={pageHref(page + 1)}>Next teams</a> : null}
              </nav>
            ) : null}
          </>
        )}
      </section>

      <h2>The whole organisation over time</h2>
      <GroupSeries id="organisation" periods={organisationSeries} markers={initiativeMarkers(initiatives, organisationSeries)} />
      <Initiatives
        initiatives={initiatives}
        returnTo="/dashboard/organisation"
        newHref="/dashboard/initiatives/new"
        showGroups
      />
    </div>
  );
}

/** A reporting group's row header: its name, and its teams, each linked to its dashboard. */
function ReportingGroupName({ name, teams, groups }: { name: string; teams: string[]; groups: OrganisationDashboard['groups'] }) {
  const keyOf = new Map(groups.filter((g) => g.kind === 'team').map((g) => [g.name, g.key]));
  return (
    <>
      {name} <span className="muted">(reporting group: </span>
      {teams.map((team, i) => (
        <span key={team}>
          {i > 0 ? ', ' : ''}
          {keyOf.has(team) ? <a href={`/dashboard/teams/${keyOf.get(team)}`}>{team}</a> : team}
        </span>
      ))}
      <span className="muted">)</span>
    </>
  );
}

/**
 * Why the organisation's total is hidden, once for every period it is, with
 * the groups that cause it and what an admin can do, instead of the same
 * words repeated in every table.
 */
function TotalHidden({ hidden, periods, threshold }: { hidden: OrganisationDashboard['totalHidden']; periods: number; threshold: number }) {
  if (hidden.length === 0) return null;
  const causes = [...new Set(hidden.flatMap((h) => h.tooFew))];
  return (
    <section className="panel" aria-labelledby="total-hidden">
      <h2 id="total-hidden">
        The organisation’s total is hidden in {hidden.length} of {periods} published {periods === 1 ? 'period' : 'periods'}
      </h2>
      <p>
        When a group is too small to be shown, the total minus the other groups would give its figures, so the total is hidden
        too. {causes.length > 0 ? `The groups too small to be shown in those periods: ${causes.join(', ')}.` : 'In those periods, the people in no team, or in more than one team, were too few to be shown as a group of their own.'}
      </p>
      <ul>
        {hidden.map((h) => (
          <li key={h.periodId}>
            {h.label}: {h.tooFew.length > 0 ? `${h.tooFew.join(', ')} had too few respondents` : 'too few people in no team, or in more than one team'}
          </li>
        ))}
      </ul>
      <p>
        What an admin can do: in <a href="/admin/teams">Admin → Teams</a>, report small teams together (a reporting group of
        several teams, or “other teams”), so that each group reaches at least {threshold} respondents. It applies from the next
        period; published periods keep their figures.
      </p>
    </section>
  );
}
