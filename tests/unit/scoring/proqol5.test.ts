import { describe, expect, it } from 'vitest';
import definition from '../../../lib/instruments/proqol5.json';
import {
  bandFor,
  REVERSED_ITEMS,
  scoreProqol5,
  SUBSCALE_ITEMS,
  SUBSCALES,
  type Subscale,
} from '../../../lib/scoring';

/**
 * Answers giving exactly the requested raw score per subscale: each subscale's
 * target is spread over its 10 items, and reverse-scored items are answered
 * from the other end (answer = 6 − contribution).
 */
function answersFor(targets: Record<Subscale, number>): number[] {
  const answers = new Array<number>(30).fill(0);
  for (const subscale of SUBSCALES) {
    const items = SUBSCALE_ITEMS[subscale];
    const base = Math.floor(targets[subscale] / 10);
    const extra = targets[subscale] % 10;
    items.forEach((item, i) => {
      const contribution = base + (i < extra ? 1 : 0);
      answers[item - 1] = REVERSED_ITEMS.includes(item) ? 6 - contribution : contribution;
    });
  }
  return answers;
}

describe('scoreProqol5 band edges', () => {
  const neutral = { compassionSatisfaction: 30, burnout: 30, secondaryTraumaticStress: 30 };
  const edges = [
    [10, 'low'],
    [22, 'low'],
    [23, 'moderate'],
    [41, 'moderate'],
    [42, 'high'],
    [50, 'high'],
  ] as const;

  it.each(SUBSCALES.flatMap((subscale) => edges.map(([raw, band]) => [subscale, raw, band] as const)))(
    '%s raw %i is %s',
    (subscale, raw, band) => {
      const answers = answersFor({ ...neutral, [subscale]: raw });
      const scores = scoreProqol5(answers);
      expect(scores[subscale]).toEqual({ raw, band });
      // The other subscales are untouched by this one's items.
      for (const other of SUBSCALES.filter((s) => s !== subscale)) expect(scores[other].raw).toBe(30);
    },
  );

  it.each([
    [22, 'low'],
    [23, 'moderate'],
    [41, 'moderate'],
    [42, 'high'],
  ] as const)('bandFor(%i) is %s', (raw, band) => {
    expect(bandFor(raw)).toBe(band);
  });
});

describe('scoreProqol5 extremes', () => {
  it('all answers 1: compassion satisfaction 10, burnout 30 (five reversed items), STS 10', () => {
    expect(scoreProqol5(new Array(30).fill(1))).toEqual({
      compassionSatisfaction: { raw: 10, band: 'low' },
      burnout: { raw: 30, band: 'moderate' },
      secondaryTraumaticStress: { raw: 10, band: 'low' },
    });
  });

  it('all answers 5: compassion satisfaction 50, burnout 30, STS 50', () => {
    expect(scoreProqol5(new Array(30).fill(5))).toEqual({
      compassionSatisfaction: { raw: 50, band: 'high' },
      burnout: { raw: 30, band: 'moderate' },
      secondaryTraumaticStress: { raw: 50, band: 'high' },
    });
  });

  it('reverses exactly items 1, 4, 15, 17 and 29', () => {
    for (let item = 1; item <= 30; item++) {
      const answers = new Array(30).fill(3);
      answers[item - 1] = 5;
      const scores = scoreProqol5(answers);
      const subscale = SUBSCALES.find((s) => SUBSCALE_ITEMS[s].includes(item))!;
      expect(scores[subscale].raw).toBe(REVERSED_ITEMS.includes(item) ? 28 : 32);
    }
  });

  it('never returns a total', () => {
    expect(Object.keys(scoreProqol5(new Array(30).fill(3))).sort()).toEqual(
      ['burnout', 'compassionSatisfaction', 'secondaryTraumaticStress'],
    );
  });
});

describe('scoreProqol5 invalid input', () => {
  const valid = () => new Array<number>(30).fill(3);
  const withAt = (index: number, value: unknown) => {
    const answers = valid() as unknown[];
    answers[index] = value;
    return answers as number[];
  };

  it.each([
    ['no answers', [], /item 1 has no answer/],
    ['29 answers', new Array(29).fill(3), /got 29: item 30 has no answer/],
    ['31 answers', new Array(31).fill(3), /got 31: item 31 is not part/],
    ['a fraction', withAt(6, 2.5), /^Item 7: .*whole number.*2\.5/],
    ['NaN', withAt(0, Number.NaN), /^Item 1: .*whole number.*NaN/],
    ['Infinity', withAt(29, Number.POSITIVE_INFINITY), /^Item 30: .*whole number/],
    ['a string', withAt(4, '3'), /^Item 5: .*whole number/],
    ['null (unanswered)', withAt(11, null), /^Item 12: .*whole number/],
    ['0', withAt(2, 0), /^Item 3: the answer must be from 1 to 5, got 0/],
    ['6', withAt(14, 6), /^Item 15: the answer must be from 1 to 5, got 6/],
    ['-1', withAt(20, -1), /^Item 21: the answer must be from 1 to 5, got -1/],
  ])('%s throws a RangeError naming the item', (_label, answers, message) => {
    expect(() => scoreProqol5(answers)).toThrow(RangeError);
    expect(() => scoreProqol5(answers)).toThrow(message);
  });
});

describe('scoring key', () => {
  it('matches the embedded instrument: subscale of every item', () => {
    for (const item of definition.items) {
      expect(SUBSCALE_ITEMS[item.subscale as Subscale]).toContain(item.number);
    }
    expect(SUBSCALES.map((s) => SUBSCALE_ITEMS[s].length)).toEqual([10, 10, 10]);
  });

  it('matches the embedded instrument: reverse-scored items', () => {
    expect(definition.items.filter((i) => i.reverseScored).map((i) => i.number)).toEqual([...REVERSED_ITEMS]);
  });
});
