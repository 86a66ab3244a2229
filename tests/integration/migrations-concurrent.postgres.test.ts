import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployMigrations } from '../../lib/db/migrate';
import { openSqlConnection, type SqlConnection } from '../../lib/db/sql';

// Runs in the PostgreSQL project only: PGlite is one process by design.
const root = path.resolve(__dirname, '../..');
let conn: SqlConnection;
let work: string;

beforeAll(async () => {
  conn = await openSqlConnection({ kind: 'postgres', url: process.env.DATABASE_URL! });
  work = await mkdtemp(path.join(tmpdir(), 'tend-migrations-'));
});

afterAll(async () => {
  await conn.close();
  await rm(work, { recursive: true, force: true });
});

describe('deployMigrations on a PostgreSQL server', () => {
  it('several instances deploying at once apply each migration once', async () => {
    const url = process.env.DATABASE_URL!;
    const dir = path.join(work, 'concurrent');
    await cp(path.join(root, 'prisma/migrations'), dir, { recursive: true });
    await mkdir(path.join(dir, '29990103000000_concurrent'));
    await writeFile(path.join(dir, '29990103000000_concurrent/migration.sql'), 'CREATE TABLE "concurrent_probe" ("id" INTEGER);\n');
    const conns = await Promise.all([1, 2, 3].map(() => openSqlConnection({ kind: 'postgres', url })));
    const applied = await Promise.all(conns.map((c) => deployMigrations(c, dir)));
    await Promise.all(conns.map((c) => c.close()));
    expect(applied.flat()).toEqual(['29990103000000_concurrent']);
    await conn.exec('DROP TABLE "concurrent_probe"');
    await conn.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = '29990103000000_concurrent'`);
  });
});
