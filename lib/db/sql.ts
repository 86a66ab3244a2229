import { mkdirSync } from 'node:fs';
import { acquirePgliteLock } from './pglite-lock';
import type { DatabaseTarget } from './target';

/**
 * A plain SQL connection for the migration runner, the seed and tests: the same
 * calls on PGlite and on a PostgreSQL server.
 */
export interface SqlConnection {
  readonly kind: DatabaseTarget['kind'];
  /** Runs a script of one or more statements (simple query protocol). */
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function openSqlConnection(target: DatabaseTarget): Promise<SqlConnection> {
  if (target.kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    if (!target.dataDir) {
      const db = new PGlite();
      await db.waitReady;
      return wrapPglite(db);
    }
    mkdirSync(target.dataDir, { recursive: true });
    const release = acquirePgliteLock(target.dataDir);
    try {
      const db = new PGlite(target.dataDir);
      await db.waitReady;
      return wrapPglite(db, release);
    } catch (error) {
      release();
      throw error;
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return {
    kind: 'postgres',
    async exec(script) {
      await client.query(script);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async close() {
      await client.end();
    },
  };
}

type PgliteLike = {
  exec(script: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  close(): Promise<void>;
};

/** Wraps an open PGlite instance; closing the wrapper closes the instance (and releases its lock). */
export function wrapPglite(db: PgliteLike, release: () => void = () => {}): SqlConnection {
  return {
    kind: 'pglite',
    async exec(script) {
      await db.exec(script);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
