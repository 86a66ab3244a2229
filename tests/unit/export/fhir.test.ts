import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bundleFor,
  codeSystem,
  notFoundOutcome,
  presetOfQuestionnaireId,
  questionnaireFor,
  questionnaireResponseFor,
  type FhirQuestionnaire,
  type FhirQuestionnaireResponse,
} from '../../../lib/export/fhir';
import { PROQOL5 } from '../../../lib/instruments/proqol5';
import { renderWording, WORDING_PRESET_IDS, type WordingPreset } from '../../../lib/instruments/wording';
import { exportedCheckIn, NOW, ORIGIN } from './fixtures';

/*
 * The FHIR R4 rules these resources rely on, written out from the R4
 * specification (hl7.org/fhir/R4: datatypes, Bundle, Questionnaire,
 * QuestionnaireResponse, CodeSystem), so the real output is checked against
 * the standard rather than against itself.
 */

// R4 primitive types (hl7.org/fhir/R4/datatypes.html), with their published regular expressions.
const FhirString = z.string().regex(/^[ \r\n\t\S]+$/);
const FhirMarkdown = FhirString;
const FhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);
const FhirUri = z.string().regex(/^\S+$/);
const FhirCanonical = z.string().regex(/^\S+$/); // a uri, optionally "|version"
const FhirCode = z.string().regex(/^[^\s]+(\s[^\s]+)*$/);
const FhirInteger = z.number().int().min(-2147483648).max(2147483647);
const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';
const FhirDateTime = z.string().regex(new RegExp(`^${YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T${TIME}${ZONE})?)?)?$`));
const FhirInstant = z.string().regex(new RegExp(`^${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T${TIME}${ZONE}$`));
const FhirCoding = z.strictObject({ system: FhirUri, code: FhirCode, display: FhirString });

/** Exactly one of the allowed value[x] keys, and nothing else. */
function oneValue<K extends string>(allowed: readonly K[]) {
  return z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    const keys = Object.keys(value);
    if (keys.length !== 1 || !keys[0]!.startsWith('value') || !(allowed as readonly string[]).includes(keys[0]!)) {
      ctx.addIssue({ code: 'custom', message: `expected exactly one of ${allowed.join(', ')}; got ${keys.join(', ')}` });
      return;
    }
    const key = keys[0]!;
    const checks: Record<string, z.ZodType> = { valueCoding: FhirCoding, valueInteger: FhirInteger, valueString: FhirString, valueDate: FhirString, valueTime: FhirString, valueBoolean: z.boolean(), valueDecimal: z.number() };
    const result = (checks[key] ?? z.never()).safeParse(value[key]);
    if (!result.success) ctx.addIssue({ code: 'custom', message: `${key}: ${result.error.message}` });
  });
}

// Questionnaire.item.type, value set http://hl7.org/fhir/ValueSet/item-type ('question' is abstract, never used).
const ITEM_TYPES = ['group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text', 'url', 'choice', 'open-choice', 'attachment', 'reference', 'quantity'] as const;

type QItem = { linkId: string; type: string; text?: string; required?: boolean; readOnly?: boolean; answerOption?: unknown[]; item?: QItem[] };
const ZQuestionnaireItem: z.ZodType<QItem> = z.lazy(() =>
  z
    .strictObject({
      linkId: FhirString,
      text: FhirString.optional(),
      type: z.enum(ITEM_TYPES),
      required: z.boolean().optional(),
      readOnly: z.boolean().optional(),
      answerOption: z.array(z.strictObject({ valueCoding: FhirCoding }).or(oneValue(['valueInteger', 'valueDate', 'valueTime', 'valueString', 'valueCoding', 'valueReference']))).min(1).optional(),
      item: z.array(ZQuestionnaireItem).min(1).optional(),
    })
    // que-4: answerOption only for choice and open-choice; que-6: display items are never required; que-9: nor readOnly; que-1: a group has items, a display has none.
    .refine((i) => !i.answerOption || i.type === 'choice' || i.type === 'open-choice', 'que-4')
    .refine((i) => i.type !== 'display' || (i.required === undefined && i.readOnly === undefined && !i.item), 'que-6/que-9/que-1')
    .refine((i) => i.type !== 'group' || !!i.item, 'que-1'),
);

