import { notFound } from 'next/navigation';
import { ConfirmPage } from '@/components/ui/Confirm';
import { requireAdmin } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/services/actor';
import { getMember } from '@/lib/services/members';
import { confirmRemoveMemberAction } from '../../../actions';

export const metadata = { title: 'Remove from the organisation?' };

/** Asks before an admin removes someone from the organisation. */
export default async function RemoveMemberPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requireAdmin();
  const { userId } = await params;
  const member = await getMember(actor, userId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (member.removed) notFound();
  return (
    <ConfirmPage
      title={`Remove ${member.name} from the organisation?`}
      lede={member.email}
      happens={[
        'They can no longer check in for the organisation, and they leave every team they are in or manage.',
        'Figures already published stay as they are, their check-ins included: a published figure never changes.',
        'They can still sign in to read, download or delete their own results.',
        'The audit log records that you removed them.',
      ]}
      undo="Yes: restore them from their member page. Their teams do not come back with them: choose those again afterwards."
      action={confirmRemoveMemberAction}
      fields={{ userId: member.userId }}
      confirmLabel={`Remove ${member.name}`}
      cancelHref={`/admin/members/${member.userId}`}
      cancelLabel={`Cancel: keep ${member.name}`}
    />
  );
}
