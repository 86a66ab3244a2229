import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getActor } from '../services/accounts';
import type { Actor } from '../services/actor';
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
