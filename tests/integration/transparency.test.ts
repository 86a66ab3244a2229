import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { drainOutbox } from '../../lib/mail/outbox';
import type { Actor } from '../../lib/services/actor';
import { acceptInvite, createInvite } from '../../lib/services/invites';
import { setMemberRemoved, updateMember } from '../../lib/services/members';
import { getOrganisationSettings, updateOrganisationSettings } from '../../lib/services/organisation-settings';
import { getTransparency } from '../../lib/services/transparency';
import { createOrganisation, createPerson, createTeam } from '../fixtures/factories';
import { bodyOf, startSmtpSink } from '../fixtures/smtp-sink';

// PRODUCT.md privacy rule 13: the people measured see what their check-ins count for, and are told of changes.

const BASE = 'https://tend.example.test';
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  process.env.APP_URL = BASE;
  // A real SMTP server: notices go out through nodemailer, as in production.
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.EMAIL_FROM = 'Tend <tend@example.test>';
});
afterAll(async () => {
  delete process.env.APP_URL;
  delete process.env.SMTP_URL;
  delete process.env.EMAIL_FROM;
  await sink.close();
});

const mailTo = async (to: string) =>
  (await getDb()).outboxMessage.findMany({ where: { toAddress: to }, orderBy: { createdAt: 'asc' }, select: { subject: true, text: true } });

async function people(organisationId: string, n: number, teams: { id: string }[], roles: Actor['roles'] = ['clinician']): Promise<Actor[]> {
  const made: Actor[] = [];
  for (let i = 0; i < n; i++) made.push(await createPerson({ organisationId, teams, roles }));
  return made;
}

describe('the account page’s “who sees summaries of your check-ins”', () => {
  it('lists the person’s own teams with their active clinicians, from when they count, and the rule in force', async () => {
    const org = await createOrganisation('Harbour Health');
    const outreach = await createTeam(org.id, 'Outreach');
    const night = await createTeam(org.id, 'Night');
    const archived = await createTeam(org.id, 'Old team');
    const me = await createPerson({ organisationId: org.id, teams: [outreach, night, archived] });
    await people(org.id, 7, [outreach]);
    await people(org.id, 1, [outreach], ['manager']); // does not check in: not counted
    const [leaver] = await people(org.id, 1, [outreach]);
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    await setMemberRemoved(admin, leaver!.userId, true);

    const db = await getDb();
    await db.team.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    // Joined Night on 10 April (London): they count for it from May, the first period that began after.
    await db.teamMembership.update({ where: { teamId_userId: { teamId: night.id, userId: me.userId } }, data: { createdAt: new Date('2026-04-10T09:00:00Z') } });
    // Another organisation's team, even one the person is somehow in, is not theirs to count for here.
    const elsewhere = await createOrganisation('Elsewhere Trust');
    const foreign = await createTeam(elsewhere.id, 'Foreign');
    await db.teamMembership.create({ data: { teamId: foreign.id, userId: me.userId } });

    const now = new Date('2026-04-20T12:00:00Z');
    expect(await getTransparency(me, now)).toEqual({
      organisation: 'Harbour Health',
      teams: [
        { name: 'Night', members: 1, countsFrom: new Date('2026-04-30T23:00:00Z'), reportedWithin: null },
        { name: 'Outreach', members: 8, countsFrom: new Date('2020-01-01T00:00:00Z'), reportedWithin: null },
      ],
      inForce: { anonymityThreshold: 5, reportingPeriod: 'month', timeZone: 'Europe/London' },
      pending: null,
      history: [{ anonymityThreshold: 5, reportingPeriod: 'month', timeZone: 'Europe/London', effectiveFrom: null }],
    });
  });

  it('shows a scheduled change and the history of the rule', async () => {
    const org = await createOrganisation();
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    const me = await createPerson({ organisationId: org.id });
    const settings = await getOrganisationSettings(admin);
    await updateOrganisationSettings(admin, { ...settings, anonymityThreshold: 6 }, new Date('2026-05-10T12:00:00Z'));
    await updateOrganisationSettings(admin, { ...settings, anonymityThreshold: 4 }, new Date('2026-12-10T12:00:00Z'));

    const seen = await getTransparency(me, new Date('2026-12-20T12:00:00Z'));
    expect(seen?.inForce.anonymityThreshold).toBe(6);
    expect(seen?.pending).toEqual({ anonymityThreshold: 4, reportingPeriod: 'month', timeZone: 'Europe/London', effectiveFrom: new Date('2027-01-01T00:00:00Z') });
    expect(seen?.history.map((h) => [h.effectiveFrom, h.anonymityThreshold])).toEqual([
      [null, 5],
      [new Date('2026-05-31T23:00:00Z'), 6],
    ]);
  });

  it('only ever reads the actor’s own: someone else’s call shows their teams, never another person’s', async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const secret = await createTeam(org.id, 'Secret Ward');
    const owner = await createPerson({ organisationId: org.id, teams: [secret] });
    const colleague = await createPerson({ organisationId: org.id });
    const manager = await createPerson({ organisationId: org.id, roles: ['manager'] });
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    const stranger = await createPerson({ organisationId: other.id, roles: ['admin'] });
    expect((await getTransparency(owner))?.teams.map((t) => t.name)).toEqual(['Secret Ward']);
    for (const someone of [colleague, manager, admin, stranger]) {
      const seen = await getTransparency(someone);
      expect(seen?.teams).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain('Secret Ward');
    }
    // A removed member is no longer counted anywhere, and is shown nothing.
    await setMemberRemoved(admin, owner.userId, true);
    expect(await getTransparency({ ...owner })).toBeNull();
  });
});

