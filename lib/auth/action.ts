import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, UserInputError, type Actor } from '../services/actor';
import type { FormState } from '../validation/form-state';
import { allFormValues, formValues } from '../validation/form-values';
import { requireUser } from './session';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

function toPlain(input: unknown): unknown {
  if (input instanceof FormData) {
    return Object.fromEntries([...input.entries()].filter(([key]) => !key.startsWith('$ACTION')));
  }
  return input;
}

/**
 * The one shape of every authenticated server action: sign-in check → zod parse
 * → the handler (one service call, then revalidate or redirect). Actions are
 * public POST endpoints, so none may skip a step. Redirects pass through; a
 * NotFoundError becomes the not-found page; bad input becomes a typed failure.
 */
export function authedAction<S extends z.ZodType, R>(
  schema: S,
  handler: (actor: Actor, input: z.output<S>) => Promise<R>,
): (input: unknown) => Promise<ActionResult<R>> {
  return async (input) => {
    const actor = await requireUser();
    const parsed = schema.safeParse(toPlain(input));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.')] ??= issue.message;
      return { ok: false, error: 'Some answers could not be read. Please check them and try again.', fieldErrors };
    }
    try {
      return { ok: true, data: await handler(actor, parsed.data) };
    } catch (error) {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }
  };
}

/**
 * The shape of every form action used with `useActionState`: sign-in check →
 * zod parse → one service call. Bad input comes back as field errors with the
 * submitted values (nothing typed is lost); a refused request as a message.
 * `prepare` turns raw form values into the schema's input (e.g. checkbox lists).
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  handler: (actor: Actor, input: z.output<S>, formData: FormData) => Promise<string | void | FormState>,
  prepare: (values: Record<string, string | string[]>) => unknown = (values) => values,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    const actor = await requireUser();
    const values = formValues(formData);
    const parsed = schema.safeParse(prepare(allFormValues(formData)));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'form'] ??= issue.message;
      return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors, values };
    }
    try {
      const result = await handler(actor, parsed.data, formData);
      if (result && typeof result === 'object') return result;
      return { status: 'success', message: result ?? 'Saved.' };
    } catch (error) {
      if (error instanceof NotFoundError) notFound();
      if (error instanceof UserInputError) {
        return {
          status: 'error',
          message: error.message,
          fieldErrors: error.field ? { [error.field]: error.message } : undefined,
          values,
        };
      }
      if (error instanceof ForbiddenError) return { status: 'error', message: error.message, values };
      throw error;
    }
  };
}
