import { SUBSCALE_NAMES } from '../../lib/instruments';
import { SUBSCALES } from '../../lib/scoring';
import { expectAccessible, expectAccessibleWithoutJs, signIn } from './helpers';
import { expect, test, type Page } from './test';

/** Each subscale's scores as the home page's table of recent check-ins lists them, turned newest first. */
async function scoresOnHome(page: Page): Promise<Record<string, string[]>> {
  await page.goto('/');
  const table = page.getByRole('table', { name: /^Your last \d+ check-ins, oldest first/ });
  const result: Record<string, string[]> = {};
  for (const subscale of SUBSCALES) {
    result[subscale] = (await table.getByRole('row', { name: new RegExp(`^${SUBSCALE_NAMES[subscale]}`) }).locator('td').allInnerTexts()).reverse();
  }
  return result;
}

async function tableScores(page: Page, subscale: (typeof SUBSCALES)[number]): Promise<string[]> {
  const table = page.getByRole('table', { name: new RegExp(`^${SUBSCALE_NAMES[subscale]}:`) });
  return table.locator('tbody tr td:nth-of-type(1)').allInnerTexts();
}

test('the history: a chart per subscale with its table, matching the check-ins; it works without JavaScript too', async ({ page, browser }) => {
  await signIn(page, 'clinician@example.org');
  const home = await scoresOnHome(page);
  expect(home.burnout).toHaveLength(4);

  await page.getByRole('link', { name: 'History', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your history');
  await expect(page.getByText(/^Your 12 check-ins, from/)).toBeVisible();
  for (const subscale of SUBSCALES) {
    const name = SUBSCALE_NAMES[subscale];
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    // The chart draws every check-in, and is hidden from assistive technology (its table says the same).
    const chart = page.getByTestId(`trend-${name}`);
    await expect(chart.locator('svg.recharts-surface')).toBeVisible();
    await expect(chart.locator('circle.trend__dot')).toHaveCount(12);
    await expect(chart).toHaveAttribute('aria-hidden', 'true');
    expect((await tableScores(page, subscale)).slice(0, 4)).toEqual(home[subscale]);
    expect(await tableScores(page, subscale)).toHaveLength(12);
  }
  // The first row of every table is the newest check-in, the last one says it was the first.
  await expect(page.getByRole('table').first().locator('tbody tr').last().locator('td').last()).toHaveText('first');
  await expectAccessible(page);

  // Without JavaScript, at phone width: no charts, the same tables.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 }, storageState: await page.context().storageState() });
  const noJs = await plain.newPage();
  await noJs.goto('/history');
  await expect(noJs.getByRole('heading', { level: 1 })).toHaveText('Your history');
  for (const subscale of SUBSCALES) {
    expect((await tableScores(noJs, subscale)).slice(0, 4)).toEqual(home[subscale]);
    await expect(noJs.getByTestId(`trend-${SUBSCALE_NAMES[subscale]}`)).toBeHidden();
  }
  await expectAccessibleWithoutJs(noJs);
  await plain.close();
});
