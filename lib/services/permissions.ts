import type { Actor } from './actor';
import { ForbiddenError } from './actor';

/**
 * Who may do what: the one place where roles turn into permissions. Services
 * call these before touching data; pages use the `can…` forms only to decide
 * what to show, never as the security check.
 *
 * - A clinician (an active member with the clinician role) checks in and reads
 *   only their own answers, scores and notes.
 * - A manager sees aggregates of the teams they manage (never an individual).
 * - An admin manages the organisation: teams, members, invites, settings, audit
 *   log. Admins never see an individual's answers or scores either.
 * - Nobody reads another person's answers, scores or notes: those queries are
 *   scoped by owner in the services themselves.
 */

export function canCheckIn(actor: Actor | null): actor is Actor & { organisation: NonNullable<Actor['organisation']> } {
  return !!actor?.organisation && actor.roles.includes('clinician');
}

export function canAdminister(actor: Actor | null): actor is Actor & { organisation: NonNullable<Actor['organisation']> } {
  return !!actor?.organisation && actor.roles.includes('admin');
}

/** @returns the organisation the actor administers. @throws ForbiddenError otherwise */
export function assertAdmin(actor: Actor): { organisationId: string } {
  if (!canAdminister(actor)) throw new ForbiddenError('Only organisation admins can do this.');
  return { organisationId: actor.organisation.id };
}

/** @returns the organisation the actor checks in with. @throws ForbiddenError otherwise */
export function assertCanCheckIn(actor: Actor): { organisationId: string; wordingPreset: NonNullable<Actor['organisation']>['wordingPreset'] } {
  if (!canCheckIn(actor)) throw new ForbiddenError('Only clinicians who are members of an organisation can check in.');
  return { organisationId: actor.organisation.id, wordingPreset: actor.organisation.wordingPreset };
}