const ZQuestionnaire = z
  .strictObject({
    resourceType: z.literal('Questionnaire'),
    id: FhirId,
    url: FhirUri,
    version: FhirString,
    name: z.string().regex(/^[A-Z]([A-Za-z0-9_]){0,254}$/), // que-0
    title: FhirString,
    status: z.enum(['draft', 'active', 'retired', 'unknown']),
    experimental: z.boolean(),
    publisher: FhirString,
    description: FhirMarkdown,
    copyright: FhirMarkdown,
    item: z.array(ZQuestionnaireItem).min(1),
  })
  // que-2: linkIds are unique across the whole Questionnaire.
  .refine((q) => {
    const ids = allItems(q.item).map((i) => i.linkId);
    return new Set(ids).size === ids.length;
  }, 'que-2');

type RItem = { linkId: string; text?: string; answer?: Record<string, unknown>[]; item?: RItem[] };
const ZResponseItem: z.ZodType<RItem> = z.lazy(() =>
  z
    .strictObject({
      linkId: FhirString,
      text: FhirString.optional(),
      answer: z.array(oneValue(['valueBoolean', 'valueDecimal', 'valueInteger', 'valueDate', 'valueDateTime', 'valueTime', 'valueString', 'valueUri', 'valueAttachment', 'valueCoding', 'valueQuantity', 'valueReference'])).min(1).optional(),
      item: z.array(ZResponseItem).min(1).optional(),
    })
    .refine((i) => !(i.answer && i.item), 'qrs-1'),
);

const ZQuestionnaireResponse = z.strictObject({
  resourceType: z.literal('QuestionnaireResponse'),
  id: FhirId,
  questionnaire: FhirCanonical,
  status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
  authored: FhirDateTime,
  item: z.array(ZResponseItem).min(1),
});

const ZCodeSystem = z
  .strictObject({
    resourceType: z.literal('CodeSystem'),
    id: FhirId,
    url: FhirUri,
    version: FhirString,
    name: z.string().regex(/^[A-Z]([A-Za-z0-9_]){0,254}$/),
    title: FhirString,
    status: z.enum(['draft', 'active', 'retired', 'unknown']),
    experimental: z.boolean(),
    publisher: FhirString,
    description: FhirMarkdown,
    copyright: FhirMarkdown,
    caseSensitive: z.boolean(),
    content: z.enum(['not-present', 'example', 'fragment', 'complete', 'supplement']),
    count: z.number().int().nonnegative(),
    concept: z.array(z.strictObject({ code: FhirCode, display: FhirString })).min(1),
  })
  .refine((c) => c.count === c.concept.length && new Set(c.concept.map((x) => x.code)).size === c.concept.length, 'count and unique codes');

const ZBundle = z
  .strictObject({
    resourceType: z.literal('Bundle'),
    type: z.enum(['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection']),
    timestamp: FhirInstant.optional(),
    // A collection's entries have no search, request or response (bdl-2, bdl-3, bdl-4).
    entry: z.array(z.strictObject({ fullUrl: FhirUri, resource: z.union([ZQuestionnaire, ZCodeSystem, ZQuestionnaireResponse]) })).min(1).optional(),
  })
  // bdl-7: fullUrl is unique in a Bundle.
  .refine((b) => new Set((b.entry ?? []).map((e) => e.fullUrl)).size === (b.entry ?? []).length, 'bdl-7');

function allItems<T extends { item?: T[] }>(items: readonly T[]): T[] {
  return items.flatMap((i) => [i, ...allItems(i.item ?? [])]);
}

