import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import type { Role } from '../platform/roles.js';
import { actorOf } from '../platform/http/forms.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { renderMarkdown } from './markdown.rules.js';
import { LIMITS, PAGE_SLUGS, PAGES } from './site.rules.js';
import { currentPage, pageHistory, pageSlug, restoreRevision, savePage } from './site.service.js';
import { listResources } from './site.store.js';
import { getRegionConfig } from '../region/index.js';

const tags = ['site'];
const Slug = Type.Object({ slug: Type.String({ description: PAGE_SLUGS.join(' | ') }) });
const PageJson = Type.Object({
  slug: Type.String(),
  path: Type.String(),
  title: Type.String(),
  description: Type.String(),
  markdown: Type.String({ description: 'lines {{steps}}, {{coach-courses}}, {{practice-rules}}, {{resources}}, {{contact-form}} are live parts' }),
  html: Type.String({ description: 'the Markdown as sanitized HTML (live parts left as text)' }),
  revision: Type.Integer({ description: '0 while the page shows its default text' }),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
const RevisionJson = Type.Object({
  number: Type.Integer(),
  title: Type.String(),
  createdAt: Type.String(),
  createdByName: Type.String(),
  restoredFrom: Type.Union([Type.Integer(), Type.Null()]),
});
const ResourceJson = Type.Object({ id: Type.String(), category: Type.String(), title: Type.String(), note: Type.String(), href: Type.String(), createdAt: Type.String() });

/** /api/v1/site: the public pages (read by anyone, saved by the editors) and the resource list. */
export function siteApi(app: App, deps: Deps, editors: readonly Role[]): void {
  const pageJson = async (slug: string) => {
    const c = await currentPage(deps.db, await getRegionConfig(deps.db), pageSlug(slug));
    return {
      slug: c.slug,
      path: PAGES[c.slug].path,
      title: c.title,
      description: c.description,
      markdown: c.markdown,
      html: renderMarkdown(c.markdown),
      revision: c.revision,
      updatedAt: c.updatedAt,
    };
  };
  app.get(
    '/api/v1/site/pages/:slug',
    { config: { access: 'public' }, schema: { tags, summary: 'A public page as it is shown now', security: [], params: Slug, response: { 200: PageJson, 404: ErrorSchema } } },
    async (req) => pageJson(req.params.slug),
  );
  app.put(
    '/api/v1/site/pages/:slug',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Publish a new revision of a page; with baseRevision, refused (409 STALE) when someone saved since',
        params: Slug,
        body: Type.Object({
          title: Type.String({ maxLength: LIMITS.title }),
          description: Type.String({ maxLength: LIMITS.description }),
          markdown: Type.String({ maxLength: LIMITS.markdown }),
          baseRevision: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: PageJson, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      await savePage(deps, actorOf(req), pageSlug(req.params.slug), req.body, req.body.baseRevision ?? null);
      return pageJson(req.params.slug);
    },
  );
  app.get(
    '/api/v1/site/pages/:slug/revisions',
    { config: { access: editors }, schema: { tags, summary: "A page's revisions, newest first", params: Slug, response: { 200: Type.Array(RevisionJson), 404: ErrorSchema } } },
    async (req) =>
      (await pageHistory(deps.db, pageSlug(req.params.slug))).map((r) => ({
        number: r.number,
        title: r.title,
        createdAt: r.createdAt,
        createdByName: r.createdByName,
        restoredFrom: r.restoredFrom,
      })),
  );
  app.post(
    '/api/v1/site/pages/:slug/revisions/:number/restore',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Publish an old revision again as a new one (0: the default text)',
        params: Type.Object({ slug: Type.String(), number: Type.Integer({ minimum: 0 }) }),
        response: { 200: PageJson, 404: ErrorSchema },
      },
    },
    async (req) => {
      await restoreRevision(deps, actorOf(req), pageSlug(req.params.slug), req.params.number);
      return pageJson(req.params.slug);
    },
  );
  app.get(
    '/api/v1/site/resources',
    { config: { access: 'public' }, schema: { tags, summary: 'Coach resources listed on the resources page', security: [], response: { 200: Type.Array(ResourceJson) } } },
    async () =>
      (await listResources(deps.db)).map((r) => ({
        id: r.id,
        category: r.category,
        title: r.title,
        note: r.note,
        href: r.fileId ? `/coaches/resources/files/${r.fileId}` : (r.url ?? ''),
        createdAt: r.createdAt,
      })),
  );
}
