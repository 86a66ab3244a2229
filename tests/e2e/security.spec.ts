import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { readSinkDir } from '../fixtures/smtp-sink';
import { DEMO_PASSWORD, expectAccessible, linkFromMail, signIn } from './helpers';
import { MAIL_DIR } from './mail-dir';
import { expect, takeViolations, test } from './test';

// What a client sends about the host it thinks it reached: none of it may steer a link.
const POISON = { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.66' };

test('emailed sign-in and invitation links use the configured origin, whatever the request says its host is', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: POISON });
  const page = await context.newPage();
  await page.goto('/sign-in/link');
  await page.getByLabel('Email').fill('maria.gonzalez@example.org');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('status')).toContainText('a sign-in link is on its way');
  const link = await linkFromMail('maria.gonzalez@example.org', /https?:\/\/\S+token=\S+/);
  expect(new URL(link).origin).toBe('http://localhost:3100');

  // Signing in (Auth.js's own redirects) and an admin's invitation, all with the same headers.
  await signIn(page, 'admin@example.org');
  expect(new URL(page.url()).origin).toBe('http://localhost:3100');
  await page.goto('/admin/invites');
  await page.getByLabel('Email').fill('poison.check@example.test');
  await page.getByLabel('Name').fill('Poison Check');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status')).toHaveText('Invitation sent to poison.check@example.test.');
  const invite = await linkFromMail('poison.check@example.test', /https?:\/\/\S+\/invites\/[A-Za-z0-9_-]+/);
  expect(new URL(invite).origin).toBe('http://localhost:3100');
  const everything = readSinkDir(MAIL_DIR).map((m) => m.raw).join('\n');
  expect(everything).not.toContain('evil.example');
  await context.close();
});

/** A request as a script sends it: any Host, any headers (a browser cannot forge Host). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: Number(process.env.E2E_PORT ?? 3100), method, path, headers }, (res) => {
      let data = '';
      res.on('data', (chunk: Buffer) => (data += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('a forged Host and X-Forwarded-Host get no sign-in link mailed through Auth.js’s endpoints', async () => {
  const forged = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };
  const csrf = await raw('GET', '/api/auth/csrf', forged);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = [csrf.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]).join('; ');
  const before = readSinkDir(MAIL_DIR).length;
  await raw(
    'POST',
    '/api/auth/signin/email',
    { ...forged, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    new URLSearchParams({ email: 'tom.becker@example.org', csrfToken }).toString(),
  );
  const follow = await raw('GET', '/api/auth/callback/email?token=guess&email=tom.becker%40example.org', forged);
  expect(follow.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/session-token=[^;]/));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(readSinkDir(MAIL_DIR).slice(before).map((m) => m.to)).toEqual([]);
});

test('after “sign out everywhere”, an old session cookie gets no session anywhere, not even /api/auth/session', async ({ browser }) => {
  const a = await browser.newContext();
  const page = await a.newPage();
  await signIn(page, 'grace.wu@example.org');
  // The same cookie, kept elsewhere (a second device, or a copy someone took).
  const b = await browser.newContext({ storageState: await a.storageState() });
  const session = await (await b.request.get('/api/auth/session')).json();
  expect(session).toMatchObject({ user: { email: 'grace.wu@example.org' } });

  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByText('You have signed out on every device.')).toBeVisible();

  const stale = await b.request.get('/api/auth/session');
  expect(await stale.json()).toBeNull();
  // The stale cookie is cleared, not renewed.
  const cleared = stale.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('authjs.session-token='));
  expect(cleared.every((h) => /authjs\.session-token=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(h.value))).toBe(true);
  const home = await b.newPage();
  await home.goto('/');
  await expect(home).toHaveURL(/\/sign-in$/);
  await a.close();
  await b.close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`a failed password change sends no password back (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('e2e-owner@example.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Hello,/ })).toBeVisible();
    await page.goto('/account');

    const secrets = { current: `Current-${javaScriptEnabled}-Qx81v`, next: `NewSecret-${javaScriptEnabled}-Zr52k`, confirm: `Confirm-${javaScriptEnabled}-Lm09p` };
    await page.getByLabel('Current password').fill(secrets.current);
    await page.getByLabel('New password', { exact: true }).fill(secrets.next);
    await page.getByLabel('New password again').fill(secrets.confirm);
    // Read the action's response on its way to the page (the RSC payload with JavaScript, the HTML without).
    let body = '';
    await page.route('**/account', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      body = await response.text();
      await route.fulfill({ response, body });
    });
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('.field__error')).toHaveText('The two new passwords are different.');
    expect(body).toContain('The two new passwords are different.');
    // Neither the response (HTML with its RSC payload, or the RSC payload alone) nor the page holds them.
    for (const secret of Object.values(secrets)) {
      expect(body).not.toContain(secret);
      expect(await page.content()).not.toContain(secret);
    }
    await context.close();
  });
}

test('the headers: a nonce-based Content-Security-Policy and the rest, on every page', async ({ page }) => {
  for (const path of ['/sign-in', '/sign-in/link', '/privacy']) {
    const response = await page.request.get(path);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    // Served over http here: no HSTS (it is sent when APP_URL is https).
    expect(headers['strict-transport-security']).toBeUndefined();
  }
  // A fresh nonce per response.
  const nonce = async () => (await page.request.get('/sign-in')).headers()['content-security-policy']!.match(/'nonce-([^']+)'/)![1];
  expect(await nonce()).not.toBe(await nonce());
});

test('an injected inline event handler does not run, and the violation is seen', async ({ page }) => {
  await page.goto('/sign-in');
  // What markup injected into a page would try: script in an attribute.
  await page.evaluate(() => document.body.setAttribute('onclick', 'window.__clicked = true'));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await expect.poll(() => takeViolations().some((v) => /inline event handler violates the following Content Security Policy/.test(v))).toBe(true);
  expect(await page.evaluate(() => (window as { __clicked?: boolean }).__clicked)).toBeUndefined();
});

test('an admin who does not check in can acknowledge the privacy notice', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/privacy?continue=check-in');
  await expectAccessible(page);
  await page.getByRole('button', { name: /^I understand/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hello,/ })).toBeVisible();
  await page.goto('/privacy');
  await expect(page.getByText('You have read this notice.')).toBeVisible();
});
