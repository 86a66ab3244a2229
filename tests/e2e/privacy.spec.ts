import { expect, test } from './test';
import { ANSWERS, ITEM_TEXTS } from '../fixtures/answers';
import { answer, expectAccessible, signIn, startCheckIn } from './helpers';

test('another clinician opening someone’s check-in or result gets a not-found page with none of its data', async ({ page, browser }) => {
  // The owner completes a check-in (a double click on submit stores one), then starts another.
  await signIn(page, 'e2e-owner@example.test');
  await startCheckIn(page);
  for (let n = 1; n <= 30; n++) {
    await answer(page, ITEM_TEXTS[n - 1]!, ANSWERS[n - 1]!);
    if (n % 6 === 0 && n < 30) {
      await expect(page.getByText('All answers saved.')).toBeVisible();
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect(page).toHaveURL(new RegExp(`page=${n / 6 + 1}`));
    }
  }
  await page.getByRole('button', { name: 'Submit check-in' }).dblclick();
  await expect(page).toHaveURL(/\/result$/);
  const resultUrl = page.url();
  const ownerScore = await page.locator('.score-card__raw').first().textContent();

  await page.goto('/');
  await expect(page.getByRole('list').filter({ has: page.getByRole('definition') }).getByRole('listitem')).toHaveCount(1);
  await startCheckIn(page);
  await answer(page, ITEM_TEXTS[0]!, 5);
  await expect(page.getByText('All answers saved.')).toBeVisible();
  const draftUrl = page.url().split('?')[0]!;

  // Someone else, signed in, tries both addresses.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, 'clinician@example.org');
  for (const url of [resultUrl, draftUrl, `${draftUrl}?page=1`, `${draftUrl}/result`]) {
    const response = await other.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
    await expect(other.locator('.score-card, fieldset, progress')).toHaveCount(0);
    await expect(other.locator('main')).not.toContainText('e2e-owner');
    await expect(other.locator('main')).not.toContainText(ITEM_TEXTS[0]!);
    await expectAccessible(other);
  }
  expect(ownerScore).toMatch(/^\d+$/);
  await otherContext.close();

  // Signed out, the same addresses lead to sign-in.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(resultUrl);
  await expect(visitor).toHaveURL(/\/sign-in/);
  await anonymous.close();
});
