import ICAL from 'ical.js';
import { completeCheckIn, expectAccessible, expectAccessibleWithoutJs, signIn, startCheckIn, answer } from './helpers';
import { ITEM_TEXTS } from '../fixtures/answers';
import { expect, test, type Page } from './test';

/**
 * Every table on the page shows its whole content: no cell's content is cut
 * (scrollWidth <= clientWidth), no row hides inside an inner scroll box, and
 * the page itself never scrolls sideways. Returns how many cells were checked.
 */
async function expectTablesFit(page: Page): Promise<number> {
  const report = await page.evaluate(() => {
    const problems: string[] = [];
    let cells = 0;
    for (const table of document.querySelectorAll('table')) {
      for (const cell of table.querySelectorAll('th, td')) {
        if (cell.closest('thead')) continue;
        cells++;
        if (cell.scrollWidth > cell.clientWidth) problems.push(`cut cell: "${cell.textContent}" (${cell.scrollWidth} > ${cell.clientWidth})`);
      }
      for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
        const style = getComputedStyle(el);
        const clips = [style.overflowX, style.overflowY].some((o) => o !== 'visible');
        if (clips && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) problems.push(`inner scroll around "${table.caption?.textContent}"`);
      }
      for (const row of table.querySelectorAll('tbody tr')) {
        const box = row.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) problems.push(`hidden row in "${table.caption?.textContent}"`);
        if (box.right > document.documentElement.clientWidth + 1) problems.push(`row past the page's edge in "${table.caption?.textContent}"`);
      }
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) problems.push('the page scrolls sideways');
    return { problems, cells };
  });
  expect(report.problems, page.url()).toEqual([]);
  return report.cells;
}

for (const javaScriptEnabled of [true, false]) {
  for (const width of [390, 1280]) {
    test(`tables fit at ${width} px with JavaScript ${javaScriptEnabled ? 'on' : 'off'}: home, history, dashboards and admin show every row and every word`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
      const page = await context.newPage();
      const scan = javaScriptEnabled ? expectAccessible : expectAccessibleWithoutJs;
      await signIn(page, 'clinician@example.org');
      for (const path of ['/', '/history']) {
        await page.goto(path);
        expect(await expectTablesFit(page), path).toBeGreaterThan(path === '/' ? 10 : 40);
        await scan(page);
      }
      // Every one of the 12 check-ins is in each history table, none behind a scroll box.
      await expect(page.getByRole('table', { name: /^Burnout: all 12 scores/ }).locator('tbody tr')).toHaveCount(12);

      const admin = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
      const adminPage = await admin.newPage();
      await signIn(adminPage, 'admin@example.org');
      for (const path of ['/dashboard/organisation', '/admin/members']) {
        await adminPage.goto(path);
        expect(await expectTablesFit(adminPage), path).toBeGreaterThan(3);
      }
      await scan(adminPage);
      await admin.close();
      await context.close();
    });
  }
}

test('home on a phone: a draft can be discarded after a confirmation; after a check-in the latest result leads, in words, and the due date goes into a calendar', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'e2e-home@example.test');
  // Due (a first check-in): checking in is the main action.
  await expect(page.getByRole('heading', { level: 2, name: 'Your check-in is due' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start check-in' })).not.toHaveClass(/button--secondary/);
  await expectAccessible(page);

  // A draft with one answer: resume it, or discard it after being asked.
  await startCheckIn(page);
  await answer(page, ITEM_TEXTS[0]!, 3);
  await page.getByRole('button', { name: 'Save and finish later' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your check-in in progress' })).toBeVisible();
  await expect(page.getByText('You have answered 1 of 30 questions.')).toBeVisible();
  await page.getByRole('link', { name: 'Discard this check-in and its answers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Discard this check-in?');
  await expect(page.getByText(/1 of 30 questions answered/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Keep it and carry on' }).click();
  await expect(page).toHaveURL(/\/check-ins\/[0-9a-f-]{36}/);
  await page.goto('/');
  await page.getByRole('link', { name: 'Discard this check-in and its answers' }).click();
  await page.getByRole('button', { name: 'Discard my answers' }).click();
  await expect(page.getByRole('status')).toHaveText('Your check-in in progress was discarded.');
  await expect(page.getByRole('heading', { level: 2, name: 'Your check-in is due' })).toBeVisible();

  // After a check-in: the result in words first; checking in again is offered, but not as the main action.
  await completeCheckIn(page, Array.from({ length: 30 }, () => 3));
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start check-in' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check in early' })).toHaveClass(/button--secondary/);
  const latest = page.getByRole('region', { name: /^Your latest check-in: / });
  await expect(latest.getByRole('listitem')).toHaveText([/^Compassion satisfaction 30, moderate \(higher is better\)$/, /^Burnout 30, moderate \(lower is better\)$/, /^Secondary traumatic stress 30, moderate \(lower is better\)$/]);
  const panels = page.locator('main section h2');
  await expect(panels.first()).toHaveText(/^Your latest check-in: /);
  await expect(panels.nth(1)).toHaveText('Your next check-in');
  const due = (await page.getByText(/^Your next check-in is due on /).locator('strong').innerText()).trim();
  await expectAccessible(page);
  await expectTablesFit(page);

  // "Add to calendar": an iCalendar file with one all-day event on the due date, read by an independent parser.
  const link = page.getByRole('link', { name: 'Add to calendar' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^tend-check-in-\d{4}-\d{2}-\d{2}\.ics$/);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile((await download.path())!, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const event = new ICAL.Event(events[0]!);
  expect(event.summary).toBe('Tend check-in');
  expect(event.startDate.isDate).toBe(true);
  const start = new Date(Date.UTC(event.startDate.year, event.startDate.month - 1, event.startDate.day));
  expect(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(start)).toBe(due);
  expect(event.description).toContain('http://localhost:');
  expect(text).not.toMatch(/\b30\b.*moderate/i);

  // Signed out, the calendar is not found.
  const response = await page.context().browser()!.newContext().then(async (c) => {
    const r = await c.request.get(new URL('/account/calendar', page.url()).toString());
    await c.close();
    return r.status();
  });
  expect(response).toBe(404);
});
