import { GroupTrend, type GroupTrendMarker } from '@/components/charts/GroupTrend';
import { DataTable } from '@/components/ui/DataTable';
import { cellLabel, changeText, distributionText, hiddenText, meanText, NOT_SHOWN_TEXT, participationText, reportedWithinText, ruleText } from '@/lib/format/aggregates';
import { bandTones, bandTone, SUBSCALE_ABOUT, SUBSCALE_NAMES } from '@/lib/instruments';
import { SUBSCALES } from '@/lib/scoring';
import type { DashboardPeriod, GroupPeriodView } from '@/lib/aggregates/views';

const PERIOD_COLUMNS = [{ label: 'Period' }, { label: 'Respondents' }, { label: 'Published under' }];
const SUBSCALE_COLUMNS = [{ label: 'Period' }, { label: 'Mean', numeric: true }, { label: 'Change' }, { label: 'Distribution' }];

type Shown = Extract<GroupPeriodView, { status: 'shown' }>;

/**
 * One group's published periods: the periods with their respondents and the
 * rule each was published under, the latest period's band distribution, and
 * per subscale a trend chart with a table of the same figures beside it (the
 * chart is never the only way to read them, and the tables need no JavaScript).
 * When no period has figures, one sentence says so instead of four tables of
 * hidden rows.
 */
export function GroupSeries({ id, periods, markers }: { id: string; periods: DashboardPeriod[]; markers: GroupTrendMarker[] }) {
  const newestFirst = [...periods].reverse();
  const latest = newestFirst[0];
  const shownCount = periods.filter((p) => p.figures.status === 'shown').length;
  // A line needs two shown periods; with fewer, the tables say it all.
  const drawable = shownCount > 1;
  if (latest && shownCount === 0) {
    const reasons = [...new Set(periods.map((p) => (p.figures.status === 'shown' ? '' : hiddenText(p.figures))))];
    return (
      <section className="panel" aria-labelledby={`${id}-latest`}>
        <h2 id={`${id}-latest`}>Published periods</h2>
        <p className="notice">
          {periods.length === 1 ? `The one published period, ${latest.label}, has` : `None of the ${periods.length} published periods (${periods[0]!.label} to ${latest.label}) has`}{' '}
          figures to show: {reasons.length === 1 ? reasons[0]!.charAt(0).toLowerCase() + reasons[0]!.slice(1) : 'in each, too few people responded, or the figures could have been worked out from others'}.
        </p>
      </section>
    );
  }
  return (
    <>
      <section className="panel" aria-labelledby={`${id}-latest`}>
        <h2 id={`${id}-latest`}>{latest ? `Latest published period: ${latest.label}` : 'Latest published period'}</h2>
        {latest?.reportedWithin ? (
          <p>
            Reported together with other teams, as {reportedWithinText(latest.reportedWithin)}: these are the group’s figures.
          </p>
        ) : null}
        {!latest ? (
          <p>No period has been published yet. Figures appear here once a period has closed.</p>
        ) : latest.figures.status !== 'shown' ? (
          <p className="notice">{hiddenText(latest.figures)}.</p>
        ) : (
          <LatestFigures figures={latest.figures} />
        )}
      </section>

      {periods.length > 0 ? (
        <section className="panel" aria-labelledby={`${id}-periods`}>
          <h2 id={`${id}-periods`}>Published periods</h2>
          <DataTable
            captionId={`${id}-periods-caption`}
            caption="Each period, newest first: who responded, and the rule it was published under"
            columns={PERIOD_COLUMNS}
            rows={newestFirst.map((p) => ({
              key: p.id,
              cells: [
                p.label,
                `${p.figures.status === 'shown' ? participationText(p.figures) : hiddenText(p.figures)}${p.reportedWithin ? ` (as ${reportedWithinText(p.reportedWithin)})` : ''}`,
                ruleText(p.rule),
              ],
            }))}
          />
        </section>
      ) : null}

      {periods.length > 0
        ? SUBSCALES.map((subscale) => (
            <section key={subscale} className="panel" aria-labelledby={`${id}-${subscale}`}>
              <h2 id={`${id}-${subscale}`}>{SUBSCALE_NAMES[subscale]}</h2>
              <p className="muted">{SUBSCALE_ABOUT[subscale]}</p>
              {drawable ? (
                <GroupTrend
                  name={SUBSCALE_NAMES[subscale]}
                  tones={bandTones(subscale)}
                  points={periods.map((p) => ({ label: p.shortLabel, mean: p.figures.status === 'shown' ? p.figures.subscales[subscale].mean : null }))}
                  markers={markers}
                />
              ) : null}
              <DataTable
                captionId={`${id}-${subscale}-caption`}
                caption={`${SUBSCALE_NAMES[subscale]}: mean score (10 to 50) and the share in each band, newest period first`}
                columns={SUBSCALE_COLUMNS}
                rows={newestFirst.map((p) => ({
                  key: p.id,
                  cells: [
                    `${p.label}${p.reportedWithin ? ` (${p.reportedWithin.name})` : ''}`,
                    ...(p.figures.status === 'shown'
                      ? [
                          meanText(p.figures.subscales[subscale].mean),
                          changeText(p.figures.subscales[subscale].change),
                          distributionText(p.figures.subscales[subscale].distribution),
                        ]
                      : [{ span: 3, content: hiddenText(p.figures) }]),
                  ],
                }))}
              />
            </section>
          ))
        : null}
    </>
  );
}

/** The latest period: respondents and, per subscale, the mean and the band distribution as a labelled bar. */
function LatestFigures({ figures }: { figures: Shown }) {
  return (
    <>
      <p>{participationText(figures)}.</p>
      <ul className="plain-list distribution-list">
        {SUBSCALES.map((subscale) => {
          const s = figures.subscales[subscale];
          return (
            <li key={subscale} className="distribution">
              <p className="distribution__title">
                <strong>{SUBSCALE_NAMES[subscale]}</strong>: mean {meanText(s.mean)}
                {s.change !== null ? ` (${changeText(s.change)} since the period before)` : ''}
              </p>
              {s.distribution ? (
                <div className="distribution__bar" aria-hidden="true">
                  {s.distribution.map((c) => (
                    <span
                      key={c.bands.join()}
                      className={`distribution__segment${c.bands.length > 1 ? ' distribution__segment--merged' : ''} tone--${bandTone(subscale, c.bands[0]!)}`}
                      style={{ width: `${c.percent}%` }}
                      title={cellLabel(c.bands)}
                    />
                  ))}
                </div>
              ) : null}
              <p className="distribution__legend">{s.distribution ? distributionText(s.distribution) : `Distribution ${NOT_SHOWN_TEXT}`}</p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
