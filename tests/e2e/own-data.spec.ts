import { readFile } from 'node:fs/promises';
import { PROQOL5 } from '../../lib/instruments/proqol5';
import { completeCheckIn, expectAccessible, expectAccessibleWithoutJs, signIn, startCheckIn } from './helpers';
import { expect, test, type Page } from './test';

const EMAIL = 'e2e-owndata@example.test';
const NOTE = '=HYPERLINK("http://evil.example","click") a hard week';

function checkIn(page: Page, value: number): Promise<string> {
  return completeCheckIn(page, Array.from({ length: 30 }, () => value));
}

async function download(page: Page, name: RegExp): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return readFile((await file.path())!, 'utf8');
}

test('reminders and own data: the due notice, a longer interval, each export, deleting one check-in', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, EMAIL);
  // A new member with no check-in is due at once.
  await expect(page.getByRole('heading', { level: 2, name: 'Your check-in is due' })).toBeVisible();
  await expect(page.getByText('It’s time for your first check-in.')).toBeVisible();
  await expectAccessible(page);

  // A longer interval than the organisation's, on the account page.
  await page.goto('/account');
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders).toContainText('suggests a check-in every 30 days. Your first check-in is due now.');
  await expect(reminders.getByLabel('Check in every')).toHaveValue('30');
  await reminders.getByLabel('Check in every').selectOption('60');
  await reminders.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(reminders.getByRole('status')).toHaveText('Saved. You’ll be reminded every 60 days.');
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Reminders' }).getByLabel('Check in every')).toHaveValue('60');

  // Two check-ins, a note with a spreadsheet formula on the first.
  const first = await checkIn(page, 2);
  await page.getByLabel('Note', { exact: true }).fill(NOTE);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Your note is saved. Only you can read it.')).toBeVisible();
  const second = await checkIn(page, 4);
  // Done: no notice now, and the next is due 60 days on.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Your next check-in' })).toBeVisible();
  const inSixty = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date(Date.now() + 60 * 86_400_000));
  await expect(page.getByText(`Your next check-in is due on ${inSixty}. We’ll remind you then.`)).toBeVisible();
  await expect(page.getByText('Every 60 days, as you chose.')).toBeVisible();

  // Each export: the owner's two check-ins, with the credit line.
  await page.goto('/account');
  await expectAccessible(page);
  const csv = await download(page, /Download as CSV/);
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^submitted_at,check_in_id,item_1,/);
  expect(csv).toContain(PROQOL5.creditLine);
  expect(csv).not.toContain(',=HYPERLINK');
  expect(csv).toContain(`'=HYPERLINK`);

  const json = JSON.parse(await download(page, /Download as JSON/)) as { checkIns: { id: string; answers: unknown[] }[]; instrument: { credit: string } };
  expect(json.checkIns.map((c) => c.id).sort()).toEqual([first, second].sort());
  expect(json.checkIns.every((c) => c.answers.length === 30)).toBe(true);
  expect(json.instrument.credit).toBe(PROQOL5.creditLine);

  const bundle = JSON.parse(await download(page, /Download as FHIR/)) as { resourceType: string; entry: { resource: { resourceType: string; id: string; questionnaire?: string } }[] };
  expect(bundle.resourceType).toBe('Bundle');
  const responses = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'QuestionnaireResponse');
  expect(responses.map((r) => r.id).sort()).toEqual([first, second].sort());
  // The questionnaire's canonical address is served by the app.
  const canonical = responses[0]!.questionnaire!.split('|')[0]!;
  const questionnaire = await page.request.get(canonical);
  expect(questionnaire.status()).toBe(200);
  expect(questionnaire.headers()['content-type']).toContain('application/fhir+json');
  const q = (await questionnaire.json()) as { resourceType: string; url: string; copyright: string; item: unknown[] };
  expect([q.resourceType, q.url]).toEqual(['Questionnaire', canonical]);
  expect(q.copyright).toContain(PROQOL5.creditLine);

  // Nobody else can download them: another clinician, the team's manager and an admin get not-found,
  // and their own exports hold none of these check-ins.
  for (const someone of ['e2e-owner@example.test', 'manager@example.org', 'admin@example.org']) {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, someone);
    for (const format of ['csv', 'json', 'fhir']) {
      expect((await otherPage.request.get(`/check-ins/${first}/export/${format}`)).status()).toBe(404);
      const own = await otherPage.request.get(`/account/export/${format}`);
      expect(own.status()).toBe(200);
      expect(await own.text()).not.toMatch(new RegExp(`${first}|${second}`));
    }
    await other.close();
  }
  expect((await page.request.get('/account/export/xml')).status()).toBe(404);

  // One check-in on its own, from its result page.
  await page.goto(`/check-ins/${first}/result`);
  const one = JSON.parse(await download(page, /^JSON$/)) as { checkIns: { id: string; note: string | null }[] };
  expect(one.checkIns.map((c) => [c.id, c.note])).toEqual([[first, NOTE]]);

  // Deleting one check-in, with confirmation, and without JavaScript: it is gone from the history.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, storageState: await page.context().storageState() });
  const noJs = await plain.newPage();
  await noJs.goto(`/check-ins/${first}/result`);
  await noJs.getByRole('link', { name: 'Delete this check-in' }).click();
  await expect(noJs.getByRole('heading', { level: 1 })).toHaveText('Delete this check-in?');
  await expectAccessibleWithoutJs(noJs);
  await noJs.getByRole('button', { name: 'Delete this check-in' }).click();
  await expect(noJs).toHaveURL(/\/history\?deleted=1$/);
  await expect(noJs.getByRole('status')).toHaveText('Check-in deleted.');
  await expect(noJs.getByRole('table', { name: /^Burnout: your score$/ }).locator('tbody tr')).toHaveCount(1);
  await expectAccessibleWithoutJs(noJs);
  await plain.close();
  expect((await page.request.get(`/check-ins/${first}/result`)).status()).toBe(404);
  expect((await page.request.get(`/check-ins/${second}/result`)).status()).toBe(200);

  // Deleting everything: the word must be typed; then nothing is left, and the person starts again.
  await page.goto('/account');
  const deleteAll = page.getByRole('region', { name: 'Delete all my check-ins and notes' });
  await deleteAll.getByLabel('Type DELETE to confirm').fill('delet');
  await deleteAll.getByRole('button', { name: 'Delete all my check-ins and notes' }).click();
  await expect(deleteAll.locator('.field__error')).toHaveText('To delete everything, type DELETE in the box.');
  await expect(deleteAll.getByLabel('Type DELETE to confirm')).toHaveValue('delet');
  await expectAccessible(page);
  await deleteAll.getByLabel('Type DELETE to confirm').fill('DELETE');
  await deleteAll.getByRole('button', { name: 'Delete all my check-ins and notes' }).click();
  await expect(deleteAll.getByRole('status')).toHaveText('Deleted 1 check-in, with any note on it. Your account stays; you can check in again whenever you like.');
  expect((await page.request.get(`/check-ins/${second}/result`)).status()).toBe(404);
  const empty = JSON.parse(await (await page.request.get('/account/export/json')).text()) as { checkIns: unknown[] };
  expect(empty.checkIns).toEqual([]);
  await page.goto('/history');
  await expect(page.getByText(/^You have no check-ins yet\./)).toBeVisible();
  await page.context().clearCookies();
  await signIn(page, EMAIL);
  await expect(page.getByRole('heading', { level: 2, name: 'Your check-in is due' })).toBeVisible();
  await startCheckIn(page);
  await expect(page.locator('#progress-label')).toHaveText(/^0 of 30/);
});
