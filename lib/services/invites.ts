import 'server-only';
import { hashPassword } from '../auth/password';
import { checkPassword } from '../auth/password-rules';
import { getDb, Prisma } from '../db';
import { appOrigin } from '../config/server';
import { enqueueMail } from '../mail/outbox';
import { parseInviteCsv, type InviteCsvError, type TInviteInput } from '../validation/invites';
import { recordAuditEvent } from './audit';
import { assertId, NotFoundError, UserInputError, type Actor, type RoleName } from './actor';
import { assertAdmin } from './permissions';
import { hashToken, newToken } from './tokens';
import { enqueueTeamAddedMail } from './transparency';

/**
 * Invitations: an admin invites by email (one at a time or from a CSV); the
 * link is single-use and expires. Only the token's sha256 is stored, so the
 * database alone cannot be used to accept an invite.
 */

export const INVITE_LIFETIME_DAYS = 7;

export type PendingInvite = { id: string; email: string; name: string; roles: RoleName[]; team: string | null; expiresAt: Date; expired: boolean };

async function teamsByName(organisationId: string): Promise<Map<string, { id: string; name: string }>> {
  const db = await getDb();
  const teams = await db.team.findMany({ where: { organisationId, archivedAt: null }, select: { id: true, name: true } });
  return new Map(teams.map((t) => [t.name.toLowerCase(), t]));
}

export type InviteInput = Omit<TInviteInput, 'team'> & { team?: string };

/**
 * Creates one invite and queues its email (in the same transaction: no invite
 * without its email, and the request does not wait for the mail server). The
 * link is built from the configured origin (APP_URL). A pending invite to the
 * same address is replaced (its link stops working).
 * @throws UserInputError when the person is already a member or the team does not exist
 */
export async function createInvite(actor: Actor, input: InviteInput, now: Date = new Date()): Promise<{ id: string }> {
  const { organisationId } = assertAdmin(actor);
  const teams = await teamsByName(organisationId);
  const team = input.team ? teams.get(input.team.toLowerCase()) : undefined;
  if (input.team && !team) throw new UserInputError(`There is no team called “${input.team}”.`, 'team');

  const db = await getDb();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_DAYS * 86_400_000);
  const invite = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { organisationId, removedAt: null, user: { email: input.email } },
      select: { id: true },
    });
    if (member) throw new UserInputError(`${input.email} is already a member of this organisation.`, 'email');
    await tx.invite.updateMany({
      where: { organisationId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.invite.create({
      data: {
        organisationId,
        email: input.email,
        name: input.name,
        roles: input.roles,
        teamId: team?.id ?? null,
        tokenHash: hashToken(token),
        expiresAt,
        invitedById: actor.userId,
      },
      select: { id: true, organisation: { select: { name: true } } },
    });
    await recordAuditEvent(tx, {
      organisationId,
      actorId: actor.userId,
      action: 'invite.created',
      targetType: 'invite',
      targetId: created.id,
      targetLabel: input.email,
      details: { roles: input.roles, team: team?.name ?? null },
    });
    await enqueueMail(
      {
        to: input.email,
        subject: `You’re invited to Tend at ${created.organisation.name}`,
        text: [
          `Hello ${input.name},`,
          '',
          `${actor.name} has invited you to Tend at ${created.organisation.name}. Tend is a private space for regular check-ins on how your work is affecting you (the ProQOL 5). Only you can see your answers and results.`,
          '',
          `To set up your account, open this link within ${INVITE_LIFETIME_DAYS} days:`,
          `${appOrigin()}/invites/${token}`,
          '',
          'If you were not expecting this, you can ignore this email.',
        ].join('\n'),
        expiresAt,
      },
      tx,
      now,
    );
    return created;
  });

  return { id: invite.id };
}

/**
 * Invites everyone on a CSV (email, name, role, team). Bad rows are reported
 * with their line number and reason; every valid row is still invited.
 */
