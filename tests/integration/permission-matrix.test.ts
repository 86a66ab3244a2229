import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { ForbiddenError, NotFoundError, type Actor } from '../../lib/services/actor';
import { listAuditEvents } from '../../lib/services/audit';
import {
  getCheckInForAnswering,
  getCheckInResult,
  getOpenDraft,
  listMyCheckIns,
  saveCheckInAnswers,
  startOrResumeCheckIn,
  submitCheckIn,
} from '../../lib/services/check-ins';
import { createInvite, listPendingInvites, revokeInvite } from '../../lib/services/invites';
import { getMember, listMembers, setMemberRemoved, updateMember } from '../../lib/services/members';
import {
  addSupportContact,
  getOrganisationSettings,
  getSupportInformation,
  listSupportContacts,
  updateCrisisLine,
  updateOrganisationSettings,
} from '../../lib/services/organisation-settings';
import { createTeam, listTeams, renameTeam, setTeamArchived } from '../../lib/services/teams';
import { createOrganisation, createPerson, createTeam as makeTeam, sampleAnswers } from '../fixtures/factories';

/**
 * Every service operation × every kind of signed-in actor → allowed or denied.
 * (Signed-out requests reach one service only, getSupportInformation, which gives
 * what an organisation means for its staff anyway (tests/integration/support.test.ts);
 * every other page and action starts with requireUser(); tests/e2e covers that boundary.) Denied reads of personal data
 * must read as not-found — never a partial result.
 */
type Kind = 'owner' | 'clinician, same team' | 'manager, same team' | 'manager, other team' | 'admin, same org' | 'admin, other org';
const KINDS: Kind[] = ['owner', 'clinician, same team', 'manager, same team', 'manager, other team', 'admin, same org', 'admin, other org'];
type Outcome = 'allowed' | 'forbidden' | 'not-found';

const actors = {} as Record<Kind, Actor>;
let ownerDraftId: string;
let ownerResultId: string;
let teamId: string;
let mailOff: string | undefined;

beforeAll(async () => {
  mailOff = process.env.SMTP_URL;
  delete process.env.SMTP_URL; // invitation mail goes to the log in this file
  const org = await createOrganisation('Matrix Health');
  const other = await createOrganisation('Other Trust');
  teamId = (await makeTeam(org.id, 'Team A')).id;
  const teamB = (await makeTeam(org.id, 'Team B')).id;
  actors.owner = await createPerson({ organisationId: org.id, teams: [{ id: teamId }], email: 'owner@matrix.test' });
  actors['clinician, same team'] = await createPerson({ organisationId: org.id, teams: [{ id: teamId }] });
  actors['manager, same team'] = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: teamId, manager: true }] });
  actors['manager, other team'] = await createPerson({ organisationId: org.id, roles: ['clinician', 'manager'], teams: [{ id: teamB, manager: true }] });
  actors['admin, same org'] = await createPerson({ organisationId: org.id, roles: ['admin'] });
  actors['admin, other org'] = await createPerson({ organisationId: other.id, roles: ['admin'] });

  const submitted = await startOrResumeCheckIn(actors.owner);
  await saveCheckInAnswers(actors.owner, submitted.id, sampleAnswers(4).map((value, i) => ({ itemNumber: i + 1, value })));
  await submitCheckIn(actors.owner, submitted.id);
  ownerResultId = submitted.id;
  ownerDraftId = (await startOrResumeCheckIn(actors.owner)).id;
  await saveCheckInAnswers(actors.owner, ownerDraftId, [{ itemNumber: 1, value: 5 }]);
  return () => {
    if (mailOff) process.env.SMTP_URL = mailOff;
  };
});

