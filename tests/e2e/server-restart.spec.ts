import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ANSWERS, ITEM_TEXTS } from '../fixtures/answers';
import { answer, expectAccessible, itemGroup, progress, signIn, startCheckIn } from './helpers';

// This test runs its own server on its own database, so it can kill it.
const PORT = Number(process.env.E2E_RESTART_PORT ?? 3101);
const root = path.resolve(__dirname, '../..');

// The server's output goes to a file, kept for reading when this test fails.
const LOG = path.join(root, 'test-results/server-restart.log');

function startServer(fresh: boolean): ChildProcess {
  const args = [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/e2e-server.ts', ...(fresh ? ['--fresh'] : [])];
  mkdirSync(path.dirname(LOG), { recursive: true });
  const log = openSync(LOG, fresh ? 'w' : 'a');
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, E2E_DATA_DIR: '.data/e2e-restart', PORT: String(PORT) },
    stdio: ['ignore', log, log],
    detached: true, // its own process group, so the whole server can be killed at once
  });
}

async function waitUntil(up: boolean): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://localhost:${PORT}/sign-in`).then((r) => r.ok, () => false);
    if (ok === up) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${PORT} did not become ${up ? 'ready' : 'unreachable'}`);
}

function kill(server: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.pid!, signal);
  } catch {
    // already gone
  }
}

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
