import { describe, expect, it } from 'vitest';
import { describeChange, GUIDANCE, needsSupportFirst, selectGuidance, type Changes } from '../../../lib/instruments/guidance';
import { RESULT_TEXT } from '../../../lib/instruments/interpretation';
import { reliableChange, SUBSCALES, type Band, type Proqol5Scores, type Subscale } from '../../../lib/scoring';

const RAW: Record<Band, number> = { low: 18, moderate: 30, high: 45 };
const scores = (cs: Band, bo: Band, sts: Band): Proqol5Scores => ({
  compassionSatisfaction: { raw: RAW[cs], band: cs },
  burnout: { raw: RAW[bo], band: bo },
  secondaryTraumaticStress: { raw: RAW[sts], band: sts },
});

describe('which guidance a result pattern picks', () => {
  it.each<[string, Proqol5Scores, Changes, string[]]>([
    ['all healthy', scores('high', 'low', 'low'), {}, ['steady']],
    ['all moderate, nothing changed', scores('moderate', 'moderate', 'moderate'), { burnout: 'none' }, ['someStrain']],
    ['moderate burnout only', scores('high', 'moderate', 'low'), {}, ['someStrain']],
    ['moderate STS only', scores('high', 'low', 'moderate'), {}, ['someStrain']],
    ['moderate compassion satisfaction, the rest low', scores('moderate', 'low', 'low'), {}, ['steady']],
    ['high burnout', scores('moderate', 'high', 'moderate'), {}, ['burnout']],
    ['burnout reliably worse, still moderate', scores('moderate', 'moderate', 'low'), { burnout: 'worsened' }, ['burnout']],
    ['low compassion satisfaction', scores('low', 'low', 'low'), {}, ['compassionSatisfaction']],
    ['compassion satisfaction reliably worse', scores('moderate', 'low', 'low'), { compassionSatisfaction: 'worsened' }, ['compassionSatisfaction']],
    ['high secondary traumatic stress', scores('high', 'low', 'high'), {}, ['secondaryTraumaticStress']],
    ['STS reliably worse', scores('high', 'low', 'moderate'), { secondaryTraumaticStress: 'worsened' }, ['secondaryTraumaticStress']],
    ['everything hard at once, most pressing first', scores('low', 'high', 'high'), {}, ['secondaryTraumaticStress', 'burnout', 'compassionSatisfaction']],
    ['a reliable improvement', scores('moderate', 'moderate', 'low'), { burnout: 'improved' }, ['someStrain', 'improving']],
    ['a reliable improvement, nothing strained', scores('moderate', 'low', 'low'), { burnout: 'improved' }, ['improving']],
    ['low compassion satisfaction and moderate burnout', scores('low', 'moderate', 'low'), {}, ['compassionSatisfaction', 'someStrain']],
    ['high burnout and moderate STS: the burnout card speaks to the strain', scores('moderate', 'high', 'moderate'), {}, ['burnout']],
    ['improved burnout but high STS', scores('moderate', 'moderate', 'high'), { burnout: 'improved' }, ['secondaryTraumaticStress', 'improving']],
  ])('%s → %j', (_label, result, changes, ids) => {
    expect(selectGuidance(result, changes).map((g) => g.id)).toEqual(ids);
  });

  it('treats a missing comparison (a first check-in) as no change', () => {
    expect(selectGuidance(scores('high', 'low', 'low')).map((g) => g.id)).toEqual(['steady']);
  });
});

describe('when support contacts come first', () => {
  it.each<[string, Proqol5Scores, Changes, boolean]>([
    ['high burnout', scores('moderate', 'high', 'low'), {}, true],
    ['high STS', scores('moderate', 'low', 'high'), {}, true],
    ['burnout reliably worse', scores('moderate', 'moderate', 'low'), { burnout: 'worsened' }, true],
    ['STS reliably worse', scores('moderate', 'low', 'moderate'), { secondaryTraumaticStress: 'worsened' }, true],
    ['low compassion satisfaction only', scores('low', 'moderate', 'moderate'), { compassionSatisfaction: 'worsened' }, false],
    ['all healthy', scores('high', 'low', 'low'), {}, false],
  ])('%s: %s', (_label, result, changes, first) => {
    expect(needsSupportFirst(result, changes)).toBe(first);
  });
});

