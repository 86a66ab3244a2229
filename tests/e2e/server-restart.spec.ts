import { ANSWERS, ITEM_TEXTS } from '../fixtures/answers';
import { answer, expectAccessible, itemGroup, progress, signIn, startCheckIn } from './helpers';
import { killServer, startOwnServer, waitUntilServer } from './own-server';
import { expect, test } from './test';

// This test runs its own server on its own database, so it can kill it.
const PORT = Number(process.env.E2E_RESTART_PORT ?? 3101);
const startServer = (fresh: boolean) => startOwnServer({ name: 'restart', port: PORT, fresh });
const waitUntil = (up: boolean) => waitUntilServer(PORT, up);
const kill = killServer;

test.use({ baseURL: `http://localhost:${PORT}` });

test('the server is killed mid-check-in and restarted: the check-in resumes with its answers', async ({ page }) => {
  test.setTimeout(240_000);
  let server = startServer(true);
  try {
    await waitUntil(true);
    await signIn(page, 'new@example.org');
    await startCheckIn(page);
    for (let n = 1; n <= 4; n++) await answer(page, ITEM_TEXTS[n - 1]!, ANSWERS[n - 1]!);
    await expect(progress(page)).toHaveText('4 of 30 answered');
    await expect(page.getByText('All answers saved.')).toBeVisible();
    const checkInUrl = page.url();

    // No graceful shutdown: SIGKILL to every process of the server.
    kill(server, 'SIGKILL');
    await waitUntil(false);

    server = startServer(false);
    await waitUntil(true);
    await page.goto(checkInUrl);
    await expect(progress(page)).toHaveText('4 of 30 answered');
    for (let n = 1; n <= 4; n++) {
      await expect(itemGroup(page, ITEM_TEXTS[n - 1]!).getByRole('radio').nth(ANSWERS[n - 1]! - 1)).toBeChecked();
    }
    await expectAccessible(page);

    // And it carries on: the next answer is saved by the restarted server.
    await answer(page, ITEM_TEXTS[4]!, ANSWERS[4]!);
    await expect(page.getByText('All answers saved.')).toBeVisible();
    await page.goto('/');
    await expect(page.getByText('You have answered 5 of 30 questions.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Resume check-in' })).toBeVisible();
  } finally {
    kill(server, 'SIGTERM');
  }
});
