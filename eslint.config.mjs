import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'lib/db/generated/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'next-env.d.ts'],
  },
  {
    // lib/scoring is pure: relative imports only, no framework or database.
    files: ['lib/scoring/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\.{1,2}/)', message: 'lib/scoring is pure: relative imports only.' }] }],
    },
  },
  {
    // lib/aggregates is pure too: the suppression and statistics rules, with a date library, a statistics library and an LP solver only.
    files: ['lib/aggregates/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\.{1,2}/|luxon$|jstat$|highs$)', message: 'lib/aggregates is pure: relative imports, luxon, jstat and highs only.' }] }],
    },
  },
  {
    // Only lib/db may import the Prisma client; pages and components go through services.
    files: ['app/**', 'lib/services/**', 'lib/auth/**', 'lib/instruments/**', 'lib/validation/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/generated/**', '@prisma/client', '@prisma/client/*'], message: 'Import the database through lib/db only.' }] }],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/lib/db', '@/lib/db/*', '@/lib/services/*', '@/lib/auth', '@/lib/auth/*', '**/db/generated/**', '@prisma/client'], message: 'Components receive data as props; they never reach the database, services or auth.' }] }],
    },
  },
];

export default config;
