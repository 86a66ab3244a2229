import { PROQOL5, SUBSCALE_NAMES } from '../instruments/proqol5';
import { isWordingPreset, renderWording, WORDING_PRESET_IDS, WORDING_PRESETS, DEFAULT_WORDING_PRESET, type WordingPreset } from '../instruments/wording';
import { SUBSCALES, type Subscale } from '../scoring';
import { assertAllAnswers, type ExportedCheckIn } from './types';

/**
 * The ProQOL 5 and a person's check-ins as FHIR R4 JSON resources.
 *
 * One Questionnaire per wording preset, because the item text is part of a
 * Questionnaire and each preset shows different bracketed words; its
 * canonical URL is where Tend serves it (`<origin>/fhir/Questionnaire/<id>`,
 * the app's FHIR base being `<origin>/fhir`). Answers are Codings from a small
 * CodeSystem of the five response options, also served by Tend. The three
 * subscale scores and bands travel as read-only Questionnaire items, since a
 * QuestionnaireResponse item must name an item of its Questionnaire.
 *
 * FHIR JSON has no nulls and no empty arrays, so optional parts are left out
 * rather than written empty. Private notes are not part of these resources: a
 * FHIR file is made to be loaded into another records system, and a note is
 * the person's own reflection, not an answer (the CSV and JSON exports carry it).
 */

export const FHIR_JSON_CONTENT_TYPE = 'application/fhir+json';
export const FREQUENCY_CODE_SYSTEM_ID = 'proqol-5-frequency';
const QUESTIONNAIRE_ID_PREFIX = 'proqol-5-';
const PUBLISHER = 'Tend';

export type FhirCoding = { system: string; code: string; display: string };

export type FhirQuestionnaireItem = {
  linkId: string;
  text: string;
  type: 'display' | 'choice' | 'integer' | 'string';
  required?: boolean;
  readOnly?: boolean;
  answerOption?: { valueCoding: FhirCoding }[];
};

/** The metadata every canonical resource here carries (R4 "canonical resource" pattern). */
type FhirCanonical = {
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'active';
  experimental: false;
  publisher: string;
  description: string;
  copyright: string;
};

export type FhirQuestionnaire = FhirCanonical & {
  resourceType: 'Questionnaire';
  item: FhirQuestionnaireItem[];
};

export type FhirCodeSystem = FhirCanonical & {
  resourceType: 'CodeSystem';
  caseSensitive: true;
  content: 'complete';
  count: number;
  concept: { code: string; display: string }[];
};

export type FhirAnswer = { valueCoding: FhirCoding } | { valueInteger: number } | { valueString: string };

export type FhirQuestionnaireResponse = {
  resourceType: 'QuestionnaireResponse';
  id: string;
  questionnaire: string;
  status: 'completed';
  authored: string;
  item: { linkId: string; text: string; answer: FhirAnswer[] }[];
};

export type FhirBundle = {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirQuestionnaire | FhirCodeSystem | FhirQuestionnaireResponse }[];
};

export type FhirOperationOutcome = {
  resourceType: 'OperationOutcome';
  issue: { severity: 'error'; code: 'not-found'; diagnostics: string }[];
};

