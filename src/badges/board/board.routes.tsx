/**
 * The badge board (coach administrator, region administrator): the list of coaches with what each
 * is missing, printed or not, its CSV export, the photo approval queue, print sheets and runs.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { flash, page } from '../../platform/http/pages.js';
import { actorOf, formBody, formList, handleForm } from '../../platform/http/forms.js';
import { writeCsv } from '../../platform/csv.js';
import { allSeasons } from '../../region/index.js';
import { BOARD_STATUSES, type BoardStatus } from '../badges.rules.js';
import { BADGE_BOARD, boardList } from '../badges.service.js';
import { decidePhoto, photoQueue, readDecision } from '../photos/photos.service.js';
import { printSheet, reprintRun, runSheet } from '../print/print.service.js';
import { findRun, listRuns, runBadges } from '../print/runs.store.js';
import { BoardView, type BoardProps } from './board.views.js';
import { PhotoQueueView, RunView, type QueueState } from './queue.views.js';
import { roleText } from '../badges.views.js';
import { CSV_HEADER, csvCells } from './board.csv.js';

const BOARD = { access: BADGE_BOARD };
const hidden = { hide: true };

const one = (v: unknown) => (Array.isArray(v) ? String(v.at(-1) ?? '') : v === undefined ? '' : String(v));
const statusOf = (v: string): BoardStatus | '' => ((BOARD_STATUSES as readonly string[]).includes(v) ? (v as BoardStatus) : '');

async function boardProps(req: FastifyRequest, deps: Deps, season: string, status: BoardStatus | '', errors?: string[]): Promise<BoardProps> {
  const config = await req.regionConfig();
  const list = await boardList(deps, season || undefined, config);
  const counts = { eligible: 0, printed: 0, blocked: 0 };
  for (const r of list.rows) counts[r.status]++;
  const [pending, runs] = await Promise.all([photoQueue(deps), listRuns(deps.db, list.season.id, 20)]);
  const seasons = allSeasons(config).map((s) => ({ id: s.season.id, name: s.season.name }));
  return { seasons, season: list.season, status, rows: status ? list.rows.filter((r) => r.status === status) : list.rows, counts, pendingPhotos: pending.length, runs, errors };
}

function boardPages(app: App, deps: Deps): void {
  const show = (req: FastifyRequest, reply: FastifyReply, props: BoardProps, status = 200) =>
    page(req, reply, 'Coach badges', (ctx) => <BoardView ctx={ctx} p={props} />, { status });
  app.get('/badges/board', { config: BOARD, schema: hidden }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    return show(req, reply, await boardProps(req, deps, one(q.season), statusOf(one(q.status))));
  });
  app.get('/badges/board/export.csv', { config: BOARD, schema: hidden }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const status = statusOf(one(q.status));
    const list = await boardList(deps, one(q.season) || undefined, await req.regionConfig());
    const rows = status ? list.rows.filter((r) => r.status === status) : list.rows;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="badges-${list.season.id.replace(/[^\w.-]/g, '')}.csv"`)
      .send(writeCsv(CSV_HEADER, rows.map(csvCells), { bom: true }));
  });
  app.post('/badges/print', { config: BOARD, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const chosen = f.scope === 'chosen' ? formList(req, 'person') : null;
        if (chosen && !chosen.length) throw new AppError('VALIDATION', 'Tick the coaches to print first, or print every eligible coach not yet printed.');
        const r = await printSheet(deps, actorOf(req), { seasonId: f.season, personIds: chosen, reissue: f.reissue === 'on' });
        flash(reply, `${r.count} badge${r.count === 1 ? '' : 's'} ready to print: download the sheet.`);
        return reply.redirect(`/badges/runs/${r.runId}`, 303);
      },
      async (errors, status) => show(req, reply, await boardProps(req, deps, f.season ?? '', '', errors), status),
    );
  });
}

function queuePages(app: App, deps: Deps): void {
  const show = async (req: FastifyRequest, reply: FastifyReply, state: QueueState = {}, status = 200) => {
    const photos = await photoQueue(deps);
    return page(req, reply, 'Badge photos to check', (ctx) => <PhotoQueueView ctx={ctx} photos={photos} state={state} />, { status });
  };
  app.get('/badges/photos', { config: BOARD, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/badges/photos/:id/decision', { config: BOARD, schema: hidden }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const d = readDecision(f.decision ?? '', f.reason);
        await decidePhoto(deps, actorOf(req), id, d);
        flash(reply, d.decision === 'approve' ? 'Photo approved.' : 'Photo rejected: the coach is mailed the reason.');
        return reply.redirect('/badges/photos', 303);
      },
      (errors, status) => show(req, reply, { photoId: id, errors, reason: f.reason }, status),
    );
  });
}

function runPages(app: App, deps: Deps): void {
  app.get('/badges/runs/:id', { config: BOARD, schema: hidden }, async (req, reply) => {
    const run = await findRun(deps.db, (req.params as { id: string }).id);
    if (!run) throw new AppError('NOT_FOUND', 'There is no such print run.');
    const list = await boardList(deps, run.seasonId, await req.regionConfig());
    const current = new Map(list.rows.map((r) => [r.personId, r]));
    const items = (await runBadges(deps.db, run.id)).map((b) => {
      const row = current.get(b.personId);
      const note = b.replacedAt ? 'replaced by a newer badge' : row?.check && !row.check.valid ? `not valid since ${row.check.since}` : null;
      return { name: b.name, roles: b.roles.map(roleText).join('; '), note };
    });
    return page(req, reply, 'Print run', (ctx) => <RunView ctx={ctx} p={{ run, items }} />);
  });
  app.get('/badges/runs/:id/sheet.pdf', { config: BOARD, schema: hidden }, async (req, reply) => {
    const { pdf, fileName } = await runSheet(deps, (req.params as { id: string }).id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store').send(Buffer.from(pdf));
  });
  app.post('/badges/runs/:id/reprint', { config: BOARD, schema: hidden }, async (req, reply) => {
    const r = await reprintRun(deps, actorOf(req), (req.params as { id: string }).id);
    flash(reply, `${r.count} badge${r.count === 1 ? '' : 's'} to print again${r.skipped ? ` (${r.skipped} left out: replaced or no longer eligible)` : ''}.`);
    return reply.redirect(`/badges/runs/${r.runId}`, 303);
  });
}

export function boardRoutes(app: App, deps: Deps): void {
  boardPages(app, deps);
  queuePages(app, deps);
  runPages(app, deps);
}
