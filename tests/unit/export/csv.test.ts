import { describe, expect, it } from 'vitest';
import { checkInsCsv } from '../../../lib/export/csv';
import { PROQOL5 } from '../../../lib/instruments/proqol5';
import { exportedCheckIn } from './fixtures';

/**
 * RFC 4180 records: fields split on commas, a quoted field may hold commas,
 * doubled quotes and line breaks. Enough for the files under test, written
 * here because no CSV parser is installed (and csv-stringify must not check itself).
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  expect(quoted, 'an unterminated quoted field').toBe(false);
  expect(field === '' && row.length === 0, 'the file ends with a line break').toBe(true);
  return rows;
}

const HEADER = [
  'submitted_at',
  'check_in_id',
  'item_1', 'item_2', 'item_3', 'item_4', 'item_5', 'item_6', 'item_7', 'item_8', 'item_9', 'item_10',
  'item_11', 'item_12', 'item_13', 'item_14', 'item_15', 'item_16', 'item_17', 'item_18', 'item_19', 'item_20',
  'item_21', 'item_22', 'item_23', 'item_24', 'item_25', 'item_26', 'item_27', 'item_28', 'item_29', 'item_30',
  'compassion_satisfaction_score', 'compassion_satisfaction_band',
  'burnout_score', 'burnout_band',
  'secondary_traumatic_stress_score', 'secondary_traumatic_stress_band',
  'wording',
  'note',
  'credit',
];

/** One parsed row as an object keyed by the header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('check-ins as CSV', () => {
  it('is a header row alone when there are no check-ins', () => {
    expect(parseCsv(checkInsCsv([]))).toEqual([HEADER]);
  });

  it('has the header, then one row of 41 cells per check-in, in the order given', () => {
    const checkIns = [
      exportedCheckIn({ id: '00000000-0000-4000-8000-000000000001', submittedAt: new Date('2026-01-05T08:00:00Z') }),
      exportedCheckIn({ id: '00000000-0000-4000-8000-000000000002', submittedAt: new Date('2026-02-05T08:00:00Z'), note: null }),
      exportedCheckIn({ id: '00000000-0000-4000-8000-000000000003', submittedAt: new Date('2026-03-05T08:00:00Z'), wordingPreset: 'nurse' }),
    ];
    const rows = parseCsv(checkInsCsv(checkIns));
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(41);
    expect(rows.slice(1).map((r) => r[1])).toEqual(checkIns.map((c) => c.id));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2026-01-05T08:00:00.000Z', '2026-02-05T08:00:00.000Z', '2026-03-05T08:00:00.000Z']);
    expect(rows.slice(1).map((r) => r[38])).toEqual(['clinician', 'clinician', 'nurse']);
    expect(rows[2]![39]).toBe('');
  });

  it('writes the 30 answers as given, the scores and bands, the wording, the note and the credit line', () => {
    const checkIn = exportedCheckIn();
    const [record] = records(checkInsCsv([checkIn]));
    expect(Array.from({ length: 30 }, (_, i) => Number(record![`item_${i + 1}`]))).toEqual(checkIn.answers);
    // tests/fixtures/answers.ts ANSWERS score 46 (high), 19 (low) and 14 (low).
    expect(record).toMatchObject({
      compassion_satisfaction_score: '46',
      compassion_satisfaction_band: 'high',
      burnout_score: '19',
      burnout_band: 'low',
      secondary_traumatic_stress_score: '14',
      secondary_traumatic_stress_band: 'low',
      wording: 'clinician',
      note: 'A hard month; the peer group helped.',
      credit: PROQOL5.creditLine,
    });
  });

  it('keeps the credit line on every row', () => {
    const rows = records(checkInsCsv([exportedCheckIn(), exportedCheckIn({ id: '00000000-0000-4000-8000-000000000009' })]));
    expect(rows.map((r) => r.credit)).toEqual([PROQOL5.creditLine, PROQOL5.creditLine]);
    expect(PROQOL5.creditLine).toContain('© B. Hudnall Stamm');
  });

  it.each([
    'Commas, "quotes" and\na line break',
    'Line\r\nbreaks\rof every kind',
    'Only ’curly’ text — and an em dash',
  ])('keeps a note with awkward characters in its one cell: %j', (note) => {
    const rows = parseCsv(checkInsCsv([exportedCheckIn({ note })]));
    expect(rows).toHaveLength(2);
    expect(rows[1]![39]).toBe(note);
  });

  it.each([
    ['=HYPERLINK("http://x.example","click")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('never lets a note that begins like a formula run: %j', (note) => {
    const csv = checkInsCsv([exportedCheckIn({ note })]);
    const cell = parseCsv(csv)[1]![39]!;
    expect(cell).toBe(`'${note}`);
    expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it.each([29, 31])('refuses a check-in with %i answers', (count) => {
    const checkIn = { ...exportedCheckIn(), answers: Array.from({ length: count }, () => 3) };
    expect(() => checkInsCsv([checkIn])).toThrow(`A check-in has ${count} answers, not 30.`);
  });
});
