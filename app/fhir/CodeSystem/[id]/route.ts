import { appOrigin } from '@/lib/config/server';
import { codeSystem, FHIR_JSON_CONTENT_TYPE, FREQUENCY_CODE_SYSTEM_ID, notFoundOutcome } from '@/lib/export/fhir';

// Built per request: the canonical URL inside comes from APP_URL at run time, not at build time.
export const dynamic = 'force-dynamic';

/** The ProQOL 5 response-option CodeSystem at its canonical URL. Public: no one's data. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (id !== FREQUENCY_CODE_SYSTEM_ID) {
    return Response.json(notFoundOutcome(`There is no CodeSystem "${id}".`), { status: 404, headers: { 'Content-Type': FHIR_JSON_CONTENT_TYPE } });
  }
  return Response.json(codeSystem(appOrigin()), { headers: { 'Content-Type': FHIR_JSON_CONTENT_TYPE, 'Cache-Control': 'public, max-age=3600' } });
}
