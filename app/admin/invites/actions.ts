'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { drainOutboxSoon } from '@/lib/mail/outbox';
import { UserInputError } from '@/lib/services/actor';
import { createInvite, createInvitesFromCsv, revokeInvite } from '@/lib/services/invites';
import { asList } from '@/lib/validation/admin';
import { ZInviteInput } from '@/lib/validation/invites';

const MAX_CSV_BYTES = 512 * 1024;

export const inviteAction = formAction(
  ZInviteInput,
  async (actor, input) => {
    await createInvite(actor, input);
    await drainOutboxSoon();
    revalidatePath('/admin', 'layout');
    return `Invitation sent to ${input.email}.`;
  },
  (values) => ({ ...values, roles: asList(values.roles) }),
);

export const inviteCsvAction = formAction(z.object({}), async (actor, _input, formData) => {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) throw new UserInputError('Choose a CSV file to upload.', 'file');
  if (file.size > MAX_CSV_BYTES) throw new UserInputError('That file is larger than 512 KB: split it into smaller files.', 'file');
  const { invited, errors } = await createInvitesFromCsv(actor, await file.text());
  await drainOutboxSoon();
  revalidatePath('/admin', 'layout');
  const sent = `Invitations sent to ${invited.length} ${invited.length === 1 ? 'person' : 'people'}.`;
  if (errors.length === 0) return sent;
  return {
    status: 'error',
    message: `${sent} ${errors.length === 1 ? 'One row was' : `${errors.length} rows were`} not used; fix and upload just those rows again:`,
    details: errors.map((e) => e.message),
  };
});

export const revokeInviteAction = formAction(z.object({ inviteId: z.uuid() }), async (actor, input) => {
  await revokeInvite(actor, input.inviteId);
  revalidatePath('/admin', 'layout');
  return 'Invitation withdrawn.';
});