const only = (allowed: Kind[], deniedAs: Exclude<Outcome, 'allowed'>) => (kind: Kind): Outcome => (allowed.includes(kind) ? 'allowed' : deniedAs);
const adminsOnly = (kind: Kind): Outcome => (kind === 'admin, same org' ? 'allowed' : kind === 'admin, other org' ? 'not-found' : 'forbidden');
const adminsOnlyOrgWide = (kind: Kind): Outcome => (kind === 'admin, same org' || kind === 'admin, other org' ? 'allowed' : 'forbidden');
const clinicians: Kind[] = ['owner', 'clinician, same team', 'manager, same team', 'manager, other team'];
const unique = () => randomBytes(3).toString('hex');
/** The crisis line last set in each organisation by the operation above, to check who reads which. */
const crisisLineSet = new Map<string, string>();

type Operation = {
  name: string;
  run: (actor: Actor) => Promise<unknown>;
  expected: (kind: Kind) => Outcome;
  /** For allowed reads by someone other than the owner: what they get must hold none of the owner's data. */
  check?: (result: unknown, kind: Kind) => void;
};

const OPERATIONS: Operation[] = [
  // A clinician's own check-ins: the owner only; everyone else gets not-found.
  { name: 'read the owner’s draft', run: (a) => getCheckInForAnswering(a, ownerDraftId), expected: only(['owner'], 'not-found') },
  { name: 'read the owner’s submitted check-in', run: (a) => getCheckInForAnswering(a, ownerResultId), expected: only(['owner'], 'not-found') },
  // Changing a draft takes someone who may check in: the others are refused before any lookup.
  {
    name: 'answer in the owner’s draft',
    run: (a) => saveCheckInAnswers(a, ownerDraftId, [{ itemNumber: 1, value: 5 }]),
    expected: (kind) => (kind === 'owner' ? 'allowed' : clinicians.includes(kind) ? 'not-found' : 'forbidden'),
  },
  { name: 'read the owner’s result', run: (a) => getCheckInResult(a, ownerResultId), expected: only(['owner'], 'not-found') },
  {
    name: 'list check-ins (own only)',
    run: (a) => listMyCheckIns(a),
    expected: () => 'allowed',
    check: (result, kind) => expect((result as { id: string }[]).map((c) => c.id).includes(ownerResultId)).toBe(kind === 'owner'),
  },
  {
    name: 'see an open draft (own only)',
    run: (a) => getOpenDraft(a),
    expected: () => 'allowed',
    check: (result, kind) => expect((result as { id: string } | null)?.id === ownerDraftId).toBe(kind === 'owner'),
  },
  { name: 'start a check-in', run: (a) => startOrResumeCheckIn(a), expected: only(clinicians, 'forbidden') },
  // Organisation administration: admins of this organisation only.
  { name: 'read settings', run: (a) => getOrganisationSettings(a), expected: adminsOnlyOrgWide, check: (r, kind) => expect((r as { name: string }).name).toBe(kind === 'admin, same org' ? 'Matrix Health' : 'Other Trust') },
  { name: 'update settings', run: (a) => updateOrganisationSettings(a, { name: a.organisation!.name, checkInCadenceDays: 30, reportingPeriod: 'month', timeZone: 'Europe/London', anonymityThreshold: 5, wordingPreset: 'helper' }), expected: adminsOnlyOrgWide },
  { name: 'add a support contact', run: (a) => addSupportContact(a, { name: `Line ${unique()}`, description: '', phone: '0800 1', url: '' }), expected: adminsOnlyOrgWide },
  {
    name: 'read support contacts (own organisation’s)',
    run: (a) => listSupportContacts(a),
    expected: () => 'allowed',
  },
  {
    name: 'set the crisis line',
    run: async (a) => {
      const text = `Line ${unique()}`;
      await updateCrisisLine(a, { crisisLineText: text, crisisLinePhone: '116 123', crisisLineCountry: '' });
      crisisLineSet.set(a.organisation!.id, text);
    },
    expected: adminsOnlyOrgWide,
  },
  {
    // Asked for the other organisation's, a member still gets their own organisation's.
    name: 'read support and the crisis line',
    run: (a) => getSupportInformation(a, actors['admin, other org'].organisation!.id),
    expected: () => 'allowed',
    check: (r, kind) => expect((r as { crisisLine: { text: string } | null }).crisisLine?.text).toBe(crisisLineSet.get(actors[kind].organisation!.id)),
  },
  { name: 'list teams', run: (a) => listTeams(a), expected: adminsOnlyOrgWide, check: (r, kind) => expect((r as { id: string }[]).some((t) => t.id === teamId)).toBe(kind === 'admin, same org') },
  { name: 'create a team', run: (a) => createTeam(a, `Team ${unique()}`), expected: adminsOnlyOrgWide },
  { name: 'rename this organisation’s team', run: (a) => renameTeam(a, teamId, 'Team A'), expected: adminsOnly },
  { name: 'archive this organisation’s team', run: (a) => setTeamArchived(a, teamId, false), expected: adminsOnly },
  { name: 'list members', run: (a) => listMembers(a), expected: adminsOnlyOrgWide, check: (r, kind) => expect((r as { email: string }[]).some((m) => m.email === 'owner@matrix.test')).toBe(kind === 'admin, same org') },
  { name: 'read the owner as a member', run: (a) => getMember(a, actors.owner.userId), expected: adminsOnly },
  { name: 'change the owner’s roles and teams', run: (a) => updateMember(a, { userId: actors.owner.userId, roles: ['clinician'], teamIds: [teamId], managerTeamIds: [] }), expected: adminsOnly },
  { name: 'remove the owner', run: (a) => setMemberRemoved(a, actors.owner.userId, false), expected: adminsOnly },
  { name: 'invite someone', run: (a) => createInvite(a, { email: `p${unique()}@matrix.test`, name: 'P', roles: ['clinician'] }), expected: adminsOnlyOrgWide },
  { name: 'list pending invites', run: (a) => listPendingInvites(a), expected: adminsOnlyOrgWide },
  { name: 'read the audit log', run: (a) => listAuditEvents(a), expected: adminsOnlyOrgWide },
];

