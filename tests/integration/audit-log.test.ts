import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { ForbiddenError, type Actor } from '../../lib/services/actor';
import { AUDIT_PAGE_SIZE, getAuditLog, listAuditEvents, recordAuditEvent, type AuditAction, type AuditLogPage } from '../../lib/services/audit';
import { ZAuditLogQuery, type TAuditLogQuery } from '../../lib/validation/audit-log';
import { createOrganisation, createPerson } from '../fixtures/factories';

/**
 * The audit log a page at a time, filtered by kind and by who acted, for admins of the
 * organisation only; anonymous events are never attributed to anyone.
 */

const T0 = new Date('2026-10-01T09:00:00.000Z').getTime();
const CYCLE: AuditAction[] = ['initiative.created', 'team.renamed', 'member.roles_changed', 'initiative.deleted', 'member.deleted_own_data', 'invite.created'];

/**
 * `count` events in the organisation, seven to each millisecond (so pages must break ties),
 * by the given people in turn; every anonymous one names nobody, as recordAuditEvent requires.
 */
async function seedLog(organisationId: string, people: Actor[], count: number, startMs = T0): Promise<void> {
  const db = await getDb();
  await db.auditEvent.createMany({
    data: Array.from({ length: count }, (_, i) => {
      const action = CYCLE[i % CYCLE.length]!;
      const anonymous = action === 'member.deleted_own_data';
      return {
        organisationId,
        actorId: anonymous ? null : people[i % people.length]!.userId,
        action,
        targetType: anonymous ? 'organisation' : 'team',
        targetLabel: anonymous ? '' : `Event ${i}`,
        createdAt: new Date(startMs + Math.floor(i / 7)),
      };
    }),
  });
}

/** Every page from the first, following `older`. */
async function walkOlder(actor: Actor, query: TAuditLogQuery = {}): Promise<AuditLogPage[]> {
  const pages = [await getAuditLog(actor, query)];
  while (pages.at(-1)!.older) pages.push(await getAuditLog(actor, { ...query, before: pages.at(-1)!.older! }));
  return pages;
}

/** The organisation's event ids as the log must order them: newest first, ties by id. */
async function expectedOrder(organisationId: string, where: Record<string, unknown> = {}): Promise<string[]> {
  const db = await getDb();
  const rows = await db.auditEvent.findMany({ where: { organisationId, ...where }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } });
  return rows.map((r) => r.id);
}

let orgId: string;
let ada: Actor;
let bea: Actor;
let manager: Actor;
let clinician: Actor;
let otherAdmin: Actor;
let otherOrgEventId: string;

beforeAll(async () => {
  const org = await createOrganisation('Northside');
  const other = await createOrganisation('Elsewhere');
  orgId = org.id;
  ada = await createPerson({ organisationId: org.id, roles: ['admin'], name: 'Ada Admin', email: 'ada@northside.test' });
  bea = await createPerson({ organisationId: org.id, roles: ['admin', 'manager'], name: 'Bea Both', email: 'bea@northside.test' });
  manager = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'] });
  clinician = await createPerson({ organisationId: org.id, roles: ['clinician'] });
  otherAdmin = await createPerson({ organisationId: other.id, roles: ['admin'], name: 'Olga Other' });
  await seedLog(org.id, [ada, bea], 120);
  // Another organisation's events, interleaved in time with these.
  await seedLog(other.id, [otherAdmin], 30, T0 + 3);
  otherOrgEventId = (await expectedOrder(other.id))[0]!;
});

