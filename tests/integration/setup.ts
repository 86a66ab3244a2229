import { afterAll } from 'vitest';
import { closeDb } from '../../lib/db';
import { createTestDatabase } from '../fixtures/test-database';

// Each test file gets its own migrated database, so files never see each other's rows.
const kind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
const database = await createTestDatabase(kind);
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await closeDb();
  await database.drop();
});
