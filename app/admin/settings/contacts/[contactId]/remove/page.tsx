import { notFound } from 'next/navigation';
import { ConfirmPage } from '@/components/ui/Confirm';
import { requireAdmin } from '@/lib/auth/session';
import { getSupportInformation } from '@/lib/services/organisation-settings';
import { confirmRemoveSupportContactAction } from '../../../../actions';

export const metadata = { title: 'Remove this support contact?' };

/** Asks before an admin removes a support contact that clinicians see on results and /support. */
export default async function RemoveContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const actor = await requireAdmin();
  const { contactId } = await params;
  const contact = (await getSupportInformation(actor)).contacts.find((c) => c.id === contactId);
  if (!contact) notFound();
  return (
    <ConfirmPage
      title={`Remove ${contact.name}?`}
      lede={[contact.description, contact.phone, contact.url].filter(Boolean).join(' · ')}
      happens={[
        'It no longer shows on results, on the Support page or in reminder emails.',
        'The crisis line and your other contacts stay.',
        'The audit log records that you removed it.',
      ]}
      undo="Not as it was: add it again from Admin → Settings, with its details."
      action={confirmRemoveSupportContactAction}
      fields={{ contactId: contact.id }}
      confirmLabel={`Remove ${contact.name}`}
      cancelHref="/admin/settings"
      cancelLabel={`Cancel: keep ${contact.name}`}
    />
  );
}
