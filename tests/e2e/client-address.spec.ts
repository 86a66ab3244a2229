import { killServer, startOwnServer, waitUntilServer } from './own-server';
import { expect, test } from './test';

// Its own server and database: this test uses up one client's sign-in-link limit.
const PORT = Number(process.env.E2E_ISOLATED_PORT ?? 3104);
let server: ReturnType<typeof startOwnServer>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = startOwnServer({ name: 'client-address', port: PORT, fresh: true });
  await waitUntilServer(PORT, true);
});

test.afterAll(() => killServer(server, 'SIGTERM'));

test('a client cannot dodge the per-client limit by sending its own X-Forwarded-For', async ({ browser }) => {
  // Ten sign-in links per client address in 15 minutes; each request claims another address.
  const outcomes: string[] = [];
  for (let i = 0; i < 11; i++) {
    const context = await browser.newContext({ baseURL: `http://localhost:${PORT}`, extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${i + 1}` } });
    const page = await context.newPage();
    await page.goto('/sign-in/link');
    await page.getByLabel('Email').fill(`nobody-${i}@example.test`);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.locator('.notice, .error-summary')).toBeVisible();
    outcomes.push((await page.locator('.notice, .error-summary').innerText()).split('.')[0]!);
    await context.close();
  }
  expect(outcomes.slice(0, 10).every((o) => o.startsWith('If nobody-'))).toBe(true);
  expect(outcomes[10]).toBe('Too many sign-in links asked for');
});
