'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * "Print or save as PDF": opens the browser's print dialog, where a PDF is one
 * of the printers. A button only where script runs (it could do nothing
 * without); until then, and without script, `fallback` says how to print.
 */
export function PrintButton({ label = 'Print or save as PDF', fallback }: { label?: string; fallback: string }) {
  const scripted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!scripted) return <p className="muted">{fallback}</p>;
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
