import definition from './proqol5.json';
import type { Subscale } from '../scoring';

/**
 * The ProQOL 5 as licensed: the JSON beside this file is embedded unchanged.
 * Item wording may only differ in the bracketed words (see wording.ts); any
 * other change would make the form "adapted from the ProQOL".
 */
export type Proqol5Item = {
  number: number;
  text: string;
  subscale: Subscale;
  reverseScored: boolean;
};

export type ResponseOption = { value: number; label: string };

export const PROQOL5 = {
  id: definition.id,
  /** Stored with every check-in; the instrument's own version number. */
  version: '5',
  name: definition.name,
  instructions: definition.instructions,
  recallPeriodDays: definition.recallPeriodDays,
  responseOptions: definition.responseOptions as readonly ResponseOption[],
  items: definition.items as readonly Proqol5Item[],
  bracketForms: definition.bracketTerms.forms as readonly string[],
  creditLine: definition.license.creditLineOnForm,
  maintainerCredit: definition.license.maintainerCredit,
  reliabilityAlpha: definition.reliabilityAlpha as Record<Subscale, number>,
  literatureNorms: {
    compassionSatisfaction: definition.literatureNorms.compassionSatisfaction,
    burnout: definition.literatureNorms.burnout,
    secondaryTraumaticStress: definition.literatureNorms.secondaryTraumaticStress,
  } as Record<Subscale, { mean: number; sd: number }>,
  interpretation: {
    compassionSatisfaction: definition.interpretationSummary.compassionSatisfaction,
    burnout: definition.interpretationSummary.burnout,
    secondaryTraumaticStress: definition.interpretationSummary.secondaryTraumaticStress,
  } as Record<Subscale, string>,
} as const;

export const SUBSCALE_NAMES: Record<Subscale, string> = {
  compassionSatisfaction: 'Compassion satisfaction',
  burnout: 'Burnout',
  secondaryTraumaticStress: 'Secondary traumatic stress',
};

/** Shown with the questionnaire and with every result. */
export const SCREEN_NOT_DIAGNOSIS =
  'The ProQOL is a screen, not a diagnosis: it describes how work has felt over the last 30 days, not who you are.';
