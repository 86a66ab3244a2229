import type { ReactNode } from 'react';
import { telHref, type CrisisLine as TCrisisLine } from '@/lib/validation/crisis-line';
import { CrisisLine } from './CrisisLine';

/** One support contact as the organisation lists it (a phone number, a web address, or both). */
export type SupportContactView = { id: string; name: string; description: string; phone: string | null; url: string | null };

/**
 * The organisation's support contacts. `prominent` puts them first on a result
 * page, framed as an invitation; otherwise they sit quietly at the foot. The
 * line for immediate help is always there: a crisis is not the time to look.
 */
export function SupportContacts({
  contacts,
  crisisLine,
  prominent,
  headingLevel = 2,
  whenNone,
}: {
  contacts: SupportContactView[];
  /** The organisation's crisis line; null for the default wording. */
  crisisLine: TCrisisLine | null;
  prominent: boolean;
  headingLevel?: 2 | 3;
  /** What to say when there are no contacts to show (by default: that the organisation has listed none). */
  whenNone?: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={`support${prominent ? ' support--prominent' : ''}`} aria-labelledby="support-title">
      <Heading id="support-title">{prominent ? 'Support is here if you want it' : 'Support contacts'}</Heading>
      {prominent ? (
        <p>
          Scores like these often follow a hard stretch at work. You don’t have to carry it alone: these people are there for
          exactly this.
        </p>
      ) : null}
      {contacts.length > 0 ? (
        <ul className="support__list">
          {contacts.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              {c.description ? <span> · {c.description}</span> : null}
              {c.phone ? (
                <span>
                  {' '}
                  · <a className="tel-link" href={telHref(c.phone)}>{c.phone}</a>
                </span>
              ) : null}
              {c.url ? (
                <span>
                  {' '}
                  · <a href={c.url}>{c.url.replace(/^https?:\/\//, '')}</a>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        (whenNone ?? <p>Your organisation has not listed support contacts yet. Your manager, supervisor or GP can help you find support.</p>)
      )}
      <CrisisLine line={crisisLine} />
    </section>
  );
}
