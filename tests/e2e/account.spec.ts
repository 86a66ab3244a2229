import { expect, test } from './test';
import { DEMO_PASSWORD, expectAccessible, signIn } from './helpers';

test('changing the password, then signing out everywhere', async ({ page, browser }) => {
  const email = 'e2e-account@example.test';
  await signIn(page, email);
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  await expectAccessible(page);

  await page.getByLabel('Current password').fill(DEMO_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('New password again').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('.field__error')).toHaveText('Use at least 12 characters.');
  await expectAccessible(page);

  await page.getByLabel('Current password').fill(DEMO_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('marble-comet-saffron');
  await page.getByLabel('New password again').fill('marble-comet-saffron');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed. Sign in with the new one.')).toBeVisible();
  await signIn(page, email, 'marble-comet-saffron');

  // A second browser signed in too; signing out everywhere ends both.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, email, 'marble-comet-saffron');
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByText('You have signed out on every device.')).toBeVisible();
  await second.goto('/');
  await expect(second).toHaveURL(/\/sign-in$/);
  await other.close();
});

test('a clinician sees which teams their check-ins count for, how big each is, how it is reported, and the rule', async ({ page }) => {
  await signIn(page, 'elena.rossi@example.org');
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Who sees summaries of your check-ins' });
  await expect(section).toContainText('Nobody sees your answers or scores.');
  await expect(section.getByRole('listitem').filter({ hasText: 'Family Services' })).toContainText(
    /^Family Services \(3 members\), since \d+ \w+ \d{4}; reported together with other teams, as Crisis and Family Services$/,
  );
  await expect(section).toContainText('Summaries are shown only for groups of at least 5 people who responded, for each month once it has ended.');
  await expectAccessible(page);
});
