import { randomBytes } from 'node:crypto';

/** Letters and digits a person reads out without confusing them (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A short random id for each request (Fastify's genReqId): it tags every log line of the request,
 * and a failed request shows it ("Quote this reference") so that the person's report leads to the
 * log line. Random rather than Fastify's counter, which starts again at req-1 with every start and
 * on every instance. Ten letters of 31: no two requests of a region's lifetime share one in practice.
 */
export function newRequestId(): string {
  const bytes = randomBytes(10);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

/** The part of a failure the log keeps: what failed and where, never what was sent. */
export interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: LoggedError;
}

/**
 * A database error's message can quote a value (PostgreSQL's `detail` quotes a duplicate key, and
 * some messages name the value they refused), and a parser's message can quote the input. Emails and
 * SSN-like numbers are masked, and the message is cut short; the error's other properties (detail,
 * parameters, the query's values) are not logged at all.
 */
function scrub(text: string): string {
  const masked = text.replace(/[^\s"'<>(),;:]+@[^\s"'<>(),;:]+/g, '[email]').replace(/\b\d{3}-?\d{2}-?\d{4}\b/g, '[number]');
  return masked.length > 300 ? `${masked.slice(0, 300)}…` : masked;
}

/**
 * What a 5xx logs of its cause: the error's class, code, message and stack (the stack's first line
 * repeats the message, so it gets the same masking), and the same of its cause, two levels deep.
 */
export function errorForLog(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: scrub(String(err)) };
  const code = (err as { code?: unknown }).code;
  const out: LoggedError = { type: err.constructor?.name || err.name, message: scrub(err.message) };
  if (typeof code === 'string' || typeof code === 'number') out.code = String(code);
  if (err.stack) {
    const frames = err.stack.split('\n').filter((l) => /^\s+at /.test(l));
    out.stack = [`${out.type}: ${out.message}`, ...frames].join('\n');
  }
  if (err.cause !== undefined && depth < 2) out.cause = errorForLog(err.cause, depth + 1);
  return out;
}
