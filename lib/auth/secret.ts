import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDatabaseTarget } from '../db/target';

/**
 * The key that signs session cookies. Set AUTH_SECRET in production: every app
 * instance must share it. On the embedded database (one process by design) a
 * random key is created once and kept beside the data, so the quick start
 * needs no configuration and sessions survive restarts.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const target = resolveDatabaseTarget(env.DATABASE_URL);
  if (target.kind === 'postgres') {
    throw new Error('AUTH_SECRET must be set when DATABASE_URL names a PostgreSQL server (all app instances must share it). Generate one with: openssl rand -base64 32');
  }
  const dir = target.dataDir ? path.dirname(target.dataDir) : path.resolve('.data');
  const file = path.join(dir, 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return readFileSync(file, 'utf8').trim();
  }
}
