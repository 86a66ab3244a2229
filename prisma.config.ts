import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file: migrations are applied and created by
// the project's own commands (scripts/db.ts), which need no native engine.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
