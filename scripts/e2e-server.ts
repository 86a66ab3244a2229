/**
 * Serves the built app for the end-to-end tests on its own embedded database.
 *   tsx scripts/e2e-server.ts [--fresh]
 * Env: E2E_DATA_DIR (required: the database's folder), PORT (default 3100).
 * --fresh wipes the folder, applies migrations and loads the demo data plus the
 * test accounts; without it the existing data is kept (as after a restart).
 * Needs `next build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { deployMigrations } from '../lib/db/migrate';
import { openSqlConnection } from '../lib/db/sql';

export const E2E_CLINICIANS = ['e2e-nojs@example.test', 'e2e-owner@example.test', 'e2e-signout@example.test', 'e2e-account@example.test', 'e2e-result@example.test', 'e2e-dashboard@example.test', 'e2e-owndata@example.test', 'e2e-missing@example.test', 'e2e-missing-nojs@example.test', 'e2e-home@example.test', 'e2e-privacy@example.test', 'e2e-privacy-nojs@example.test', 'e2e-nav@example.test', 'e2e-remove-a@example.test', 'e2e-remove-b@example.test'];

const root = path.resolve(__dirname, '..');
const dataDir = process.env.E2E_DATA_DIR ? path.resolve(process.env.E2E_DATA_DIR) : '';
const port = process.env.PORT ?? '3100';

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function main() {
  if (!dataDir) throw new Error('Set E2E_DATA_DIR to the folder for the test database.');
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  const env = { ...process.env, DATABASE_URL: `pglite:${path.join(dataDir, 'pglite')}`, NEXT_TELEMETRY_DISABLED: '1', PORT: port };
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

  if (process.argv.includes('--fresh')) {
    await rm(dataDir, { recursive: true, force: true });
    const conn = await openSqlConnection({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    await deployMigrations(conn);
    await conn.close();
    await run([tsx, '--conditions=react-server', 'prisma/seed.ts', '--extra-clinicians', E2E_CLINICIANS.join(',')], env);
  }

  const server = spawn(process.execPath, [tsx, path.join(root, 'scripts/server.ts')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
