import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Layout, type ViewCtx } from '../views/layout.js';
import type { NavItem } from '../feature.js';
import { decideAccess } from './access.js';

let navItems: NavItem[] = [];

/** Set once by buildApp from every feature's menu entries. */
export function setNavigation(items: NavItem[]): void {
  navItems = [...items].sort((a, b) => a.order - b.order);
}

const FLASH_COOKIE = 'tl_flash';

/** A one-time message shown on the next page (after a redirect). */
export function flash(reply: FastifyReply, message: string): void {
  reply.setCookie(FLASH_COOKIE, message, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

export async function viewCtx(req: FastifyRequest, reply: FastifyReply): Promise<ViewCtx> {
  let regionName = 'Touchline';
  try {
    const c = await req.regionConfig();
    regionName = `Region ${c.region.number} ${c.region.name}`;
  } catch {
    // The page still renders (for instance the error page while the database is down).
  }
  const message = req.cookies?.[FLASH_COOKIE];
  if (message) reply.clearCookie(FLASH_COOKIE, { path: '/' });
  return {
    auth: req.auth,
    csrf: reply.generateCsrf(),
    regionName,
    path: req.url.split('?')[0] ?? '/',
    nav: navItems.filter((n) => decideAccess(n.access, req.auth) === 'allow').map((n) => ({ href: n.href, label: n.label })),
    flash: message ?? null,
  };
}

export function html(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${renderToString(node)}`);
}

export interface PageOptions {
  status?: number;
  description?: string;
  indexable?: boolean;
}

/** Renders a whole page in the layout; an htmx request for a fragment uses `fragment` instead. */
export async function page(req: FastifyRequest, reply: FastifyReply, title: string, body: (ctx: ViewCtx) => VNode, opts: PageOptions = {}): Promise<FastifyReply> {
  const ctx = await viewCtx(req, reply);
  return html(
    reply,
    <Layout ctx={ctx} title={title} description={opts.description} indexable={opts.indexable}>
      {body(ctx)}
    </Layout>,
    opts.status,
  );
}

export function fragment(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderToString(node));
}

export const isHtmx = (req: FastifyRequest) => req.headers['hx-request'] === 'true';

/** True when the client wants JSON (the API, or Accept: application/json before text/html). */
export function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}
