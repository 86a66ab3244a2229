import { PrismaClient } from './generated/client';
import { acquirePgliteLock } from './pglite-lock';
import { resolveDatabaseTarget, type DatabaseTarget } from './target';

/**
 * The one Prisma client of this process, built for the database DATABASE_URL
 * names. PGlite is single-process and single-connection: one instance serves
 * every request (it queues queries and transactions itself), and no second
 * process may open the same data directory.
 */
type Db = PrismaClient;

const globalForDb = globalThis as unknown as { tendDb?: Promise<Db>; tendDbClose?: () => Promise<void> };

async function createClient(target: DatabaseTarget): Promise<{ db: Db; close: () => Promise<void> }> {
  if (target.kind === 'postgres') {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return { db, close: () => db.$disconnect() };
  }
  const { mkdirSync } = await import('node:fs');
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  let release = () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    release = acquirePgliteLock(target.dataDir);
  }
  try {
    const pglite = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
    await pglite.waitReady;
    const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      db,
      close: async () => {
        try {
          await db.$disconnect();
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** The Prisma client; created on first use (never at import, so builds touch no database). */
export function getDb(): Promise<Db> {
  if (!globalForDb.tendDb) {
    globalForDb.tendDb = createClient(resolveDatabaseTarget()).then(({ db, close }) => {
      globalForDb.tendDbClose = close;
      return db;
    });
    globalForDb.tendDb.catch(() => {
      globalForDb.tendDb = undefined;
    });
  }
  return globalForDb.tendDb;
}

/** Closes the client (tests, scripts, shutdown); the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const close = globalForDb.tendDbClose;
  globalForDb.tendDb = undefined;
  globalForDb.tendDbClose = undefined;
  if (close) await close();
}

export type { Db };
export { Prisma } from './generated/client';
export type * from './generated/models';
