import Link from 'next/link';
import { SupportContacts } from '@/components/results/SupportContacts';
import { getCurrentUser } from '@/lib/auth/session';
import { getSupportInformation } from '@/lib/services/organisation-settings';

export const metadata = { title: 'Support' };

/**
 * The organisation's support contacts and the crisis line, at any time, signed in or not:
 * someone in distress who cannot sign in still reaches help. Signed out, the organisation
 * is the one named by the support link in its emails (`?org=`); without one, the default
 * crisis line is shown.
 */
export default async function SupportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, query] = await Promise.all([getCurrentUser(), searchParams]);
  const { contacts, crisisLine } = await getSupportInformation(actor, typeof query.org === 'string' ? query.org : undefined);
  const whenNone = actor ? undefined : (
    <p>
      Your organisation’s own support contacts are listed here when you <Link href="/sign-in">sign in</Link>, or when you open this page
      from the support link in an email from Tend. Your manager, supervisor or GP can also help you find support.
    </p>
  );
  return (
    <div className="page page--narrow">
      <h1>Support</h1>
      <p className="lede">
        Caring for others is demanding work. Talking to someone early, before things feel too heavy, is a strength, not a
        failure.
      </p>
      <SupportContacts contacts={contacts} crisisLine={crisisLine} prominent={false} headingLevel={2} whenNone={whenNone} />
    </div>
  );
}
