import { expect, test } from './test';
import { ANSWERS, ITEM_TEXTS } from '../fixtures/answers';
import { answer, expectAccessible, linkFromMail, signIn, startCheckIn } from './helpers';

test('an admin invites by CSV (one bad row reported); the invitee accepts from the email, signs in and checks in', async ({ page, browser }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/admin/invites');
  await expectAccessible(page);
  const csv = ['email,name,role,team', 'ivy.invitee@example.test,Ivy Invitee,clinician,Outreach', 'not-an-email,Bad Row,clinician,Outreach', ''].join('\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload and invite' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Invitations sent to 1 person.' });
  await expect(summary).toContainText('One row was not used');
  await expect(summary.getByRole('listitem')).toHaveText([/^Line 3: .*not-an-email.*/]);
  await expect(page.getByText('Ivy Invitee (ivy.invitee@example.test): clinician, Outreach.')).toBeVisible();
  await expectAccessible(page);

  // The link arrives by email, through a real SMTP server.
  const link = await linkFromMail('ivy.invitee@example.test', /http:\/\/localhost:\d+\/invites\/[A-Za-z0-9_-]+/);
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Join Riverside Community Mental Health on Tend');
  await expectAccessible(invitee);
  await invitee.getByLabel('New password', { exact: true }).fill('password1234');
  await invitee.getByLabel('New password again').fill('password1234');
  await invitee.getByRole('button', { name: 'Create my account' }).click();
  await expect(invitee.locator('.field__error').first()).toContainText('too common');
  await expectAccessible(invitee);
  await invitee.getByLabel('New password', { exact: true }).fill('quiet-harbour-lanterns');
  await invitee.getByLabel('New password again').fill('quiet-harbour-lanterns');
  await invitee.getByRole('button', { name: 'Create my account' }).click();
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Hello, Ivy');
  await expectAccessible(invitee);

  // A used link cannot be used again.
  const again = await context.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('This invitation can’t be used');
  await expectAccessible(again);
  await again.close();

  // Signs in with the new password and checks in.
  await invitee.getByRole('button', { name: 'Sign out' }).click();
  await signIn(invitee, 'ivy.invitee@example.test', 'quiet-harbour-lanterns');
  await startCheckIn(invitee);
  await expectAccessible(invitee);
  for (let n = 1; n <= 30; n++) {
    await answer(invitee, ITEM_TEXTS[n - 1]!, ANSWERS[n - 1]!);
    if (n % 6 === 0 && n < 30) {
      await invitee.getByRole('button', { name: 'Next page' }).click();
      await expect(invitee).toHaveURL(new RegExp(`page=${n / 6 + 1}`));
      await expectAccessible(invitee);
    }
  }
  await invitee.getByRole('button', { name: 'Submit check-in' }).click();
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Your check-in result');
  await expectAccessible(invitee);
  await context.close();

  await page.goto('/admin/audit');
  const log = page.getByRole('table');
  await expect(log).toContainText('Accepted an invite: ivy.invitee@example.test');
  await expect(log).toContainText('Invited ivy.invitee@example.test');
  await expect(log).not.toContainText(/score|burnout|compassion|answer/i);
});
