import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, statusFor } from '../errors.js';
import { clipQuoted } from '../quote.js';

export type FormBody = Record<string, string>;

/** The submitted form as plain strings (repeated fields keep their last value; see formList). */
export function formBody(req: FastifyRequest): FormBody {
  const out: FormBody = {};
  for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    out[k] = Array.isArray(v) ? String(v.at(-1) ?? '') : String(v ?? '');
  }
  return out;
}

/** Every value of a repeated form field. */
export function formList(req: FastifyRequest, name: string): string[] {
  const v = ((req.body ?? {}) as Record<string, unknown>)[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/**
 * Runs a form action; an AppError re-renders the form with its messages and the submitted values
 * (status from the one error table), anything else goes to the error handler.
 */
export async function handleForm(
  _reply: FastifyReply,
  action: () => Promise<FastifyReply | undefined>,
  rerender: (errors: string[], status: number) => Promise<FastifyReply>,
): Promise<FastifyReply | undefined> {
  try {
    return await action();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const list = (e.details as { errors?: string[] } | undefined)?.errors;
    return rerender((list?.length ? list : [e.message]).map(clipQuoted), statusFor(e.code));
  }
}

/** The person acting, for the audit log. */
export function actorOf(req: FastifyRequest): { id: string | null; name: string } {
  return req.auth ? { id: req.auth.personId, name: req.auth.name } : { id: null, name: 'anonymous' };
}

/** The configuration version a form was opened on (for STALE detection); null when absent. */
export function formVersion(f: FormBody): number | null {
  return f.version && /^\d+$/.test(f.version) ? Number(f.version) : null;
}
