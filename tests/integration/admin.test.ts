import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { ForbiddenError, NotFoundError, UserInputError, type Actor } from '../../lib/services/actor';
import { listAuditEvents } from '../../lib/services/audit';
import { getMember, listMembers, setMemberRemoved, updateMember } from '../../lib/services/members';
import { addSupportContact, getOrganisationSettings, listSupportContacts, removeSupportContact, updateOrganisationSettings } from '../../lib/services/organisation-settings';
import { createTeam, listTeams, renameTeam, setTeamArchived } from '../../lib/services/teams';
import { getActor } from '../../lib/services/accounts';
import { saveCheckInAnswers, startOrResumeCheckIn, submitCheckIn } from '../../lib/services/check-ins';
import { createOrganisation, createPerson, createTeam as makeTeam, sampleAnswers } from '../fixtures/factories';

let admin: Actor;
let clinician: Actor;
let manager: Actor;
let otherAdmin: Actor;
let teamId: string;

beforeAll(async () => {
  const org = await createOrganisation('Northside');
  const other = await createOrganisation('Elsewhere');
  teamId = (await makeTeam(org.id, 'Day Unit')).id;
  admin = await createPerson({ organisationId: org.id, roles: ['admin'], name: 'Ada Admin', email: 'ada@example.test' });
  clinician = await createPerson({ organisationId: org.id, roles: ['clinician'], teams: [{ id: teamId }], name: 'Cal Clinician', email: 'cal@example.test' });
  manager = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: teamId, manager: true }] });
  otherAdmin = await createPerson({ organisationId: other.id, roles: ['admin'] });
  // Cal has a submitted check-in: nothing below may reveal it.
  const { id } = await startOrResumeCheckIn(clinician);
  await saveCheckInAnswers(clinician, id, sampleAnswers().map((value, i) => ({ itemNumber: i + 1, value })));
  await submitCheckIn(clinician, id);
});

const settings = { name: 'Northside', checkInCadenceDays: 28, reportingPeriod: 'quarter' as const, timeZone: 'America/New_York', anonymityThreshold: 6, wordingPreset: 'nurse' };