describe('the audit log a page at a time', () => {
  it(`pages 120 events ${AUDIT_PAGE_SIZE} at a time, newest first: no event on two pages, none missing`, async () => {
    expect(AUDIT_PAGE_SIZE).toBe(50);
    const pages = await walkOlder(ada);
    expect(pages.map((p) => p.entries.length)).toEqual([50, 50, 20]);
    const ids = pages.flatMap((p) => p.entries.map((e) => e.id));
    expect(new Set(ids).size).toBe(120);
    expect(ids).toEqual(await expectedOrder(orgId));
    const times = pages.flatMap((p) => p.entries.map((e) => e.at.getTime()));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(pages[0]!.newer).toBeNull();
    expect(pages[2]!.older).toBeNull();

    // Back from the last page, following `newer`, gives the same pages.
    const back = await getAuditLog(ada, { after: pages[2]!.newer! });
    expect(back.entries.map((e) => e.id)).toEqual(pages[1]!.entries.map((e) => e.id));
    const first = await getAuditLog(ada, { after: back.newer! });
    expect(first.entries.map((e) => e.id)).toEqual(pages[0]!.entries.map((e) => e.id));
    expect(first.newer).toBeNull();
    // listAuditEvents gives a page's entries.
    expect((await listAuditEvents(ada, { before: pages[0]!.older! })).map((e) => e.id)).toEqual(pages[1]!.entries.map((e) => e.id));
  });

  it('events recorded while someone reads the log shift no page', async () => {
    const org = await createOrganisation();
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    await seedLog(org.id, [admin], 60);
    const first = await getAuditLog(admin);
    const db = await getDb();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await recordAuditEvent(tx, { organisationId: org.id, actorId: admin.userId, action: 'team.created', targetType: 'team', targetLabel: `New ${i}` });
    });
    const second = await getAuditLog(admin, { before: first.older! });
    expect(second.entries).toHaveLength(10);
    expect(second.entries.some((e) => first.entries.some((f) => f.id === e.id))).toBe(false);
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual((await expectedOrder(org.id)).slice(5));
    // …and the newest page now begins with them.
    // (One transaction gives them one timestamp, so among themselves they are ordered by id.)
    expect((await getAuditLog(admin)).entries.slice(0, 5).map((e) => e.target).sort()).toEqual(['New 0', 'New 1', 'New 2', 'New 3', 'New 4']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['nothing', {}],
    ['a cursor that is no id', { before: 'not-an-id', after: '1' }],
    ['an unknown kind and a repeated person', { kind: 'secrets', who: ['a', 'b'] }],
    ['an id that names no event', { before: '00000000-0000-4000-8000-000000000000' }],
    ['both cursors', { before: 'x', after: 'y' }],
  ])('reads %s as the first page', async (_label, raw) => {
    const firstIds = (await expectedOrder(orgId)).slice(0, 50);
    const query = ZAuditLogQuery.parse(raw);
    const page = await getAuditLog(ada, query);
    expect(page.entries.map((e) => e.id)).toEqual(firstIds);
    expect(page.filter).toEqual({ kind: undefined, who: undefined });
  });

  it('reads a cursor from another organisation, or one with nothing beyond it, as the first page', async () => {
    const ids = await expectedOrder(orgId);
    for (const query of [{ before: otherOrgEventId }, { after: otherOrgEventId }, { before: ids.at(-1)! }, { after: ids[0]! }]) {
      expect((await getAuditLog(ada, query)).entries.map((e) => e.id)).toEqual(ids.slice(0, 50));
    }
    const both = ZAuditLogQuery.parse({ before: ids[10], after: ids[20] });
    expect(both).toEqual({ kind: undefined, who: undefined, before: undefined, after: undefined });
  });

  it('names the organisation’s time zone', async () => {
    const db = await getDb();
    const org = await createOrganisation();
    await db.organisation.update({ where: { id: org.id }, data: { timeZone: 'America/New_York' } });
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    expect((await getAuditLog(admin)).timeZone).toBe('America/New_York');
    expect((await getAuditLog(ada)).timeZone).toBe('Europe/London');
  });
});

