import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlConnection } from './sql';

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, without
 * Prisma's native engine: each pending migration.sql runs in its own
 * transaction and is recorded in `_prisma_migrations` with the same sha256
 * checksum Prisma uses, so Prisma's own CLI can take over the database later.
 */

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma/migrations');

/** The lock key `prisma migrate` itself takes, so our runner and Prisma's exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

export type AppliedMigration = {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
};

export type MigrationStatus = {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file has changed since. */
  edited: string[];
  /** Recorded in the database but missing from the folder. */
  unknown: string[];
  /** Started but never finished (a failed run of Prisma's own CLI). */
  failed: string[];
};

export function checksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksum(sql) };
    }),
  );
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

async function hasMigrationsTable(conn: SqlConnection): Promise<boolean> {
  const rows = await conn.query<{ exists: boolean }>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`,
  );
  return rows[0]?.exists === true;
}

async function readApplied(conn: SqlConnection): Promise<AppliedMigration[]> {
  if (!(await hasMigrationsTable(conn))) return [];
  return conn.query<AppliedMigration>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
}

export async function migrationStatus(conn: SqlConnection, dir: string = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const migrations = await readMigrations(dir);
  const recorded = (await readApplied(conn)).filter((m) => m.rolled_back_at === null);
  const finished = new Map(recorded.filter((m) => m.finished_at !== null).map((m) => [m.migration_name, m]));
  const onDisk = new Set(migrations.map((m) => m.name));
  return {
    applied: migrations.filter((m) => finished.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !finished.has(m.name)).map((m) => m.name),
    edited: migrations.filter((m) => {
      const row = finished.get(m.name);
      return row !== undefined && row.checksum !== m.checksum;
    }).map((m) => m.name),
    unknown: [...finished.keys()].filter((name) => !onDisk.has(name)),
    failed: recorded.filter((m) => m.finished_at === null).map((m) => m.migration_name),
  };
}

/**
 * Applies every pending migration in name order. Safe to run from several app
 * instances at once on PostgreSQL (they queue on an advisory lock) and a no-op
 * when nothing is pending.
 * @returns the names of the migrations applied by this call
 */
export async function deployMigrations(
  conn: SqlConnection,
  dir: string = MIGRATIONS_DIR,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const lock = conn.kind === 'postgres';
  if (lock) await conn.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
  try {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    const status = await migrationStatus(conn, dir);
    if (status.failed.length > 0) {
      throw new Error(
        `Migration ${status.failed.join(', ')} failed earlier and was never finished. Repair the database, then mark it rolled back in _prisma_migrations.`,
      );
    }
    if (status.edited.length > 0) {
      log(`warning: applied migration(s) changed on disk since: ${status.edited.join(', ')}`);
    }
    const migrations = await readMigrations(dir);
    const applied: string[] = [];
    for (const migration of migrations.filter((m) => status.pending.includes(m.name))) {
      log(`applying ${migration.name}`);
      await conn.exec('BEGIN');
      try {
        await conn.exec(migration.sql);
        await conn.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await conn.exec('COMMIT');
      } catch (error) {
        await conn.exec('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    if (lock) await conn.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
  }
}
