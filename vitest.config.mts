import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

// Integration tests run once on PGlite and, when TEST_DATABASE_URL names a
// PostgreSQL server, once more on it: the same files against both databases.
// `*.postgres.test.ts` runs on the server only; `*.once.test.ts` (no database) on PGlite only.
const integration = (name: string, kind: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    exclude: [kind === 'pglite' ? 'tests/integration/**/*.postgres.test.ts' : 'tests/integration/**/*.once.test.ts'],
    setupFiles: ['tests/integration/setup.ts'],
    env: { TEST_DB_KIND: kind },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: PGlite instances are memory- and CPU-hungry.
    maxWorkers: 2,
  },
});

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // Services import 'server-only'; in tests they run on the server by definition.
      'server-only': path.join(root, 'tests/fixtures/server-only.ts'),
    },
  },
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      integration('integration-pglite', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [integration('integration-postgres', 'postgres')] : []),
    ],
    coverage: {
      provider: 'v8',
      include: ['lib/scoring/**', 'lib/aggregates/**/*.ts'],
      exclude: ['**/*.d.ts'],
      reporter: ['text'],
      thresholds: { branches: 100, functions: 100, lines: 100, statements: 100 },
    },
  },
});
