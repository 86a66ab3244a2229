import { describe, expect, it } from 'vitest';
import definition from '../../../lib/instruments/proqol5.json';
import { describeNorm, normsCitation, NORMS_SOURCE, normsSourceText, publishedAverage } from '../../../lib/instruments/norms';
import { SUBSCALES } from '../../../lib/scoring';

const CITATION = 'De La Rosa and others, 2018: 30 studies, 5,612 people';

describe('the published average beside a score', () => {
  it('is the instrument file’s pooled mean, exactly', () => {
    for (const subscale of SUBSCALES) expect(publishedAverage(subscale)).toBe(definition.literatureNorms[subscale].mean);
    expect([publishedAverage('compassionSatisfaction'), publishedAverage('burnout'), publishedAverage('secondaryTraumaticStress')]).toEqual([37.7, 22.8, 16.7]);
  });

  it('names the source the instrument file names: authors, year, studies and people', () => {
    const note = definition.literatureNorms.note;
    expect(note).toContain('De La Rosa et al.');
    expect(note).toContain(NORMS_SOURCE.title);
    expect(note).toContain(`${NORMS_SOURCE.journal} ${NORMS_SOURCE.year}`);
    expect(note).toContain(`${NORMS_SOURCE.studies} studies`);
    expect(note).toContain(`n = ${NORMS_SOURCE.people.toLocaleString('en-GB')}`);
    expect(normsCitation()).toBe(CITATION);
    expect(normsSourceText()).toBe(
      'The published averages are pooled from 30 studies of 5,612 people: De La Rosa and others, “Professional Quality of Life Normative Benchmarks”, Psychological Trauma, 2018. They are context for your scores, not a target, and they do not change what a score means.',
    );
  });

  it.each([
    // Higher is better: a higher score is more satisfaction.
    ['compassionSatisfaction', 42, `The published average for helpers is 37.7 (${CITATION}). Yours is 4.3 points higher: on this scale, higher means more satisfaction.`],
    ['compassionSatisfaction', 37, `The published average for helpers is 37.7 (${CITATION}). Yours is 0.7 points lower: on this scale, lower means less satisfaction.`],
    ['compassionSatisfaction', 10, `The published average for helpers is 37.7 (${CITATION}). Yours is 27.7 points lower: on this scale, lower means less satisfaction.`],
    // Lower is better: a lower score is less strain, and a higher one is said to be more, never "better".
    ['burnout', 20, `The published average for helpers is 22.8 (${CITATION}). Yours is 2.8 points lower: on this scale, lower means less strain.`],
    ['burnout', 23, `The published average for helpers is 22.8 (${CITATION}). Yours is 0.2 points higher: on this scale, higher means more strain.`],
    ['burnout', 50, `The published average for helpers is 22.8 (${CITATION}). Yours is 27.2 points higher: on this scale, higher means more strain.`],
    ['secondaryTraumaticStress', 16, `The published average for helpers is 16.7 (${CITATION}). Yours is 0.7 points lower: on this scale, lower means fewer effects from other people’s trauma.`],
    ['secondaryTraumaticStress', 31, `The published average for helpers is 16.7 (${CITATION}). Yours is 14.3 points higher: on this scale, higher means more effects from other people’s trauma.`],
  ] as const)('%s %i reads “%s”', (subscale, raw, text) => {
    expect(describeNorm(subscale, raw)).toBe(text);
  });

  it('never calls the average a band, a cut-off, a norm to meet or a verdict', () => {
    for (const subscale of SUBSCALES) {
      for (let raw = 10; raw <= 50; raw++) {
        const text = describeNorm(subscale, raw).toLowerCase();
        for (const word of ['band', 'cut-off', 'cutoff', 'threshold', 'normal', 'better', 'worse', 'above average', 'below average']) {
          expect(text).not.toContain(word);
        }
        expect(text).not.toMatch(/\b(low|moderate|high)\b/);
      }
    }
  });

  it('says "the same" only for a score equal to the average, and one point in the singular', () => {
    expect(describeNorm('burnout', 23, 23)).toBe(`The published average for helpers is 23 (${CITATION}). Yours is the same as that average.`);
    expect(describeNorm('burnout', 24, 23)).toBe(`The published average for helpers is 23 (${CITATION}). Yours is 1 point higher: on this scale, higher means more strain.`);
    expect(describeNorm('burnout', 22, 23)).toBe(`The published average for helpers is 23 (${CITATION}). Yours is 1 point lower: on this scale, lower means less strain.`);
  });
});
