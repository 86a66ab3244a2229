import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { openSqlConnection, type SqlConnection } from '../../lib/db/sql';
import { scoreProqol5 } from '../../lib/scoring';
import { getCheckInResult, saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import { createOrganisation, createPerson, sampleAnswers } from '../fixtures/factories';

// Runs in the PostgreSQL project only: PGlite serves one connection, so nothing can race there.
let concurrent: SqlConnection; // a save in progress on another connection
let observer: SqlConnection; // watches who waits for whom

beforeAll(async () => {
  concurrent = await openSqlConnection({ kind: 'postgres', url: process.env.DATABASE_URL! });
  observer = await openSqlConnection({ kind: 'postgres', url: process.env.DATABASE_URL! });
});

afterAll(async () => {
  await concurrent.close();
  await observer.close();
});

/** Resolves once some session of this database waits for a lock held by the backend `pid`. */
async function untilSomeoneWaitsFor(pid: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [row] = await observer.query<{ waiting: number }>(
      'SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND $1::int = ANY (pg_blocking_pids(pid))',
      [pid],
    );
    if (row!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('The submit never waited for the concurrent save.');
}

describe('submitting while a save is in flight', () => {
  it('scores the answers stored when the check-in closes, never an older read of them', async () => {
    const org = await createOrganisation();
    const me = await createPerson({ organisationId: org.id });
    const { id } = await startOrResumeCheckIn(me);
    const before = sampleAnswers(2);
    await saveCheckInAnswers(me, id, before.map((value, i) => ({ itemNumber: i + 1, value })));
    const after = [before[0] === 5 ? 1 : 5, ...before.slice(1)];
    expect(scoreProqol5(after)).not.toEqual(scoreProqol5(before));

    // A concurrent save, as saveCheckInAnswers does it: touch the check-in (locking it), then change an answer.
    const [{ pid }] = (await concurrent.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
    await concurrent.exec('BEGIN');
    try {
      await concurrent.query('UPDATE check_ins SET updated_at = now() WHERE id = $1', [id]);
      await concurrent.query('UPDATE check_in_answers SET value = $2, answered_at = now() WHERE check_in_id = $1 AND item_number = 1', [id, after[0]]);
      const submitting = submitCheckIn(me, id);
      submitting.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
      await untilSomeoneWaitsFor(pid);
      await concurrent.exec('COMMIT');
      expect(await submitting).toEqual({ ok: true, id });
    } finally {
      await concurrent.exec('ROLLBACK').catch(() => {});
    }

    const db = await getDb();
    const stored = await db.checkInAnswer.findMany({ where: { checkInId: id }, orderBy: { itemNumber: 'asc' }, select: { value: true } });
    expect(stored.map((a) => a.value)).toEqual(after);
    expect((await getCheckInResult(me, id)).scores).toEqual(scoreProqol5(after));
  });
});
