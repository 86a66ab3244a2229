'use server';

import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { startOrResumeCheckIn } from '@/lib/services/check-ins';
import { acknowledgePrivacyNotice } from '@/lib/services/privacy';

export async function acknowledgePrivacyAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  await acknowledgePrivacyNotice(actor);
  if (formData.get('continue') !== 'check-in') redirect('/');
  const { id } = await startOrResumeCheckIn({ ...actor, privacyAcknowledged: true });
  redirect(`/check-ins/${id}`);
}
