/**
 * Which initiatives overlap: two that run at the same time for the same group
 * (one covering the whole organisation covers every team) cannot each be
 * credited with a change both were there for. Pure: dates are local calendar
 * dates (yyyy-mm-dd), which compare as strings; an initiative still going on
 * (no end) runs on from its start.
 */
export type Dated = { id: string; startsOn: string; endsOn: string | null; wholeOrganisation: boolean; teamIds: readonly string[] };

function sameGroup(a: Dated, b: Dated): boolean {
  return a.wholeOrganisation || b.wholeOrganisation || a.teamIds.some((t) => b.teamIds.includes(t));
}

function sameTime(a: Dated, b: Dated): boolean {
  return (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);
}

/** For each initiative, the ids of the others it overlaps (in the order given); none for one that overlaps nothing. */
export function overlappingInitiatives(initiatives: readonly Dated[]): Map<string, string[]> {
  return new Map(
    initiatives.map((a) => [a.id, initiatives.filter((b) => b.id !== a.id && sameGroup(a, b) && sameTime(a, b)).map((b) => b.id)]),
  );
}
