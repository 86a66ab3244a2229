import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import definition from '../../../lib/instruments/proqol5.json';
import { PROQOL5, renderWording, WORDING_PRESET_IDS, WORDING_PRESETS, type WordingPreset } from '../../../lib/instruments';

describe('embedded instrument', () => {
  // The licence allows no change to the wording beyond the bracketed words. These
  // digests were taken from the licensed file; an edit anywhere fails here.
  it('keeps every item exactly as licensed', () => {
    const digest = createHash('sha256')
      .update(JSON.stringify(definition.items.map((i) => [i.number, i.text, i.subscale, i.reverseScored])))
      .digest('hex');
    expect(digest).toBe('cf3ccd3d0a52b9c1342d5841419294a8a220a02989c66d2ed1583ae361ed97df');
  });

  it('keeps the instructions and credit line exactly as licensed', () => {
    const digest = createHash('sha256').update(`${definition.instructions}\n${definition.license.creditLineOnForm}`).digest('hex');
    expect(digest).toBe('f76b38b5bde26725189f638925df59836c2afd5a51bc4e2ee724ed6e6d6a9ca9');
  });

  it('has 30 items numbered 1 to 30 and five response options', () => {
    expect(PROQOL5.items.map((i) => i.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(PROQOL5.responseOptions.map((o) => o.label)).toEqual(['Never', 'Rarely', 'Sometimes', 'Often', 'Very Often']);
  });
});

describe('wording presets', () => {
  const texts = [PROQOL5.instructions, ...PROQOL5.items.map((i) => i.text)];

  it('offers helper (default), clinician, therapist, nurse and counsellor', () => {
    expect(WORDING_PRESET_IDS).toEqual(['helper', 'clinician', 'therapist', 'nurse', 'counsellor']);
  });

  it('defines a word for every bracketed form the instrument uses', () => {
    const used = new Set(texts.flatMap((t) => [...t.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1])));
    expect([...used].sort()).toEqual([...PROQOL5.bracketForms].sort());
    for (const id of WORDING_PRESET_IDS) expect(Object.keys(WORDING_PRESETS[id].words).sort()).toEqual([...used].sort());
  });

  it.each(WORDING_PRESET_IDS)('%s: never shows a bracket and changes nothing but the bracketed words', (preset) => {
    for (const text of texts) {
      const rendered = renderWording(text, preset);
      expect(rendered).not.toMatch(/[[\]]/);
      // Everything outside the brackets is unchanged, in order.
      const outside = text.split(/\[[^\]]+\]/);
      let rest = rendered;
      for (const part of outside) {
        const at = rest.indexOf(part);
        expect(at).toBeGreaterThanOrEqual(0);
        rest = rest.slice(at + part.length);
      }
    }
  });

  it('helper renders the original wording without brackets', () => {
    expect(renderWording(PROQOL5.items[6]!.text, 'helper')).toBe(
      'I find it difficult to separate my personal life from my life as a helper.',
    );
  });

  // Each preset read in the items where its words are hardest to fit.
  const cases: [WordingPreset, number, string][] = [
    ['clinician', 11, 'Because of my clinical practice, I have felt "on edge" about various things.'],
    ['clinician', 16, 'I am pleased with how I am able to keep up with clinical practice techniques and protocols.'],
    ['clinician', 27, 'I have thoughts that I am a "success" as a clinician.'],
    ['therapist', 25, 'As a result of my therapy practice, I have intrusive, frightening thoughts.'],
    ['therapist', 10, 'I feel trapped by my job as a therapist.'],
    ['nurse', 16, 'I am pleased with how I am able to keep up with nursing techniques and protocols.'],
    ['nurse', 14, 'I feel as though I am experiencing the trauma of someone I have helped.'],
    ['counsellor', 11, 'Because of my counselling, I have felt "on edge" about various things.'],
    ['counsellor', 21, 'I feel overwhelmed because my case work load seems endless.'],
    ['counsellor', 24, 'I am proud of what I can do to help.'],
  ];
  it.each(cases)('%s item %i', (preset, number, expected) => {
    expect(renderWording(PROQOL5.items[number - 1]!.text, preset)).toBe(expected);
  });

  it('rejects a bracketed word the instrument does not define', () => {
    expect(() => renderWording('I [care] a lot.', 'helper')).toThrow(/Unknown bracketed word \[care\]/);
  });
});
