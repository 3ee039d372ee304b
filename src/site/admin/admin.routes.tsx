/** The region administrator's side of the public pages: Markdown editor with preview, history, restore, resources. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import type { Role } from '../../platform/roles.js';
import { AppError } from '../../platform/errors.js';
import { flash, fragment, page } from '../../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../../platform/http/forms.js';
import { readUpload } from '../../platform/http/uploads.js';
import { liveParts } from '../live-parts.service.js';
import { addResource, MAX_RESOURCE_BYTES, removeResource } from '../resources.service.js';
import { LIMITS, PAGE_SLUGS, PAGES, type PageSlug } from '../site.rules.js';
import { currentPage, pageHistory, pageSlug, restoreRevision, revisionContent, savePage } from '../site.service.js';
import { listResources } from '../site.store.js';
import { EditorView, HistoryView, Preview, RevisionView, SiteAdminView, type EditorState } from './admin.views.js';
import { ResourcesAdminView, type ResourceFormState } from './resources.views.js';

const hidden = { hide: true };
/** The page editor's form: the Markdown may be longer than the input guard's default for text. */
const pageForm = { ...hidden, body: Type.Object({ markdown: Type.Optional(Type.String({ maxLength: LIMITS.markdown })) }) };
type SlugReq = FastifyRequest<{ Params: { slug: string } }>;

function revisionNumber(v: string): number {
  if (!/^\d{1,9}$/.test(v)) throw new AppError('NOT_FOUND', 'There is no such revision: open the history to see them all.');
  return Number(v);
}

function editorRoutes(app: App, deps: Deps, config: { access: readonly Role[] }) {
  const editor = async (req: FastifyRequest, reply: FastifyReply, slug: PageSlug, state: EditorState | null, status = 200) => {
    const region = await req.regionConfig();
    let s: EditorState;
    if (state) s = state;
    else {
      const c = await currentPage(deps.db, region, slug);
      s = { values: { title: c.title, description: c.description, markdown: c.markdown, base: c.revision } };
    }
    const live = await liveParts(deps, region, s.values.markdown, null);
    return page(req, reply, `Edit ${PAGES[slug].name}`, (ctx) => <EditorView ctx={ctx} slug={slug} state={s} live={{ ...live, csrf: ctx.csrf }} />, { status });
  };
  app.get('/admin/site/pages/:slug', { config, schema: hidden }, (req: SlugReq, reply) => editor(req, reply, pageSlug(req.params.slug), null));
  app.post('/admin/site/pages/:slug', { config, schema: pageForm }, async (req: SlugReq, reply) => {
    const slug = pageSlug(req.params.slug);
    const f = formBody(req);
    const values = { title: f.title ?? '', description: f.description ?? '', markdown: f.markdown ?? '', base: /^\d+$/.test(f.base ?? '') ? Number(f.base) : 0 };
    if (f.action === 'preview') return editor(req, reply, slug, { values, preview: true });
    return handleForm(
      reply,
      async () => {
        const n = await savePage(deps, actorOf(req), slug, values, values.base);
        flash(reply, `Published: revision ${n} of the ${PAGES[slug].name}.`);
        return reply.redirect(PAGES[slug].path, 303);
      },
      (errors, status) => editor(req, reply, slug, { values, errors, preview: true }, status),
    );
  });
  app.post('/admin/site/pages/:slug/preview', { config, schema: pageForm }, async (req: SlugReq, reply) => {
    pageSlug(req.params.slug);
    const markdown = formBody(req).markdown ?? '';
    const live = await liveParts(deps, await req.regionConfig(), markdown, null);
    return fragment(reply, <Preview markdown={markdown} live={{ ...live, csrf: reply.generateCsrf() }} />);
  });
}

function historyRoutes(app: App, deps: Deps, config: { access: readonly Role[] }) {
  type RevReq = FastifyRequest<{ Params: { slug: string; number: string } }>;
  app.get('/admin/site/pages/:slug/history', { config, schema: hidden }, async (req: SlugReq, reply) => {
    const slug = pageSlug(req.params.slug);
    const [revisions, current] = await Promise.all([pageHistory(deps.db, slug), currentPage(deps.db, await req.regionConfig(), slug)]);
    return page(req, reply, `History of ${PAGES[slug].name}`, (ctx) => <HistoryView ctx={ctx} slug={slug} revisions={revisions} current={current.revision} />);
  });
  app.get('/admin/site/pages/:slug/revisions/:number', { config, schema: hidden }, async (req: RevReq, reply) => {
    const slug = pageSlug(req.params.slug);
    const region = await req.regionConfig();
    const content = await revisionContent(deps.db, region, slug, revisionNumber(req.params.number));
    const current = await currentPage(deps.db, region, slug);
    const live = await liveParts(deps, region, content.markdown, null);
    return page(req, reply, `${PAGES[slug].name}, revision ${content.revision}`, (ctx) => (
      <RevisionView ctx={ctx} slug={slug} content={content} current={current.revision} live={{ ...live, csrf: ctx.csrf }} />
    ));
  });
  app.post('/admin/site/pages/:slug/revisions/:number/restore', { config, schema: hidden }, async (req: RevReq, reply) => {
    const slug = pageSlug(req.params.slug);
    const from = revisionNumber(req.params.number);
    const n = await restoreRevision(deps, actorOf(req), slug, from);
    flash(reply, `Restored ${from === 0 ? 'the default text' : `revision ${from}`} as revision ${n}.`);
    return reply.redirect(`/admin/site/pages/${slug}/history`, 303);
  });
}

function resourceRoutes(app: App, deps: Deps, config: { access: readonly Role[] }) {
  const show = async (req: FastifyRequest, reply: FastifyReply, state: ResourceFormState = {}, status = 200) => {
    const resources = await listResources(deps.db);
    return page(req, reply, 'Coach resources', (ctx) => <ResourcesAdminView ctx={ctx} resources={resources} state={state} />, { status });
  };
  app.get('/admin/site/resources', { config, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/admin/site/resources', { config, schema: hidden }, async (req, reply) => {
    let values: Record<string, string> = {};
    return handleForm(
      reply,
      async () => {
        const form = await readUpload(req, MAX_RESOURCE_BYTES, 'file');
        values = form.fields;
        await addResource(deps, actorOf(req), { category: values.category ?? '', title: values.title ?? '', note: values.note ?? '', url: values.url ?? '', file: form.file });
        flash(reply, `Added "${(values.title ?? '').trim()}" to the resources page.`);
        return reply.redirect('/admin/site/resources', 303);
      },
      (errors, status) => show(req, reply, { values, errors }, status),
    );
  });
  app.post('/admin/site/resources/:id/remove', { config, schema: hidden }, async (req, reply) => {
    await removeResource(deps, actorOf(req), (req.params as { id: string }).id);
    flash(reply, 'Removed from the resources page.');
    return reply.redirect('/admin/site/resources', 303);
  });
}

export function siteAdminRoutes(app: App, deps: Deps, editors: readonly Role[]): void {
  const config = { access: editors };
  app.get('/admin/site', { config, schema: hidden }, async (req, reply) => {
    const region = await req.regionConfig();
    const [pages, resources] = await Promise.all([Promise.all(PAGE_SLUGS.map((s) => currentPage(deps.db, region, s))), listResources(deps.db)]);
    return page(req, reply, 'Public pages', (ctx) => <SiteAdminView ctx={ctx} pages={pages} resources={resources.length} />);
  });
  editorRoutes(app, deps, config);
  historyRoutes(app, deps, config);
  resourceRoutes(app, deps, config);
}
