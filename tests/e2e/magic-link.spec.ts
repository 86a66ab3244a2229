import { expect, test } from './test';
import { readSinkDir } from '../fixtures/smtp-sink';
import { MAIL_DIR } from './mail-dir';
import { expectAccessible, linkFromMail, signIn } from './helpers';

const LINK = /http:\/\/localhost:3100\/sign-in\/link\/confirm\?token=[A-Za-z0-9_-]{43}/;

test('signing in with a link sent by email: it works once, and says the same for an unknown address', async ({ page, browser }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Sign in with an email link instead' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in with an email link');
  await expectAccessible(page);

  await page.getByLabel('Email').fill('Clinician@Example.org');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('status')).toHaveText('If clinician@example.org has a Tend account, a sign-in link is on its way. It works once, within 15 minutes.');
  await expectAccessible(page);

  const link = await linkFromMail('clinician@example.org', LINK);
  // Opening the link signs nobody in: it asks first (mail scanners open links).
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in as clinician@example.org?');
  expect(await (await page.request.get('/api/auth/session')).json()).toBeNull();
  await expectAccessible(page);
  await page.reload();
  await page.getByRole('button', { name: 'Sign in as clinician@example.org' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam');

  // The same link a second time, in another browser, is refused.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('This sign-in link can’t be used');
  await expectAccessible(second);

  // An address without an account: the same answer, and no email is sent.
  await second.goto('/sign-in/link');
  await second.getByLabel('Email').fill('no-account-here@example.test');
  await second.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(second.getByRole('status')).toHaveText(/^If no-account-here@example\.test has a Tend account, a sign-in link is on its way\./);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(readSinkDir(MAIL_DIR).filter((m) => m.to.includes('no-account-here@example.test'))).toEqual([]);
  await other.close();
});

test('an invitee can set up without a password and sign in by email link', async ({ page, browser }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/admin/invites');
  await page.getByLabel('Email').fill('link.only@example.test');
  await page.getByLabel('Name').fill('Lin Only');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status')).toHaveText('Invitation sent to link.only@example.test.');

  const invite = await linkFromMail('link.only@example.test', /http:\/\/localhost:\d+\/invites\/[A-Za-z0-9_-]+/);
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(invite);
  await invitee.getByRole('button', { name: 'Set up without a password' }).click();
  await expect(invitee.getByRole('status')).toContainText('Your account is ready.');
  await expectAccessible(invitee);
  await invitee.getByLabel('Email').fill('link.only@example.test');
  await invitee.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await invitee.goto(await linkFromMail('link.only@example.test', LINK));
  await invitee.getByRole('button', { name: 'Sign in as link.only@example.test' }).click();
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Hello, Lin');
  await context.close();
});
