/**
 * Spreadsheet programs run a cell that begins with =, +, -, @ (or a tab or a
 * carriage return, which some of them skip first) as a formula: a name such as
 * `=HYPERLINK("http://…")` in an export would become a live link or worse. Every
 * text cell Tend writes to a CSV goes through `safeCell`, which makes such a
 * value plain text by putting an apostrophe in front (the convention spreadsheets
 * show as text). Names that begin this way are also refused at input
 * (lib/validation/invites.ts), so they rarely get this far.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
