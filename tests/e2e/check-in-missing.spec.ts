import { ANSWERS, ITEM_TEXTS } from '../fixtures/answers';
import { answer, expectAccessible, expectAccessibleWithoutJs, itemGroup, signIn, startCheckIn } from './helpers';
import { expect, test, type Page } from './test';

/** Answers items `from` to `to` (inclusive) but those in `skip`. */
async function answerRange(page: Page, from: number, to: number, skip: number[] = []) {
  for (let n = from; n <= to; n++) if (!skip.includes(n)) await answer(page, ITEM_TEXTS[n - 1]!, ANSWERS[n - 1]!);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a question left blank, on a phone, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 390, height: 800 } });

    test('"Next page" says gently that one was skipped; the missing-answer link lands on it, marked; Submit is right there', async ({ page }) => {
      const scan = javaScriptEnabled ? expectAccessible : expectAccessibleWithoutJs;
      await signIn(page, javaScriptEnabled ? 'e2e-missing@example.test' : 'e2e-missing-nojs@example.test');
      await startCheckIn(page, scan);

      await answerRange(page, 1, 6);
      // "Previous page" comes before "Next page", in layout and in tab order (none on the first page).
      await expect(page.getByRole('button', { name: 'Previous page' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect(page).toHaveURL(/page=2$/);
      const buttons = page.locator('.button-row').getByRole('button');
      await expect(buttons).toHaveText(['Previous page', 'Next page', 'Save and finish later']);

      // Page 2 with question 12 left blank: page 3 says so, kindly, with a link, and repeats the instruction.
      await answerRange(page, 7, 12, [12]);
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect(page).toHaveURL(/page=3&skipped=12$/);
      const note = page.getByRole('status').filter({ hasText: 'You left a question on the page before without an answer' });
      await expect(note).toContainText('That’s fine for now: you’ll be reminded before you submit.');
      await expect(note.getByRole('link')).toHaveText(`Question 12: ${ITEM_TEXTS[11]}`);
      await expect(page.getByText(/in the last 30 days\.$/)).toBeVisible();
      await scan(page);

      await answerRange(page, 13, 18);
      await page.getByRole('button', { name: 'Next page' }).click();
      await answerRange(page, 19, 24);
      await page.getByRole('button', { name: 'Next page' }).click();
      await answerRange(page, 25, 30);
      await page.getByRole('button', { name: 'Submit check-in' }).click();

      const summary = page.getByRole('alert').filter({ hasText: 'Some questions still need an answer' });
      await expect(summary.getByRole('link')).toHaveText([`Question 12: ${ITEM_TEXTS[11]}`]);
      await summary.getByRole('link').click();

      // On page 2, at question 12: in view, focused, and marked.
      await expect(page).toHaveURL(/page=2&incomplete=1&focus=12#item-12$/);
      const twelve = itemGroup(page, ITEM_TEXTS[11]!);
      await expect(twelve).toBeFocused();
      await expect(twelve).toBeInViewport();
      await expect(twelve).toContainText('Needs an answer');
      await expect(itemGroup(page, ITEM_TEXTS[10]!)).not.toContainText('Needs an answer');
      await scan(page);

      // Every other page is complete: Submit is on this page, no paging through.
      await answer(page, ITEM_TEXTS[11]!, ANSWERS[11]!);
      await expect(buttons).toHaveText(['Previous page', 'Next page', 'Submit check-in', 'Save and finish later']);
      await page.getByRole('button', { name: 'Submit check-in' }).click();
      await expect(page).toHaveURL(/\/result(#.*)?$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your check-in result');
    });
  });
}
