import { z } from 'zod';
import { ITEM_COUNT } from '../scoring';

/** The questionnaire is shown in pages of this many items (small enough for a phone). */
export const ITEMS_PER_PAGE = 6;
export const PAGE_COUNT = Math.ceil(ITEM_COUNT / ITEMS_PER_PAGE);

export function pageOfItem(itemNumber: number): number {
  return Math.ceil(itemNumber / ITEMS_PER_PAGE);
}

export function itemsOnPage(page: number): number[] {
  const first = (page - 1) * ITEMS_PER_PAGE + 1;
  return Array.from({ length: ITEMS_PER_PAGE }, (_, i) => first + i).filter((n) => n <= ITEM_COUNT);
}

export const ZCheckInId = z.uuid({ message: 'Unknown check-in.' });
export const ZItemNumber = z.coerce.number().int().min(1).max(ITEM_COUNT);
export const ZAnswerValue = z.coerce
  .number({ message: 'Choose one of the five answers.' })
  .int('Choose one of the five answers.')
  .min(1, 'Choose one of the five answers.')
  .max(5, 'Choose one of the five answers.');

/** One answer saved as it is given (with JavaScript). */
export const ZSaveAnswerInput = z.object({ checkInId: ZCheckInId, itemNumber: ZItemNumber, value: ZAnswerValue });
export type TSaveAnswerInput = z.infer<typeof ZSaveAnswerInput>;

export const CHECK_IN_INTENTS = ['previous', 'next', 'save', 'submit'] as const;

/**
 * One page of the questionnaire posted as a plain HTML form: radio groups named
 * `item-<n>`, the page number, and the button pressed (`intent`).
 */
export const ZCheckInPageInput = z
  .looseObject({
    checkInId: ZCheckInId,
    page: z.coerce.number().int().min(1).max(PAGE_COUNT),
    intent: z.enum(CHECK_IN_INTENTS).default('next'),
  })
  .transform((input, ctx) => {
    const answers: { itemNumber: number; value: number }[] = [];
    for (const [key, raw] of Object.entries(input)) {
      const match = /^item-(\d+)$/.exec(key);
      if (!match) continue;
      const itemNumber = ZItemNumber.safeParse(match[1]);
      const value = ZAnswerValue.safeParse(raw);
      if (!itemNumber.success || !value.success) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'Choose one of the five answers.' });
        continue;
      }
      answers.push({ itemNumber: itemNumber.data, value: value.data });
    }
    return { checkInId: input.checkInId, page: input.page, intent: input.intent, answers };
  });
export type TCheckInPageInput = z.output<typeof ZCheckInPageInput>;
