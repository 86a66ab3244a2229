import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tend-check-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

// The schema check reads files only (it replays the migrations into a throw-away
// PGlite), so it runs once, in the PGlite project.
describe('npm run db:migrate:check', () => {
  const check = (schema: string) =>
    run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/db.ts', 'check', '--schema', schema], { cwd: root }).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
    );

  it('passes when the migrations match schema.prisma', async () => {
    const result = await check('prisma/schema.prisma');
    expect(result).toEqual({ code: 0, output: expect.stringContaining('Migrations match') });
  });

  it('fails, showing the missing SQL, when the schema changes without a migration', async () => {
    const schema = await readFile(path.join(root, 'prisma/schema.prisma'), 'utf8');
    const changed = path.join(work, 'schema.prisma');
    await writeFile(changed, schema.replace('  name         String\n', '  name         String\n  pronouns     String?\n'));
    expect(await readFile(changed, 'utf8')).toContain('pronouns');
    const result = await check(changed);
    expect(result.code).toBe(1);
    expect(result.output).toContain('differs from the migrations');
    expect(result.output).toMatch(/ALTER TABLE "users" ADD COLUMN\s+"pronouns" TEXT/);
  });
});
