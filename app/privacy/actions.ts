'use server';

import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { startOrResumeCheckIn } from '@/lib/services/check-ins';
import { canCheckIn } from '@/lib/services/permissions';
import { acknowledgePrivacyNotice } from '@/lib/services/privacy';

/**
 * "I understand": records the acknowledgement, then goes on to the check-in the
 * person came for, or home. Only someone who may check in goes on to one (an
 * admin without the clinician role reads the notice too, and goes home).
 */
export async function acknowledgePrivacyAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  await acknowledgePrivacyNotice(actor);
  if (formData.get('continue') !== 'check-in' || !canCheckIn(actor)) redirect('/');
  const { id } = await startOrResumeCheckIn({ ...actor, privacyAcknowledged: true });
  redirect(`/check-ins/${id}`);
}
