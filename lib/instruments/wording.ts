/**
 * Wording presets for the ProQOL's bracketed words. The licence allows only
 * these words to change; brackets are never shown. Each preset was read in every
 * item and the instructions (tests/unit/instruments/wording.test.ts prints and
 * checks them): the verb "help" fits every profession, so presets change the
 * role nouns only.
 */
export type BracketForm = 'help' | 'helper' | 'helping' | 'helped' | 'work';

export const WORDING_PRESETS = {
  helper: { label: 'Helper (the original wording)', words: { help: 'help', helper: 'helper', helping: 'helping', helped: 'helped', work: 'work' } },
  clinician: { label: 'Clinician', words: { help: 'help', helper: 'clinician', helping: 'clinical practice', helped: 'helped', work: 'work' } },
  therapist: { label: 'Therapist', words: { help: 'help', helper: 'therapist', helping: 'therapy practice', helped: 'helped', work: 'work' } },
  nurse: { label: 'Nurse', words: { help: 'help', helper: 'nurse', helping: 'nursing', helped: 'helped', work: 'work' } },
  counsellor: { label: 'Counsellor', words: { help: 'help', helper: 'counsellor', helping: 'counselling', helped: 'helped', work: 'work' } },
} as const satisfies Record<string, { label: string; words: Record<BracketForm, string> }>;

export type WordingPreset = keyof typeof WORDING_PRESETS;
export const DEFAULT_WORDING_PRESET: WordingPreset = 'helper';
export const WORDING_PRESET_IDS = Object.keys(WORDING_PRESETS) as WordingPreset[];

export function isWordingPreset(value: string): value is WordingPreset {
  return Object.hasOwn(WORDING_PRESETS, value);
}

const BRACKET = /\[([^\]]*)\]/g;

/**
 * Replaces each bracketed word with the preset's word.
 * @throws Error for a bracketed word the instrument does not define (a sign the text was altered)
 */
export function renderWording(text: string, preset: WordingPreset): string {
  const words: Record<string, string> = WORDING_PRESETS[preset].words;
  return text.replace(BRACKET, (_match, form: string) => {
    const word = words[form];
    if (word === undefined) throw new Error(`Unknown bracketed word [${form}] in: ${text}`);
    return word;
  });
}
