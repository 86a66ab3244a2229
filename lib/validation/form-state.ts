/**
 * What a form action returns to its form: a message, errors by field name, and
 * the values as submitted, so a form shown again after an error keeps them.
 */
export type FormState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Further lines under the message, e.g. each bad row of an uploaded file. */
  details?: string[];
  values?: Record<string, string | string[]>;
};

export const IDLE: FormState = { status: 'idle' };
