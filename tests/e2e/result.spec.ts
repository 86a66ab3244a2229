import { expectAccessible, expectAccessibleWithoutJs, signIn } from './helpers';
import { expect, test, type Page } from './test';

// A demo clinician with a year of monthly check-ins that no other test changes: only read here.
const CLINICIAN = 'aisha.khan@example.org';
const CITATION = 'De La Rosa and others, 2018: 30 studies, 5,612 people';
const AVERAGES = { 'Compassion satisfaction': '37.7', Burnout: '22.8', 'Secondary traumatic stress': '16.7' } as const;
const DATE = /\d{1,2} [A-Z][a-z]+ \d{4}/;

/** The history's list of results (its first table), newest first: each one's date and address. */
async function results(page: Page): Promise<{ date: string; href: string }[]> {
  await page.goto('/history');
  const links = page.getByRole('table').first().locator('tbody th a[href$="/result"]');
  await expect(links).toHaveCount(12);
  const long = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
  return links.evaluateAll((all) => all.map((a) => ({ at: a.querySelector('time')?.dateTime ?? '', href: a.getAttribute('href') ?? '' }))).then((rows) =>
    rows.map((r) => ({ date: long.format(new Date(r.at)), href: r.href })),
  );
}

/** What home says of the next check-in: the due date, or that it is due now. */
async function dueOnHome(page: Page): Promise<string> {
  await page.goto('/');
  const notice = page.getByText(/^Your next check-in is due on /);
  if (await notice.count()) return (/due on (.+?)\./.exec((await notice.textContent()) ?? '')?.[1] ?? '').trim();
  await expect(page.getByRole('heading', { name: 'Your check-in is due' })).toBeVisible();
  return 'now';
}

async function expectNormsBesideEachScore(page: Page): Promise<void> {
  for (const [name, mean] of Object.entries(AVERAGES)) {
    const card = page.getByRole('region', { name, exact: true });
    const raw = Number(await card.locator('.score-card__raw').textContent());
    const difference = Math.round(raw * 10 - Number(mean) * 10) / 10;
    const side = difference > 0 ? 'higher' : 'lower';
    const norm = card.locator('.score-card__norm');
    await expect(norm).toContainText(`The published average for helpers is ${mean} (${CITATION}). Yours is ${Math.abs(difference)} points ${side}: on this scale, ${side} means`);
    // Beside the score: just under its figure and bar, inside the same card, before what the band means.
    const [figure, normBox] = [await card.locator('.score-card__figure').boundingBox(), await norm.boundingBox()];
    expect(normBox!.y - (figure!.y + figure!.height)).toBeLessThan(110);
    await expect(norm).not.toContainText(/band|cut-off/i);
  }
}

async function expectDownloads(page: Page, javaScript: boolean): Promise<void> {
  const region = page.getByRole('region', { name: 'Download this check-in' });
  for (const name of ['Spreadsheet (CSV)', 'JSON']) {
    const link = region.getByRole('link', { name, exact: true });
    await expect(link).toBeVisible();
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  const fhir = region.getByRole('link', { name: 'FHIR R4' });
  await expect(fhir).toBeHidden();
  await region.getByText('More formats', { exact: true }).click();
  await expect(fhir).toBeVisible();
  expect((await fhir.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expect(fhir).toHaveAttribute('href', /\/check-ins\/[0-9a-f-]{36}\/export\/fhir$/);
  if (javaScript) {
    const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('link', { name: 'Spreadsheet (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  }
}

for (const width of [390, 1280]) {
  test(`at ${width} px a result sets each score beside the published average, downloads by name, and links to the results either side`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, CLINICIAN);
    const list = await results(page);
    const due = await dueOnHome(page);

    // The second newest: it has a result on each side.
    await page.goto(list[1]!.href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your check-in result');
    await expect(page.getByText(`From your check-in on ${list[1]!.date}.`)).toBeVisible();
    await expectAccessible(page);
    await expectNormsBesideEachScore(page);
    await expect(page.getByText(/^The published averages are pooled from 30 studies of 5,612 people: De La Rosa and others/)).toBeVisible();

    // The bar's bands are named under their segments, the person's own in bold.
    const burnout = page.getByRole('region', { name: 'Burnout', exact: true });
    await expect(burnout.locator('.scale__labels')).toHaveText('Low10–22Moderate23–41High42–50');
    await expect(burnout.locator('.scale__label--current')).toHaveCount(1);

    // "What this scale is about" shows a marker that turns when it opens.
    const summary = burnout.getByText('What this scale is about');
    const marker = () => summary.evaluate((el) => ({ content: getComputedStyle(el, '::before').content, transform: getComputedStyle(el, '::before').transform }));
    expect(await marker()).toEqual({ content: expect.stringContaining('▸') as unknown as string, transform: 'none' });
    await summary.click();
    await expect(burnout.getByText(/How hard it has felt to cope with work/)).toBeVisible();
    await expect.poll(async () => (await marker()).transform).toMatch(/^matrix\(6\.\d+e-17, 1, -1, 6\.\d+e-17, 0, 0\)$|^matrix\(0, 1, -1, 0, 0, 0\)$/);

    await expect(page.getByText(due === 'now' ? 'Your next check-in is due now.' : `Your next check-in is due on ${due}.`)).toBeVisible();
    await expectDownloads(page, true);
    await expectAccessible(page);

    // Earlier and later: each goes to the result either side, and back again.
    const nav = page.getByRole('navigation', { name: 'Your other results' });
    await expect(nav.getByRole('link')).toHaveText([`← Earlier result: ${list[2]!.date}`, `Later result: ${list[0]!.date} →`]);
    await nav.getByRole('link', { name: `Later result: ${list[0]!.date}` }).click();
    await expect(page.getByText(`From your check-in on ${list[0]!.date}.`)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Your other results' }).getByRole('link')).toHaveText([`← Earlier result: ${list[1]!.date}`]);
    await page.getByRole('link', { name: `Earlier result: ${list[1]!.date}` }).click();
    await expect(page.getByText(`From your check-in on ${list[1]!.date}.`)).toBeVisible();
    await page.getByRole('link', { name: `Earlier result: ${list[2]!.date}` }).click();
    await expect(page).toHaveURL(new RegExp(`${list[2]!.href}$`));

    // The oldest has no earlier result.
    await page.goto(list[11]!.href);
    await expect(page.getByRole('navigation', { name: 'Your other results' }).getByRole('link')).toHaveText([`Later result: ${list[10]!.date} →`]);
    expect(list.every((r) => DATE.test(r.date))).toBe(true);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('the result reads the same: averages, due date, more formats and the links either side all work', async ({ page }) => {
    await signIn(page, CLINICIAN);
    const list = await results(page);
    const due = await dueOnHome(page);
    await page.goto(list[5]!.href);
    await expectAccessibleWithoutJs(page);
    await expectNormsBesideEachScore(page);
    await expect(page.getByText(due === 'now' ? 'Your next check-in is due now.' : `Your next check-in is due on ${due}.`)).toBeVisible();
    await expectDownloads(page, false);
    await page.getByRole('link', { name: `Earlier result: ${list[6]!.date}` }).click();
    await expect(page.getByText(`From your check-in on ${list[6]!.date}.`)).toBeVisible();
    await page.getByRole('link', { name: `Later result: ${list[5]!.date}` }).click();
    await expect(page.getByText(`From your check-in on ${list[5]!.date}.`)).toBeVisible();
  });
});