describe('only admins of the organisation administer it', () => {
  const operations: [string, (a: Actor) => Promise<unknown>][] = [
    ['read settings', (a) => getOrganisationSettings(a)],
    ['update settings', (a) => updateOrganisationSettings(a, settings)],
    ['add a support contact', (a) => addSupportContact(a, { name: 'EAP', description: '', phone: '0800 123', url: '' })],
    ['list teams', (a) => listTeams(a)],
    ['create a team', (a) => createTeam(a, `Team ${Math.random()}`)],
    ['list members', (a) => listMembers(a)],
    ['read the audit log', (a) => listAuditEvents(a)],
  ];
  it.each(operations)('a clinician cannot %s', async (_label, run) => {
    await expect(run(clinician)).rejects.toBeInstanceOf(ForbiddenError);
  });
  it.each(operations)('a manager cannot %s', async (_label, run) => {
    await expect(run(manager)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('an admin of another organisation reaches none of this one’s teams or members', async () => {
    await expect(renameTeam(otherAdmin, teamId, 'Taken over')).rejects.toBeInstanceOf(NotFoundError);
    await expect(setTeamArchived(otherAdmin, teamId, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMember(otherAdmin, clinician.userId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateMember(otherAdmin, { userId: clinician.userId, roles: ['admin'], teamIds: [], managerTeamIds: [] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setMemberRemoved(otherAdmin, clinician.userId, true)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMembers(otherAdmin)).map((m) => m.email)).not.toContain('cal@example.test');
    const db = await getDb();
    expect((await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } })).name).toBe('Day Unit');
  });
});

describe('admin operations', () => {
  it('settings: saves, records old and new values, and refuses a threshold below 3 or an unknown time zone', async () => {
    expect(await getOrganisationSettings(admin)).toMatchObject({ timeZone: 'Europe/London' });
    expect(await updateOrganisationSettings(admin, settings)).toEqual(['checkInCadenceDays', 'reportingPeriod', 'timeZone', 'anonymityThreshold', 'wordingPreset']);
    expect(await getOrganisationSettings(admin)).toEqual(settings);
    expect(await updateOrganisationSettings(admin, settings)).toEqual([]);
    await expect(updateOrganisationSettings(admin, { ...settings, anonymityThreshold: 2 })).rejects.toThrow();
    await expect(updateOrganisationSettings(admin, { ...settings, timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
      constructor: UserInputError,
      field: 'timeZone',
      message: 'Choose a time zone from the list, for example Europe/London.',
    });
    expect(await getOrganisationSettings(admin)).toMatchObject({ timeZone: 'America/New_York' });
    const [event] = await listAuditEvents(admin);
    expect(event).toMatchObject({
      action: 'settings.updated',
      actor: 'Ada Admin (ada@example.test)',
      details: { anonymityThreshold: { from: 5, to: 6 }, timeZone: { from: 'Europe/London', to: 'America/New_York' } },
    });
  });

  it('support contacts: added and removed by admins, read by every member', async () => {
    await addSupportContact(admin, { name: 'Staff wellbeing line', description: '24 hours', phone: '0800 000 111', url: '' });
    const [contact] = (await listSupportContacts(clinician)).filter((c) => c.name === 'Staff wellbeing line');
    expect(contact).toMatchObject({ phone: '0800 000 111', url: null, description: '24 hours' });
    await expect(removeSupportContact(clinician, contact!.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeSupportContact(otherAdmin, contact!.id)).rejects.toBeInstanceOf(NotFoundError);
    await removeSupportContact(admin, contact!.id);
    expect((await listSupportContacts(clinician)).map((c) => c.name)).not.toContain('Staff wellbeing line');
  });

  it('teams: create, rename, archive, restore; a duplicate name is refused next to the field', async () => {
    const { id } = await createTeam(admin, 'Night Team');
    await expect(createTeam(admin, 'Night Team')).rejects.toMatchObject({ constructor: UserInputError, field: 'name', message: 'There is already a team called “Night Team”.' });
    await renameTeam(admin, id, 'Night Shift');
    await setTeamArchived(admin, id, true);
    expect((await listTeams(admin)).find((t) => t.id === id)).toMatchObject({ name: 'Night Shift', archived: true, memberCount: 0 });
    await setTeamArchived(admin, id, false);
    const actions = (await listAuditEvents(admin)).slice(0, 4).map((e) => [e.action, e.target]);
    expect(actions).toEqual([
      ['team.restored', 'Night Shift'],
      ['team.archived', 'Night Shift'],
      ['team.renamed', 'Night Shift'],
      ['team.created', 'Night Team'],
    ]);
  });

  it('members: the list shows name, email, roles and teams, and nothing about check-ins', async () => {
    const members = await listMembers(admin);
    const cal = members.find((m) => m.email === 'cal@example.test');
    expect(cal).toEqual({ userId: clinician.userId, name: 'Cal Clinician', email: 'cal@example.test', roles: ['clinician'], removed: false, teams: [{ id: teamId, name: 'Day Unit', isManager: false }] });
    expect(JSON.stringify(members)).not.toMatch(/checkIn|score|burnout|submitted|answer/i);
  });

  it('members: roles and teams change with an audit entry each; the last admin stays an admin', async () => {
    const { id: night } = await createTeam(admin, 'Weekend');
    await updateMember(admin, { userId: clinician.userId, roles: ['clinician', 'manager'], teamIds: [teamId, night], managerTeamIds: [night] });
    expect((await getMember(admin, clinician.userId)).teams.map((t) => [t.name, t.isManager])).toEqual([
      ['Day Unit', false],
      ['Weekend', true],
    ]);
    const [teamsEvent, rolesEvent] = await listAuditEvents(admin);
    expect(teamsEvent).toMatchObject({ action: 'member.teams_changed', target: 'cal@example.test', details: { from: ['Day Unit'], to: ['Day Unit', 'Weekend (manager)'] } });
    expect(rolesEvent).toMatchObject({ action: 'member.roles_changed', details: { from: ['clinician'], to: ['clinician', 'manager'] } });

    await expect(updateMember(admin, { userId: admin.userId, roles: ['clinician'], teamIds: [], managerTeamIds: [] })).rejects.toMatchObject({
      message: 'An organisation needs at least one admin: make someone else an admin first.',
    });
    await expect(setMemberRemoved(admin, admin.userId, true)).rejects.toBeInstanceOf(UserInputError);
  });

  it('a removed member can still sign in and read their own data, but can no longer check in', async () => {
    const person = await createPerson({ organisationId: admin.organisation!.id, name: 'Rae Removed' });
    await setMemberRemoved(admin, person.userId, true);
    const after = (await getActor(person.userId, 0))!;
    expect(after).toMatchObject({ organisation: null, roles: [] });
    await expect(startOrResumeCheckIn(after)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listMembers(admin)).find((m) => m.userId === person.userId)?.removed).toBe(true);
    await setMemberRemoved(admin, person.userId, false);
    expect((await getActor(person.userId, 0))?.organisation).not.toBeNull();
    expect((await listAuditEvents(admin)).slice(0, 2).map((e) => e.action)).toEqual(['member.restored', 'member.removed']);
  });

  it('the audit log never holds answers or scores', async () => {
    const db = await getDb();
    const rows = await db.auditEvent.findMany({ select: { action: true, details: true, targetLabel: true } });
    expect(rows.length).toBeGreaterThan(5);
    expect(JSON.stringify(rows)).not.toMatch(/answer|score|burnout|compassion|traumatic/i);
  });
});
