import { expectAccessible, signIn } from './helpers';
import { expect, test } from './test';

const NOTE = 'Peer-support group started this month; nights felt lighter.';

test('a private note is saved on a result and shown in the history; nobody else can read or write it', async ({ page, browser }) => {
  await signIn(page, 'clinician@example.org');
  await page.getByRole('link', { name: 'See this result in full' }).click();
  await expect(page).toHaveURL(/\/check-ins\/[0-9a-f-]{36}\/result$/);
  const resultUrl = new URL(page.url()).pathname;
  const checkInId = resultUrl.split('/')[2]!;
  await page.getByLabel('Note', { exact: true }).fill(NOTE);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('status')).toHaveText('Your note is saved. Only you can read it.');
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue(NOTE);
  // The form's hidden fields name its server action (what a post without JavaScript sends).
  const hidden = await page
    .locator('form:has(textarea) input[type="hidden"]')
    .evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((i) => [i.name, i.value] as [string, string]));
  const actionFields = Object.fromEntries(hidden.filter(([name]) => name.startsWith('$ACTION')));
  expect(Object.keys(actionFields).length).toBeGreaterThan(0);

  await page.goto('/history');
  await expect(page.getByRole('table', { name: 'Your notes, newest first' }).locator('tbody tr').first()).toContainText(NOTE);
  // The demo's own notes are there too (two earlier check-ins).
  await expect(page.getByRole('table', { name: 'Your notes, newest first' }).locator('tbody tr')).toHaveCount(3);

  for (const email of ['maria.gonzalez@example.org', 'manager@example.org', 'admin@example.org']) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, email);
    // By URL: not found, and nothing of the note anywhere they can go.
    const response = await other.goto(resultUrl);
    expect(response?.status(), email).toBe(404);
    await expect(other.locator('main')).not.toContainText(NOTE);
    await other.goto('/history');
    await expect(other.locator('main')).not.toContainText(NOTE);
    // By posting the action with the owner's check-in, from a page of their own that carries it
    // (their own result, so a success would answer 200): not found, and the note is unchanged.
    await other.goto('/');
    const ownResult = await other.getByRole('link', { name: 'See this result in full' }).getAttribute('href', { timeout: 2000 }).catch(() => null);
    const post = await other.request.post(ownResult ?? resultUrl, { multipart: { ...actionFields, checkInId, note: `Overwritten by ${email}` } });
    expect(post.status(), email).toBe(404);
    expect(await post.text()).not.toContain(NOTE);
    await context.close();
  }
  await page.goto(resultUrl);
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue(NOTE);
});
