import type { Browser, BrowserContext, Locator } from '@playwright/test';
import { expect, test, type Page } from './test';
import { expectAccessible, expectAccessibleWithoutJs, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const WIDTHS = [
  ['390px, JavaScript off', PHONE, false],
  ['390px, JavaScript on', PHONE, true],
  ['1280px, JavaScript off', DESKTOP, false],
  ['1280px, JavaScript on', DESKTOP, true],
] as const;

const CRISIS_LEAD = 'If you are in crisis or feel unsafe right now';
const LINE = { text: 'the Riverside night team (any time)', phone: '0800 000 999', country: 'England' };
const LINE_SENTENCE = `${CRISIS_LEAD}, call your local emergency number, or ${LINE.text} on ${LINE.phone} (${LINE.country}).`;

async function open(browser: Browser, viewport: { width: number; height: number }, javaScriptEnabled: boolean, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  const context = await browser.newContext({ viewport, javaScriptEnabled, storageState });
  return { context, page: await context.newPage() };
}

const scan = (page: Page, javaScriptEnabled: boolean) => (javaScriptEnabled ? expectAccessible(page) : expectAccessibleWithoutJs(page));

/** The crisis line's number: a tel: link at least 44 by 44 pixels, within the page's width. */
async function expectTappable(link: Locator, href: string, pageWidth: number) {
  await expect(link).toHaveAttribute('href', href);
  const box = await link.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.x + box!.width).toBeLessThanOrEqual(pageWidth);
}

