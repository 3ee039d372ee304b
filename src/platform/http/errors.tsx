import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, statusFor } from '../errors.js';
import { isDatabaseUnavailable } from '../db/faults.js';
import { errorForLog } from './error-report.js';
import { Errors } from '../views/components.js';
import { fragment, isHtmx, page, wantsJson } from './pages.js';
import { clipped, clipQuoted, clipQuotedDetails } from '../quote.js';

export interface Classified {
  code: string;
  status: number;
  message: string;
  details?: unknown;
  /** What was thrown, for the log of a 5xx (never shown). */
  cause?: unknown;
}

/** Turns anything thrown into the code, status and message a person or client is shown. */
export function classify(err: unknown): Classified {
  if (err instanceof AppError) return { code: err.code, status: statusFor(err.code), message: clipQuoted(err.message), details: clipQuotedDetails(err.details), cause: err };
  const e = err as FastifyError & { validation?: unknown[] };
  if (e?.validation) return { code: 'VALIDATION', status: 422, message: validationMessage(e) };
  if (e?.code?.startsWith('FST_CSRF')) return { code: 'CSRF', status: 403, message: 'This form has expired or did not come from Touchline. Reload the page and try again.' };
  if (e?.code === 'FST_REQ_FILE_TOO_LARGE' || e?.statusCode === 413) return { code: 'PAYLOAD_TOO_LARGE', status: 413, message: 'That upload is too large.' };
  if (e?.statusCode === 415) return { code: 'UNSUPPORTED_MEDIA', status: 415, message: 'That content type is not accepted here: send JSON or a form.' };
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return { code: 'BAD_REQUEST', status: 400, message: `The request could not be read: ${clipped(e.message)}` };
  if (isDatabaseUnavailable(err)) return { code: 'DATABASE_UNAVAILABLE', status: 503, message: 'The database cannot be reached right now. Try again in a minute.', cause: err };
  return { code: 'INTERNAL', status: 500, message: 'Something went wrong on our side. Try again; if it keeps happening, tell the region administrator.', cause: err };
}

function validationMessage(e: FastifyError & { validation?: unknown[] }): string {
  const ctx = (e as { validationContext?: string }).validationContext ?? 'body';
  const items = (e.validation ?? []) as { instancePath?: string; message?: string; params?: { missingProperty?: string } }[];
  const parts = items.slice(0, 5).map((v) => {
    const where = v.params?.missingProperty ?? (v.instancePath || ctx).replace(/^\//, '').replaceAll('/', '.');
    return `${clipped(where)}: ${v.message ?? 'is not valid'}`;
  });
  return `Some values are not valid (${ctx}): ${parts.join('; ')}.`;
}

export async function sendError(req: FastifyRequest, reply: FastifyReply, c: Classified): Promise<FastifyReply> {
  // A 5xx is logged with its cause and the request id (Fastify binds reqId to req.log), which the
  // answer shows for the person to quote; a 4xx is the person's to fix and is not logged.
  const requestId = c.status >= 500 ? req.id : undefined;
  if (c.code === 'DATABASE_UNAVAILABLE') {
    req.log.warn({ code: c.code, route: req.routeOptions.url, error: errorForLog(c.cause) }, 'database unavailable');
    reply.header('retry-after', '10');
  } else if (c.status >= 500) req.log.error({ code: c.code, route: req.routeOptions.url, error: errorForLog(c.cause) }, 'request failed');
  if (wantsJson(req)) {
    const error = { code: c.code, message: c.message, ...(c.details !== undefined ? { details: c.details } : {}), ...(requestId ? { requestId } : {}) };
    return reply.code(c.status).send({ error });
  }
  const list = (c.details as { errors?: string[] } | undefined)?.errors;
  const reference = requestId ? <p class="reference">Quote this reference: {requestId}</p> : null;
  if (isHtmx(req))
    return fragment(
      reply,
      <>
        <Errors errors={list ?? [c.message]} />
        {reference}
      </>,
      c.status,
    );
  return page(
    req,
    reply,
    c.status === 404 ? 'Not found' : 'Something needs attention',
    () => (
      <section class="narrow">
        <h1>{c.status === 404 ? 'Page not found' : 'That did not work'}</h1>
        <Errors errors={list ?? [c.message]} />
        {reference}
        <p>
          <a href="/">Back to your home page</a>
        </p>
      </section>
    ),
    { status: c.status },
  );
}
