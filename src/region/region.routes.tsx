import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { App, Deps, Feature } from '../platform/feature.js';
import { flash, page } from '../platform/http/pages.js';
import { actorOf, formBody, formList, formVersion, handleForm } from '../platform/http/forms.js';
import { hasAnyRole } from '../platform/http/access.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { notFound } from '../platform/errors.js';
import { BOARD_ROLES } from '../platform/roles.js';
import type { RegionConfig } from './region.schemas.js';
import { RegionConfigAnswerSchema, RegionConfigSchema } from './region.schemas.js';
import { editRegionConfig, getStoredConfig, saveRegionConfig } from './region.service.js';
import { addNextMembershipYear, applyDetails, removeField, updateDivision, upsertField } from './config-edits.rules.js';
import { configForReader } from './region.rules.js';
import { DivisionForm, FieldForm, JsonEditor, RegionOverview } from './region.views.js';

const VIEW = { access: BOARD_ROLES };
const EDIT = { access: ['region-administrator'] as const };
const hidden = { hide: true };
/** The JSON editor's form: a whole configuration is longer than the input guard's default for text. */
const jsonForm = { ...hidden, body: Type.Object({ doc: Type.Optional(Type.String({ maxLength: 200_000 })) }) };

function pageRoutes(app: App, deps: Deps) {
  const overview = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const s = await getStoredConfig(deps.db);
    const canEdit = hasAnyRole(req.auth, ['region-administrator']);
    return page(req, reply, 'Region configuration', (ctx) => <RegionOverview ctx={ctx} c={s.config} version={s.version} canEdit={canEdit} errors={errors} />, { status });
  };
  /** A form that edits the configuration, then returns to the overview with a message. */
  const edit =
    (
      action: string,
      done: string,
      apply: (c: RegionConfig, req: FastifyRequest) => void,
      rerender?: (req: FastifyRequest, reply: FastifyReply, errors: string[], status: number) => Promise<FastifyReply>,
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) =>
      handleForm(
        reply,
        async () => {
          await editRegionConfig(deps.db, deps.clock, actorOf(req), formVersion(formBody(req)), action, (c) => apply(c, req));
          flash(reply, done);
          return reply.redirect('/admin/region', 303);
        },
        (errors, status) => (rerender ?? ((r, p, e, s) => overview(r, p, e, s)))(req, reply, errors, status),
      );
  app.get('/admin/region', { config: VIEW, schema: hidden }, (req, reply) => overview(req, reply));
  app.post(
    '/admin/region/details',
    { config: EDIT, schema: hidden },
    edit('region.details', 'Region details saved.', (c, req) => applyDetails(c, formBody(req))),
  );
  app.post(
    '/admin/region/years',
    { config: EDIT, schema: hidden },
    edit('region.year.add', 'The next membership year is added.', (c) => addNextMembershipYear(c)),
  );
  const fieldPage = async (req: FastifyRequest, reply: FastifyReply, errors: string[] = [], status = 200) => {
    const s = await getStoredConfig(deps.db);
    const id = (req.params as { id?: string }).id;
    const f = id ? s.config.fields.find((x) => x.id === id) : {};
    if (!f) throw notFound('That field');
    const values = errors.length ? { ...f, ...formBody(req) } : f;
    return page(req, reply, 'Field', (ctx) => <FieldForm ctx={ctx} f={values} version={s.version} errors={errors} />, { status });
  };
  app.get('/admin/region/fields/new', { config: EDIT, schema: hidden }, (req, reply) => fieldPage(req, reply));
  app.get('/admin/region/fields/:id', { config: EDIT, schema: hidden }, (req, reply) => fieldPage(req, reply));
  app.post(
    '/admin/region/fields',
    { config: EDIT, schema: hidden },
    edit('region.field.add', 'Field added.', (c, req) => void upsertField(c, null, formBody(req)), fieldPage),
  );
  app.post(
    '/admin/region/fields/:id',
    { config: EDIT, schema: hidden },
    edit('region.field.update', 'Field saved.', (c, req) => void upsertField(c, (req.params as { id: string }).id, formBody(req)), fieldPage),
  );
  app.post(
    '/admin/region/fields/:id/delete',
    { config: EDIT, schema: hidden },
    edit('region.field.remove', 'Field removed.', (c, req) => removeField(c, (req.params as { id: string }).id), fieldPage),
  );
  const divisionPage = async (req: FastifyRequest, reply: FastifyReply, errors: string[] = [], status = 200) => {
    const s = await getStoredConfig(deps.db);
    const d = s.config.divisions.find((x) => x.code === (req.params as { code: string }).code);
    if (!d) throw notFound('That division');
    return page(req, reply, d.name, (ctx) => <DivisionForm ctx={ctx} d={d} c={s.config} version={s.version} errors={errors} />, { status });
  };
  app.get('/admin/region/divisions/:code', { config: EDIT, schema: hidden }, (req, reply) => divisionPage(req, reply));
  app.post(
    '/admin/region/divisions/:code',
    { config: EDIT, schema: hidden },
    edit(
      'region.division.update',
      'Division saved.',
      (c, req) => void updateDivision(c, (req.params as { code: string }).code, { ...formBody(req), programs: formList(req, 'programs'), fieldIds: formList(req, 'fieldIds') }),
      divisionPage,
    ),
  );
  const jsonPage = async (req: FastifyRequest, reply: FastifyReply, text?: string, errors?: string[], status = 200) => {
    const s = await getStoredConfig(deps.db);
    return page(req, reply, 'Edit configuration', (ctx) => <JsonEditor ctx={ctx} text={text ?? JSON.stringify(s.config, null, 2)} version={s.version} errors={errors} />, {
      status,
    });
  };
  app.get('/admin/region/json', { config: EDIT, schema: hidden }, (req, reply) => jsonPage(req, reply));
  app.post('/admin/region/json', { config: EDIT, schema: jsonForm }, async (req, reply) => {
    const f = formBody(req);
    let doc: unknown;
    try {
      doc = JSON.parse(f.doc ?? '');
    } catch (e) {
      return jsonPage(req, reply, f.doc, [`The text is not valid JSON: ${(e as Error).message}`], 422);
    }
    return handleForm(
      reply,
      async () => {
        await saveRegionConfig(deps.db, deps.clock, actorOf(req), doc, formVersion(f), 'region.replace');
        flash(reply, 'Configuration saved.');
        return reply.redirect('/admin/region', 303);
      },
      (errors, status) => jsonPage(req, reply, f.doc, errors, status),
    );
  });
  app.get('/admin/region/export', { config: VIEW, schema: hidden }, async (_req, reply) => {
    const s = await getStoredConfig(deps.db);
    return reply
      .header('content-disposition', 'attachment; filename="region.json"')
      .type('application/json')
      .send(JSON.stringify(s.config, null, 2));
  });
}