describe('being told when added to a team', () => {
  it('an admin adding someone to a team writes exactly one email to them; an unchanged team set writes none', async () => {
    const org = await createOrganisation('Harbour Health');
    const outreach = await createTeam(org.id, 'Outreach');
    const night = await createTeam(org.id, 'Night');
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'], name: 'Ada Admin' });
    const colleagues = await people(org.id, 3, [night]);
    const me = await createPerson({ organisationId: org.id, teams: [outreach], email: 'sam@example.test' });
    const now = new Date('2026-04-20T12:00:00Z');

    await updateMember(admin, { userId: me.userId, roles: ['clinician'], teamIds: [outreach.id, night.id], managerTeamIds: [] }, now);
    const mail = await mailTo('sam@example.test');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("You've been added to Night in Tend");
    expect(mail[0]!.text).toContain('Night has 4 people whose check-ins count for it.');
    expect(mail[0]!.text).toContain('from the next reporting period, which starts on 1 May 2026');
    expect(mail[0]!.text).toContain('groups of at least 5 people');
    expect(mail[0]!.text).toContain(`${BASE}/account`);
    for (const name of [admin.name, ...colleagues.map((c) => c.name)]) expect(mail[0]!.text).not.toContain(name);
    expect(mail[0]!.text).not.toMatch(/score\b.*\d|burnout/i);
    for (const c of colleagues) expect(await mailTo(c.email)).toHaveLength(0);
    // Delivered through the SMTP server, to that person alone (within the notice's week).
    expect(await drainOutbox(() => now)).toMatchObject({ failed: 0 });
    const delivered = sink.messages.filter((m) => m.to.includes('sam@example.test'));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.raw).toContain("Subject: You've been added to Night in Tend");
    expect(bodyOf(delivered[0]!.raw)).toContain('Night has 4 people whose check-ins count for it.');
    for (const c of colleagues) expect(sink.messages.some((m) => m.to.includes(c.email.toLowerCase()))).toBe(false);

    // The same teams again, a manager flag changed, a team taken away: nothing new to be told.
    await updateMember(admin, { userId: me.userId, roles: ['clinician'], teamIds: [outreach.id, night.id], managerTeamIds: [] }, now);
    await updateMember(admin, { userId: me.userId, roles: ['clinician', 'manager'], teamIds: [outreach.id, night.id], managerTeamIds: [night.id] }, now);
    await updateMember(admin, { userId: me.userId, roles: ['clinician'], teamIds: [night.id], managerTeamIds: [] }, now);
    expect(await mailTo('sam@example.test')).toHaveLength(0);
  });

  it('accepting an invite to a team writes one email about that team; an invite without one writes none', async () => {
    const org = await createOrganisation('Harbour Health');
    await createTeam(org.id, 'Outreach');
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    const tokenFor = async (email: string) => {
      const [invite] = await mailTo(email);
      return invite!.text.match(/\/invites\/([A-Za-z0-9_-]+)/)![1]!;
    };

    await createInvite(admin, { email: 'lee@example.test', name: 'Lee Park', roles: ['clinician'], team: 'Outreach' });
    await acceptInvite(await tokenFor('lee@example.test'), null);
    const lee = await mailTo('lee@example.test');
    expect(lee.map((m) => m.subject)).toEqual(['You’re invited to Tend at Harbour Health', "You've been added to Outreach in Tend"]);
    expect(lee[1]!.text).toContain('Outreach has 1 person whose check-ins count for it.');

    await createInvite(admin, { email: 'kim@example.test', name: 'Kim Ode', roles: ['clinician'] });
    await acceptInvite(await tokenFor('kim@example.test'), null);
    expect((await mailTo('kim@example.test')).map((m) => m.subject)).toEqual(['You’re invited to Tend at Harbour Health']);
  });
});

describe('being told when the threshold is lowered', () => {
  it('lowering it writes one email to every active member (all roles) before it takes effect; raising it writes none', async () => {
    const org = await createOrganisation('Harbour Health');
    const team = await createTeam(org.id);
    const admin = await createPerson({ organisationId: org.id, roles: ['admin'] });
    const members = [admin, ...(await people(org.id, 3, [team])), ...(await people(org.id, 1, [team], ['manager']))];
    const [removed] = await people(org.id, 1, [team]);
    await setMemberRemoved(admin, removed!.userId, true);
    const elsewhere = await createPerson({ organisationId: (await createOrganisation()).id });
    const settings = await getOrganisationSettings(admin);

    await updateOrganisationSettings(admin, { ...settings, anonymityThreshold: 7 }, new Date('2026-12-01T12:00:00Z'));
    for (const m of [...members, removed!, elsewhere]) expect(await mailTo(m.email)).toHaveLength(0);

    // Back to 5 within the same period cancels the pending raise: nothing is lowered from the rule in force.
    await updateOrganisationSettings(admin, { ...settings, anonymityThreshold: 5 }, new Date('2026-12-02T12:00:00Z'));
    for (const m of members) expect(await mailTo(m.email)).toHaveLength(0);

    await updateOrganisationSettings(admin, { ...settings, anonymityThreshold: 4 }, new Date('2026-12-10T12:00:00Z'));
    for (const m of members) {
      const mail = await mailTo(m.email);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe('The privacy threshold in Harbour Health will change on 1 January 2027');
      expect(mail[0]!.text).toContain('From 1 January 2027, summaries of check-ins at Harbour Health can be shown for groups of 4 people who responded instead of 5.');
      expect(mail[0]!.text).toContain(`${BASE}/account`);
    }
    for (const m of [removed!, elsewhere]) expect(await mailTo(m.email)).toHaveLength(0);
  });
});
