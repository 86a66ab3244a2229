import 'server-only';
import { getDb } from '../db';
import { verifyPassword } from '../auth/password';
import { DEFAULT_WORDING_PRESET, isWordingPreset } from '../instruments/wording';
import type { Actor } from './actor';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The account for an email and password, or null. Never says which of the two
 * was wrong, and takes as long either way.
 */
export async function authenticateWithPassword(
  email: string,
  password: string,
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * The actor for a verified session, or null when the account is gone or the
 * session was revoked (its version is older than the account's).
 */
export async function getActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      sessionVersion: true,
      privacyAcknowledgedAt: true,
      memberships: {
        where: { removedAt: null },
        orderBy: { createdAt: 'asc' },
        take: 1,
        select: { roles: true, organisation: { select: { id: true, name: true, wordingPreset: true } } },
      },
    },
  });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  const membership = user.memberships[0];
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    organisation: membership
      ? {
          id: membership.organisation.id,
          name: membership.organisation.name,
          wordingPreset: isWordingPreset(membership.organisation.wordingPreset)
            ? membership.organisation.wordingPreset
            : DEFAULT_WORDING_PRESET,
        }
      : null,
    roles: membership?.roles ?? [],
    privacyAcknowledged: user.privacyAcknowledgedAt !== null,
  };
}
