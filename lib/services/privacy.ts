import 'server-only';
import type { PeriodKind } from '../aggregates/periods';
import { getDb } from '../db';
import type { Actor } from './actor';
import { getRuleSchedule } from './reporting-rules';

/** Records that the actor has read the privacy notice (once; later calls keep the first time). */
export async function acknowledgePrivacyNotice(actor: Actor, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.user.updateMany({ where: { id: actor.userId, privacyAcknowledgedAt: null }, data: { privacyAcknowledgedAt: now } });
}

export type PrivacyRules = {
  /** The anonymity threshold of the reporting period under way. */
  anonymityThreshold: number;
  /** Whether summaries are for calendar months or quarters, in the period under way. */
  reportingPeriod: PeriodKind;
  timeZone: string;
  /**
   * A change of threshold or reporting period scheduled for the next period
   * (null: none). A change of time zone alone is left out: it changes nothing
   * the notice says.
   */
  pending: { anonymityThreshold: number; reportingPeriod: PeriodKind; effectiveFrom: Date } | null;
};

/**
 * The rule the privacy notice states: the one summaries of the period under
 * way will be published under (rules are frozen per period, so the
 * organisation's latest setting may only apply from the next one), and the
 * change already scheduled, so that the notice never promises more than the
 * next period keeps. Organisation-wide, nothing personal.
 * @returns null for someone who is not an active member of an organisation (or signed out)
 */
export async function getPrivacyRules(actor: Actor | null, now: Date = new Date()): Promise<PrivacyRules | null> {
  if (!actor?.organisation) return null;
  const { inForce, pending } = await getRuleSchedule(actor.organisation.id, now);
  const changes = pending && (pending.anonymityThreshold !== inForce.anonymityThreshold || pending.reportingPeriod !== inForce.reportingPeriod);
  return {
    anonymityThreshold: inForce.anonymityThreshold,
    reportingPeriod: inForce.reportingPeriod,
    timeZone: inForce.timeZone,
    pending: changes ? { anonymityThreshold: pending.anonymityThreshold, reportingPeriod: pending.reportingPeriod, effectiveFrom: pending.effectiveFrom } : null,
  };
}
