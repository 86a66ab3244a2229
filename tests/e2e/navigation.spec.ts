import { expectAccessible, expectAccessibleWithoutJs, signIn } from './helpers';
import { expect, test, type Page } from './test';

/** The header's parts sit in one row: their boxes share a band no taller than one control. */
async function expectOneRow(page: Page): Promise<void> {
  const boxes = await page.locator('.site-header__inner > *').evaluateAll((all) => all.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
  const header = await page.locator('.site-header').boundingBox();
  expect(header!.height).toBeLessThan(70);
  for (const box of boxes) expect(box.bottom - box.top).toBeLessThan(56);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('on a phone the header is one row: Support in view, the rest behind Menu, the current page marked', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const scan = javaScriptEnabled ? expectAccessible : expectAccessibleWithoutJs;
      await page.goto('/sign-in');
      await expectOneRow(page);
      await expect(page.getByRole('banner').getByRole('link', { name: 'Support' })).toBeVisible();

      await signIn(page, 'clinician@example.org');
      await page.goto('/history');
      await expectOneRow(page);
      const banner = page.getByRole('banner');
      await expect(banner.getByRole('link', { name: 'Support', exact: true })).toBeVisible();
      await expect(banner.getByRole('link', { name: 'History', exact: true })).toBeHidden();
      await banner.getByText('Menu', { exact: true }).click();
      const menu = banner.getByRole('navigation', { name: 'Main' });
      await expect(menu.getByRole('link')).toHaveText(['Home', 'History', 'Support', 'Account']);
      await expect(menu.getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
      await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await scan(page);
      await menu.getByRole('link', { name: 'Account' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
      await expect(page).toHaveTitle('Your account · Tend');
    });
  });
}

test('at 1280 px the places sit in the header, one content width holds header, page and footer, and every title ends in “· Tend”', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'manager@example.org');
  await expect(page).toHaveTitle('Home · Tend');
  const nav = page.getByRole('banner').getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Home', 'History', 'Dashboards', 'Support', 'Account']);
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Menu', { exact: true })).toBeHidden();
  await expectOneRow(page);

  for (const [path, title] of [
    ['/history', 'Your history · Tend'],
    ['/account', 'Your account · Tend'],
    ['/support', 'Support · Tend'],
    ['/privacy', 'Who can see what · Tend'],
    ['/dashboard', 'Dashboards · Tend'],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
    const lefts = await page.evaluate(() =>
      ['.site-header__brand', 'main h1', '.site-footer nav'].map((selector) => Math.round(document.querySelector(selector)!.getBoundingClientRect().left)),
    );
    expect(new Set(lefts).size, `${path}: ${lefts.join(', ')}`).toBe(1);
  }
  await page.goto('/dashboard');
  await expect(nav.getByRole('link', { name: 'Dashboards' })).toHaveAttribute('aria-current', 'page');
});

test('an admin who takes no check-ins sees no History, no “Download your data”, and a home that says what the account is for', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await expect(page.getByRole('link', { name: 'History', exact: true })).toHaveCount(0);
  await expect(page.getByText(/no results yet|after your first check-in/i)).toHaveCount(0);
  await expect(page.getByText('Your account is for the anonymised dashboards and running Tend for your organisation. Check-ins are taken by clinicians.')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: /Download/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Delete all/ })).toHaveCount(0);
  await page.goto('/admin/members');
  await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveAttribute('aria-current', 'true');
});

test('reminder emails are switched on and off with radio buttons', async ({ page }) => {
  await signIn(page, 'e2e-nav@example.test');
  await page.goto('/account');
  const reminders = page.getByRole('region', { name: 'Reminders' });
  const emails = reminders.getByRole('group', { name: 'Reminder emails' });
  await expect(emails.getByRole('radio', { name: 'On: email me' })).toBeChecked();
  await emails.getByRole('radio', { name: 'Off: no emails' }).check();
  await reminders.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(reminders.getByRole('status')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Reminder emails' }).getByRole('radio', { name: 'Off: no emails' })).toBeChecked();
  await expectAccessible(page);
});

for (const javaScriptEnabled of [true, false]) {
  test(`a note longer than 2,000 characters is never cut: a counter says so, and saving it is refused by the field with every character kept (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, 'clinician@example.org');
    // The oldest result: no other test writes a note there, and nothing here is saved.
    await page.goto('/history');
    const href = await page.getByRole('table').first().locator('tbody th a[href$="/result"]').last().getAttribute('href');
    await page.goto(href!);
    const note = page.getByLabel('Note', { exact: true });
    const before = await note.inputValue();
    const long = `${'A long week. '.repeat(170).slice(0, 2099)}.`;
    expect(long).toHaveLength(2100);
    await note.fill(long);
    if (javaScriptEnabled) await expect(page.getByText('2,100 of 2,000 characters: 100 too many to save')).toBeVisible();
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect(page.locator('.field__error')).toHaveText('Your note is 2,100 characters: shorten it to 2,000 or fewer. Nothing has been cut or saved yet.');
    await expect(page.getByLabel('Note', { exact: true })).toHaveValue(long);
    await expect(page.getByText('2,100 of 2,000 characters: 100 too many to save')).toBeVisible();
    if (javaScriptEnabled) await expectAccessible(page);
    await page.goto(href!);
    await expect(page.getByLabel('Note', { exact: true })).toHaveValue(before);
    await context.close();
  });
}
