/**
 * Fields whose values are never sent back to the browser, whatever the form:
 * a failed form would otherwise carry them in its HTML and RSC payload.
 */
export const SECRET_FIELD = /password|passphrase|secret|token|^confirm$/i;

/** Form values as submitted (repeated names become lists), without Next's internal fields. */
function collect(formData: FormData, keep: (key: string) => boolean): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string' || !keep(key)) continue;
    const existing = values[key];
    values[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

/** Every value, for parsing. */
export function allFormValues(formData: FormData): Record<string, string | string[]> {
  return collect(formData, () => true);
}

/** The values a form may show again after an error: everything but secrets. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  return collect(formData, (key) => !SECRET_FIELD.test(key));
}
