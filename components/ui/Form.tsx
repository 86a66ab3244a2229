'use client';

import { createContext, useActionState, useContext, useId, useState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { IDLE, type FormState } from '@/lib/validation/form-state';

const FormContext = createContext<FormState>(IDLE);

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form bound to a server action. Works without JavaScript (the action's
 * result is rendered by the server); errors appear in a summary and next to
 * each field, and submitted values are shown again.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  secondary,
  danger,
  resetOnSuccess = false,
}: {
  action: FormAction;
  submitLabel: string;
  children?: ReactNode;
  secondary?: boolean;
  /** For what cannot be undone. */
  danger?: boolean;
  resetOnSuccess?: boolean;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const summaryId = useId();
  return (
    <FormContext.Provider value={state}>
      <form action={formAction} className="form" noValidate key={resetOnSuccess && state.status === 'success' ? state.message : undefined}>
        {state.status === 'error' && state.message ? (
          <div className="error-summary" role="alert" id={summaryId}>
            <p>{state.message}</p>
            {state.fieldErrors?.form ? <p>{state.fieldErrors.form}</p> : null}
            {state.details?.length ? (
              <ul>
                {state.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {state.status === 'success' && state.message ? (
          <p className="notice" role="status">
            {state.message}
          </p>
        ) : null}
        {children}
        <div>
          <SubmitButton label={submitLabel} secondary={secondary} danger={danger} />
        </div>
      </form>
    </FormContext.Provider>
  );
}

function SubmitButton({ label, secondary, danger }: { label: string; secondary?: boolean; danger?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`button${secondary ? ' button--secondary' : ''}${danger ? ' button--danger' : ''}`} disabled={pending}>
      {label}
    </button>
  );
}

function useField(name: string, defaultValue?: string) {
  const state = useContext(FormContext);
  const error = state.fieldErrors?.[name];
  const submitted = state.status === 'error' ? state.values?.[name] : undefined;
  const value = typeof submitted === 'string' ? submitted : defaultValue;
  return { error, value, stateKey: `${state.status}:${state.message ?? ''}` };
}

/** Label, hint and error of one field, wired to the control by id (`aria-describedby` lists hint and error). */
function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function TextField({
  name,
  label,
  defaultValue,
  type = 'text',
  hint,
  autoComplete,
  inputMode,
  min,
  max,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  /** 'date' submits yyyy-mm-dd; where a browser shows a plain text box instead, say the format in the hint. */
  type?: 'text' | 'email' | 'password' | 'number' | 'url' | 'tel' | 'date';
  hint?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'url' | 'text';
  min?: number;
  max?: number;
}) {
  const id = useId();
  const { error, value, stateKey } = useField(name, defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        key={stateKey}
        id={id}
        name={name}
        type={type}
        defaultValue={type === 'password' ? undefined : value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={min}
        max={max}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

/**
 * A text area. With `limit`, a count of characters runs under it ("1,234 of
 * 2,000 characters"), turning into a warning past the limit; nothing typed or
 * pasted is ever cut: the server refuses a longer text, saying so by the field.
 */
export function TextAreaField({
  name,
  label,
  defaultValue,
  hint,
  limit,
  rows = 4,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  hint?: string;
  limit?: number;
  rows?: number;
}) {
  const id = useId();
  const { error, value, stateKey } = useField(name, defaultValue);
  const [length, setLength] = useState<number | null>(null);
  const count = length ?? (value ?? '').trim().length;
  const over = limit !== undefined && count > limit;
  const counterId = `${id}-count`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        key={stateKey}
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        onChange={limit === undefined ? undefined : (event) => setLength(event.currentTarget.value.trim().length)}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={[describedBy(id, hint, error), limit === undefined ? null : counterId].filter(Boolean).join(' ') || undefined}
      />
      {limit === undefined ? null : (
        <>
          <p id={counterId} className={over ? 'field__count field__count--over' : 'field__count'}>
            {over
              ? `${count.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters: ${(count - limit).toLocaleString('en-GB')} too many to save`
              : `${count.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters`}
          </p>
          {/* Said once when the text goes past the limit, not at every key. */}
          <p className="visually-hidden" aria-live="polite">
            {over ? `Over the limit of ${limit.toLocaleString('en-GB')} characters.` : ''}
          </p>
        </>
      )}
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  hint,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
}) {
  const id = useId();
  const { error, value, stateKey } = useField(name, defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select key={stateKey} id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A fieldset of checkboxes or radio buttons sharing one name, with its legend, hint and error. */
function ChoiceGroup({
  type,
  name,
  legend,
  options,
  checked,
  hint,
}: {
  type: 'checkbox' | 'radio';
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: (state: FormState) => Set<string>;
  hint?: string;
}) {
  const id = useId();
  const state = useContext(FormContext);
  const error = state.fieldErrors?.[name];
  const on = checked(state);
  return (
    <fieldset className={`field checkboxes${error ? ' field--error' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((o) => (
        <label key={`${o.value}:${state.status}:${state.message ?? ''}`} className="checkbox">
          <input type={type} name={name} value={o.value} defaultChecked={on.has(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function submittedValues(state: FormState, name: string): string[] | null {
  if (state.status !== 'error') return null;
  const submitted = state.values?.[name];
  return submitted === undefined ? [] : [submitted].flat();
}

/** A group of checkboxes sharing one name; the checked values are submitted as a list. */
export function CheckboxGroup({ defaultValues = [], ...props }: { name: string; legend: string; options: { value: string; label: string }[]; defaultValues?: string[]; hint?: string }) {
  return <ChoiceGroup type="checkbox" {...props} checked={(state) => new Set(submittedValues(state, props.name) ?? defaultValues)} />;
}

/** One choice of a few, each in view (on or off, say): radio buttons rather than a select. */
export function RadioGroup({ defaultValue, ...props }: { name: string; legend: string; options: { value: string; label: string }[]; defaultValue?: string; hint?: string }) {
  return <ChoiceGroup type="radio" {...props} checked={(state) => new Set(submittedValues(state, props.name) ?? (defaultValue === undefined ? [] : [defaultValue]))} />;
}

export function FileField({ name, label, accept, hint }: { name: string; label: string; accept?: string; hint?: string }) {
  const id = useId();
  const { error, stateKey } = useField(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input key={stateKey} id={id} name={name} type="file" accept={accept} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </FieldFrame>
  );
}
