'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { createInitiative, deleteInitiative, updateInitiative } from '@/lib/services/initiatives';
import { asList } from '@/lib/validation/admin';
import { ZInitiativeCreateTarget, ZInitiativeEditTarget, ZInitiativeInput } from '@/lib/validation/initiatives';

/**
 * Initiative forms post here from the team and organisation dashboards. After
 * saving they go back to the dashboard they came from (`returnTo`), which can
 * only be a path under /dashboard/ on this site; without one they say so in
 * the form.
 */

const refresh = () => revalidatePath('/dashboard', 'layout');

/** Back to the dashboard, or the message when the form named none. */
function done(returnTo: string | undefined, message: string): string {
  if (returnTo) redirect(returnTo);
  return message;
}

/** Form values as the schema reads them: checkbox lists as lists, an unticked box as absent. */
function prepare(values: Record<string, string | string[]>) {
  const { teamIds, ...rest } = values;
  return { ...rest, teamIds: asList(teamIds) };
}

export const createInitiativeAction = formAction(
  z.intersection(ZInitiativeInput, ZInitiativeCreateTarget),
  async (actor, input) => {
    await createInitiative(actor, input);
    refresh();
    return done(input.returnTo, `Initiative “${input.title}” recorded.`);
  },
  prepare,
);

export const updateInitiativeAction = formAction(
  z.intersection(ZInitiativeInput, ZInitiativeEditTarget),
  async (actor, input) => {
    const changed = await updateInitiative(actor, input.id, input);
    refresh();
    return done(input.returnTo, changed.length === 0 ? 'Nothing changed.' : `Initiative “${input.title}” saved.`);
  },
  prepare,
);

export const deleteInitiativeAction = formAction(ZInitiativeEditTarget, async (actor, input) => {
  await deleteInitiative(actor, input.id);
  refresh();
  return done(input.returnTo, 'Initiative deleted.');
});
