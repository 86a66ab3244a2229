import { expect, test, type Page } from './test';
import { ANSWERS, ITEM_TEXTS } from '../fixtures/answers';
import { answer, expectAccessible, expectAccessibleWithoutJs, progress, signIn, startCheckIn } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** The full notice's topics, one h2 each, in order. */
const TOPICS = [
  'What only you see',
  'What managers see, and when',
  'What admins can do',
  'Teams and reporting groups',
  'Reminders',
  'Taking your data with you',
  'Deleting your data',
  'What remains possible',
];

/** The three statements of the notice in short, with the demo organisation's rule (a threshold of 5, monthly). */
async function expectStatements(page: Page): Promise<void> {
  const statements = page.getByRole('main').getByRole('listitem');
  await expect(statements).toHaveCount(3);
  await expect(statements.nth(0)).toHaveText('Only you see your answers. Your answers, scores and notes are for you alone: not for your manager, admins or colleagues.');
  await expect(statements.nth(1)).toHaveText('Managers and admins see only summaries of groups of 5 or more people, and only after each month ends.');
  await expect(statements.nth(2)).toHaveText('You can export or delete everything: all your check-ins and notes, whenever you like, from your account page.');
}

async function expectAccessibleAt(page: Page, sizes: { width: number; height: number }[]): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await expectAccessible(page);
  }
}

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
  // One check-in: its summary, and no table of recent ones yet.
  await expect(page.getByRole('heading', { level: 2, name: /^Your latest check-in: / })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
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

test('before a first check-in: three statements and the button on a phone’s first screen; the details have a heading per topic and can be acknowledged too', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, 'e2e-privacy@example.test');
  await page.getByRole('button', { name: 'Start check-in' }).click();
  await expect(page).toHaveURL(/\/privacy\/summary\?continue=check-in$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Before your first check-in');
  await expectStatements(page);

  // "I understand" is on the first screen of a 390 × 844 phone, whole, without scrolling.
  const button = page.getByRole('button', { name: 'I understand: start my check-in' });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = (await button.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  await expect(page.getByRole('link', { name: 'Read the details' })).toBeInViewport();
  await expectAccessibleAt(page, [PHONE, DESKTOP]);

  // The details, with the way to the check-in kept.
  await page.setViewportSize(PHONE);
  await page.getByRole('link', { name: 'Read the details' }).click();
  await expect(page).toHaveURL(/\/privacy\?continue=check-in$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who can see what');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(TOPICS);
  const contents = page.getByRole('navigation', { name: 'On this page' });
  await expect(contents.getByRole('link')).toHaveText(TOPICS);
  await contents.getByRole('link', { name: 'Deleting your data' }).click();
  await expect(page).toHaveURL(/#delete$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Deleting your data' })).toBeInViewport();
  const section = (name: string) => page.getByRole('region', { name });
  await expect(section('What only you see')).toContainText('Your answers and scores: only you.');
  await expect(section('What managers see, and when')).toContainText('for a finished reporting period in which at least 5 different people in the team checked in');
  await expect(section('What managers see, and when')).toContainText('Summaries come only after each month ends. Nothing is shown about a period that is still open, not even whether 5 people have responded yet.');
  await expect(section('What admins can do')).toContainText('They cannot see check-ins or scores either');
  await expect(section('Teams and reporting groups')).toContainText('“reporting group”');
  await expect(section('Taking your data with you')).toContainText('FHIR R4');
  await expect(section('Deleting your data')).toContainText('The audit log notes only that “a member” deleted their own data, never who.');
  await expect(section('What remains possible')).toContainText('When everyone in a team of exactly 5 responds, the team’s count shows that everyone responded.');
  await expectAccessibleAt(page, [PHONE, DESKTOP]);

  // Back to the short version and forth again; nothing is recorded until "I understand".
  await page.getByRole('link', { name: 'back to the short version' }).click();
  await expect(page).toHaveURL(/\/privacy\/summary\?continue=check-in$/);
  await page.goto('/');
  await page.getByRole('button', { name: 'Start check-in' }).click();
  await expect(page).toHaveURL(/\/privacy\/summary\?continue=check-in$/);
  await page.getByRole('link', { name: 'Read the details' }).click();
  await page.getByRole('button', { name: 'I understand: start my check-in' }).click();
  await expect(page).toHaveURL(/\/check-ins\/[0-9a-f-]{36}$/);

  // Recorded: the next start goes straight to the check-in, and both pages say the notice was read.
  await page.goto('/');
  await page.getByRole('button', { name: 'Resume check-in' }).click();
  await expect(page).toHaveURL(/\/check-ins\/[0-9a-f-]{36}/);
  for (const path of ['/privacy/summary?continue=check-in', '/privacy?continue=check-in']) {
    await page.goto(path);
    await expect(page.getByRole('button', { name: /^I understand/ })).toHaveCount(0);
    await expect(page.locator('main .notice')).toContainText('You have read');
  }
  await expect(page.getByRole('link', { name: 'back to the short version' })).toHaveCount(0);
  await page.goto('/privacy/summary');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who can see what, in short');
  await expectStatements(page);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the notice in short is acknowledged with a plain form post, and the check-in starts', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, 'e2e-privacy-nojs@example.test');
    await page.getByRole('button', { name: 'Start check-in' }).click();
    await expect(page).toHaveURL(/\/privacy\/summary\?continue=check-in$/);
    await expectStatements(page);
    await expect(page.getByRole('button', { name: 'I understand: start my check-in' })).toBeInViewport({ ratio: 1 });
    await expectAccessibleWithoutJs(page);
    await page.getByRole('link', { name: 'Read the details' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(TOPICS);
    await page.getByRole('link', { name: 'back to the short version' }).click();
    await page.getByRole('button', { name: 'I understand: start my check-in' }).click();
    await expect(page).toHaveURL(/\/check-ins\/[0-9a-f-]{36}$/);
    await expect(progress(page)).toHaveText('0 of 30 answered');
  });
});

test.describe('a scheduled change of the rule', () => {
  /** An admin saves the demo organisation's reporting period and threshold (applied from the next period). */
  async function saveRule(page: Page, reportingPeriod: 'month' | 'quarter', threshold: number): Promise<void> {
    await signIn(page, 'admin@example.org');
    await page.goto('/admin/settings');
    await page.getByLabel('Reporting period').selectOption(reportingPeriod);
    await page.getByLabel('Anonymity threshold').fill(String(threshold));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  }

  // The demo organisation is shared with the other specs: saving its rule back within the period cancels the change.
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await saveRule(page, 'month', 5);
    await page.close();
  });

  test('the notice keeps the rule of the period under way and says what changes, from when', async ({ page, browser }) => {
    // Raised, not lowered: a lowered threshold emails every member, and other specs read the mail.
    await saveRule(page, 'quarter', 6);

    const context = await browser.newContext();
    const clinician = await context.newPage();
    await signIn(clinician, 'clinician@example.org');
    const change = /^From \d+ \w+ \d{4}, groups need 6 or more people and summaries come after each quarter ends; a period that started before then keeps the rule it started with\.$/;
    await clinician.goto('/privacy/summary');
    await expectStatements(clinician);
    await expect(clinician.getByText(change)).toBeVisible();
    await clinician.goto('/privacy');
    await expect(clinician.getByRole('region', { name: 'What managers see, and when' })).toContainText('Summaries come only after each month ends.');
    await expect(clinician.getByText(change)).toBeVisible();
    await context.close();
  });
});

test('signed out, both pages of the notice give Tend’s defaults, say so, and offer sign-in instead of the button', async ({ page }) => {
  for (const path of ['/privacy/summary?continue=check-in', '/privacy?continue=check-in']) {
    await page.goto(path);
    await expect(page.getByText('These are Tend’s defaults: each organisation sets its own threshold (never below 3) and reporting period.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^I understand/ })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(page);
  }
  await expect(page.getByRole('link', { name: 'back to the short version' })).toHaveCount(0);
});
