/**
 * `npm run bench:sign-in-link`: how long asking for a sign-in link takes for an
 * address with an account and for one without, on a fresh embedded database
 * (or the PostgreSQL server in BENCH_DATABASE_URL). The two should be the same:
 * the email is queued in the same statement either way and sent after the
 * response. Prints the median, min and max of each, and their ratio.
 *   Options: --rounds N (default 200)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

async function main() {
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 200;
  const dir = await mkdtemp(path.join(tmpdir(), 'tend-bench-'));
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? `pglite:${dir}`;
  process.env.APP_URL = 'https://tend.example.test';
  const { deployMigrations } = await import('../lib/db/migrate');
  const { openSqlConnection } = await import('../lib/db/sql');
  const { resolveDatabaseTarget } = await import('../lib/db/target');
  const conn = await openSqlConnection(resolveDatabaseTarget());
  await deployMigrations(conn);
  await conn.close();

  const { getDb, closeDb } = await import('../lib/db');
  const { requestSignInLink } = await import('../lib/services/sign-in-links');
  const db = await getDb();
  await db.user.create({ data: { email: 'bench@example.test', name: 'Bench' } });

  const times: Record<'account' | 'none', number[]> = { account: [], none: [] };
  const t0 = Date.now();
  for (let i = 0; i < rounds; i++) {
    // Each pair 20 minutes apart on the clock the service is given, so no limit is reached.
    const now = new Date(t0 + i * 20 * 60_000);
    for (const kind of i % 2 === 0 ? (['account', 'none'] as const) : (['none', 'account'] as const)) {
      const email = kind === 'account' ? 'bench@example.test' : `nobody-${i}@example.test`;
      const start = performance.now();
      await requestSignInLink(email, `192.0.2.${i % 250}`, now);
      times[kind].push(performance.now() - start);
    }
  }
  await closeDb();
  await rm(dir, { recursive: true, force: true });

  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
  };
  const a = stats(times.account);
  const n = stats(times.none);
  const fmt = (s: ReturnType<typeof stats>) => `median ${s.median.toFixed(2)} ms (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`;
  console.log(`sign-in link request, ${rounds} rounds each, ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}`);
  console.log(`  address with an account:    ${fmt(a)}`);
  console.log(`  address without an account: ${fmt(n)}`);
  console.log(`  ratio of medians (with / without): ${(a.median / n.median).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
