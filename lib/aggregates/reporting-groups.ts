/**
 * Reporting groups: several teams reported together, so that a team too small
 * to be shown on its own still has figures (its group's) and no longer forces
 * the organisation's total to be hidden. Pure: the aggregation service loads
 * the changes and publishes with what this says.
 *
 * A team's reporting is a history of changes, each from the start of a period
 * on (like the reporting rules, PRODUCT.md privacy rule 11): within a group,
 * or on its own again. For a period, the change in force at its start decides;
 * a change saved during a period applies from the next one.
 */

export type TeamReportingChange = { teamId: string; effectiveFrom: Date; reportingGroupId: string | null };

/**
 * @param changes every change of the organisation's teams, in any order
 * @returns for each team reported within a group at `instant`, that group's id
 */
export function reportingAt(changes: readonly TeamReportingChange[], instant: Date): Map<string, string> {
  const latest = new Map<string, TeamReportingChange>();
  for (const change of changes) {
    if (change.effectiveFrom.getTime() > instant.getTime()) continue;
    const current = latest.get(change.teamId);
    if (!current || current.effectiveFrom.getTime() < change.effectiveFrom.getTime()) latest.set(change.teamId, change);
  }
  const grouped = new Map<string, string>();
  for (const [teamId, change] of latest) if (change.reportingGroupId !== null) grouped.set(teamId, change.reportingGroupId);
  return grouped;
}

/**
 * The groups a respondent counts in for a period: each of their teams, or the
 * reporting group it is reported within (once, however many of their teams
 * are in it).
 */
export function reportingKeys(teamIds: readonly string[], grouped: ReadonlyMap<string, string>): string[] {
  return [...new Set(teamIds.map((id) => grouped.get(id) ?? id))];
}
