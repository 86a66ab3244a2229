import { expect, test } from './test';
import { BAND_LABELS, SUBSCALE_NAMES } from '../../lib/instruments';
import { scoreProqol5, SUBSCALES } from '../../lib/scoring';
import { ANSWERS, ITEM_TEXTS } from '../fixtures/answers';
import { answer, expectAccessibleWithoutJs, progress, signIn, startCheckIn } from './helpers';

test.use({ javaScriptEnabled: false });

test('the whole check-in works as plain HTML forms with JavaScript disabled', async ({ page, context }) => {
  await signIn(page, 'e2e-nojs@example.test');
  await startCheckIn(page, expectAccessibleWithoutJs);
  await expect(progress(page)).toHaveText('0 of 30 answered');

  // Pages 1–4 posted one at a time; nothing is saved until a page is posted.
  for (let p = 1; p <= 4; p++) {
    for (let n = (p - 1) * 6 + 1; n <= p * 6; n++) await answer(page, ITEM_TEXTS[n - 1]!, ANSWERS[n - 1]!);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(new RegExp(`page=${p + 1}`));
    await expect(progress(page)).toHaveText(`${p * 6} of 30 answered`);
    await expectAccessibleWithoutJs(page);
  }

  // Going back shows the posted answers.
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/page=4/);
  for (let n = 19; n <= 24; n++) {
    await expect(page.getByRole('group', { name: ITEM_TEXTS[n - 1]!, exact: true }).getByRole('radio').nth(ANSWERS[n - 1]! - 1)).toBeChecked();
  }
  await page.getByRole('button', { name: 'Next page' }).click();

  // Submit with items 27 and 29 unanswered: both are listed, with links, and nothing is lost.
  for (const n of [25, 26, 28, 30]) await answer(page, ITEM_TEXTS[n - 1]!, ANSWERS[n - 1]!);
  await page.getByRole('button', { name: 'Submit check-in' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Some questions still need an answer' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link')).toHaveText([`Question 27: ${ITEM_TEXTS[26]}`, `Question 29: ${ITEM_TEXTS[28]}`]);
  await expect(progress(page)).toHaveText('28 of 30 answered');
  await expect(page.getByRole('group', { name: ITEM_TEXTS[24]!, exact: true }).getByRole('radio').nth(ANSWERS[24]! - 1)).toBeChecked();
  await expectAccessibleWithoutJs(page);

  await summary.getByRole('link', { name: /^Question 27:/ }).click();
  await expect(page).toHaveURL(/page=5&incomplete=1&focus=27#item-27$/);
  await answer(page, ITEM_TEXTS[26]!, ANSWERS[26]!);
  await answer(page, ITEM_TEXTS[28]!, ANSWERS[28]!);

  // The same page open in a second tab: its later, stale re-post must not store a second check-in.
  const second = await context.newPage();
  await second.goto(page.url());

  await page.getByRole('button', { name: 'Submit check-in' }).click();
  await expect(page).toHaveURL(/\/result(#.*)?$/);
  const expected = scoreProqol5(ANSWERS);
  for (const subscale of SUBSCALES) {
    const card = page.getByRole('region', { name: SUBSCALE_NAMES[subscale] });
    await expect(card.locator('.score-card__raw')).toHaveText(String(expected[subscale].raw));
    await expect(card.locator('.score-card__band')).toHaveText(BAND_LABELS[expected[subscale].band]);
  }
  await expectAccessibleWithoutJs(page);

  await answer(second, ITEM_TEXTS[26]!, 1);
  await second.getByRole('button', { name: 'Submit check-in' }).click();
  await expect(second).toHaveURL(page.url());
  // The stale post changed nothing.
  await expect(second.getByRole('region', { name: SUBSCALE_NAMES.compassionSatisfaction }).locator('.score-card__raw')).toHaveText(
    String(expected.compassionSatisfaction.raw),
  );

  // Back button: the questionnaire of a submitted check-in leads to its result.
  await page.goBack();
  await page.goBack();
  await page.reload();
  await expect(page).toHaveURL(/\/result(#.*)?$/);

  await page.goto('/');
  // The latest (first) result leads; checking in again is there, but not as the main action.
  await expect(page.getByRole('heading', { level: 2, name: /^Your latest check-in: / })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start check-in' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check in early' })).toHaveClass(/button--secondary/);
  await expectAccessibleWithoutJs(page);

  // Pages that are not found say so in their HTML: readable with JavaScript off.
  for (const path of ['/check-ins/00000000-0000-4000-8000-000000000000/result', '/check-ins/not-a-uuid', '/no-such-page']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
    await expect(page.getByRole('link', { name: 'Go to your home page' })).toBeVisible();
  }
  await expectAccessibleWithoutJs(page);
});
