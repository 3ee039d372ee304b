import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { actorOf } from '../../platform/http/forms.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { getRegionConfig } from '../../region/index.js';
import { BADGE_BOARD, resolveSeason } from '../badges.service.js';
import { printSheet, reprintRun, runSheet } from './print.service.js';
import { listRuns } from './runs.store.js';

/** /api/v1 print runs: print a sheet, list what was printed when, download a run's sheet, reprint. */

const tags = ['badges'];
const BOARD = { access: BADGE_BOARD };
const Id = Type.Object({ id: Type.String() });
const Created = Type.Object({ runId: Type.String(), count: Type.Integer(), sheetUrl: Type.String() });

export function printApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/badges/print-runs',
    {
      config: BOARD,
      schema: {
        tags,
        summary: 'Print a sheet: every eligible coach not yet printed, or the chosen people; recorded as a run, audited',
        description:
          'Coaches printed on a sheet for the first time this season are mailed that their badge is ready. `reissue` gives the chosen coaches new badges (new QR codes); their old ones stop being valid. The sheet is made before anything is recorded: when it cannot be made (422 PHOTO_UNPRINTABLE naming the coach whose stored photo cannot be read, or a 500), no badge is issued, no run recorded and no mail queued.',
        body: Type.Object({
          season: Type.Optional(Type.String()),
          personIds: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 2000 })),
          reissue: Type.Optional(Type.Boolean()),
        }),
        response: { 201: Created, 403: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const r = await printSheet(deps, actorOf(req), { seasonId: req.body.season, personIds: req.body.personIds ?? null, reissue: req.body.reissue ?? false });
      return reply.code(201).send({ runId: r.runId, count: r.count, sheetUrl: `/api/v1/badges/print-runs/${r.runId}/sheet.pdf` });
    },
  );
  app.get(
    '/api/v1/badges/print-runs',
    {
      config: BOARD,
      schema: {
        tags,
        summary: 'What was printed when in a season, newest first',
        querystring: Type.Object({ season: Type.Optional(Type.String()) }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              kind: Type.String({ description: 'sheet, reprint or download' }),
              reprintOf: Type.Union([Type.String(), Type.Null()]),
              badgeCount: Type.Integer(),
              printedAt: Type.String(),
              printedBy: Type.String(),
            }),
          ),
          422: ErrorSchema,
        },
      },
    },
    async (req) => {
      const season = resolveSeason(await getRegionConfig(deps.db), deps, req.query.season);
      return (await listRuns(deps.db, season.id, 500)).map((r) => ({
        id: r.id,
        kind: r.kind,
        reprintOf: r.reprintOf,
        badgeCount: r.badgeCount,
        printedAt: r.printedAt,
        printedBy: r.printedByName,
      }));
    },
  );
  app.get(
    '/api/v1/badges/print-runs/:id/sheet.pdf',
    {
      config: BOARD,
      schema: {
        tags,
        summary: 'The print sheet of a run (letter paper, 8 badges a page, crop marks)',
        params: Id,
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the PDF' }), 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await runSheet(deps, req.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store').send(Buffer.from(pdf));
    },
  );
  app.post(
    '/api/v1/badges/print-runs/:id/reprint',
    {
      config: BOARD,
      schema: {
        tags,
        summary: 'Print a run again with the same QR codes (badges replaced or no longer eligible are left out); recorded, audited',
        params: Id,
        response: { 201: Type.Composite([Created, Type.Object({ skipped: Type.Integer() })]), 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const r = await reprintRun(deps, actorOf(req), req.params.id);
      return reply.code(201).send({ runId: r.runId, count: r.count, skipped: r.skipped, sheetUrl: `/api/v1/badges/print-runs/${r.runId}/sheet.pdf` });
    },
  );
}