/** FHIR JSON has no nulls, empty arrays, empty objects or empty strings anywhere. */
function assertFhirJson(value: unknown, path = '$'): void {
  expect(value, path).not.toBeNull();
  if (typeof value === 'string') expect(value.length, path).toBeGreaterThan(0);
  if (Array.isArray(value)) {
    expect(value.length, path).toBeGreaterThan(0);
    value.forEach((v, i) => assertFhirJson(v, `${path}[${i}]`));
  } else if (typeof value === 'object' && value !== null) {
    expect(Object.keys(value).length, path).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(value)) assertFhirJson(v, `${path}.${k}`);
  }
}

/**
 * A response against its Questionnaire: every item names a Questionnaire item,
 * in the Questionnaire's order, with its text and an answer of the item's type
 * (a choice from its answerOptions); every required item is answered.
 */
function assertAnswers(response: FhirQuestionnaireResponse, questionnaire: FhirQuestionnaire): void {
  const byLinkId = new Map(questionnaire.item.map((item, index) => [item.linkId, { item, index }]));
  let last = -1;
  for (const answered of response.item) {
    const found = byLinkId.get(answered.linkId);
    expect(found, `item ${answered.linkId} is in the Questionnaire`).toBeDefined();
    const { item, index } = found!;
    expect(index, `item ${answered.linkId} in Questionnaire order`).toBeGreaterThan(last);
    last = index;
    expect(answered.text).toBe(item.text);
    expect(answered.answer).toHaveLength(1);
    const [answer] = answered.answer as Record<string, unknown>[];
    if (item.type === 'choice') {
      expect(item.answerOption?.map((o) => o.valueCoding)).toContainEqual(answer!.valueCoding);
    } else if (item.type === 'integer') {
      expect(Object.keys(answer!)).toEqual(['valueInteger']);
    } else if (item.type === 'string') {
      expect(Object.keys(answer!)).toEqual(['valueString']);
    } else {
      throw new Error(`item ${item.linkId} of type ${item.type} cannot be answered`);
    }
  }
  const answeredIds = new Set(response.item.map((i) => i.linkId));
  for (const item of questionnaire.item.filter((i) => i.required)) expect(answeredIds.has(item.linkId), `required item ${item.linkId}`).toBe(true);
}

const FREQUENCY = `${ORIGIN}/fhir/CodeSystem/proqol-5-frequency`;

