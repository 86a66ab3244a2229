import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { authenticateWithPassword, getActor } from '../../lib/services/accounts';
import { ForbiddenError, UserInputError, type Actor } from '../../lib/services/actor';
import { listAuditEvents } from '../../lib/services/audit';
import { acceptInvite, createInvite, createInvitesFromCsv, getInviteForAcceptance, listPendingInvites, revokeInvite } from '../../lib/services/invites';
import { drainOutbox } from '../../lib/mail/outbox';
import { createOrganisation, createPerson, createTeam, TEST_PASSWORD } from '../fixtures/factories';
import { bodyOf, firstLink, startSmtpSink } from '../fixtures/smtp-sink';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let admin: Actor;
let orgId: string;
const BASE = 'https://tend.example.test';
const tokenFrom = async (to: string, now?: Date) => {
  await drainOutbox(now && (() => now));
  const message = [...sink.messages].reverse().find((m) => m.to.includes(to));
  const link = message && firstLink(message.raw, /https:\/\/tend\.example\.test\/invites\/[A-Za-z0-9_-]+/);
  if (!link) throw new Error(`no invite mail to ${to}`);
  return link.split('/').pop()!;
};

beforeAll(async () => {
  // A real SMTP server: the service sends through nodemailer as in production.
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = BASE;
  process.env.EMAIL_FROM = 'Tend <tend@example.test>';
  const org = await createOrganisation('Harbour Health');
  orgId = org.id;
  await createTeam(org.id, 'Outreach');
  admin = await createPerson({ organisationId: org.id, roles: ['admin'], name: 'Ada Admin' });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe('invites', () => {
  it('sends a single-use, expiring link; accepting creates the account, membership and team', async () => {
    await createInvite(admin, { email: 'lee@example.test', name: 'Lee Park', roles: ['clinician', 'manager'], team: 'outreach' });
    expect(sink.messages).toHaveLength(0); // queued with the invite, sent after the response
    expect(await drainOutbox()).toEqual({ sent: 1, failed: 0 });
    const mail = sink.messages.at(-1)!;
    expect(mail.to).toEqual(['lee@example.test']);
    expect(bodyOf(mail.raw)).toContain('Ada Admin has invited you to Tend at Harbour Health');
    const token = await tokenFrom('lee@example.test');
    expect(await getInviteForAcceptance(token)).toEqual({ status: 'open', email: 'lee@example.test', name: 'Lee Park', organisation: 'Harbour Health', hasAccount: false });

    // The database holds only a hash of the token.
    const db = await getDb();
    const stored = await db.invite.findFirstOrThrow({ where: { email: 'lee@example.test' }, select: { tokenHash: true } });
    expect(stored.tokenHash).not.toContain(token);

    await expect(acceptInvite(token, 'short')).rejects.toMatchObject({ field: 'password', message: 'Use at least 12 characters.' });
    await expect(acceptInvite(token, 'password1234')).rejects.toMatchObject({ field: 'password' });
    expect((await getInviteForAcceptance(token)).status).toBe('open');

    expect(await acceptInvite(token, 'lantern-orchard-velvet')).toEqual({ email: 'lee@example.test' });
    const user = await authenticateWithPassword('lee@example.test', 'lantern-orchard-velvet');
    const actor = (await getActor(user!.id, 0))!;
    expect(actor).toMatchObject({ name: 'Lee Park', roles: ['clinician', 'manager'], organisation: { name: 'Harbour Health' }, privacyAcknowledged: false });
    expect(await db.teamMembership.count({ where: { userId: user!.id, team: { name: 'Outreach' } } })).toBe(1);

    await expect(acceptInvite(token, 'lantern-orchard-velvet')).rejects.toBeInstanceOf(UserInputError);
    expect((await getInviteForAcceptance(token)).status).toBe('used');
    expect((await listAuditEvents(admin)).slice(0, 2).map((e) => [e.action, e.target])).toEqual([
      ['invite.accepted', 'lee@example.test'],
      ['invite.created', 'lee@example.test'],
    ]);
  });

  it('can be accepted without a password: the account then signs in by email link only', async () => {
    await createInvite(admin, { email: 'linkonly@example.test', name: 'Link Only', roles: ['clinician'] });
    expect(await acceptInvite(await tokenFrom('linkonly@example.test'), null)).toEqual({ email: 'linkonly@example.test' });
    const db = await getDb();
    expect(await db.user.findUniqueOrThrow({ where: { email: 'linkonly@example.test' }, select: { passwordHash: true } })).toEqual({ passwordHash: null });
    expect(await authenticateWithPassword('linkonly@example.test', '')).toBeNull();
  });

  it('accepting an invitation never sets or replaces the password of an existing account', async () => {
    const existing = await createPerson({ organisationId: (await createOrganisation()).id, email: 'existing@example.test' });
    await createInvite(admin, { email: 'existing@example.test', name: 'Existing', roles: ['clinician'] });
    const token = await tokenFrom('existing@example.test');
    expect(await getInviteForAcceptance(token)).toMatchObject({ status: 'open', hasAccount: true });
    await expect(acceptInvite(token, 'attacker-chosen-words')).rejects.toBeInstanceOf(UserInputError);
    expect(await authenticateWithPassword('existing@example.test', 'attacker-chosen-words')).toBeNull();
    expect(await authenticateWithPassword('existing@example.test', TEST_PASSWORD)).not.toBeNull();
    // Joining without a password works and leaves sign-in as it was.
    expect(await acceptInvite(token, null)).toEqual({ email: 'existing@example.test' });
    expect(await authenticateWithPassword('existing@example.test', TEST_PASSWORD)).not.toBeNull();
    expect(await getActor(existing.userId, 0)).not.toBeNull(); // its sessions go on
  });

  it('an existing account without a password is not offered one through an invitation either', async () => {
    await createPerson({ organisationId: (await createOrganisation()).id, email: 'nopass@example.test' });
    const db = await getDb();
    await db.user.update({ where: { email: 'nopass@example.test' }, data: { passwordHash: null } });
    await createInvite(admin, { email: 'nopass@example.test', name: 'No Pass', roles: ['clinician'] });
    const token = await tokenFrom('nopass@example.test');
    expect(await getInviteForAcceptance(token)).toMatchObject({ hasAccount: true });
    await expect(acceptInvite(token, 'attacker-chosen-words')).rejects.toBeInstanceOf(UserInputError);
    expect(await db.user.findUniqueOrThrow({ where: { email: 'nopass@example.test' }, select: { passwordHash: true } })).toEqual({ passwordHash: null });
  });

  it('two acceptances at the same moment: exactly one succeeds', async () => {
    await createInvite(admin, { email: 'twice@example.test', name: 'Twice', roles: ['clinician'] });
    const token = await tokenFrom('twice@example.test');
    const outcomes = await Promise.allSettled([acceptInvite(token, 'amber-walrus-tundra'), acceptInvite(token, 'amber-walrus-tundra')]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });

  it('an expired or withdrawn link does not work; a new invite replaces the pending one', async () => {
    const past = new Date(Date.now() - 8 * 86_400_000);
    await createInvite(admin, { email: 'late@example.test', name: 'Late', roles: ['clinician'] }, past);
    const expired = await tokenFrom('late@example.test', past);
    expect((await getInviteForAcceptance(expired)).status).toBe('expired');
    await expect(acceptInvite(expired, 'amber-walrus-tundra')).rejects.toBeInstanceOf(UserInputError);

    await createInvite(admin, { email: 'late@example.test', name: 'Late', roles: ['clinician'] });
    const fresh = await tokenFrom('late@example.test');
    expect((await getInviteForAcceptance(expired)).status).toBe('unknown');
    const pending = (await listPendingInvites(admin)).filter((i) => i.email === 'late@example.test');
    expect(pending).toHaveLength(1);
    await revokeInvite(admin, pending[0]!.id);
    expect((await getInviteForAcceptance(fresh)).status).toBe('unknown');
  });

  it('refuses to invite an existing member or into a team that does not exist', async () => {
    const member = await createPerson({ organisationId: orgId, email: 'member@example.test' });
    await expect(createInvite(admin, { email: member.email, name: 'X', roles: ['clinician'] })).rejects.toMatchObject({ field: 'email' });
    await expect(createInvite(admin, { email: 'new@example.test', name: 'X', roles: ['clinician'], team: 'Night' })).rejects.toMatchObject({
      field: 'team',
      message: 'There is no team called “Night”.',
    });
  });

  it('a CSV reports each bad row by line and reason, and invites every valid row', async () => {
    const csv = [
      'email,name,role,team',
      'ana@example.test,Ana Silva,clinician,Outreach',
      'bad-address,Bo Chen,clinician,Outreach',
      'cy@example.test,Cy Dubois,"clinician;manager",',
      'member@example.test,Already Here,clinician,',
      'di@example.test,Di Evans,boss,Outreach',
    ].join('\n');
    const before = sink.messages.length;
    const { invited, errors } = await createInvitesFromCsv(admin, csv);
    await drainOutbox();
    expect(invited).toEqual(['ana@example.test', 'cy@example.test']);
    expect(errors.map((e) => e.line)).toEqual([3, 5, 6]);
    expect(errors[1]!.message).toBe('Line 5: member@example.test is already a member of this organisation.');
    expect(sink.messages.slice(before).map((m) => m.to[0])).toEqual(['ana@example.test', 'cy@example.test']);
  });

  it('only admins invite, list or withdraw', async () => {
    const clinician = await createPerson({ organisationId: orgId });
    await expect(createInvite(clinician, { email: 'z@example.test', name: 'Z', roles: ['admin'] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createInvitesFromCsv(clinician, 'email,name,role,team\n')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listPendingInvites(clinician)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
