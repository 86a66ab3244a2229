import type { Band, Subscale } from '../scoring';

/**
 * Tend's own words for each subscale and band, written from the instrument's
 * meanings: plain, warm and strengths-based. They describe how work has felt,
 * never what a person "is", and never diagnose.
 */
export const SUBSCALE_ABOUT: Record<Subscale, string> = {
  compassionSatisfaction:
    'The pleasure you take in doing your work well: feeling that you help, that you are good at it, and that it matters. Higher is better.',
  burnout:
    'How hard it has felt to cope with work: feeling worn out, stuck, or that your effort makes no difference. It usually builds gradually and often reflects workload and the workplace, not you. Lower is better.',
  secondaryTraumaticStress:
    'The effects of hearing about other people’s traumatic experiences at work, such as poor sleep, feeling on edge or images that stay with you. It can come on quickly, often after a particular event. Lower is better.',
};

export const BAND_LABELS: Record<Band, string> = { low: 'Low', moderate: 'Moderate', high: 'High' };

export const RESULT_TEXT: Record<Subscale, Record<Band, string>> = {
  compassionSatisfaction: {
    high: 'You are finding real satisfaction in your work at the moment. The care you give seems to be giving something back to you: a strength worth noticing and protecting.',
    moderate:
      'You are finding a fair amount of satisfaction in your work, as most people in this kind of work do. It can help to notice which moments this month felt most worthwhile.',
    low: 'Your work may not be giving you much satisfaction right now. That is worth knowing, not a verdict on you: it can reflect what has been happening at work, or that satisfaction is coming from other parts of your life. Remembering why you chose this work, and noticing small signs of progress, can help.',
  },
  burnout: {
    low: 'Your answers suggest you are coping well with the demands of work right now, and feel that your effort makes a difference.',
    moderate:
      'Your answers suggest some strain from the demands of work, which is common in this kind of work. It may help to look at what is within your control, and at what helps you rest and recover.',
    high: 'Your answers suggest work has been feeling heavy lately: hard to cope with, or as if your effort isn’t making a difference. A single high score can reflect a hard stretch or a need for time off; if it stays high, it deserves attention. You don’t have to carry it alone: consider talking with your supervisor, a colleague or someone you trust.',
  },
  secondaryTraumaticStress: {
    low: 'Your answers suggest the difficult things you hear about at work are not weighing heavily on you right now.',
    moderate:
      'Your answers suggest some effects from hearing about other people’s traumatic experiences. This is a common, human response to this work; supervision and talking things through can help.',
    high: 'Your answers suggest other people’s traumatic experiences have been affecting you, perhaps through fear, poor sleep, intrusive images or avoiding reminders. This is an understandable response to what you have been exposed to, not a diagnosis. Talking with your supervisor, a colleague or a health professional can help.',
  },
};

/** What a band means for the person: going well, in between, or worth attention. */
export type Tone = 'good' | 'middle' | 'concern';

/**
 * The one place colours get their meaning. For compassion satisfaction high is
 * good; for burnout and secondary traumatic stress low is good. Score cards and
 * charts both colour bands by this, never by the band's name.
 */
export function bandTone(subscale: Subscale, band: Band): Tone {
  if (band === 'moderate') return 'middle';
  const good = subscale === 'compassionSatisfaction' ? 'high' : 'low';
  return band === good ? 'good' : 'concern';
}

/** The fill of each tone (the same values as --good, --middle and --concern in app/globals.css). */
export const TONE_COLOURS: Readonly<Record<Tone, string>> = { good: '#d9efe9', middle: '#fdf0d2', concern: '#f9dcd6' };

/**
 * The ink of each tone's pattern (the same as .tone--middle and .tone--concern in app/globals.css):
 * plain for going well, dots for in between, stripes for worth attention, so no band is told by colour alone.
 */
export const TONE_PATTERN_INK: Readonly<Record<Tone, string | null>> = { good: null, middle: 'rgb(122 86 18 / 0.45)', concern: 'rgb(140 46 36 / 0.38)' };

/** The edge drawn between and around band fills (--band-edge): at least 4.2:1 against every fill and the paper. */
export const BAND_EDGE_COLOUR = '#5f6b6a';

/** Each band's tone on one subscale: what the band means there. */
export function bandTones(subscale: Subscale): Record<Band, Tone> {
  return { low: bandTone(subscale, 'low'), moderate: bandTone(subscale, 'moderate'), high: bandTone(subscale, 'high') };
}

/** Each band's fill on one subscale's chart: what the band means there, as a colour. */
export function bandFills(subscale: Subscale): Record<Band, string> {
  const tones = bandTones(subscale);
  return { low: TONE_COLOURS[tones.low], moderate: TONE_COLOURS[tones.moderate], high: TONE_COLOURS[tones.high] };
}

export const TONE_LABELS: Readonly<Record<Tone, string>> = { good: 'going well', middle: 'in between', concern: 'worth attention' };
