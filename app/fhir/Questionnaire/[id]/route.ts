import { appOrigin } from '@/lib/config/server';
import { FHIR_JSON_CONTENT_TYPE, notFoundOutcome, presetOfQuestionnaireId, questionnaireFor } from '@/lib/export/fhir';

// Built per request: the canonical URLs inside come from APP_URL at run time, not at build time.
export const dynamic = 'force-dynamic';

/**
 * The ProQOL 5 Questionnaire of each wording preset (`proqol-5-<preset>`), at
 * its canonical URL. Public: it holds the licensed form only, no one's data.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const preset = presetOfQuestionnaireId(id);
  if (!preset) {
    return Response.json(notFoundOutcome(`There is no Questionnaire "${id}".`), { status: 404, headers: { 'Content-Type': FHIR_JSON_CONTENT_TYPE } });
  }
  return Response.json(questionnaireFor(preset, appOrigin()), { headers: { 'Content-Type': FHIR_JSON_CONTENT_TYPE, 'Cache-Control': 'public, max-age=3600' } });
}
