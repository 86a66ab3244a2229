'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { setMemberRemoved, updateMember } from '@/lib/services/members';
import { addSupportContact, removeSupportContact, updateOrganisationSettings } from '@/lib/services/organisation-settings';
import { createTeam, renameTeam, setTeamArchived } from '@/lib/services/teams';
import {
  asList,
  ZMemberUpdateInput,
  ZOrganisationSettingsInput,
  ZSupportContactInput,
  ZTeamName,
} from '@/lib/validation/admin';

const refresh = () => revalidatePath('/admin', 'layout');

export const updateSettingsAction = formAction(ZOrganisationSettingsInput, async (actor, input) => {
  const changed = await updateOrganisationSettings(actor, input);
  refresh();
  return changed.length === 0 ? 'Nothing changed.' : 'Settings saved.';
});

export const addSupportContactAction = formAction(ZSupportContactInput, async (actor, input) => {
  await addSupportContact(actor, input);
  refresh();
  return `Added ${input.name}.`;
});

export const removeSupportContactAction = formAction(z.object({ contactId: z.uuid() }), async (actor, input) => {
  await removeSupportContact(actor, input.contactId);
  refresh();
  return 'Contact removed.';
});

export const createTeamAction = formAction(z.object({ name: ZTeamName }), async (actor, input) => {
  await createTeam(actor, input.name);
  refresh();
  return `Team “${input.name}” created.`;
});

export const renameTeamAction = formAction(z.object({ teamId: z.uuid(), name: ZTeamName }), async (actor, input) => {
  await renameTeam(actor, input.teamId, input.name);
  refresh();
  return `Renamed to “${input.name}”.`;
});

export const archiveTeamAction = formAction(z.object({ teamId: z.uuid(), archive: z.enum(['yes', 'no']) }), async (actor, input) => {
  await setTeamArchived(actor, input.teamId, input.archive === 'yes');
  refresh();
  return input.archive === 'yes' ? 'Team archived.' : 'Team restored.';
});

export const updateMemberAction = formAction(
  ZMemberUpdateInput,
  async (actor, input) => {
    await updateMember(actor, input);
    refresh();
    return 'Changes saved.';
  },
  (values) => ({
    userId: values.userId,
    roles: asList(values.roles),
    teamIds: asList(values.teamIds),
    managerTeamIds: asList(values.managerTeamIds),
  }),
);

export const removeMemberAction = formAction(z.object({ userId: z.uuid(), remove: z.enum(['yes', 'no']) }), async (actor, input) => {
  await setMemberRemoved(actor, input.userId, input.remove === 'yes');
  refresh();
  return input.remove === 'yes' ? 'Removed from the organisation.' : 'Restored to the organisation.';
});
