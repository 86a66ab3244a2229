import { describe, expect, it } from 'vitest';
import { exportDownload, ZExportFormat } from '../../../lib/export/download';
import { exportedCheckIn, ORIGIN } from './fixtures';

describe('export downloads', () => {
  // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time): files are named by the day people read.
  const now = new Date('2026-06-30T23:30:00Z');
  const checkIn = exportedCheckIn({ submittedAt: new Date('2026-01-31T23:30:00Z') });

  it.each([
    ['csv', 'text/csv; charset=utf-8', 'tend-check-ins-2026-07-01.csv'],
    ['json', 'application/json', 'tend-check-ins-2026-07-01.json'],
    ['fhir', 'application/fhir+json', 'tend-check-ins-2026-07-01.fhir.json'],
  ] as const)('%s is an uncached attachment of type %s named %s', (format, contentType, filename) => {
    expect(exportDownload(format, [checkIn], { origin: ORIGIN, now }).headers).toEqual({
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    });
  });

  it('names a one-check-in file by the day it was submitted', () => {
    const { headers } = exportDownload('csv', [checkIn], { origin: ORIGIN, now, single: true });
    expect(headers['Content-Disposition']).toBe('attachment; filename="tend-check-in-2026-01-31.csv"');
  });

  it('writes each format’s own body', () => {
    expect(exportDownload('csv', [checkIn], { origin: ORIGIN, now }).body.split('\n')[0]).toMatch(/^submitted_at,check_in_id,item_1,/);
    expect(JSON.parse(exportDownload('json', [checkIn], { origin: ORIGIN, now }).body)).toMatchObject({ format: 'tend-check-ins', checkIns: [{ id: checkIn.id }] });
    expect(JSON.parse(exportDownload('fhir', [checkIn], { origin: ORIGIN, now }).body)).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  });

  it.each([['csv', true], ['json', true], ['fhir', true], ['xml', false], ['CSV', false], ['', false], ['__proto__', false]])('accepts the format %j: %s', (format, ok) => {
    expect(ZExportFormat.safeParse(format).success).toBe(ok);
  });
});
