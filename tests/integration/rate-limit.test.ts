import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { signInWithPassword } from '../../lib/services/accounts';
import { checkLimits, consumeLimits, recordAttempt, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_CLIENT } from '../../lib/services/rate-limit';
import { createOrganisation, createPerson, TEST_PASSWORD } from '../fixtures/factories';

const t0 = new Date('2026-11-21T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  const org = await createOrganisation();
  await createPerson({ organisationId: org.id, email: 'robin@example.test' });
});

describe('sign-in attempt limits', () => {
  it('after 5 failures for an account, even the right password is refused until the window ends', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword('robin@example.test', 'wrong', `10.0.0.${i}`, at(i))).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signInWithPassword('Robin@Example.test', TEST_PASSWORD, '10.0.1.1', at(5))).toEqual({ ok: false, reason: 'limited', retryAfterMinutes: 10 });
    expect(await signInWithPassword('robin@example.test', TEST_PASSWORD, '10.0.1.1', at(14.5))).toEqual({ ok: false, reason: 'limited', retryAfterMinutes: 1 });
    const later = await signInWithPassword('robin@example.test', TEST_PASSWORD, '10.0.1.1', at(15));
    expect(later.ok).toBe(true);
  });

  it('a burst straddling a minute (or any) boundary is limited all the same', async () => {
    for (const minute of [119.7, 119.8, 119.9, 120.0, 120.1]) await signInWithPassword('burst@example.test', 'guess', '10.2.0.1', at(minute));
    // The oldest attempts (minute 119) leave the window at 134: 13.8 minutes on, shown as 14.
    expect(await signInWithPassword('burst@example.test', 'guess', '10.2.0.1', at(120.2))).toEqual({ ok: false, reason: 'limited', retryAfterMinutes: 14 });
  });

  it('limits an unknown account exactly like a real one (nothing is revealed)', async () => {
    for (let i = 0; i < 5; i++) await signInWithPassword('nobody@example.test', 'guess', `10.1.0.${i}`, at(i));
    expect(await signInWithPassword('nobody@example.test', 'guess', '10.1.1.1', at(5))).toEqual({ ok: false, reason: 'limited', retryAfterMinutes: 10 });
  });

  it('limits one client address trying many accounts (50 failures)', async () => {
    await Promise.all(Array.from({ length: 49 }, () => recordAttempt([{ limit: SIGN_IN_PER_CLIENT, key: '192.0.2.7' }], at(30))));
    expect((await signInWithPassword('robin@example.test', TEST_PASSWORD, '192.0.2.7', at(30))).ok).toBe(true);
    await signInWithPassword('spray@example.test', 'guess', '192.0.2.7', at(30));
    expect(await signInWithPassword('robin@example.test', TEST_PASSWORD, '192.0.2.7', at(31))).toMatchObject({ ok: false, reason: 'limited' });
    expect((await signInWithPassword('robin@example.test', TEST_PASSWORD, '192.0.2.8', at(31))).ok).toBe(true);
  });

  it('counts concurrent attempts exactly (one atomic counter per window)', async () => {
    const checks = [{ limit: { ...SIGN_IN_PER_ACCOUNT, name: 'concurrency' }, key: 'k' }];
    await Promise.all(Array.from({ length: 12 }, () => recordAttempt(checks, at(60))));
    const db = await getDb();
    const buckets = await db.rateLimitBucket.findMany({ select: { key: true, count: true } });
    expect(buckets.some((b) => b.count === 12)).toBe(true);
    // Keys are hashed: no email or address is stored.
    expect(JSON.stringify(buckets)).not.toMatch(/@|192\.0\.2/);
    expect(await checkLimits(checks, at(60))).toEqual({ limited: true, retryAfterMinutes: 15 });
  });

  it('12 simultaneous wrong passwords: exactly 5 are checked, 7 are refused unchecked (counted before deciding)', async () => {
    await createPerson({ organisationId: (await createOrganisation()).id, email: 'parallel@example.test' });
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signInWithPassword('parallel@example.test', `wrong-${i}`, `10.9.0.${i}`, at(200))),
    );
    expect(outcomes.filter((o) => !o.ok && o.reason === 'invalid')).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'limited')).toHaveLength(7);
    // Refused attempts take their count back: the window holds the 5 that were checked.
    expect(await checkLimits([{ limit: SIGN_IN_PER_ACCOUNT, key: 'parallel@example.test' }], at(200))).toMatchObject({ limited: true });
    const db = await getDb();
    const total = await db.rateLimitBucket.aggregate({ _sum: { count: true }, where: { windowStart: at(200) } });
    expect(total._sum.count).toBe(5 + 5); // the 5 checked attempts, each against the account and its client address
  });

  it('consumeLimits lets exactly `limit` of many simultaneous attempts through', async () => {
    const checks = [{ limit: { name: 'parallel-consume', limit: 3, windowMs: 15 * 60_000 }, key: 'same' }];
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeLimits(checks, at(300))));
    expect(results.filter((r) => !r.limited)).toHaveLength(3);
  });

  it('a successful sign-in does not count against the limit', async () => {
    for (let i = 0; i < 8; i++) expect((await signInWithPassword('robin@example.test', TEST_PASSWORD, '10.3.0.1', at(400 + i))).ok).toBe(true);
  });
});
