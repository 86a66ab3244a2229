import { parse } from 'csv-parse/sync';
import { PROQOL5 } from '../../lib/instruments/proqol5';
import { completeCheckIn, expectAccessible, expectAccessibleWithoutJs, signIn } from './helpers';
import type { Browser } from '@playwright/test';
import { expect, test, type Page } from './test';

const TOO_FEW = 'Not enough responses to show without identifying people';
const HIDDEN_FOR_OTHERS = 'Hidden so that a smaller group’s figures can’t be worked out from the others';

/** The dashboard URLs of the demo teams, as the admin's list links them. */
async function teamUrls(browser: Browser): Promise<Record<string, string>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'admin@example.org');
  await page.goto('/dashboard');
  const urls: Record<string, string> = {};
  for (const name of ['Outreach', 'Crisis Response', 'Family Services']) {
    urls[name] = (await page.getByRole('link', { name, exact: true }).getAttribute('href'))!;
  }
  await context.close();
  return urls;
}

/**
 * No shown share says that everyone, or all but fewer than 3, share a band,
 * and none stands for fewer than 4 people: read back from a dashboard's CSV
 * with a CSV library (percentages of each row's respondents).
 */
function expectNoConcentratedShares(csv: string): void {
  const rows = parse(csv, { columns: true, relax_column_count: true, skip_empty_lines: true }) as Record<string, string>[];
  expect(Object.keys(rows[0] ?? {}).some((c) => c.endsWith('%'))).toBe(true);
  for (const row of rows) {
    const n = Number(row.Respondents);
    if (!n) continue;
    for (const [column, value] of Object.entries(row)) {
      if (!column.endsWith('%') || value === '') continue;
      const count = Math.round((Number(value) * n) / 100);
      expect(count, `${row.Group} ${row.Period} ${column}`).toBeGreaterThanOrEqual(4);
      expect(n - count, `${row.Group} ${row.Period} ${column}`).toBeGreaterThanOrEqual(3);
    }
  }
}

/** Columns that hold numbers only (or nothing): every figure, and the threshold. */
const NUMERIC = /( mean| change| %| mean before| mean after| difference| interval low| interval high)$|^(Threshold|Respondents|Members|Periods each side)$/;

/**
 * A dashboard's CSV as a spreadsheet reads it: one rectangular table (a CSV
 * library without relaxed column counts), numbers or nothing in every numeric
 * column, each period's first and last days as local calendar dates, a status
 * in words, and the licence's credit on the last row.
 */
function expectSpreadsheetReady(csv: string, filename: string | null): Record<string, string>[] {
  expect(filename).toMatch(/^attachment; filename="tend-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (NUMERIC.test(column)) expect(value, `${row.Record} ${row.Group} ${row.Period} ${column}`).toMatch(/^(-?\d+)?$/);
    }
  }
  const periods = rows.filter((r) => r.Record === 'period');
  expect(periods.length).toBeGreaterThan(0);
  for (const row of periods) {
    expect(row['First day'], row.Period).toMatch(/^\d{4}-\d{2}-01$/);
    expect(row['Last day'], row.Period).toMatch(/^\d{4}-\d{2}-(28|29|30|31)$/);
    expect(row['Time zone']).toBe('Europe/London');
    expect(['shown', 'coarsened', 'too few', 'hidden to protect a smaller group', 'reported within a reporting group']).toContain(row.Status);
  }
  expect(rows.at(-1)!.Record).toBe('credit');
  expect(rows.at(-1)!.Note).toContain('ProQOL');
  return rows;
}

/**
 * Everything a dashboard page shows: the text of its main content, the open
 * period's panel included (it says when the period closes and the rule, and
 * nothing that a submission could change, not even whether k has been reached).
 */
async function figures(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await expect(page.getByRole('region', { name: /open until the end of/ })).toContainText(/are due on \d+ \w+ \d{4}/);
  return [await page.locator('main').innerText()];
}

