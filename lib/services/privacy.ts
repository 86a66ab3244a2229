import 'server-only';
import { getDb } from '../db';
import type { Actor } from './actor';

/** Records that the actor has read the privacy notice (once; later calls keep the first time). */
export async function acknowledgePrivacyNotice(actor: Actor, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.user.updateMany({ where: { id: actor.userId, privacyAcknowledgedAt: null }, data: { privacyAcknowledgedAt: now } });
}

/** The organisation's anonymity threshold, for the notice's wording (default 5 when signed out). */
export async function getAnonymityThreshold(actor: Actor | null): Promise<number> {
  if (!actor?.organisation) return 5;
  const db = await getDb();
  const org = await db.organisation.findUnique({ where: { id: actor.organisation.id }, select: { anonymityThreshold: true } });
  return org?.anonymityThreshold ?? 5;
}
