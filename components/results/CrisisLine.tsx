import { telHref, type CrisisLine as TCrisisLine } from '@/lib/validation/crisis-line';

/**
 * The line for immediate help. `line` is the organisation's own (null: the default,
 * local emergency numbers and Samaritans). The number is a tel: link big enough to tap.
 */
export function CrisisLine({ line }: { line: TCrisisLine | null }) {
  const lead = <strong>If you are in crisis or feel unsafe right now</strong>;
  if (!line) {
    return (
      <p className="support__crisis">
        {lead}, call your local emergency number (999 in the UK, 112 in the EU, 911 in the US), or Samaritans on{' '}
        <a className="tel-link" href="tel:116123">
          116 123
        </a>{' '}
        (UK and Ireland, free, any time).
      </p>
    );
  }
  // The sentence supplies its own full stop.
  const text = line.text.replace(/[\s.]+$/, '');
  return (
    <p className="support__crisis">
      {lead}, call your local emergency number, or {text}
      {line.phone ? (
        <>
          {' '}
          on{' '}
          <a className="tel-link" href={telHref(line.phone)}>
            {line.phone}
          </a>
        </>
      ) : null}
      {line.country ? ` (${line.country})` : null}.
    </p>
  );
}
