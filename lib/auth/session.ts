import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { getActor } from '../services/accounts';
import type { Actor } from '../services/actor';
import { canAdminister } from '../services/permissions';
import { auth } from './config';

/** The signed-in person for this request, or null. Read once per request. */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { user?: { id?: string }; sessionVersion?: number } | null;
  const userId = session?.user?.id;
  if (!userId) return null;
  return getActor(userId, session?.sessionVersion ?? 0);
});

/** The signed-in person; anyone else is sent to sign in. The server-side check behind every page. */
export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}

/**
 * An organisation admin; anyone else gets the not-found page (the admin area
 * does not announce itself). Services check again on every operation.
 */
export async function requireAdmin(): Promise<Actor> {
  const user = await requireUser();
  if (!canAdminister(user)) notFound();
  return user;
}
