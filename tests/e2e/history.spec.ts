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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

for (const width of [390, 1280]) {
  test(`the history tells a story at ${width} px: the long view in words, notes on the charts and in the tables, even month ticks, Tend's tooltip, how a real change is judged`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, 'clinician@example.org');
    await page.goto('/history');
    const noteRows = page.getByRole('table', { name: 'Your notes, newest first' }).locator('tbody tr');
    const notes = await noteRows.count();
    expect(notes).toBeGreaterThanOrEqual(2);

    for (const subscale of SUBSCALES) {
      const name = SUBSCALE_NAMES[subscale];
      const section = page.getByRole('region', { name });
      const table = page.getByRole('table', { name: new RegExp(`^${name}:`) });
      // The long view: from the first check-in (the table's last row) to the latest (its first), in words.
      const scores = (await tableScores(page, subscale)).map(Number);
      const difference = scores[0]! - scores.at(-1)!;
      const firstDate = await table.locator('tbody tr').last().locator('time').innerText();
      const story = section.locator('.history-story');
      const expectedAmount = difference === 0 ? 'the same' : `${Math.abs(difference)} point${Math.abs(difference) === 1 ? '' : 's'} ${difference > 0 ? 'higher' : 'lower'}`;
      const [, day, month, year] = /^(\d+) (\w+) (\d{4})$/.exec(firstDate)!;
      await expect(story).toContainText(new RegExp(`^Since your first check-in on ${day} ${month}\\w* ${year}: ${expectedAmount}`));

      // Notes: a diamond on the chart for each, and a "Note" link in the table that leads to it.
      const chart = page.getByTestId(`trend-${name}`);
      await expect(chart.locator('.trend__note')).toHaveCount(notes);
      const noteLinks = table.locator('a.history-date__note');
      await expect(noteLinks).toHaveCount(notes);

      // Month ticks: every label a month, the same number of months apart, none overlapping.
      const ticks = chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
      await expect(ticks.nth(1)).toBeVisible();
      const labels = await ticks.allTextContents();
      const months = labels.map((label) => {
        const match = /^([A-Z][a-z]{2})[a-z]? ’(\d\d)$/.exec(label.trim());
        expect(match, label).not.toBeNull();
        return Number(match![2]) * 12 + MONTHS.indexOf(match![1]!);
      });
      expect(new Set(months.slice(1).map((m, i) => m - months[i]!)).size).toBe(1);
      const boxes = await ticks.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((b) => [b.left, b.right]));
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]!).toBeGreaterThan(boxes[i - 1]![1]!);
    }

    // A note link in a score table goes to that note in the notes table.
    const link = page.getByRole('table', { name: /^Burnout:/ }).locator('a.history-date__note').first();
    const target = (await link.getAttribute('href'))!;
    expect(target).toMatch(/^#note-[0-9a-f-]{36}$/);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(page.locator(target)).toBeInViewport();
    await expect(page.locator(target)).toHaveAttribute('href', `/check-ins/${target.slice('#note-'.length)}/result`);

    // The tooltip speaks Tend: the date, the score and its band in words.
    const chart = page.getByTestId('trend-Burnout');
    await chart.scrollIntoViewIfNeeded();
    const dot = chart.locator('circle.trend__dot').last();
    const box = (await dot.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = chart.locator('.trend-tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('p').first()).toHaveText(/^\d{1,2} \w{3,4} \d{4}$/);
    await expect(tooltip.locator('p').nth(1)).toHaveText(/^\d{2}, (low|moderate|high)$/);

    // How a real change is judged: in a disclosure, closed at first, with each scale's threshold.
    const method = page.locator('details', { has: page.getByText('How we judge a real change') });
    await expect(method.getByText('Jacobson and Truax')).toBeHidden();
    await method.getByText('How we judge a real change').click();
    await expect(method.getByText('Jacobson and Truax (1991)')).toBeVisible();
    await expect(method.getByRole('listitem')).toHaveText(['Compassion satisfaction: 7 points', 'Burnout: 8 points', 'Secondary traumatic stress: 7 points']);
    await expectAccessible(page);
  });
}

test('without JavaScript the history shows no legend for charts it cannot draw, and the note links still lead to the notes', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 'clinician@example.org');
  await page.goto('/history');
  await expect(page.getByRole('list', { name: 'How to read the charts' })).toBeHidden();
  await expect(page.locator('.history-story').first()).toBeVisible();
  const link = page.getByRole('table', { name: /^Compassion satisfaction:/ }).locator('a.history-date__note').first();
  await link.click();
  await expect(page.locator((await link.getAttribute('href'))!)).toBeInViewport();
  await expectAccessibleWithoutJs(page);
  await context.close();
});
