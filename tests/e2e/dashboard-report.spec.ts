import { expectAccessible, expectAccessibleWithoutJs, signIn } from './helpers';
import { pdfText } from './pdf-text';
import { expect, test, type Page } from './test';

/** What a printed dashboard must never carry: the site's navigation, buttons and links to act. */
const NOT_ON_PAPER = ['Sign out', 'Menu', 'Account', 'Print or save as PDF', 'Download these figures', 'Record an initiative', 'Edit “', 'Delete “', 'open until the end of', 'Who can see what', 'Show period'];

/** The periods of the page's "Published periods" table (its row headers, newest first). */
async function periodLabels(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: /^Each period, newest first/ });
  return (await table.locator('tbody th').allInnerTexts()).map((t) => t.trim());
}

/** Prints the page to an A4 PDF in Chromium and reads its text back; one string for the whole document. */
async function printed(page: Page): Promise<{ text: string; pages: number }> {
  const pages = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
  return { text: pages.join(' '), pages: pages.length };
}

function expectReport(text: string, labels: string[]) {
  expect(text).toMatch(/Riverside Community Mental Health · Tend dashboard, printed on \d{1,2} \w+ \d{4}/);
  for (const label of labels) expect(text, label).toContain(label);
  for (const words of NOT_ON_PAPER) expect(text, words).not.toContain(words);
  // The publication rule and the privacy statement, once.
  expect(text.match(/published once and never change/g) ?? []).toHaveLength(1);
}

for (const width of [390, 1280]) {
  test(`a board report at ${width} px: "Print or save as PDF", and the PDF holds every published period, the initiatives and the rule, and no navigation`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, 'manager@example.org');
    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Outreach', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outreach');
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
    await expectAccessible(page);
    const labels = await periodLabels(page);
    expect(labels.length).toBe(12);

    const { text, pages } = await printed(page);
    expectReport(text, labels);
    expect(text).toContain('Outreach');
    // The initiative, numbered on each chart's key and in the list.
    await expect(page.getByRole('heading', { level: 3, name: 'Initiative 1: Fortnightly peer-support group' })).toBeVisible();
    expect(text).toMatch(/1 Fortnightly peer-support group \(from \w+ \d{4}\)/);
    expect(pages).toBeGreaterThan(1);
  });
}

test('the organisation dashboard prints the same way; without JavaScript the page says how to print it', async ({ page, browser }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/dashboard/organisation');
  const labels = await periodLabels(page);
  expect(labels.length).toBeGreaterThanOrEqual(12);
  const { text } = await printed(page);
  expectReport(text, labels);
  expect(text).toContain('Teams side by side');

  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noJs = await plain.newPage();
  await noJs.goto('/dashboard/organisation');
  await expect(noJs.getByRole('button', { name: 'Print or save as PDF' })).toHaveCount(0);
  await expect(noJs.getByText('use your browser’s Print command')).toBeVisible();
  await expectAccessibleWithoutJs(noJs);
  await plain.close();
});