describe('the ProQOL 5 as a FHIR R4 Questionnaire', () => {
  it.each(WORDING_PRESET_IDS)('is a valid R4 Questionnaire for the %s wording', (preset) => {
    const questionnaire = questionnaireFor(preset, ORIGIN);
    assertFhirJson(questionnaire);
    ZQuestionnaire.parse(questionnaire);
    expect(questionnaire).toMatchObject({
      id: `proqol-5-${preset}`,
      url: `${ORIGIN}/fhir/Questionnaire/proqol-5-${preset}`,
      version: '5',
      status: 'active',
    });
    expect(questionnaire.copyright).toContain(PROQOL5.creditLine);
    expect(questionnaire.copyright).toContain(PROQOL5.maintainerCredit);
  });

  it.each(WORDING_PRESET_IDS)('asks the 30 licensed questions with the %s wording’s bracketed words', (preset) => {
    const questionnaire = questionnaireFor(preset, ORIGIN);
    const questions = questionnaire.item.filter((i) => i.type === 'choice');
    expect(questions.map((q) => q.linkId)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    expect(questions.map((q) => q.text)).toEqual(PROQOL5.items.map((item) => renderWording(item.text, preset)));
    expect(questionnaire.item.find((i) => i.linkId === 'instructions')).toEqual({ linkId: 'instructions', type: 'display', text: renderWording(PROQOL5.instructions, preset) });
    for (const question of questions) {
      expect(question.required).toBe(true);
      expect(question.answerOption).toEqual([
        { valueCoding: { system: FREQUENCY, code: '1', display: 'Never' } },
        { valueCoding: { system: FREQUENCY, code: '2', display: 'Rarely' } },
        { valueCoding: { system: FREQUENCY, code: '3', display: 'Sometimes' } },
        { valueCoding: { system: FREQUENCY, code: '4', display: 'Often' } },
        { valueCoding: { system: FREQUENCY, code: '5', display: 'Very Often' } },
      ]);
    }
  });

  it('carries the three scores and bands as read-only items, and no total', () => {
    const extra = questionnaireFor('helper', ORIGIN).item.filter((i) => i.type !== 'choice' && i.type !== 'display');
    expect(extra.map((i) => [i.linkId, i.type, i.readOnly])).toEqual([
      ['compassion-satisfaction-score', 'integer', true],
      ['compassion-satisfaction-band', 'string', true],
      ['burnout-score', 'integer', true],
      ['burnout-band', 'string', true],
      ['secondary-traumatic-stress-score', 'integer', true],
      ['secondary-traumatic-stress-band', 'string', true],
    ]);
  });

  it('is the same file whenever it is made (no timestamps inside)', () => {
    expect(JSON.stringify(questionnaireFor('nurse', ORIGIN))).toBe(JSON.stringify(questionnaireFor('nurse', ORIGIN)));
  });

  it.each([
    ['proqol-5-helper', 'helper'],
    ['proqol-5-counsellor', 'counsellor'],
    ['proqol-5-', null],
    ['proqol-5-Helper', null],
    ['proqol-5-__proto__', null],
    ['proqol-5-constructor', null],
    ['helper', null],
    ['proqol-4-helper', null],
  ] as [string, WordingPreset | null][])('the id %j names the preset %j', (id, preset) => {
    expect(presetOfQuestionnaireId(id)).toBe(preset);
  });
});

describe('the response options as a FHIR R4 CodeSystem', () => {
  it('is valid R4, complete, at the system URL the answers use', () => {
    const system = codeSystem(ORIGIN);
    assertFhirJson(system);
    ZCodeSystem.parse(system);
    expect(system.url).toBe(FREQUENCY);
    expect(system.content).toBe('complete');
    expect(system.concept).toEqual(PROQOL5.responseOptions.map((o) => ({ code: String(o.value), display: o.label })));
  });
});

describe('check-ins as a FHIR R4 Bundle of QuestionnaireResponses', () => {
  const checkIns = [
    exportedCheckIn({ id: '00000000-0000-4000-8000-000000000001', submittedAt: new Date('2026-01-05T08:00:00Z'), wordingPreset: 'nurse' }),
    exportedCheckIn({ id: '00000000-0000-4000-8000-000000000002', submittedAt: new Date('2026-02-05T08:00:00Z'), wordingPreset: 'clinician' }),
    exportedCheckIn({ id: '00000000-0000-4000-8000-000000000003', submittedAt: new Date('2026-03-05T08:00:00Z'), wordingPreset: 'nurse', answers: Array.from({ length: 30 }, (_, i) => (i % 5) + 1) }),
  ];
  const bundle = bundleFor(checkIns, ORIGIN, NOW);
  const parsed: unknown = JSON.parse(JSON.stringify(bundle));

  it('is a valid R4 collection Bundle', () => {
    assertFhirJson(parsed);
    ZBundle.parse(parsed);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-04-02T12:00:00.000Z' });
  });

  it('holds the Questionnaire of each wording used (with its credit line), the CodeSystem, then one response per check-in in order', () => {
    expect(bundle.entry.map((e) => [e.fullUrl, e.resource.resourceType])).toEqual([
      [`${ORIGIN}/fhir/Questionnaire/proqol-5-clinician`, 'Questionnaire'],
      [`${ORIGIN}/fhir/Questionnaire/proqol-5-nurse`, 'Questionnaire'],
      [FREQUENCY, 'CodeSystem'],
      ['urn:uuid:00000000-0000-4000-8000-000000000001', 'QuestionnaireResponse'],
      ['urn:uuid:00000000-0000-4000-8000-000000000002', 'QuestionnaireResponse'],
      ['urn:uuid:00000000-0000-4000-8000-000000000003', 'QuestionnaireResponse'],
    ]);
    for (const entry of bundle.entry.filter((e) => e.resource.resourceType === 'Questionnaire')) {
      expect((entry.resource as FhirQuestionnaire).copyright).toContain(PROQOL5.creditLine);
    }
  });

  it('answers, in each response, the Questionnaire it names (which is in the Bundle)', () => {
    const questionnaires = new Map(
      bundle.entry.filter((e) => e.resource.resourceType === 'Questionnaire').map((e) => {
        const q = e.resource as FhirQuestionnaire;
        return [`${q.url}|${q.version}`, q];
      }),
    );
    const responses = bundle.entry.filter((e) => e.resource.resourceType === 'QuestionnaireResponse').map((e) => e.resource as FhirQuestionnaireResponse);
    expect(responses).toHaveLength(3);
    for (const response of responses) {
      const questionnaire = questionnaires.get(response.questionnaire);
      expect(questionnaire, response.questionnaire).toBeDefined();
      assertAnswers(response, questionnaire!);
    }
  });

  it.each(WORDING_PRESET_IDS)('gives a %s check-in its answers as given, its scores and bands, and the text it was shown', (preset) => {
    const checkIn = exportedCheckIn({ wordingPreset: preset });
    const response = questionnaireResponseFor(checkIn, ORIGIN);
    ZQuestionnaireResponse.parse(response);
    assertAnswers(response, questionnaireFor(preset, ORIGIN));
    expect(response).toMatchObject({
      id: checkIn.id,
      status: 'completed',
      authored: '2026-03-01T09:30:00.000Z',
      questionnaire: `${ORIGIN}/fhir/Questionnaire/proqol-5-${preset}|5`,
    });
    const questions = response.item.slice(0, 30);
    expect(questions.map((i) => i.linkId)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    expect(questions.map((i) => i.text)).toEqual(PROQOL5.items.map((item) => renderWording(item.text, preset)));
    expect(questions.map((i) => Number((i.answer[0] as { valueCoding: { code: string } }).valueCoding.code))).toEqual(checkIn.answers);
    expect(Object.fromEntries(response.item.slice(30).map((i) => [i.linkId, Object.values(i.answer[0]!)[0]]))).toEqual({
      'compassion-satisfaction-score': 46,
      'compassion-satisfaction-band': 'high',
      'burnout-score': 19,
      'burnout-band': 'low',
      'secondary-traumatic-stress-score': 14,
      'secondary-traumatic-stress-band': 'low',
    });
  });

  it('leaves the private note out', () => {
    const note = 'Only for me: a hard month.';
    expect(JSON.stringify(bundleFor([exportedCheckIn({ note })], ORIGIN, NOW))).not.toContain(note);
  });

  it('still carries the credit line, in the original wording’s Questionnaire, when there are no check-ins', () => {
    const empty = bundleFor([], ORIGIN, NOW);
    assertFhirJson(empty);
    ZBundle.parse(JSON.parse(JSON.stringify(empty)));
    expect(empty.entry.map((e) => e.fullUrl)).toEqual([`${ORIGIN}/fhir/Questionnaire/proqol-5-helper`, FREQUENCY]);
    expect((empty.entry[0]!.resource as FhirQuestionnaire).copyright).toContain(PROQOL5.creditLine);
  });

  it('refuses an answer outside 1–5', () => {
    const answers = exportedCheckIn().answers.map((v, i) => (i === 4 ? 6 : v));
    expect(() => questionnaireResponseFor({ ...exportedCheckIn(), answers }, ORIGIN)).toThrow('There is no response option 6');
  });
});

describe('a FHIR not-found', () => {
  it('is an R4 OperationOutcome with an error issue', () => {
    const outcome = notFoundOutcome('There is no Questionnaire "x".');
    assertFhirJson(outcome);
    z.strictObject({
      resourceType: z.literal('OperationOutcome'),
      issue: z.array(z.strictObject({ severity: z.enum(['fatal', 'error', 'warning', 'information']), code: FhirCode, diagnostics: FhirString })).min(1),
    }).parse(outcome);
    expect(outcome.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
  });
});