test('the manager sees Outreach’s charts and tables, and nothing of another team', async ({ page, browser }) => {
  const urls = await teamUrls(browser);
  await signIn(page, 'manager@example.org');
  await page.getByRole('link', { name: 'Dashboards', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboards');
  await expect(page.getByRole('link', { name: 'Outreach', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Crisis Response' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /organisation/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Outreach', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outreach');
  await expect(page.getByText(/^7 of \d+ members responded\.$/)).toBeVisible();
  for (const name of ['Compassion satisfaction', 'Burnout', 'Secondary traumatic stress']) {
    const chart = page.getByTestId(`group-trend-${name}`);
    await expect(chart.locator('svg.recharts-surface')).toBeVisible();
    await expect(chart).toHaveAttribute('aria-hidden', 'true');
    // The table beside the chart: one row per published period (a year of history), whole-number means.
    const rows = page.getByRole('table', { name: new RegExp(`^${name}: mean score`) }).locator('tbody tr');
    await expect(rows).toHaveCount(12);
    // A mean the audit found would pin everyone into one band is not shown; most are.
    const means = await rows.locator('td:first-of-type').allInnerTexts();
    expect(means).toHaveLength(12);
    for (const mean of means) expect(mean).toMatch(/^(\d{2}|not shown, to protect individuals)$/);
    expect(means.filter((m) => /^\d{2}$/.test(m)).length).toBeGreaterThan(6);
  }
  await expect(page.getByRole('table', { name: /^Each period/ }).locator('tbody tr').first()).toContainText('Monthly, at least 5 people');

  // The demo's initiative: a marker on every chart, and its before/after comparison with a plain reading.
  const initiative = page.getByRole('article', { name: 'Fortnightly peer-support group' });
  await expect(initiative).toBeVisible();
  await expect(page.getByText(/A before\/after comparison shows what changed, not why/)).toBeVisible();
  await expect(page.locator('.trend__marker')).toHaveCount(3);
  const comparison = initiative.getByRole('list', { name: /^Before and after, \w+ \d{4}, \w+ \d{4}, \w+ \d{4} against/ });
  await expect(comparison.getByRole('listitem')).toHaveCount(3);
  // A subscale whose mean the audit hid in a compared period is not compared.
  await expect(comparison.getByRole('listitem').filter({ hasText: /^Burnout: / })).toContainText(/likely improved|no clear change yet|not enough data yet/);
  // Whole points only: the interval in words, then the shown means and their difference.
  await expect(comparison).toContainText(/: probably (between \d+ and )?\d+ points? (higher|lower): likely improved\. Mean \d+ before, \d+ after, a difference of [+−]\d+ points?\./);
  await expect(comparison).not.toContainText(/\d\.\d/);
  await expect(initiative.getByRole('link', { name: 'Edit “Fortnightly peer-support group”' })).toBeVisible();
  await expectAccessible(page);

  // The export is what the page shows, with the licence credit.
  const download = await page.request.get(page.url() + '/export');
  const csv = await download.text();
  const rows = expectSpreadsheetReady(csv, download.headers()['content-disposition'] ?? null);
  expect(rows.filter((r) => r.Record === 'period' && r.Group === 'Outreach')).toHaveLength(12);
  // April's first day is 1 April in London (a UTC instant would read 31 March).
  expect(rows.filter((r) => r.Period?.startsWith('April ')).map((r) => r['First day'])).toEqual([expect.stringMatching(/-04-01$/)]);
  // The initiatives and their readings, as on the page.
  const peer = rows.find((r) => r.Record === 'initiative' && r.Initiative === 'Fortnightly peer-support group');
  expect(peer?.['Burnout reading']).toMatch(/likely improved|no clear change yet|not enough data yet/);
  expect(csv).not.toMatch(/Crisis Response|Family Services/);
  expectNoConcentratedShares(csv);

  // Another team's dashboard and export do not exist for this manager.
  for (const url of [urls['Crisis Response']!, `${urls['Crisis Response']}/export`, '/dashboard/organisation', '/dashboard/organisation/export']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  await page.goto(urls['Crisis Response']!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
});

test('a clinician and a signed-out visitor get not-found for every dashboard URL, with or without JavaScript', async ({ page, browser }) => {
  const urls = await teamUrls(browser);
  const all = ['/dashboard', '/dashboard/organisation', '/dashboard/organisation/export', ...Object.values(urls).flatMap((u) => [u, `${u}/export`])];
  const signedOut = await browser.newContext({ javaScriptEnabled: false });
  const anonymous = await signedOut.newPage();
  for (const url of all) expect((await anonymous.goto(url))?.status(), url).toBe(404);
  await anonymous.goto(urls.Outreach!);
  await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
  await signedOut.close();

  await signIn(page, 'clinician@example.org');
  await expect(page.getByRole('link', { name: 'Dashboards' })).toHaveCount(0);
  for (const url of all) expect((await page.goto(url))?.status(), url).toBe(404);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
  await expectAccessible(page);
});

test('the admin’s organisation view: Family Services hid the total until it was reported with Crisis Response; since then the total shows', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/dashboard');
  await expectAccessible(page);
  await page.getByRole('link', { name: /the whole organisation and each team/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Riverside Community Mental Health: organisation dashboard');
  // Why the total was hidden, said once, with the team that caused it and what an admin can do.
  const why = page.getByRole('region', { name: /The organisation’s total is hidden in 2 of \d+ published periods/ });
  await expect(why.getByRole('listitem')).toHaveCount(2);
  for (const item of await why.getByRole('listitem').all()) await expect(item).toContainText('Family Services had too few respondents');
  await expect(why.getByRole('link', { name: 'Admin → Teams' })).toHaveAttribute('href', '/admin/teams');
  // The latest published period: the two teams as one reporting group, and the organisation's total.
  const table = page.getByRole('table', { name: /^\w+ \d{4}: respondents and mean scores/ });
  await expect(table.getByRole('row', { name: /Riverside Community Mental Health \(everyone\)/ })).toContainText('15 of 15');
  await expect(table.getByRole('row', { name: /^Crisis and Family Services \(reporting group: Crisis Response, Family Services\)/ })).toContainText('8 of 8');
  await expect(table.getByRole('row', { name: /Outreach/ })).toContainText(/7 of \d+/);
  await expect(table.getByRole('row')).toHaveCount(4);
  await expectAccessible(page);

  // The first period, chosen with a plain form (no JavaScript needed): before the group, as it was published.
  const first = (await page.getByLabel('Period', { exact: true }).locator('option').last().textContent())!;
  await page.getByLabel('Period', { exact: true }).selectOption({ label: first });
  await page.getByRole('button', { name: 'Show period' }).click();
  const earlier = page.getByRole('table', { name: new RegExp(`^${first}: respondents`) });
  await expect(earlier.getByRole('row', { name: /^Family Services/ })).toContainText(TOO_FEW);
  await expect(earlier.getByRole('row', { name: /Riverside Community Mental Health \(everyone\)/ })).toContainText(HIDDEN_FOR_OTHERS);
  await expect(earlier.getByRole('row', { name: /^Crisis Response/ })).toContainText('5 of 5');

  const download = await page.request.get('/dashboard/organisation/export');
  const csv = await download.text();
  const rows = expectSpreadsheetReady(csv, download.headers()['content-disposition'] ?? null);
  expect(rows.some((r) => r.Record === 'initiative')).toBe(true);
  const family = rows.filter((r) => r.Group === 'Family Services');
  expect(family.length).toBeGreaterThanOrEqual(12);
  expect(family.filter((r) => r.Note === TOO_FEW)).toHaveLength(2);
  expect(family.filter((r) => r.Note === 'Reported within Crisis and Family Services').length).toBeGreaterThanOrEqual(10);
  const total = rows.filter((r) => r.Group === 'Riverside Community Mental Health');
  expect(total.filter((r) => r.Respondents === '15').length).toBeGreaterThanOrEqual(10);
  expect(rows.filter((r) => r.Group === 'Crisis and Family Services (reporting group: Crisis Response, Family Services)' && r.Respondents === '8').length).toBeGreaterThanOrEqual(10);
  expectNoConcentratedShares(csv);
  // Crisis Response on its own: five of five, so no share at all (the review found a band at 100% here).
  const crisis = rows.filter((r) => r.Group === 'Crisis Response' && r.Respondents !== '');
  expect(crisis).toHaveLength(2);
  for (const row of crisis) for (const [column, value] of Object.entries(row)) if (column.endsWith('%')) expect(value, column).toBe('');
  // Nor on the page: no share of the period's distributions reads 100%.
  await page.goto('/dashboard/organisation');
  await expect(page.getByText(/100%/)).toHaveCount(0);

  // Family Services' own dashboard shows the group's figures, and says whose they are.
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Family Services', exact: true }).click();
  await expect(page.getByRole('region', { name: /^Latest published period/ })).toContainText(
    'Reported together with other teams, as Crisis and Family Services (reporting group: Crisis Response, Family Services): these are the group’s figures.',
  );
  await expect(page.getByRole('region', { name: /^Latest published period/ })).toContainText('8 of 8 members responded');
  await expectAccessible(page);
});

test('figures come from closed periods only: a check-in submitted now changes nothing on any dashboard', async ({ browser }) => {
  test.setTimeout(180_000);
  const urls = await teamUrls(browser);
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, 'admin@example.org');
  const pages = ['/dashboard/organisation', ...Object.values(urls)];
  const before: { url: string; tables: string[] }[] = [];
  for (const url of pages) before.push({ url, tables: await figures(adminPage, url) });

  const clinician = await browser.newContext({ javaScriptEnabled: false });
  const clinicianPage = await clinician.newPage();
  await signIn(clinicianPage, 'e2e-dashboard@example.test');
  await completeCheckIn(clinicianPage, PROQOL5.items.map((item) => (item.reverseScored ? 1 : 5)), expectAccessibleWithoutJs);
  await clinician.close();

  for (const { url, tables } of before) expect(await figures(adminPage, url), url).toEqual(tables);
  await admin.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a manager records, edits and deletes an initiative; bad input is shown by its field and kept; the audit log has each step', async ({ page, browser }) => {
    await signIn(page, 'manager@example.org');
    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Outreach', exact: true }).click();
    const teamUrl = page.url();
    await page.getByRole('link', { name: 'Record an initiative' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record an initiative');
    await expect(page.getByRole('checkbox', { name: 'Outreach' })).toBeChecked();

    // No title, and an end before the start: both said next to their fields, the rest kept.
    await page.getByLabel('Description (optional)').fill('Two protected hours each Friday for notes and admin.');
    await page.getByLabel('Start date').fill('2026-11-10');
    await page.getByLabel('End date (optional)').fill('2026-10-01');
    await page.getByRole('button', { name: 'Record initiative' }).click();
    await expect(page.locator('.field--error').filter({ hasText: 'Title' })).toContainText('Enter a title.');
    await expect(page.locator('.field--error').filter({ hasText: 'End date' })).toContainText('The end date can’t be before the start date.');
    await expect(page.getByLabel('Description (optional)')).toHaveValue('Two protected hours each Friday for notes and admin.');
    await expect(page.getByLabel('Start date')).toHaveValue('2026-11-10');
    await expectAccessibleWithoutJs(page);

    await page.getByLabel('Title').fill('Protected admin time');
    await page.getByLabel('End date (optional)').fill('');
    await page.getByRole('button', { name: 'Record initiative' }).click();
    await expect(page).toHaveURL(teamUrl);
    const article = page.getByRole('article', { name: 'Protected admin time' });
    await expect(article).toContainText('Not enough data yet');
    await expect(article).toContainText('From 10 November 2026, ongoing · Outreach');
    // It runs alongside the peer-support group for the same team: both say so, and neither is credited alone.
    const peer = page.getByRole('article', { name: 'Fortnightly peer-support group' });
    await expect(article.locator('.notice')).toHaveText(
      'These overlap: it ran at the same time as 1 “Fortnightly peer-support group” for the same people, so a change can’t be credited to one of them.',
    );
    await expect(peer.locator('.notice')).toHaveText(
      'These overlap: it ran at the same time as 2 “Protected admin time” for the same people, so a change can’t be credited to one of them.',
    );
    await expect(page.getByRole('heading', { level: 3, name: 'Initiative 2: Protected admin time' })).toBeVisible();
    // The demo's initiative was recorded after its start: its comparison says to read it with care.
    await expect(peer).toContainText('after the periods compared “after” had begun');

    await article.getByRole('link', { name: 'Edit “Protected admin time”' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit “Protected admin time”');
    await expectAccessibleWithoutJs(page);
    await page.getByLabel('Title').fill('Protected admin hours');
    await page.getByRole('button', { name: 'Save initiative' }).click();
    await expect(page).toHaveURL(teamUrl);
    await page.getByRole('link', { name: 'Delete “Protected admin hours”…' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delete “Protected admin hours”?');
    await expect(page.locator('main')).toContainText('No published figure changes');
    await expectAccessibleWithoutJs(page);
    await page.getByRole('button', { name: 'Delete “Protected admin hours”' }).click();
    await expect(page).toHaveURL(teamUrl);
    await expect(page.getByRole('article', { name: /Protected admin/ })).toHaveCount(0);
    await expect(page.getByRole('article', { name: 'Fortnightly peer-support group' })).toBeVisible();

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin@example.org');
    await adminPage.goto('/admin/audit');
    const log = adminPage.getByRole('table');
    await expect(log.getByRole('row').nth(1)).toContainText('Deleted initiative Protected admin hours');
    await expect(log).toContainText('Changed initiative Protected admin hours');
    await expect(log).toContainText('Recorded initiative Protected admin time');
    await admin.close();
  });
});
