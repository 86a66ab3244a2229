import { SupportContacts } from '@/components/results/SupportContacts';
import { requireUser } from '@/lib/auth/session';
import { listSupportContacts } from '@/lib/services/organisation-settings';

export const metadata = { title: 'Support' };

/** The organisation's support contacts, at any time (linked at the foot of every page). */
export default async function SupportPage() {
  const actor = await requireUser();
  const contacts = await listSupportContacts(actor);
  return (
    <div className="page page--narrow">
      <h1>Support</h1>
      <p className="lede">
        Caring for others is demanding work. Talking to someone early, before things feel too heavy, is a strength, not a
        failure.
      </p>
      <SupportContacts contacts={contacts} prominent={false} headingLevel={2} />
    </div>
  );
}
