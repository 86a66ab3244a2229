import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

/**
 * An app server of a test's own, on its own port and embedded database, for
 * tests that kill it or that must not share limits with the rest of the run.
 * Its output goes to test-results/<name>.log, kept for reading on failure.
 */
const root = path.resolve(__dirname, '../..');

export function startOwnServer(options: { name: string; port: number; fresh: boolean; env?: Record<string, string> }): ChildProcess {
  const args = [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/e2e-server.ts', ...(options.fresh ? ['--fresh'] : [])];
  const logFile = path.join(root, `test-results/${options.name}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, options.fresh ? 'w' : 'a');
  return spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      E2E_DATA_DIR: `.data/e2e-${options.name}`,
      PORT: String(options.port),
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2526}`,
      TEND_REMINDERS: 'off',
      ...options.env,
    },
    stdio: ['ignore', log, log],
    detached: true, // its own process group, so the whole server can be killed at once
  });
}

export async function waitUntilServer(port: number, up: boolean): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://localhost:${port}/sign-in`).then((r) => r.ok, () => false);
    if (ok === up) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not become ${up ? 'ready' : 'unreachable'}`);
}

export function killServer(server: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.pid!, signal);
  } catch {
    // already gone
  }
}