describe('the guidance text', () => {
  it('offers a few practical suggestions per card, never a wall of text', () => {
    for (const guidance of Object.values(GUIDANCE)) {
      expect(guidance.suggestions.length).toBeGreaterThanOrEqual(2);
      expect(guidance.suggestions.length).toBeLessThanOrEqual(4);
      for (const line of guidance.suggestions) expect(line.length).toBeLessThan(160);
    }
  });

  it('never labels the person', () => {
    const text = JSON.stringify(GUIDANCE).toLowerCase();
    for (const word of ['you are burnt out', 'you are burned out', 'disorder', 'diagnos', 'what is wrong with you', 'traumatised']) {
      expect(text).not.toContain(word);
    }
  });
});

describe('what changed, in words', () => {
  it.each([
    ['burnout', 39, 30, 'A real change since 10 September 2026: burnout is 9 points lower.'],
    ['compassionSatisfaction', 30, 37, 'A real change since 10 September 2026: compassion satisfaction is 7 points higher.'],
    ['secondaryTraumaticStress', 20, 27, 'A real change since 10 September 2026: secondary traumatic stress is 7 points higher.'],
    ['burnout', 30, 33, '3 points higher than on 10 September 2026: within the normal ups and downs of the questionnaire.'],
    ['burnout', 30, 29, '1 point lower than on 10 September 2026: within the normal ups and downs of the questionnaire.'],
    ['burnout', 30, 30, 'The same as on 10 September 2026.'],
  ] as const)('%s %d → %d: %s', (subscale, before, after, text) => {
    expect(describeChange(subscale, reliableChange(subscale, before, after), '10 September 2026')).toBe(text);
  });
});

describe('guidance never contradicts what the bands say', () => {
  const BANDS: Band[] = ['low', 'moderate', 'high'];
  const combinations = BANDS.flatMap((cs) => BANDS.flatMap((bo) => BANDS.map((sts) => [cs, bo, sts] as const)));
  // What a band text says of strain or concern, in its own words.
  const SPEAKS_OF_STRAIN = /strain|some effects|affecting you|feeling heavy|not be giving you much satisfaction/i;
  const SAYS_ALL_IS_WELL = /nothing[^.]*(calls? for|needs?|deserves?|attention)/i;
  const strained = (result: Proqol5Scores): Subscale[] => SUBSCALES.filter((s) => SPEAKS_OF_STRAIN.test(RESULT_TEXT[s][result[s].band]));
  const text = (result: Proqol5Scores, changes: Changes) =>
    selectGuidance(result, changes)
      .map((g) => [g.title, g.intro, ...g.suggestions].join(' '))
      .join(' ');

  it('the band texts that speak of strain or concern are the ones expected', () => {
    const speaking = SUBSCALES.flatMap((s) => BANDS.filter((b) => SPEAKS_OF_STRAIN.test(RESULT_TEXT[s][b])).map((b) => `${s} ${b}`));
    expect(speaking).toEqual(['compassionSatisfaction low', 'burnout moderate', 'burnout high', 'secondaryTraumaticStress moderate', 'secondaryTraumaticStress high']);
  });

  it('covers all 27 combinations of bands', () => expect(new Set(combinations.map((c) => c.join())).size).toBe(27));

  const CHANGES: [string, Changes][] = [
    ['a first check-in', {}],
    ['no real change', { compassionSatisfaction: 'none', burnout: 'none', secondaryTraumaticStress: 'none' }],
    ['burnout reliably better', { burnout: 'improved' }],
    ['everything reliably better', { compassionSatisfaction: 'improved', burnout: 'improved', secondaryTraumaticStress: 'improved' }],
  ];

  it.each(combinations.flatMap(([cs, bo, sts]) => CHANGES.map(([label, changes]) => [cs, bo, sts, label, changes] as const)))(
    'CS %s, burnout %s, STS %s (%s)',
    (cs, bo, sts, _label, changes) => {
      const result = scores(cs, bo, sts);
      const guidance = text(result, changes);
      if (strained(result).length > 0) expect(guidance).not.toMatch(SAYS_ALL_IS_WELL);
      // Every band that speaks of strain or concern has a card that acknowledges it.
      const ids: string[] = selectGuidance(result, changes).map((g) => g.id);
      for (const s of strained(result)) {
        const answering = s === 'compassionSatisfaction' ? ['compassionSatisfaction'] : ['burnout', 'secondaryTraumaticStress', 'someStrain'];
        expect(ids.some((id) => answering.includes(id)), `${s} ${result[s].band}`).toBe(true);
      }
      // Where no band speaks of strain and nothing changed, the guidance says nothing calls for attention (so the check above can fail).
      if (strained(result).length === 0 && !Object.values(changes).includes('improved')) expect(guidance).toMatch(SAYS_ALL_IS_WELL);
    },
  );
});
