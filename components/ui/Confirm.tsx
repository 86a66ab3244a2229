import Link from 'next/link';
import type { ReactNode } from 'react';
import type { FormState } from '@/lib/validation/form-state';
import { ActionForm } from './Form';

/**
 * A page that asks before something that removes or hides: what will happen,
 * whether and how it can be undone, and one button styled for danger, with a
 * way back. The form posts to a server action and works without JavaScript;
 * the action makes the change and goes back where it belongs, or says by the
 * button why it can't (the last admin, say).
 */
export function ConfirmPage({
  title,
  lede,
  happens,
  undo,
  action,
  fields,
  confirmLabel,
  cancelHref,
  cancelLabel = 'Cancel: go back',
}: {
  title: string;
  lede?: ReactNode;
  /** What the change does, a sentence each. */
  happens: ReactNode[];
  /** Whether it can be undone, and how. */
  undo: ReactNode;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields the action reads. */
  fields: Record<string, string>;
  confirmLabel: string;
  cancelHref: string;
  cancelLabel?: string;
}) {
  return (
    <div className="confirm">
      <h1>{title}</h1>
      {lede ? <p className="lede">{lede}</p> : null}
      <h2>What happens</h2>
      <ul>
        {happens.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <h2>Can it be undone?</h2>
      <p>{undo}</p>
      <ActionForm action={action} submitLabel={confirmLabel} danger>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </ActionForm>
      <p>
        <Link href={cancelHref}>{cancelLabel}</Link>
      </p>
    </div>
  );
}
