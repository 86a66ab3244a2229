import path from 'node:path';

/**
 * Where the data lives, from DATABASE_URL:
 * - unset, or `pglite:` + a directory → the embedded PGlite database on disk (default `.data/pglite`);
 * - `pglite:memory` → an in-memory PGlite database (tests);
 * - `postgres://…` or `postgresql://…` → a PostgreSQL server.
 */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string };

export const DEFAULT_PGLITE_DIR = '.data/pglite';

export function resolveDatabaseTarget(url: string | undefined = process.env.DATABASE_URL, cwd: string = process.cwd()): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: 'pglite', dataDir: path.resolve(cwd, DEFAULT_PGLITE_DIR) };
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) return { kind: 'postgres', url: value };
  if (value.startsWith('pglite:')) {
    const rest = value.slice('pglite:'.length).replace(/^\/\/(?=\/)/, '');
    if (rest === 'memory' || rest === 'memory://') return { kind: 'pglite', dataDir: null };
    return { kind: 'pglite', dataDir: path.resolve(cwd, rest || DEFAULT_PGLITE_DIR) };
  }
  throw new Error(
    `DATABASE_URL must start with postgresql:// (a PostgreSQL server) or pglite: (the embedded database); got "${value.split(':')[0]}:…".`,
  );
}

/** A description safe to log: never includes a password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return target.dataDir ? `embedded PGlite at ${target.dataDir}` : 'embedded PGlite in memory';
  const u = new URL(target.url);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
