import { describe, expect, it } from 'vitest';
import { safeCell } from '../../../lib/csv/safe-cell';

describe('CSV cells a spreadsheet will not run', () => {
  it.each([
    ['=HYPERLINK("http://x.example","Bob")', '\'=HYPERLINK("http://x.example","Bob")'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Ann Smith', 'Ann Smith'],
    ['O’Neill-Smith', 'O’Neill-Smith'],
    ['', ''],
  ])('%j is written as %j', (value, cell) => {
    expect(safeCell(value)).toBe(cell);
  });
});