describe.each(OPERATIONS.map((op) => [op.name, op] as const))('%s', (_name, op) => {
  it.each(KINDS)('by %s', async (kind) => {
    const expected = op.expected(kind);
    const attempt = op.run(actors[kind]);
    if (expected === 'allowed') {
      const result = await attempt;
      op.check?.(result, kind);
      // Nothing an allowed operation returns to anyone but the owner carries the owner's scores.
      if (kind !== 'owner') expect(JSON.stringify(result ?? null)).not.toMatch(/compassionSatisfaction|burnout|secondaryTraumaticStress|"answers"/);
    } else {
      await expect(attempt).rejects.toBeInstanceOf(expected === 'not-found' ? NotFoundError : ForbiddenError);
    }
  });
});

it('revoking another organisation’s invite reads as not found', async () => {
  const db = await getDb();
  await createInvite(actors['admin, same org'], { email: `r${unique()}@matrix.test`, name: 'R', roles: ['clinician'] });
  const invite = await db.invite.findFirstOrThrow({ where: { organisation: { name: 'Matrix Health' }, revokedAt: null, acceptedAt: null }, select: { id: true } });
  await expect(revokeInvite(actors['admin, other org'], invite.id)).rejects.toBeInstanceOf(NotFoundError);
  await expect(revokeInvite(actors['manager, same team'], invite.id)).rejects.toBeInstanceOf(ForbiddenError);
  await revokeInvite(actors['admin, same org'], invite.id);
});

it('the owner’s data is unchanged by everyone else’s attempts', async () => {
  expect(await getCheckInForAnswering(actors.owner, ownerDraftId)).toMatchObject({ status: 'draft', answers: { 1: 5 } });
  expect((await getCheckInResult(actors.owner, ownerResultId)).id).toBe(ownerResultId);
});
