import { getCurrentUser } from '@/lib/auth/session';
import { appOrigin } from '@/lib/config/server';
import { exportDownload, ZExportFormat } from '@/lib/export/download';
import { listMyCheckInsForExport } from '@/lib/services/exports';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * All of the signed-in person's submitted check-ins as a CSV, JSON or FHIR R4
 * download. Signed out, or an unknown format, is a plain not-found: nothing
 * here exists for anyone but a signed-in owner, so there is nothing to sign in to.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) return notFound();
  const format = ZExportFormat.safeParse((await params).format);
  if (!format.success) return notFound();
  const checkIns = await listMyCheckInsForExport(actor);
  const { body, headers } = exportDownload(format.data, checkIns, { origin: appOrigin(), now: new Date() });
  return new Response(body, { headers });
}
