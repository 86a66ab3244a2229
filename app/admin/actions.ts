'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { setMemberRemoved, updateMember } from '@/lib/services/members';
import { addSupportContact, removeSupportContact, updateCrisisLine, updateOrganisationSettings } from '@/lib/services/organisation-settings';
import { createReportingGroup, setTeamReporting } from '@/lib/services/reporting-groups';
import { createTeam, renameTeam, setTeamArchived } from '@/lib/services/teams';
import { formatLocalDay } from '@/lib/format/date-time';
import { getRuleSchedule } from '@/lib/services/reporting-rules';
import {
  asList,
  ZMemberUpdateInput,
  ZOrganisationSettingsInput,
  ZSupportContactInput,
  ZReportingGroupName,
  ZTeamName,
} from '@/lib/validation/admin';
import { ZCrisisLineInput } from '@/lib/validation/crisis-line';

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

export const updateCrisisLineAction = formAction(ZCrisisLineInput, async (actor, input) => {
  const changed = await updateCrisisLine(actor, input);
  refresh();
  if (changed.length === 0) return 'Nothing changed.';
  return input.crisisLineText === '' ? 'Crisis line saved: the default wording is shown.' : 'Crisis line saved.';
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

export const restoreTeamAction = formAction(z.object({ teamId: z.uuid() }), async (actor, input) => {
  await setTeamArchived(actor, input.teamId, false);
  refresh();
  redirect('/admin/teams?done=restored');
});

export const createReportingGroupAction = formAction(z.object({ name: ZReportingGroupName }), async (actor, input) => {
  await createReportingGroup(actor, input.name);
  refresh();
  return `Reporting group “${input.name}” created. Choose below which teams are reported within it.`;
});

export const setTeamReportingAction = formAction(
  z.object({ teamId: z.uuid(), reportingGroupId: z.union([z.literal(''), z.uuid()]) }),
  async (actor, input) => {
    const effectiveFrom = await setTeamReporting(actor, input.teamId, input.reportingGroupId || null);
    refresh();
    if (!effectiveFrom) return 'Saved: the team stays reported as it is now, and no change is pending.';
    const { inForce } = await getRuleSchedule(actor.organisation!.id);
    return `Saved. It applies from the next reporting period, which starts on ${formatLocalDay(effectiveFrom, inForce.timeZone)}.`;
  },
);

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

export const restoreMemberAction = formAction(z.object({ userId: z.uuid() }), async (actor, input) => {
  await setMemberRemoved(actor, input.userId, false);
  refresh();
  redirect(`/admin/members/${input.userId}?done=restored`);
});

// Confirmed on a page of their own (components/ui/Confirm.tsx), each goes back where it was asked from, saying it is done.

export const confirmRemoveMemberAction = formAction(z.object({ userId: z.uuid() }), async (actor, input) => {
  await setMemberRemoved(actor, input.userId, true);
  refresh();
  redirect(`/admin/members/${input.userId}?done=removed`);
});

export const confirmArchiveTeamAction = formAction(z.object({ teamId: z.uuid() }), async (actor, input) => {
  await setTeamArchived(actor, input.teamId, true);
  refresh();
  redirect('/admin/teams?done=archived');
});

export const confirmRemoveSupportContactAction = formAction(z.object({ contactId: z.uuid() }), async (actor, input) => {
  await removeSupportContact(actor, input.contactId);
  refresh();
  redirect('/admin/settings?done=contact-removed');
});
