import type { Proqol5Scores, ReliableChange, Subscale } from '../scoring';

/**
 * Guidance chosen from the pattern of a result: each subscale's band and
 * whether it changed reliably since the previous check-in. Tend's own words,
 * strengths-based and trauma-informed ("what happened", never "what is
 * wrong"): a few specific, practical suggestions per card, never a wall of text.
 * Pure data and selection; the result page shows what `selectGuidance` returns.
 */

export type GuidanceId = 'burnout' | 'compassionSatisfaction' | 'secondaryTraumaticStress' | 'someStrain' | 'steady' | 'improving';

export type Guidance = { id: GuidanceId; title: string; intro: string; suggestions: readonly string[] };

export const GUIDANCE: Readonly<Record<GuidanceId, Guidance>> = {
  secondaryTraumaticStress: {
    id: 'secondaryTraumaticStress',
    title: 'Making room for what you have heard',
    intro: 'Hearing about other people’s trauma leaves its mark on anyone who listens closely. These can help it settle.',
    suggestions: [
      'Bring the cases that stay with you to reflective supervision: it is what supervision is for.',
      'Talk it through with someone you trust, at work or outside it, rather than carrying it alone.',
      'Where you can, spread the hardest work out, and give yourself a short pause between difficult sessions.',
      'Notice what helps your body come down after work: a walk, music, a shower, a change of clothes.',
    ],
  },
  burnout: {
    id: 'burnout',
    title: 'Easing the weight of work',
    intro: 'Burnout usually grows out of workload and the workplace, not out of the person. Start with what is within reach.',
    suggestions: [
      'List what is within your control this week, and what is not; put your effort into the first list.',
      'Protect the basics: sleep, regular meals and some movement each day make the rest more manageable.',
      'Mark the end of the working day with something that helps you switch off, and keep work messages out of your evenings where you can.',
      'Spend time with people who matter to you, and talk with a colleague or peer-support group about how work has been.',
    ],
  },
  compassionSatisfaction: {
    id: 'compassionSatisfaction',
    title: 'Reconnecting with why you do this work',
    intro: 'Satisfaction in caring work ebbs and flows. It often comes back by noticing what is already going well.',
    suggestions: [
      'Remember what drew you to this work, and one moment when you knew you had made a difference.',
      'At the end of each week, write down one thing that went well for someone you work with.',
      'Celebrate progress with your team, however small: an appointment kept, a step forward, a good conversation.',
    ],
  },
  improving: {
    id: 'improving',
    title: 'Something has shifted for the better',
    intro: 'A real change since your last check-in, in a good direction.',
    suggestions: [
      'Take a moment to notice what has been different lately: at work, at home, or in how you look after yourself.',
      'Whatever helped, try to keep some of it going over the coming weeks.',
    ],
  },
  someStrain: {
    id: 'someStrain',
    title: 'Keeping some strain from building',
    intro: 'Your answers show some of the strain that is common in this kind of work. Small, steady habits can keep it from building up.',
    suggestions: [
      'Notice what helps you rest and recover, and keep it in your week when work gets busy.',
      'Look at what is within your control this week, and put your effort there first.',
      'Talk through what has been hard with a colleague or in supervision, before it piles up.',
    ],
  },
  steady: {
    id: 'steady',
    title: 'What is working for you',
    intro: 'Nothing in these scores calls for special attention right now. That is worth noticing, and worth protecting.',
    suggestions: [
      'Notice what is helping right now: people, routines, the way your work is organised.',
      'Keep those things in your week when work gets busy; they are easiest to drop just when they matter most.',
      'Share what works with colleagues: it may help someone who is finding things harder.',
    ],
  },
};

export type Changes = Partial<Record<Subscale, ReliableChange['direction']>>;

/** Whether this result is one where support should come first: burnout or STS high, or reliably worse. */
export function needsSupportFirst(scores: Proqol5Scores, changes: Changes = {}): boolean {
  return (
    scores.burnout.band === 'high' ||
    scores.secondaryTraumaticStress.band === 'high' ||
    changes.burnout === 'worsened' ||
    changes.secondaryTraumaticStress === 'worsened'
  );
}

/**
 * The guidance for a result, most pressing first:
 * - high or reliably worse secondary traumatic stress → reflective supervision, talking, limiting exposure;
 * - high or reliably worse burnout → what you can control, sleep, food and movement, detaching, people, peer support;
 * - low or reliably worse compassion satisfaction → your why, noticing and celebrating progress;
 * - moderate burnout or secondary traumatic stress with no card above for either → acknowledging some
 *   strain (those band texts speak of it, so the guidance must never say nothing calls for attention);
 * - any reliable improvement → noticing what helped;
 * - none of the above → what is working and how to protect it.
 */
export function selectGuidance(scores: Proqol5Scores, changes: Changes = {}): Guidance[] {
  const chosen: Guidance[] = [];
  if (scores.secondaryTraumaticStress.band === 'high' || changes.secondaryTraumaticStress === 'worsened') chosen.push(GUIDANCE.secondaryTraumaticStress);
  if (scores.burnout.band === 'high' || changes.burnout === 'worsened') chosen.push(GUIDANCE.burnout);
  if (scores.compassionSatisfaction.band === 'low' || changes.compassionSatisfaction === 'worsened') chosen.push(GUIDANCE.compassionSatisfaction);
  // A moderate band speaks of some strain: acknowledge it unless a card for that strain is already here.
  const someStrain = scores.burnout.band === 'moderate' || scores.secondaryTraumaticStress.band === 'moderate';
  if (someStrain && !chosen.some((g) => g.id === 'burnout' || g.id === 'secondaryTraumaticStress')) chosen.push(GUIDANCE.someStrain);
  if (Object.values(changes).includes('improved')) chosen.push(GUIDANCE.improving);
  if (chosen.length === 0) chosen.push(GUIDANCE.steady);
  return chosen;
}

const LOWER_CASE_NAMES: Readonly<Record<Subscale, string>> = {
  compassionSatisfaction: 'compassion satisfaction',
  burnout: 'burnout',
  secondaryTraumaticStress: 'secondary traumatic stress',
};

/**
 * What changed in one subscale since the previous check-in, in words: a real
 * (reliable) change, or the normal ups and downs of the questionnaire.
 * @param since the previous check-in's date, already formatted ("10 September 2026")
 */
export function describeChange(subscale: Subscale, change: ReliableChange, since: string): string {
  const points = Math.abs(change.difference);
  const amount = `${points} ${points === 1 ? 'point' : 'points'} ${change.difference > 0 ? 'higher' : 'lower'}`;
  if (change.direction !== 'none') return `A real change since ${since}: ${LOWER_CASE_NAMES[subscale]} is ${amount}.`;
  if (change.difference === 0) return `The same as on ${since}.`;
  return `${amount[0]!.toUpperCase()}${amount.slice(1)} than on ${since}: within the normal ups and downs of the questionnaire.`;
}
