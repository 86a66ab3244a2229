import { expect, test, type Page } from './test';
import { scoreProqol5, SUBSCALES } from '../../lib/scoring';
import { SUBSCALE_NAMES, BAND_LABELS } from '../../lib/instruments';
import { ANSWERS, ITEM_TEXTS } from '../fixtures/answers';
import { expectAccessible, itemGroup, progress, signIn, tabTo } from './helpers';

/** Answers item `n` with the keyboard: Tab into its radio group, Space, then arrow keys. */
async function answerWithKeyboard(page: Page, n: number, value: number) {
  const group = itemGroup(page, ITEM_TEXTS[n - 1]!);
  const radios = group.getByRole('radio');
  for (let i = 0; i < 40; i++) {
    const inGroup = await page.evaluate((name) => (document.activeElement as HTMLInputElement | null)?.name === name, `item-${n}`);
    if (inGroup) break;
    await page.keyboard.press('Tab');
  }
  const checked = async () => {
    for (let v = 1; v <= 5; v++) if (await radios.nth(v - 1).isChecked()) return v;
    return 0;
  };
  if ((await checked()) === 0) await page.keyboard.press('Space');
  let current = await checked();
  while (current !== value) {
    await page.keyboard.press(current < value ? 'ArrowRight' : 'ArrowLeft');
    current = await checked();
  }
  await expect(radios.nth(value - 1)).toBeChecked();
}

test('a new clinician completes a check-in with the keyboard alone, reloading half-way', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'new@example.org');
  await expectAccessible(page);

  await tabTo(page, page.getByRole('button', { name: 'Start check-in' }));
  await page.keyboard.press('Enter');

  // Before a first check-in: who can see what, in short, acknowledged with the keyboard.
  await expect(page).toHaveURL(/\/privacy\/summary\?continue=check-in$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Before your first check-in');
  await expect(page.getByText('Only you see your answers.')).toBeVisible();
  await expectAccessible(page);
  await tabTo(page, page.getByRole('button', { name: 'I understand: start my check-in' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/check-ins\/[0-9a-f-]{36}/);
  await expect(progress(page)).toHaveText('0 of 30 answered');
  await expectAccessible(page);

  for (let n = 1; n <= 30; n++) {
    await answerWithKeyboard(page, n, ANSWERS[n - 1]!);
    await expect(progress(page)).toHaveText(`${n} of 30 answered`);

    if (n === 15) {
      // Half-way: wait for the last answer to reach the server, then reload.
      await expect(page.getByText('All answers saved.')).toBeVisible();
      await page.reload();
      await expect(progress(page)).toHaveText('15 of 30 answered');
      for (const m of [13, 14, 15]) {
        await expect(itemGroup(page, ITEM_TEXTS[m - 1]!).getByRole('radio').nth(ANSWERS[m - 1]! - 1)).toBeChecked();
      }
      await expectAccessible(page);
    }

    if (n % 6 === 0 && n < 30) {
      await tabTo(page, page.getByRole('button', { name: 'Next page' }));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`page=${n / 6 + 1}`));
      await expect(page.getByRole('heading', { name: new RegExp(`^Questions ${n + 1} to`) })).toBeFocused();
      await expectAccessible(page);
    }
  }

  await tabTo(page, page.getByRole('button', { name: 'Submit check-in' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/check-ins\/[0-9a-f-]{36}\/result$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your check-in result' })).toBeVisible();

  const expected = scoreProqol5(ANSWERS);
  for (const subscale of SUBSCALES) {
    const card = page.getByRole('region', { name: SUBSCALE_NAMES[subscale] });
    await expect(card.locator('.score-card__raw')).toHaveText(String(expected[subscale].raw));
    await expect(card.locator('.score-card__band')).toHaveText(BAND_LABELS[expected[subscale].band]);
  }
  await expect(page.getByText(/total/i)).toHaveCount(0);
  await expect(page.getByText('The ProQOL is a screen, not a diagnosis', { exact: false })).toBeVisible();
  await expect(page.getByText(/© B\. Hudnall Stamm/)).toBeVisible();
  await expectAccessible(page);
});