function apiRoutes(app: App, deps: Deps) {
  const Versioned = Type.Object({ version: Type.Integer(), config: RegionConfigSchema });
  app.get(
    '/api/v1/region',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['region'],
        summary: 'The region configuration and its version',
        description:
          "The contacts' emails are answered to the board only (registrar, coach administrator, safety director, region administrator); anyone else gets their names and roles.",
        response: { 200: Type.Object({ version: Type.Integer(), config: RegionConfigAnswerSchema }) },
      },
    },
    async (req) => {
      const s = await getStoredConfig(deps.db);
      return { version: s.version, config: configForReader(s.config, hasAnyRole(req.auth, BOARD_ROLES)) };
    },
  );
  app.put(
    '/api/v1/region',
    {
      config: EDIT,
      schema: {
        tags: ['region'],
        summary: 'Replace the region configuration (checked whole; nothing saved on any problem)',
        description: 'Send `If-Match: <version>` to refuse the change when someone saved in between (409 STALE).',
        body: Type.Unknown(),
        response: { 200: Versioned, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      const ifMatch = req.headers['if-match'];
      const s = await saveRegionConfig(deps.db, deps.clock, actorOf(req), req.body, ifMatch && /^\d+$/.test(ifMatch) ? Number(ifMatch) : null, 'region.replace');
      return { version: s.version, config: s.config };
    },
  );
}

export const regionFeature: Feature = {
  name: 'region',
  nav: [{ href: '/admin/region', label: 'Region', access: BOARD_ROLES, order: 80 }],
  routes: (app, deps) => {
    pageRoutes(app, deps);
    apiRoutes(app, deps);
  },
};
