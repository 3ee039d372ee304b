import type { App, Deps } from '../platform/feature.js';
import { PAGES } from './site.rules.js';
import { lastChanges } from './site.store.js';

/**
 * /sitemap.xml lists the public pages; /robots.txt keeps crawlers out of private areas. The private
 * areas are read from the route table (first path segment of every GET route that needs a login and
 * has no public page), so a new feature is covered without editing this file.
 */

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Path prefixes crawlers are asked to stay out of. */
export function privatePrefixes(routes: readonly { method: string; url: string; access: unknown }[]): string[] {
  const segment = (url: string) => `/${url.split('/')[1] ?? ''}`;
  const gets = routes.filter((r) => r.method === 'GET' && !r.url.startsWith('/assets/'));
  const open = new Set(gets.filter((r) => r.access === 'public').map((r) => segment(r.url)));
  const closed = new Set(gets.filter((r) => r.access !== 'public').map((r) => segment(r.url)));
  const out = new Set([...closed].filter((s) => s !== '/' && !open.has(s)));
  for (const always of ['/api/', '/unsubscribe/', '/setup/', '/reset/']) out.add(always);
  return [...out].sort();
}

export function seoRoutes(app: App, deps: Deps): void {
  const base = deps.config.baseUrl.replace(/\/$/, '');
  app.get('/sitemap.xml', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const changed = await lastChanges(deps.db);
    const entries = [{ path: '/', at: undefined as string | undefined }, ...Object.values(PAGES).map((p) => ({ path: p.path, at: changed.get(p.slug) }))];
    const body = entries.map((e) => `  <url><loc>${xml(base + e.path)}</loc>${e.at ? `<lastmod>${e.at.slice(0, 10)}</lastmod>` : ''}</url>`).join('\n');
    return reply
      .type('application/xml; charset=utf-8')
      .send(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`);
  });
  app.get('/robots.txt', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const lines = ['User-agent: *', ...privatePrefixes(app.routeTable).map((p) => `Disallow: ${p}`), 'Allow: /', '', `Sitemap: ${base}/sitemap.xml`, ''];
    return reply.type('text/plain; charset=utf-8').send(lines.join('\n'));
  });
}
