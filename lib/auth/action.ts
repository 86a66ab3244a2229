import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { NotFoundError, type Actor } from '../services/actor';
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