describe('filtering the log', () => {
  it('by a kind of event: a group of actions, or one action, on every page', async () => {
    const initiatives = (await walkOlder(ada, { kind: 'initiatives' })).flatMap((p) => p.entries);
    expect(initiatives.map((e) => e.id)).toEqual(await expectedOrder(orgId, { action: { in: ['initiative.created', 'initiative.updated', 'initiative.deleted'] } }));
    expect(initiatives).toHaveLength(40);
    expect(new Set(initiatives.map((e) => e.action))).toEqual(new Set(['initiative.created', 'initiative.deleted']));

    const deleted = (await walkOlder(ada, { kind: 'initiative.deleted' })).flatMap((p) => p.entries);
    expect(deleted).toHaveLength(20);
    expect(deleted.every((e) => e.action === 'initiative.deleted')).toBe(true);
    expect((await getAuditLog(ada, { kind: 'settings' })).entries).toEqual([]);
  });

  it('by who acted: only that person’s events, never an anonymous one', async () => {
    const page = await getAuditLog(ada);
    expect(page.people).toEqual([
      { id: ada.userId, label: 'Ada Admin (ada@northside.test)' },
      { id: bea.userId, label: 'Bea Both (bea@northside.test)' },
    ]);
    const beas = (await walkOlder(ada, { who: bea.userId })).flatMap((p) => p.entries);
    expect(beas.map((e) => e.id)).toEqual(await expectedOrder(orgId, { actorId: bea.userId }));
    expect(beas.length).toBeGreaterThan(0);
    expect(beas.every((e) => e.actor === 'Bea Both (bea@northside.test)')).toBe(true);
    const both = await getAuditLog(ada, { who: bea.userId, kind: 'initiatives' });
    expect(both.filter).toEqual({ who: bea.userId, kind: 'initiatives' });
    expect(both.entries.length).toBeGreaterThan(0);
    expect(both.entries.every((e) => e.actor.startsWith('Bea') && e.action.startsWith('initiative.'))).toBe(true);
  });

  it('anonymous events can be shown by kind but are never attributed, even to someone a stray row names', async () => {
    const anonymous = (await walkOlder(ada, { kind: 'member.deleted_own_data' })).flatMap((p) => p.entries);
    expect(anonymous).toHaveLength(20);
    expect(anonymous.every((e) => e.actor === 'A member' && e.target === '' && e.details === null)).toBe(true);
    for (const who of [ada.userId, bea.userId]) {
      expect((await getAuditLog(ada, { who, kind: 'member.deleted_own_data' })).entries).toEqual([]);
    }

    // A row that names the person (recordAuditEvent refuses to write one) still attributes nothing.
    const org = await createOrganisation();
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    const member = await createPerson({ organisationId: org.id, roles: ['clinician'] });
    const db = await getDb();
    await db.auditEvent.createMany({
      data: [
        { organisationId: org.id, actorId: member.userId, action: 'member.deleted_own_data', targetType: 'organisation' },
        { organisationId: org.id, actorId: admin.userId, action: 'member.deleted_own_data', targetType: 'organisation' },
        { organisationId: org.id, actorId: admin.userId, action: 'team.created', targetType: 'team', targetLabel: 'Outreach' },
      ],
    });
    const log = await getAuditLog(admin);
    expect(log.people.map((p) => p.id)).toEqual([admin.userId]);
    expect(log.entries.filter((e) => e.action === 'member.deleted_own_data').map((e) => e.actor)).toEqual(['A member', 'A member']);
    expect((await getAuditLog(admin, { who: admin.userId })).entries.map((e) => e.action)).toEqual(['team.created']);
    // Someone the log does not name is no filter at all.
    const unknown = await getAuditLog(admin, { who: member.userId });
    expect(unknown.filter.who).toBeUndefined();
    expect(unknown.entries).toHaveLength(3);
  });
});

describe('only admins of the organisation read its log', () => {
  it.each<[string, () => Actor]>([
    ['a manager', () => manager],
    ['a clinician', () => clinician],
  ])('%s is refused', async (_label, who) => {
    await expect(getAuditLog(who())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditEvents(who(), { kind: 'initiatives' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('an admin of another organisation sees only their own, whatever they ask for', async () => {
    const ours = new Set(await expectedOrder(orgId));
    const theirs = await expectedOrder(otherAdmin.organisation!.id);
    const cursor = [...ours][60]!;
    for (const query of [{}, { before: cursor }, { after: cursor }, { who: ada.userId }]) {
      const page = await getAuditLog(otherAdmin, query);
      expect(page.entries.map((e) => e.id)).toEqual(theirs);
      expect(page.people.map((p) => p.label)).toEqual([expect.stringContaining('Olga Other')]);
    }
  });
});