function kebab(subscale: Subscale): string {
  return subscale.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The linkIds of the read-only score items, e.g. `burnout-score` and `burnout-band`. */
export function scoreLinkIds(subscale: Subscale): { score: string; band: string } {
  return { score: `${kebab(subscale)}-score`, band: `${kebab(subscale)}-band` };
}

/** The Questionnaire id of a wording preset: `proqol-5-<preset>`. */
export function questionnaireIdFor(preset: WordingPreset): string {
  return `${QUESTIONNAIRE_ID_PREFIX}${preset}`;
}

/** The wording preset a Questionnaire id names, or null when it names none. */
export function presetOfQuestionnaireId(id: string): WordingPreset | null {
  if (!id.startsWith(QUESTIONNAIRE_ID_PREFIX)) return null;
  const preset = id.slice(QUESTIONNAIRE_ID_PREFIX.length);
  return isWordingPreset(preset) ? preset : null;
}

/** The canonical URL of a preset's Questionnaire, `<origin>/fhir/Questionnaire/proqol-5-<preset>`. */
export function questionnaireUrl(preset: WordingPreset, origin: string): string {
  return `${origin}/fhir/Questionnaire/${questionnaireIdFor(preset)}`;
}

/** The canonical URL of the response-option CodeSystem. */
export function frequencySystemUrl(origin: string): string {
  return `${origin}/fhir/CodeSystem/${FREQUENCY_CODE_SYSTEM_ID}`;
}

/** The licence's credit line, then the maintainer's: what every copy of the items must carry. */
const COPYRIGHT = `${PROQOL5.creditLine}\n\n${PROQOL5.maintainerCredit}`;

function frequencyCoding(value: number, origin: string): FhirCoding {
  const option = PROQOL5.responseOptions.find((o) => o.value === value);
  if (!option) throw new RangeError(`There is no response option ${value} in the ProQOL 5.`);
  return { system: frequencySystemUrl(origin), code: String(option.value), display: option.label };
}

function wordingName(preset: WordingPreset): string {
  return preset === 'helper' ? 'original' : WORDING_PRESETS[preset].words.helper;
}

/**
 * The ProQOL 5 as an R4 Questionnaire with one wording preset's bracketed
 * words: a display item with the instructions, the 30 questions (linkIds
 * '1'–'30', required choices of the five response options), then a read-only
 * integer score (10–50) and string band item per subscale.
 * @param origin the app's origin (appOrigin()), never a request's Host
 */
export function questionnaireFor(preset: WordingPreset, origin: string): FhirQuestionnaire {
  const answerOption = PROQOL5.responseOptions.map((o) => ({ valueCoding: frequencyCoding(o.value, origin) }));
  return {
    resourceType: 'Questionnaire',
    id: questionnaireIdFor(preset),
    url: questionnaireUrl(preset, origin),
    version: PROQOL5.version,
    name: `ProQOL5${preset.charAt(0).toUpperCase()}${preset.slice(1)}`,
    title: `${PROQOL5.name}, ${wordingName(preset)} wording`,
    status: 'active',
    experimental: false,
    publisher: PUBLISHER,
    description:
      `The ProQOL 5 with the ${wordingName(preset)} wording of its bracketed words; no other word differs from the licensed form. ` +
      'Answers are 1 (Never) to 5 (Very Often) over the last 30 days. Each subscale score is a sum from 10 to 50, ' +
      'banded low (22 or less), moderate (23–41) or high (42 or more); there is no total score. The ProQOL is a screen, not a diagnosis.',
    copyright: COPYRIGHT,
    item: [
      { linkId: 'instructions', text: renderWording(PROQOL5.instructions, preset), type: 'display' },
      ...PROQOL5.items.map((item) => ({
        linkId: String(item.number),
        text: renderWording(item.text, preset),
        type: 'choice' as const,
        required: true,
        answerOption,
      })),
      ...SUBSCALES.flatMap((s) => [
        { linkId: scoreLinkIds(s).score, text: `${SUBSCALE_NAMES[s]} score (10–50)`, type: 'integer' as const, readOnly: true },
        { linkId: scoreLinkIds(s).band, text: `${SUBSCALE_NAMES[s]} band (low, moderate or high)`, type: 'string' as const, readOnly: true },
      ]),
    ],
  };
}

/** The five response options as an R4 CodeSystem (codes '1'–'5'), served at {@link frequencySystemUrl}. */
export function codeSystem(origin: string): FhirCodeSystem {
  return {
    resourceType: 'CodeSystem',
    id: FREQUENCY_CODE_SYSTEM_ID,
    url: frequencySystemUrl(origin),
    version: PROQOL5.version,
    name: 'ProQOL5Frequency',
    title: 'ProQOL 5 response options',
    status: 'active',
    experimental: false,
    publisher: PUBLISHER,
    description: 'How often something was experienced in the last 30 days: 1 (Never) to 5 (Very Often), as answered, before any reverse scoring.',
    copyright: COPYRIGHT,
    caseSensitive: true,
    content: 'complete',
    count: PROQOL5.responseOptions.length,
    concept: PROQOL5.responseOptions.map((o) => ({ code: String(o.value), display: o.label })),
  };
}

/** One check-in as a completed R4 QuestionnaireResponse to its preset's Questionnaire. */
export function questionnaireResponseFor(checkIn: ExportedCheckIn, origin: string): FhirQuestionnaireResponse {
  assertAllAnswers(checkIn);
  return {
    resourceType: 'QuestionnaireResponse',
    id: checkIn.id,
    // An R4 canonical may pin the version with "|".
    questionnaire: `${questionnaireUrl(checkIn.wordingPreset, origin)}|${PROQOL5.version}`,
    status: 'completed',
    authored: checkIn.submittedAt.toISOString(),
    item: [
      ...PROQOL5.items.map((item, i) => ({
        linkId: String(item.number),
        text: renderWording(item.text, checkIn.wordingPreset),
        answer: [{ valueCoding: frequencyCoding(checkIn.answers[i] as number, origin) }],
      })),
      ...SUBSCALES.flatMap((s) => [
        { linkId: scoreLinkIds(s).score, text: `${SUBSCALE_NAMES[s]} score (10–50)`, answer: [{ valueInteger: checkIn.scores[s].raw }] },
        { linkId: scoreLinkIds(s).band, text: `${SUBSCALE_NAMES[s]} band (low, moderate or high)`, answer: [{ valueString: checkIn.scores[s].band }] },
      ]),
    ],
  };
}

/**
 * The check-ins as an R4 `collection` Bundle: first the Questionnaire of each
 * wording preset they used (so the file carries the items' licence credit in
 * `copyright` and reads without Tend) and the response-option CodeSystem, then
 * one QuestionnaireResponse per check-in, in the order given, with fullUrl
 * `urn:uuid:<check-in id>`. With no check-ins it still carries the original
 * wording's Questionnaire, for the credit line.
 * @param now the Bundle's timestamp
 */
export function bundleFor(checkIns: readonly ExportedCheckIn[], origin: string, now: Date): FhirBundle {
  const used = new Set(checkIns.map((c) => c.wordingPreset));
  const presets = used.size > 0 ? WORDING_PRESET_IDS.filter((p) => used.has(p)) : [DEFAULT_WORDING_PRESET];
  const questionnaires = presets.map((preset) => ({ fullUrl: questionnaireUrl(preset, origin), resource: questionnaireFor(preset, origin) }));
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: now.toISOString(),
    entry: [
      ...questionnaires,
      { fullUrl: frequencySystemUrl(origin), resource: codeSystem(origin) },
      ...checkIns.map((checkIn) => ({ fullUrl: `urn:uuid:${checkIn.id}`, resource: questionnaireResponseFor(checkIn, origin) })),
    ],
  };
}

/** An R4 OperationOutcome for a resource that does not exist. */
export function notFoundOutcome(diagnostics: string): FhirOperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', diagnostics }] };
}
