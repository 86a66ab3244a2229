/** One support contact as the organisation lists it (a phone number, a web address, or both). */
export type SupportContactView = { id: string; name: string; description: string; phone: string | null; url: string | null };

/**
 * The organisation's support contacts. `prominent` puts them first on a result
 * page, framed as an invitation; otherwise they sit quietly at the foot. The
 * line for immediate help is always there: a crisis is not the time to look.
 */
export function SupportContacts({ contacts, prominent, headingLevel = 2 }: { contacts: SupportContactView[]; prominent: boolean; headingLevel?: 2 | 3 }) {
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
                  · <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
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
        <p>Your organisation has not listed support contacts yet. Your manager, supervisor or GP can help you find support.</p>
      )}
      <p className="support__crisis">
        <strong>If you are in crisis or feel unsafe right now</strong>, call your local emergency number (999 in the UK, 112 in
        the EU, 911 in the US), or Samaritans on <a href="tel:116123">116 123</a> (UK and Ireland, free, any time).
      </p>
    </section>
  );
}
