/**
 * The region's public coach pages (no login): the coaches page, its FAQ, resources and contact,
 * plus /sitemap.xml and /robots.txt; the administrator's editor is in admin/admin.routes.tsx.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps, Feature } from '../platform/feature.js';
import type { Role } from '../platform/roles.js';
import { hasAnyRole } from '../platform/http/access.js';
import { flash, page } from '../platform/http/pages.js';
import { formBody, handleForm } from '../platform/http/forms.js';
import { enableUploads } from '../platform/http/uploads.js';
import { sendContactMessage } from './contact.service.js';
import { liveParts } from './live-parts.service.js';
import { resourceFile } from './resources.service.js';
import { PAGES, type PageSlug } from './site.rules.js';
import { currentPage } from './site.service.js';
import { PublicPageView, type LiveParts } from './site.views.js';
import { siteAdminRoutes } from './admin/admin.routes.js';
import { seoRoutes } from './seo.routes.js';
import { siteApi } from './site.api.js';

/** Who edits the public pages and their resources. */
export const SITE_EDITORS: readonly Role[] = ['region-administrator'];
const PUBLIC = { access: 'public' as const };
const hidden = { hide: true };

/** The contact page always has its form, even when an edit removed the {{contact-form}} line. */
const withForm = (slug: PageSlug, markdown: string) =>
  slug === 'contact' && !/^\s*\{\{\s*contact-form\s*\}\}\s*$/m.test(markdown) ? `${markdown}\n\n{{contact-form}}\n` : markdown;

export async function showPublicPage(deps: Deps, req: FastifyRequest, reply: FastifyReply, slug: PageSlug, contactForm?: LiveParts['contactForm'], status = 200) {
  const config = await req.regionConfig();
  const content = await currentPage(deps.db, config, slug);
  const markdown = withForm(slug, content.markdown);
  // A logged-in visitor does not retype their name and address.
  const form = contactForm ?? { values: req.auth ? { name: req.auth.name, email: req.auth.email } : {} };
  const live = await liveParts(deps, config, markdown, req.auth?.personId ?? null, form);
  return page(
    req,
    reply,
    content.title,
    (ctx) => <PublicPageView ctx={ctx} slug={slug} title={content.title} markdown={markdown} live={{ ...live, csrf: ctx.csrf }} canEdit={hasAnyRole(req.auth, SITE_EDITORS)} />,
    {
      indexable: true,
      description: content.description,
      status,
    },
  );
}

function publicRoutes(app: App, deps: Deps) {
  for (const p of Object.values(PAGES)) app.get(p.path, { config: PUBLIC, schema: hidden }, (req, reply) => showPublicPage(deps, req, reply, p.slug));
  app.post('/contact', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const r = await sendContactMessage(deps, req.ip, { to: f.to ?? '', name: f.name ?? '', email: f.email ?? '', message: f.message ?? '', website: f.website ?? '' });
        flash(reply, `Thank you: your message is on its way to ${r.toLabel}. The answer comes by mail.`);
        return reply.redirect('/contact', 303);
      },
      (errors, status) => showPublicPage(deps, req, reply, 'contact', { values: f, errors }, status),
    );
  });
  app.get('/coaches/resources/files/:id', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const f = await resourceFile(deps, (req.params as { id: string }).id);
    return reply
      .type(f.contentType)
      .header('content-disposition', `inline; filename="${f.fileName.replace(/[^\w.\- ]/g, '_')}"`)
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(f.data);
  });
}

export const siteFeature: Feature = {
  name: 'site',
  nav: [
    { href: '/coaches', label: 'For coaches', access: 'public', order: 5 },
    { href: '/admin/site', label: 'Public pages', access: SITE_EDITORS, order: 84 },
  ],
  routes: async (app, deps) => {
    await enableUploads(app);
    publicRoutes(app, deps);
    siteAdminRoutes(app, deps, SITE_EDITORS);
    seoRoutes(app, deps);
    siteApi(app, deps, SITE_EDITORS);
  },
};
