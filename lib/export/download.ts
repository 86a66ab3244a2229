import { DateTime } from 'luxon';
import { z } from 'zod';
import { DISPLAY_TIME_ZONE } from '../format/date';
import { checkInsCsv } from './csv';
import { bundleFor, FHIR_JSON_CONTENT_TYPE } from './fhir';
import { checkInsJson } from './json';
import type { ExportedCheckIn } from './types';

/** The export formats, as they appear in download URLs (`/account/export/csv`). */
export const ZExportFormat = z.enum(['csv', 'json', 'fhir']);
export type TExportFormat = z.infer<typeof ZExportFormat>;

const FORMATS: Record<TExportFormat, { contentType: string; extension: string; body: (checkIns: readonly ExportedCheckIn[], origin: string, now: Date) => string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', body: (checkIns) => checkInsCsv(checkIns) },
  json: { contentType: 'application/json', extension: 'json', body: (checkIns, _origin, now) => JSON.stringify(checkInsJson(checkIns, now), null, 2) },
  fhir: { contentType: FHIR_JSON_CONTENT_TYPE, extension: 'fhir.json', body: (checkIns, origin, now) => JSON.stringify(bundleFor(checkIns, origin, now), null, 2) },
};

/** yyyy-mm-dd of a moment, on the calendar people read dates in (the app's display time zone). */
function calendarDate(date: Date): string {
  return DateTime.fromJSDate(date, { zone: DISPLAY_TIME_ZONE }).toISODate() as string;
}

/**
 * A finished download: the file's text and its response headers. The file is
 * an attachment that no cache may keep (it holds personal data), named
 * `tend-check-ins-<yyyy-mm-dd of now>.<ext>`, or, for one check-in,
 * `tend-check-in-<yyyy-mm-dd it was submitted>.<ext>`.
 * @param origin the app's origin (appOrigin()), for FHIR canonical URLs
 */
export function exportDownload(
  format: TExportFormat,
  checkIns: readonly ExportedCheckIn[],
  options: { origin: string; now: Date; single?: boolean },
): { body: string; headers: Record<string, string> } {
  const { contentType, extension, body } = FORMATS[format];
  const first = checkIns[0];
  const filename = options.single && first ? `tend-check-in-${calendarDate(first.submittedAt)}` : `tend-check-ins-${calendarDate(options.now)}`;
  return {
    body: body(checkIns, options.origin, options.now),
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${filename}.${extension}"`,
      'Cache-Control': 'no-store',
    },
  };
}
