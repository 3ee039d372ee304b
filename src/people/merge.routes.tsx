import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { App, Deps, Feature } from '../platform/feature.js';
import { AppError } from '../platform/errors.js';
import { flash, page } from '../platform/http/pages.js';
import { actorOf, formBody, formList, handleForm } from '../platform/http/forms.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import type { Role } from '../platform/roles.js';
import { describeMerge, type MergeSummary } from './merge.rules.js';
import { candidates, duplicateGroups, mergeAccounts, previewMerge } from './merge.service.js';
import { recentMerges } from './merge.store.js';
import { DuplicatesView, ReviewView, type MergeHistoryRow } from './merge.views.js';

/** Who merges duplicate accounts. */
export const MERGE_ROLES: readonly Role[] = ['registrar', 'region-administrator'];
const ACCESS = { access: MERGE_ROLES };
const hidden = { hide: true };

const nameOf = (first: string | null, last: string | null) => (first === null ? '(unknown)' : `${first} ${last ?? ''}`.trim());

async function history(deps: Deps): Promise<MergeHistoryRow[]> {
  return (await recentMerges(deps.db, 20)).map((m) => {
    const s = JSON.parse(m.summary_json) as Partial<MergeSummary>;
    return {
      at: m.at,
      kept: nameOf(m.kept_first, m.kept_last),
      merged: nameOf(m.merged_first, m.merged_last),
      by: m.by_first === null ? '(command line or API)' : nameOf(m.by_first, m.by_last),
      moved: Object.values(s.moved ?? {}).reduce((a, b) => a + b, 0),
      dropped: s.dropped?.length ?? 0,
    };
  });
}

async function listPage(req: FastifyRequest, reply: FastifyReply, deps: Deps, errors?: string[], status = 200) {
  const [groups, rows] = await Promise.all([duplicateGroups(deps.db), history(deps)]);
  return page(req, reply, 'Duplicate accounts', () => <DuplicatesView groups={groups} history={rows} errors={errors} />, { status });
}

async function reviewPage(req: FastifyRequest, reply: FastifyReply, deps: Deps) {
  const q = req.query as { keep?: string; account?: string | string[] };
  const keep = String(q.keep ?? '');
  const accounts = [q.account ?? []].flat().map(String);
  const people = await candidates(deps.db, [keep, ...accounts]);
  const kept = people.find((p) => p.id === keep);
  const others = people.filter((p) => p.id !== keep && accounts.includes(p.id));
  if (!kept) throw new AppError('VALIDATION', 'Pick the account to keep.');
  const summaries = await previewMerge(
    deps,
    keep,
    others.map((p) => p.id),
  );
  const previews = others.map((person, i) => ({ person, summary: summaries[i]! }));
  return page(req, reply, 'Review the merge', (ctx) => <ReviewView ctx={ctx} kept={kept} previews={previews} />);
}

function pages(app: App, deps: Deps) {
  app.get('/admin/duplicates', { config: ACCESS, schema: hidden }, (req, reply) => listPage(req, reply, deps));
  app.get('/admin/duplicates/review', { config: ACCESS, schema: hidden }, (req, reply) =>
    handleForm(
      reply,
      () => reviewPage(req, reply, deps),
      (errors, status) => listPage(req, reply, deps, errors, status),
    ),
  );
  app.post('/admin/duplicates/merge', { config: ACCESS, schema: hidden }, async (req, reply) => {
    const keep = formBody(req).keep ?? '';
    return handleForm(
      reply,
      async () => {
        const summaries = await mergeAccounts(deps, actorOf(req), keep, formList(req, 'merge'));
        const [kept] = await candidates(deps.db, [keep]);
        flash(reply, describeMerge(summaries, kept ? `${kept.firstName} ${kept.lastName}` : 'the kept account'));
        return reply.redirect('/admin/duplicates', 303);
      },
      (errors, status) => listPage(req, reply, deps, errors, status),
    );
  });
}

const Person = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  canLogIn: Type.Boolean(),
  roles: Type.Integer(),
  applications: Type.Integer(),
  completions: Type.Integer(),
});

const Summary = Type.Object({
  keptId: Type.String(),
  mergedId: Type.String(),
  moved: Type.Record(Type.String(), Type.Integer(), { description: '"table.column" -> rows moved to the kept account' }),
  deleted: Type.Record(Type.String(), Type.Integer()),
  dropped: Type.Array(
    Type.Object({
      table: Type.String(),
      from: Type.String(),
      reason: Type.String(),
      key: Type.Record(Type.String(), Type.Unknown()),
      row: Type.Record(Type.String(), Type.Unknown()),
    }),
    { description: 'Rows both accounts held: one stayed, this one is recorded here' },
  ),
  email: Type.Object({ merged: Type.Union([Type.String(), Type.Null()]), movedToKept: Type.Boolean() }),
  filled: Type.Record(Type.String(), Type.String()),
});

function api(app: App, deps: Deps) {
  app.get(
    '/api/v1/people/duplicates',
    {
      config: ACCESS,
      schema: {
        tags: ['people'],
        summary: 'Groups of accounts that look like one person (same email, or same name and date of birth)',
        response: { 200: Type.Array(Type.Object({ reasons: Type.Array(Type.String()), people: Type.Array(Person) })) },
      },
    },
    async () => duplicateGroups(deps.db),
  );
  app.post(
    '/api/v1/people/merges',
    {
      config: ACCESS,
      schema: {
        tags: ['people'],
        summary: 'Merge accounts into one: every record moves to the kept account (all or nothing, audited); dryRun answers the same without merging',
        body: Type.Object({ keptId: Type.String(), mergedIds: Type.Array(Type.String(), { minItems: 1 }), dryRun: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Array(Summary), 201: Type.Array(Summary), 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const { keptId, mergedIds, dryRun } = req.body;
      if (dryRun) return reply.code(200).send(await previewMerge(deps, keptId, mergedIds));
      return reply.code(201).send(await mergeAccounts(deps, actorOf(req), keptId, mergedIds));
    },
  );
}

export const mergeFeature: Feature = {
  name: 'merge',
  nav: [{ href: '/admin/duplicates', label: 'Duplicates', access: MERGE_ROLES, order: 72 }],
  routes: (app, deps) => {
    pages(app, deps);
    api(app, deps);
  },
};
