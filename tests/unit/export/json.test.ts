import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkInsJson } from '../../../lib/export/json';
import { PROQOL5 } from '../../../lib/instruments/proqol5';
import { renderWording, WORDING_PRESET_IDS } from '../../../lib/instruments/wording';
import { exportedCheckIn, NOW } from './fixtures';

const ZIsoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const ZBand = z.enum(['low', 'moderate', 'high']);
const ZScore = z.strictObject({ score: z.number().int().min(10).max(50), band: ZBand });

/** The documented layout, strictly: an extra or missing field fails. */
const ZCheckInsJson = z.strictObject({
  format: z.literal('tend-check-ins'),
  version: z.literal(1),
  exportedAt: ZIsoInstant,
  instrument: z.strictObject({ id: z.string(), name: z.string(), version: z.string(), credit: z.string(), maintainerCredit: z.string() }),
  checkIns: z.array(
    z.strictObject({
      id: z.uuid(),
      submittedAt: ZIsoInstant,
      wording: z.enum(WORDING_PRESET_IDS as [string, ...string[]]),
      answers: z.array(z.strictObject({ item: z.number().int().min(1).max(30), value: z.number().int().min(1).max(5), text: z.string().min(1) })).length(30),
      scores: z.strictObject({ compassionSatisfaction: ZScore, burnout: ZScore, secondaryTraumaticStress: ZScore }),
      note: z.string().nullable(),
    }),
  ),
});

describe('check-ins as JSON', () => {
  const checkIns = [
    exportedCheckIn({ id: '00000000-0000-4000-8000-000000000001', submittedAt: new Date('2026-01-05T08:00:00Z'), wordingPreset: 'helper' }),
    exportedCheckIn({ id: '00000000-0000-4000-8000-000000000002', note: null, wordingPreset: 'therapist' }),
  ];

  it('survives JSON.stringify and JSON.parse unchanged, in the documented layout', () => {
    const document = checkInsJson(checkIns, NOW);
    const parsed: unknown = JSON.parse(JSON.stringify(document));
    expect(parsed).toEqual(document);
    expect(ZCheckInsJson.parse(parsed)).toEqual(document);
  });

  it('names the instrument with its licence credit', () => {
    expect(checkInsJson([], NOW)).toEqual({
      format: 'tend-check-ins',
      version: 1,
      exportedAt: '2026-04-02T12:00:00.000Z',
      instrument: { id: 'proqol-5', name: PROQOL5.name, version: '5', credit: PROQOL5.creditLine, maintainerCredit: PROQOL5.maintainerCredit },
      checkIns: [],
    });
  });

  it('gives each check-in its date, wording, note, scores and bands, in the order given', () => {
    const [first, second] = checkInsJson(checkIns, NOW).checkIns;
    expect(first).toMatchObject({
      id: '00000000-0000-4000-8000-000000000001',
      submittedAt: '2026-01-05T08:00:00.000Z',
      wording: 'helper',
      note: 'A hard month; the peer group helped.',
      scores: { compassionSatisfaction: { score: 46, band: 'high' }, burnout: { score: 19, band: 'low' }, secondaryTraumaticStress: { score: 14, band: 'low' } },
    });
    expect(second).toMatchObject({ id: '00000000-0000-4000-8000-000000000002', wording: 'therapist', note: null });
  });

  it.each(WORDING_PRESET_IDS)('lists the 30 answers as given, with the question text of the %s wording', (preset) => {
    const checkIn = exportedCheckIn({ wordingPreset: preset });
    const [exported] = checkInsJson([checkIn], NOW).checkIns;
    expect(exported!.answers.map((a) => a.item)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(exported!.answers.map((a) => a.value)).toEqual(checkIn.answers);
    expect(exported!.answers.map((a) => a.text)).toEqual(PROQOL5.items.map((item) => renderWording(item.text, preset)));
    expect(exported!.answers.every((a) => !a.text.includes('['))).toBe(true);
  });

  it('keeps a note exactly as written, even one that starts like a formula (JSON is not run by spreadsheets)', () => {
    const note = '=HYPERLINK("http://x.example")\nsecond line';
    const [exported] = checkInsJson([exportedCheckIn({ note })], NOW).checkIns;
    expect(JSON.parse(JSON.stringify(exported)).note).toBe(note);
  });

  it('refuses a check-in without 30 answers', () => {
    expect(() => checkInsJson([{ ...exportedCheckIn(), answers: [1, 2, 3] }], NOW)).toThrow('A check-in has 3 answers, not 30.');
  });
});
