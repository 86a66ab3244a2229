import { getCurrentUser } from '@/lib/auth/session';
import { appOrigin } from '@/lib/config/server';
import { exportDownload, ZExportFormat } from '@/lib/export/download';
import { NotFoundError } from '@/lib/services/actor';
import { listMyCheckInsForExport } from '@/lib/services/exports';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * One of the signed-in person's submitted check-ins as a CSV, JSON or FHIR R4
 * download. For anyone but its owner (another clinician, a manager, an admin,
 * someone signed out) it is the same not-found as a check-in that does not
 * exist, so the response never tells whether an id is real.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const { id, format: rawFormat } = await params;
  const actor = await getCurrentUser();
  if (!actor) return notFound();
  const format = ZExportFormat.safeParse(rawFormat);
  if (!format.success) return notFound();
  try {
    const checkIns = await listMyCheckInsForExport(actor, { checkInId: id });
    const { body, headers } = exportDownload(format.data, checkIns, { origin: appOrigin(), now: new Date(), single: true });
    return new Response(body, { headers });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}