export async function createInvitesFromCsv(
  actor: Actor,
  csv: string,
): Promise<{ invited: string[]; errors: InviteCsvError[] }> {
  const { organisationId } = assertAdmin(actor);
  const teams = [...(await teamsByName(organisationId)).values()].map((t) => t.name);
  const parsed = parseInviteCsv(csv, { teams });
  const invited: string[] = [];
  const errors = [...parsed.errors];
  for (const row of parsed.rows) {
    try {
      await createInvite(actor, { email: row.email, name: row.name, roles: row.roles, team: row.team ?? undefined });
      invited.push(row.email);
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      errors.push({ line: row.line, message: `Line ${row.line}: ${error.message}` });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { invited, errors };
}

export async function listPendingInvites(actor: Actor, now: Date = new Date()): Promise<PendingInvite[]> {
  const { organisationId } = assertAdmin(actor);
  const db = await getDb();
  const rows = await db.invite.findMany({
    where: { organisationId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, email: true, name: true, roles: true, expiresAt: true, team: { select: { name: true } } },
  });
  return rows.map((r) => ({ ...r, team: r.team?.name ?? null, expired: r.expiresAt <= now }));
}

export async function revokeInvite(actor: Actor, inviteId: string): Promise<void> {
  const { organisationId } = assertAdmin(actor);
  assertId(inviteId);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({ where: { id: inviteId, organisationId, acceptedAt: null, revokedAt: null }, select: { email: true } });
    if (!invite) throw new NotFoundError();
    await tx.invite.update({ where: { id: inviteId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { organisationId, actorId: actor.userId, action: 'invite.revoked', targetType: 'invite', targetId: inviteId, targetLabel: invite.email });
  });
}

export type InviteForAcceptance =
  | { status: 'open'; email: string; name: string; organisation: string; hasAccount: boolean }
  | { status: 'used' | 'expired' | 'unknown' };

/** What an invite link leads to, for the page that accepts it (no sign-in needed: the token is the credential). */
export async function getInviteForAcceptance(token: string, now: Date = new Date()): Promise<InviteForAcceptance> {
  const db = await getDb();
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, name: true, acceptedAt: true, revokedAt: true, expiresAt: true, organisation: { select: { name: true } } },
  });
  if (!invite || invite.revokedAt) return { status: 'unknown' };
  if (invite.acceptedAt) return { status: 'used' };
  if (invite.expiresAt <= now) return { status: 'expired' };
  const user = await db.user.findUnique({ where: { email: invite.email }, select: { id: true } });
  return { status: 'open', email: invite.email, name: invite.name, organisation: invite.organisation.name, hasAccount: user !== null };
}

/**
 * Accepts an invite: creates the account with the password when given (without
 * one, the person signs in by email link), or joins an existing account with
 * that email without changing how it signs in; then adds the membership and team. Single use: a
 * second acceptance, even at the same moment, fails.
 * @returns the email to sign in with
 * @throws UserInputError for a used, expired or unknown link, or a weak password (field "password")
 */
export async function acceptInvite(token: string, password: string | null, now: Date = new Date()): Promise<{ email: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Claim the invite first: the conditional update lets exactly one acceptance through.
    const claimed = await tx.invite.updateMany({
      where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count === 0) throw new UserInputError('This invitation link has already been used, has expired or was withdrawn. Ask your admin for a new one.');
    const invite = await tx.invite.findUniqueOrThrow({
      where: { tokenHash: hashToken(token) },
      select: { id: true, organisationId: true, email: true, name: true, roles: true, teamId: true },
    });

    const existing = await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } });
    // An invitation joins an existing account to the organisation and never
    // touches how it signs in: whoever holds the link must not be able to
    // replace (or add) a password of someone else's account.
    if (existing && password !== null) {
      throw new UserInputError('You already have a Tend account: join without choosing a password, then sign in as usual.');
    }
    let passwordHash: string | undefined;
    if (password !== null) {
      const check = checkPassword(password, { email: invite.email, name: invite.name });
      if (!check.ok) throw new UserInputError(check.message, 'password');
      passwordHash = await hashPassword(password);
    }
    const user = existing
      ? existing
      : await tx.user.create({ data: { email: invite.email, name: invite.name, passwordHash, emailVerified: now }, select: { id: true } });

    await tx.membership.upsert({
      where: { userId_organisationId: { userId: user.id, organisationId: invite.organisationId } },
      create: { userId: user.id, organisationId: invite.organisationId, roles: invite.roles },
      update: { roles: invite.roles, removedAt: null },
    });
    if (invite.teamId) {
      // ON CONFLICT DO NOTHING: an admin may have added them to the team meanwhile.
      const { count } = await tx.teamMembership.createMany({ data: [{ teamId: invite.teamId, userId: user.id }], skipDuplicates: true });
      if (count === 1) {
        const team = await tx.team.findUniqueOrThrow({ where: { id: invite.teamId }, select: { id: true, name: true, organisation: { select: { name: true } } } });
        // Rule 13: told about the team only when the invite actually added them to it.
        await enqueueTeamAddedMail(
          tx,
          { organisationId: invite.organisationId, organisationName: team.organisation.name, to: invite.email, teams: [{ id: team.id, name: team.name }] },
          now,
        );
      }
    }
    await recordAuditEvent(tx, {
      organisationId: invite.organisationId,
      actorId: user.id,
      action: 'invite.accepted',
      targetType: 'invite',
      targetId: invite.id,
      targetLabel: invite.email,
    });
    return { email: invite.email };
  }).catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new UserInputError('This invitation link has already been used.');
    }
    throw error;
  });
}
