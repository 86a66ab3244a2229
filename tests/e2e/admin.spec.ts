import { parse } from 'csv-parse/sync';
import { expect, test } from './test';
import { expectAccessible, expectAccessibleWithoutJs, signIn } from './helpers';

// The demo organisation is shared with the other specs: put its settings back
// however this file ends, so their questionnaires keep the default wording.
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, 'admin@example.org');
  await page.goto('/admin/settings');
  await page.getByLabel('Check-in cadence (days)').fill('30');
  await page.getByLabel('Anonymity threshold').fill('5');
  await page.getByLabel('Word used for the people who answer').selectOption('helper');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await page.close();
});

test('an admin changes settings and teams; each change is in the audit log, which holds no scores', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.getByRole('link', { name: 'Admin', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Riverside Community Mental Health');
  await expectAccessible(page);

  // Settings: a threshold below 3 is refused next to the field, and what was typed stays.
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Settings' }).click();
  await expectAccessible(page);
  await page.getByLabel('Check-in cadence (days)').fill('28');
  await page.getByLabel('Anonymity threshold').fill('2');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('The anonymity threshold must be at least 3.')).toBeVisible();
  await expect(page.getByLabel('Check-in cadence (days)')).toHaveValue('28');
  await expect(page.getByLabel('Anonymity threshold')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByLabel('Anonymity threshold').fill('6');
  await page.getByLabel('Word used for the people who answer').selectOption('clinician');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByLabel('Word used for the people who answer')).toHaveValue('clinician');

  await page.getByLabel('Name', { exact: true }).fill('Staff wellbeing line');
  await page.getByLabel('Phone (optional)').fill('0800 000 111');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Staff wellbeing line' })).toBeVisible();

  // Teams: create, then a duplicate name is refused.
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Teams' }).click();
  await expectAccessible(page);
  await page.getByLabel('Team name').fill('Night Shift');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { name: 'Night Shift', level: 2 })).toBeVisible();
  await page.getByLabel('Team name').fill('Night Shift');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByText('There is already a team called “Night Shift”.').first()).toBeVisible();

  // A team below the threshold (6 from the next period) is named at the top, and can be reported with others from then.
  const below = page.getByRole('region', { name: /below the threshold of 6/ });
  await expect(below).toContainText('Night Shift: 0 people check in');
  await page.getByLabel('Reporting group name').fill('Small teams');
  await page.getByRole('button', { name: 'Create reporting group' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reporting group “Small teams” created.' })).toBeVisible();
  await page.getByLabel('How Night Shift is reported').selectOption({ label: 'Within Small teams' });
  await page.getByRole('button', { name: 'Save how Night Shift is reported' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved\. It applies from the next reporting period, which starts on \d+ \w+ \d{4}\.$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Night Shift' })).toContainText(/Reported on its own; from \d+ \w+ \d{4}, within Small teams\./);
  await expect(page.getByRole('region', { name: /below the threshold of 6/ })).toContainText('Night Shift: reported within Small teams, which has 0 people who check in');
  await expectAccessible(page);

  await page.getByLabel('New name for Night Shift').fill('Night Team');
  await page.getByRole('button', { name: 'Rename Night Shift' }).click();
  await expect(page.getByRole('heading', { name: 'Night Team', level: 2 })).toBeVisible();
  // Archiving asks first, on a page of its own: what happens, whether it can be undone, a button styled for danger.
  await page.getByRole('link', { name: 'Archive Night Team…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive Night Team?');
  await expect(page.getByRole('heading', { level: 2, name: 'Can it be undone?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archive Night Team' })).toHaveClass(/button--danger/);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Cancel: keep Night Team' }).click();
  await expect(page.getByRole('heading', { name: 'Night Team', level: 2 })).toBeVisible();
  await page.getByRole('link', { name: 'Archive Night Team…' }).click();
  await page.getByRole('button', { name: 'Archive Night Team' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Team archived.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Night Team (archived)', level: 2 })).toBeVisible();

  // Members: names, roles and teams, nothing about check-ins.
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('row', { name: /Sam Okafor/ })).toContainText('clinician@example.org');
  await expect(page.locator('main')).not.toContainText(/check-in on|score|burnout|moderate/i);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Maria Gonzalez' }).click();
  await expect(page.locator('main')).not.toContainText(/score|burnout|moderate|check-in on/i);
  await expectAccessible(page);
  const roles = page.getByRole('group', { name: 'Roles' });
  await roles.getByLabel(/^Manager/).check();
  await page.getByRole('group', { name: 'Manages' }).getByLabel('Outreach').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await page.getByRole('link', { name: 'Remove from organisation…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Remove Maria Gonzalez from the organisation?');
  await page.getByRole('button', { name: 'Remove Maria Gonzalez' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Maria Gonzalez was removed from the organisation.' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore membership' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Maria Gonzalez was restored to the organisation. Choose their teams again below.' })).toBeVisible();

  // Invites: one sent and withdrawn.
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Invites' }).click();
  await page.getByLabel('Email').fill('withdrawn@example.test');
  await page.getByLabel('Name').fill('Wyn Drawn');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation sent to withdrawn@example.test.' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Withdraw invitation to withdrawn@example.test' }).click();
  // The withdrawn invitation leaves the pending list.
  await expect(page.getByText('Wyn Drawn (withdrawn@example.test)')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
  const log = page.getByRole('table');
  await expect(log.getByRole('row').nth(1)).toContainText('Revoked the invite of withdrawn@example.test');
  await expect(log).toContainText('Created team Night Shift');
  // The log as CSV: one table, times in the organisation's zone, each event a sentence.
  const download = await page.request.get('/admin/audit/export');
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="tend-audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
  const events = parse(await download.text(), { columns: true }) as Record<string, string>[];
  expect(events.length).toBeGreaterThanOrEqual(10);
  for (const event of events) {
    expect(event.When).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(event['Time zone']).toBe('Europe/London');
  }
  expect(events.map((e) => e['What happened'])).toContain('Alex Morgan (admin@example.org) created team Night Shift.');
  expect(events[0]!['What happened']).toBe('Alex Morgan (admin@example.org) revoked the invite of withdrawn@example.test.');
  await expect(log).toContainText('Created reporting group Small teams');
  await expect(log).toContainText('Changed how this team is reported: Night Shift');
  await expect(log).toContainText('Changed settings of Riverside Community Mental Health');
  await expect(log).toContainText('anonymityThreshold: 5 → 6');
  await expect(log).toContainText('Changed support contacts: Staff wellbeing line');
  await expect(log).toContainText('Renamed team Night Team');
  await expect(log).toContainText('Archived team Night Team');
  await expect(log).toContainText('Changed the roles of maria.gonzalez@example.org');
  await expect(log).toContainText('Changed the teams of maria.gonzalez@example.org');
  await expect(log).toContainText('Removed maria.gonzalez@example.org');
  await expect(log).toContainText('Restored maria.gonzalez@example.org');
  await expect(log).toContainText('Invited withdrawn@example.test');
  await expect(log).toContainText('Revoked the invite of withdrawn@example.test');
  await expect(log).not.toContainText(/score|burnout|compassion|answer/i);
  await expectAccessible(page);
});

test('a manager and a clinician cannot open the admin area', async ({ browser }) => {
  for (const email of ['manager@example.org', 'clinician@example.org']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
    for (const path of ['/admin', '/admin/members', '/admin/settings', '/admin/audit']) {
      const response = await page.goto(path);
      expect(response?.status(), `${email} ${path}`).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
    }
    await expectAccessible(page);
    await context.close();
  }
});

for (const width of [390, 1280]) {
  test(`without JavaScript at ${width} px, removing a member and a support contact and deleting an initiative each ask first, and are audited`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin@example.org');
    const who = width === 390 ? 'Test e2e-remove-a' : 'Test e2e-remove-b';
    await page.goto('/admin/members');
    await page.getByRole('link', { name: who }).click();
    const memberUrl = page.url();
    await page.getByRole('link', { name: 'Remove from organisation…' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Remove ${who} from the organisation?`);
    await expect(page.locator('main')).toContainText('Figures already published stay as they are');
    await expect(page.locator('main')).toContainText('restore them from their member page');
    await expectAccessibleWithoutJs(page);
    // Nothing happened by opening the page.
    await page.goto(memberUrl);
    await expect(page.getByRole('link', { name: 'Remove from organisation…' })).toBeVisible();
    await page.getByRole('link', { name: 'Remove from organisation…' }).click();
    await page.getByRole('button', { name: `Remove ${who}` }).click();
    await expect(page).toHaveURL(`${memberUrl}?done=removed`);
    await expect(page.getByRole('status')).toHaveText(`${who} was removed from the organisation.`);
    await expect(page.getByRole('button', { name: 'Restore membership' })).toBeVisible();
    await expectAccessibleWithoutJs(page);

    // A support contact: the same, back on the settings page.
    // (One added for the purpose: the demo's contacts are read by other tests.)
    const contact = `Test contact ${width}`;
    await page.goto('/admin/settings');
    await page.getByLabel('Name', { exact: true }).fill(contact);
    await page.getByLabel('Phone (optional)').fill('0800 000 222');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('link', { name: `Remove ${contact}…` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Remove ${contact}?`);
    await expectAccessibleWithoutJs(page);
    await page.getByRole('button', { name: `Remove ${contact}` }).click();
    await expect(page.getByRole('status')).toHaveText('Support contact removed.');
    await expect(page.getByRole('link', { name: `Remove ${contact}…` })).toHaveCount(0);

    await page.goto('/admin/audit');
    const log = page.getByRole('table');
    await expect(log).toContainText(`Removed ${who.replace('Test ', '')}@example.test`);
    await expect(log).toContainText(contact);
    await context.close();
  });
}
