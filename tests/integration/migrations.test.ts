import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksum, deployMigrations, migrationStatus, readMigrations } from '../../lib/db/migrate';
import { openSqlConnection, type SqlConnection } from '../../lib/db/sql';
import { resolveDatabaseTarget } from '../../lib/db/target';

const root = path.resolve(__dirname, '../..');
let conn: SqlConnection;
let work: string;

beforeAll(async () => {
  // The test database (setup.ts) is already migrated; this connection reads it.
  conn = await openSqlConnection(resolveDatabaseTarget(process.env.DATABASE_URL));
  work = await mkdtemp(path.join(tmpdir(), 'tend-migrations-'));
});

afterAll(async () => {
  await conn.close();
  await rm(work, { recursive: true, force: true });
});

describe('deployMigrations', () => {
  it('recorded every migration in _prisma_migrations as Prisma does (sha256 checksum, finished)', async () => {
    const migrations = await readMigrations();
    const rows = await conn.query<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const sql = await readFile(path.join(root, 'prisma/migrations', row.migration_name, 'migration.sql'), 'utf8');
      expect(row.checksum).toBe(checksum(sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.migration_name).toBe(migrations[i]!.name);
    }
  });

  it('is a no-op when nothing is pending', async () => {
    expect(await deployMigrations(conn)).toEqual([]);
    expect(await migrationStatus(conn)).toMatchObject({ pending: [], edited: [], unknown: [], failed: [] });
  });

  it('applies a new migration, and rolls back a failing one completely', async () => {
    const dir = path.join(work, 'migrations');
    await cp(path.join(root, 'prisma/migrations'), dir, { recursive: true });
    await mkdir(path.join(dir, '29990101000000_add_probe'));
    await writeFile(path.join(dir, '29990101000000_add_probe/migration.sql'), 'CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "probe" VALUES (1);\n');
    expect((await migrationStatus(conn, dir)).pending).toEqual(['29990101000000_add_probe']);
    expect(await deployMigrations(conn, dir)).toEqual(['29990101000000_add_probe']);
    expect(await conn.query('SELECT id FROM "probe"')).toEqual([{ id: 1 }]);

    await mkdir(path.join(dir, '29990102000000_broken'));
    await writeFile(path.join(dir, '29990102000000_broken/migration.sql'), 'CREATE TABLE "half" ("id" INTEGER);\nSELECT no_such_function();\n');
    await expect(deployMigrations(conn, dir)).rejects.toThrow(/29990102000000_broken failed and was rolled back/);
    expect(await conn.query(`SELECT to_regclass('half') IS NULL AS "gone"`)).toEqual([{ gone: true }]);
    expect((await migrationStatus(conn, dir)).pending).toEqual(['29990102000000_broken']);

    await conn.exec('DROP TABLE "probe"');
    await conn.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = '29990101000000_add_probe'`);
  });

  it('reports a migration edited after it was applied', async () => {
    const dir = path.join(work, 'edited');
    await cp(path.join(root, 'prisma/migrations'), dir, { recursive: true });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited\n`);
    expect((await migrationStatus(conn, dir)).edited).toEqual([first!.name]);
  });
});
