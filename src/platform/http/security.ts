import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../feature.js';
import { AppError } from '../errors.js';
import { decideAccess, DENIED_HEADER, type Access, type Auth } from './access.js';
import { classify, sendError } from './errors.js';
import { wantsJson } from './pages.js';

export const SESSION_COOKIE = 'tl_session';

const SITE = 'http://touchline.invalid';

/**
 * Where to send a person after login (`/login?next=`): the path given when it surely stays on this
 * site, else `/`. The one place that decides a redirect to a path someone else chose. Refused:
 * anything but a path starting with one `/`; a backslash, a space, a control or non-ASCII
 * character (browsers drop tabs and line breaks, so `/<tab>/evil.invalid` reads as
 * `//evil.invalid`, and a line break in a Location header would be an error); a control,
 * backslash or leading `//` once percent-decoded (`/%2F/evil.invalid`); anything a URL parser
 * resolves to another origin.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return '/';
  // As sent: printable ASCII only (a browser percent-encodes everything else in a URL).
  if (!next.startsWith('/') || next.startsWith('//') || /[^\x21-\x7e]|\\/.test(next)) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return '/';
  }
  // Decoded: letters of any language and spaces may appear, controls and backslashes may not.
  if (decoded.startsWith('//') || /[\x00-\x1f\x7f-\x9f\u2028\u2029\\]/.test(decoded)) return '/';
  const url = new URL(next, SITE);
  return url.origin === SITE && url.pathname.startsWith('/') && !url.pathname.startsWith('//') ? next : '/';
}

/** Routes added by plugins (static files, API docs) that are public by nature: the one list of them. */
const PLUGIN_PUBLIC_PREFIXES = ['/assets/', '/api/docs'];

/**
 * Every route must declare `config.access`; a route without it stops the app from starting.
 * Plugin routes in PLUGIN_PUBLIC_PREFIXES are declared public here.
 */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

export function requireAccessDeclarations(app: App): RouteEntry[] {
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: Access };
    if (config.access === undefined) {
      if (!PLUGIN_PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) throw new Error(`Route ${route.method} ${route.url} declares no access: add config.access.`);
      route.config = { ...(route.config as object), access: 'public' } as typeof route.config;
    }
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access: (route.config as { access: Access }).access });
  });
  return table;
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return h && /^Bearer\s+/i.test(h) ? h.replace(/^Bearer\s+/i, '').trim() : null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Someone a credential belongs to, with whatever the authentication found out on the way. */
export interface Identified {
  auth: Auth;
}

/**
 * How to find out who holds a credential: handed in by the composition root (app.ts), since
 * accounts are a feature and platform knows none.
 */
export interface IdentityDeps<W extends Identified = Identified> {
  bySession(sessionId: string): Promise<W | null>;
  byToken(token: string): Promise<W | null>;
  /** Called once the request's person is known, before access is decided. */
  identified?(req: FastifyRequest, who: W): void;
}

/** Who is asking (session cookie or bearer token), whether they may, and CSRF for cookie requests. */
export function installAccessControl<W extends Identified>(app: App, deps: IdentityDeps<W>): void {
  app.decorateRequest('auth', null);
  // Who is asking, then whether they may: both before the body is even read.
  app.addHook('onRequest', async (req, reply) => {
    if (req.is404) return;
    const token = bearer(req);
    const sid = token ? undefined : req.cookies[SESSION_COOKIE];
    const who = token ? await deps.byToken(token) : sid ? await deps.bySession(sid) : null;
    if (token && !who) throw new AppError('UNAUTHENTICATED', 'That API token is not valid or was revoked. Create a new one on your profile page.');
    if (who) {
      req.auth = who.auth;
      deps.identified?.(req, who);
    }
    const access = (req.routeOptions.config as { access?: Access }).access;
    const decision = decideAccess(access, req.auth);
    if (decision !== 'allow') return deny(req, reply, decision);
  });
  // CSRF once the form is parsed (the token may come in the body), before validation.
  app.addHook('preValidation', async (req, reply) => {
    if (!UNSAFE.has(req.method) || !needsCsrf(req)) return;
    await new Promise<void>((resolve, reject) => app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve())));
  });
}

function needsCsrf(req: FastifyRequest): boolean {
  if (req.auth?.via === 'token') return false;
  // An API call without our cookie carries no ambient credentials, so it cannot be forged.
  return !(req.url.startsWith('/api/') && !req.cookies[SESSION_COOKIE]);
}

async function deny(req: FastifyRequest, reply: FastifyReply, decision: 'login' | 'role' | 'undeclared') {
  reply.header(DENIED_HEADER, decision);
  if (decision === 'login') {
    if (!wantsJson(req) && req.method === 'GET') return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    return sendError(req, reply, classify(new AppError('UNAUTHENTICATED', 'Log in first.')));
  }
  if (decision === 'undeclared') return sendError(req, reply, classify(new Error('route declares no access')));
  return sendError(req, reply, classify(new AppError('FORBIDDEN', 'Your roles do not give access to this page. Ask the region administrator if you need it.')));
}
