import 'server-only';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/services/actor';
import { getInitiativeForEdit } from '@/lib/services/initiatives';
import { ZDashboardReturnTo } from '@/lib/validation/initiatives';

/**
 * For the pages that edit or delete an initiative: the signed-in person, the
 * initiative if they may change it (not-found otherwise, signed out included),
 * and the dashboard to go back to (a path under /dashboard/, else the
 * organisation's).
 */
export async function loadEditableInitiative(params: Promise<{ id: string }>, searchParams: Promise<{ returnTo?: string }>) {
  const { id } = await params;
  const actor = await getCurrentUser();
  if (!actor) notFound();
  const initiative = await getInitiativeForEdit(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const asked = ZDashboardReturnTo.safeParse((await searchParams).returnTo);
  const returnTo = asked.success && asked.data ? asked.data : '/dashboard/organisation';
  return { actor, initiative, returnTo };
}