async function expectNoSideScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('signed out, /support shows the crisis line, at 390px and 1280px, with JavaScript on and off; an unknown organisation reads the same', async ({ browser }) => {
  for (const [label, viewport, js] of WIDTHS) {
    await test.step(label, async () => {
      const { context, page } = await open(browser, viewport, js);
      const response = await page.goto('/support');
      expect(response?.status()).toBe(200);
      await expect(page).toHaveURL(/\/support$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support');
      const crisis = page.locator('.support__crisis');
      await expect(crisis).toContainText(CRISIS_LEAD);
      await expect(crisis).toContainText('Samaritans on 116 123 (UK and Ireland, free, any time).');
      await expectTappable(crisis.getByRole('link', { name: '116 123' }), 'tel:116123', viewport.width);
      await expect(page.locator('main').getByRole('link', { name: 'sign in' })).toHaveAttribute('href', '/sign-in');
      await expectNoSideScroll(page);
      await scan(page, js);

      // An organisation id nobody handed out, or a malformed one, shows exactly the default page.
      const main = await page.locator('main').innerText();
      for (const org of ['00000000-0000-4000-8000-000000000000', 'riverside']) {
        await page.goto(`/support?org=${org}`);
        expect(await page.locator('main').innerText()).toBe(main);
      }
      await context.close();
    });
  }
});

test.describe('the organisation’s crisis line', () => {
  // The demo organisation is shared with the other specs: its crisis line goes back to the default however this ends.
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signIn(page, 'admin@example.org');
    await page.goto('/admin/settings');
    for (const field of ['Who answers (optional)', 'Crisis line phone number (optional)', 'Where the number works (optional)']) await page.getByLabel(field).fill('');
    await page.getByRole('button', { name: 'Save crisis line' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Crisis line saved: the default wording is shown\.|Nothing changed\./ })).toBeVisible();
    await page.close();
  });

  test('an admin sets it in Admin → Settings (a bad number is refused next to its field, keeping what was typed); it shows on results and on /support, signed in and from the organisation’s link signed out', async ({ browser, page }) => {
    // Without JavaScript, at phone width: a bad number and a country without text, each explained next to its field.
    const phone = await open(browser, PHONE, false);
    await signIn(phone.page, 'admin@example.org');
    await phone.page.goto('/admin/settings');
    await phone.page.getByLabel('Crisis line phone number (optional)').fill('0800 NIGHT');
    await phone.page.getByLabel('Where the number works (optional)').fill(LINE.country);
    await phone.page.getByRole('button', { name: 'Save crisis line' }).click();
    const phoneField = phone.page.getByLabel('Crisis line phone number (optional)');
    await expect(phoneField).toHaveAttribute('aria-invalid', 'true');
    await expect(phoneField).toHaveAccessibleDescription(/Enter a phone number of 3 to 15 digits/);
    await expect(phoneField).toHaveValue('0800 NIGHT');
    await expect(phone.page.getByLabel('Who answers (optional)')).toHaveAccessibleDescription(/Say who answers this line/);
    await expect(phone.page.getByLabel('Where the number works (optional)')).toHaveValue(LINE.country);
    await expectNoSideScroll(phone.page);
    await expectAccessibleWithoutJs(phone.page);
    await phone.context.close();

    // With JavaScript at 1280px: the same refusal, then a good line is saved.
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'admin@example.org');
    await page.getByRole('link', { name: 'Admin', exact: true }).first().click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Crisis line' })).toBeVisible();
    await page.getByLabel('Who answers (optional)').fill(LINE.text);
    await page.getByLabel('Crisis line phone number (optional)').fill('+44 800 000 999 999 999');
    await page.getByLabel('Where the number works (optional)').fill(LINE.country);
    await page.getByRole('button', { name: 'Save crisis line' }).click();
    await expect(page.getByLabel('Crisis line phone number (optional)')).toHaveAccessibleDescription(/Enter a phone number of 3 to 15 digits/);
    await expect(page.getByLabel('Who answers (optional)')).toHaveValue(LINE.text);
    await expectAccessible(page);
    await page.getByLabel('Crisis line phone number (optional)').fill(LINE.phone);
    await page.getByRole('button', { name: 'Save crisis line' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Crisis line saved.' })).toBeVisible();
    await expect(page.getByLabel('Crisis line phone number (optional)')).toHaveValue(LINE.phone);
    const supportLink = await page.getByRole('link', { name: /\/support\?org=[0-9a-f-]{36}$/ }).getAttribute('href');
    expect(supportLink).toBeTruthy();
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
    const entry = page.getByRole('table').getByRole('row').nth(1);
    await expect(entry).toContainText('Changed settings of Riverside Community Mental Health');
    await expect(entry).toContainText(`crisisLinePhone: null → "${LINE.phone}"`);

    // A clinician sees it with a result and on /support, at both widths, with JavaScript on and off.
    const clinician = await browser.newContext();
    const signedIn = await clinician.newPage();
    await signIn(signedIn, 'clinician@example.org');
    const state = await clinician.storageState();
    await signedIn.goto('/history');
    const resultUrl = await signedIn.locator('main a[href$="/result"]').first().getAttribute('href');
    await clinician.close();
    for (const [label, viewport, js] of WIDTHS) {
      await test.step(`signed in, ${label}`, async () => {
        const { context, page: member } = await open(browser, viewport, js, state);
        for (const url of [resultUrl!, '/support']) {
          await member.goto(url);
          const crisis = member.locator('.support__crisis');
          await expect(crisis).toHaveText(LINE_SENTENCE);
          await expectTappable(crisis.getByRole('link', { name: LINE.phone }), 'tel:0800000999', viewport.width);
          await expect(member.getByRole('region', { name: /Support/ })).toContainText('Staff wellbeing service');
          await expectNoSideScroll(member);
          await scan(member, js);
        }
        await context.close();
      });
    }

    // Signed out, from the organisation's link: its contacts and crisis line, not its name.
    for (const [label, viewport, js] of WIDTHS) {
      await test.step(`signed out from the link, ${label}`, async () => {
        const { context, page: visitor } = await open(browser, viewport, js);
        const response = await visitor.goto(supportLink!);
        expect(response?.status()).toBe(200);
        await expect(visitor.locator('.support__crisis')).toHaveText(LINE_SENTENCE);
        await expect(visitor.getByRole('listitem').filter({ hasText: 'Staff wellbeing service' })).toContainText('020 7946 0321');
        await expect(visitor.locator('main')).not.toContainText('Riverside Community Mental Health');
        await expectTappable(visitor.locator('.support__crisis').getByRole('link', { name: LINE.phone }), 'tel:0800000999', viewport.width);
        await expectNoSideScroll(visitor);
        await scan(visitor, js);
        await context.close();
      });
    }
  });
});
