import { expect, test, type Page } from './test';
import { expectAccessible } from './helpers';

/** Logs in at the test's OpenID Connect provider (its development screens) as `login`. */
async function loginAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').first().click();
  const consent = page.getByRole('button', { name: /continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test('single sign-on through an OpenID Connect provider, matched to an invited account by verified email', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign in with Riverside SSO' }).click();
  await expect(page).toHaveURL(/localhost:\d+\/interaction\//);
  await loginAtProvider(page, 'manager@example.org');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Priya');
  await expectAccessible(page);
  await context.close();
});

test('single sign-on is refused for an unverified email, and for an email with no Tend account', async ({ browser }) => {
  for (const login of ['unverified-manager@example.org', 'stranger@example.test']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in with Riverside SSO' }).click();
    await loginAtProvider(page, login);
    await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied/);
    await expect(page.getByRole('alert').filter({ hasText: 'That sign-in was not accepted' })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await context.close();
  }
});
