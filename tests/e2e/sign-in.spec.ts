import { expect, test } from './test';
import { ITEM_TEXTS } from '../fixtures/answers';
import { answer, DEMO_PASSWORD, expectAccessible, itemGroup, progress, signIn, startCheckIn } from './helpers';

test('signed out, every page but sign-in (and the privacy notice) leads to sign-in and shows nothing', async ({ page }) => {
  const id = '00000000-0000-4000-8000-000000000000';
  const pages = ['/', '/account', `/check-ins/${id}`, `/check-ins/${id}/result`, '/admin', '/admin/teams', '/admin/members', `/admin/members/${id}`, '/admin/invites', '/admin/settings', '/admin/audit'];
  for (const path of pages) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in$/);
    await expect(page.locator('main')).not.toContainText(/Riverside Community|@example\.org|score/i);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Tend');
  await expectAccessible(page);
});

test('a wrong password and an unknown account get the same clear message, keeping the email', async ({ page }) => {
  const message = 'That email and password don’t match an account. Check them and try again.';
  for (const email of ['clinician@example.org', 'nobody-here@example.org']) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('#sign-in-error')).toHaveText(message);
    await expect(page.getByLabel('Email')).toHaveValue(email);
    await expectAccessible(page);
  }
});

test('an empty form is answered next to each field', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('#email-error')).toHaveText('Enter your email address.');
  await expect(page.locator('#password-error')).toHaveText('Enter your password.');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('signing out mid-check-in ends the session and loses no answer', async ({ page }) => {
  await signIn(page, 'e2e-signout@example.test', DEMO_PASSWORD);
  await expectAccessible(page);
  await startCheckIn(page);
  await answer(page, ITEM_TEXTS[0]!, 2);
  await answer(page, ITEM_TEXTS[1]!, 4);
  await expect(page.getByText('All answers saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, 'e2e-signout@example.test', DEMO_PASSWORD);
  await expect(page.getByText('You have answered 2 of 30 questions.')).toBeVisible();
  await startCheckIn(page);
  await expect(progress(page)).toHaveText('2 of 30 answered');
  await expect(itemGroup(page, ITEM_TEXTS[1]!).getByRole('radio', { name: 'Often', exact: true })).toBeChecked();
});

test('repeated failed sign-ins are refused with a clear “try again in N minutes”, for any email', async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('limited-nobody@example.test');
    await page.getByLabel('Password').fill(`guess-${i}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('#sign-in-error')).toHaveText('That email and password don’t match an account. Check them and try again.');
  }
  await page.getByLabel('Password').fill('guess-5');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('#sign-in-error')).toHaveText(/^Too many sign-in attempts\. For your security, try again in 1[45] minutes\.$/);
  await expectAccessible(page);
});
