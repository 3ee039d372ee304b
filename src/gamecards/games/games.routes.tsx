import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { notFound } from '../../platform/errors.js';
import { flash, page } from '../../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../../platform/http/forms.js';
import { hasAnyRole } from '../../platform/http/access.js';
import { allSeasons } from '../../region/index.js';
import { listTeams } from '../../teams/index.js';
import { enableUploads, readUpload } from '../../platform/http/uploads.js';
import { SCHEDULERS } from '../gamecards.access.js';
import { createGame, editGame, gamesFor, importSchedule, removeGame, seasonOf } from './games.service.js';
import { findGame } from './games.store.js';
import { GameForm, GamesList, ImportForm } from './games.views.js';

const AUTH = { access: 'authenticated' as const };
const SCHEDULE = { access: SCHEDULERS };
const hidden = { hide: true };
const MAX_SCHEDULE_BYTES = 2 * 1024 * 1024;
type Query = { season?: string; division?: string };

function listRoutes(app: App, deps: Deps): void {
  app.get('/games', { config: AUTH, schema: hidden }, async (req, reply) => {
    const q = req.query as Query;
    const config = await req.regionConfig();
    const r = await gamesFor(deps, req.auth!, { seasonId: q.season || undefined, division: q.division || undefined });
    const m = { ...r, seasons: allSeasons(config).map((s) => s.season), canSchedule: hasAnyRole(req.auth, SCHEDULERS), division: q.division ?? '', config };
    return page(req, reply, 'Games', (ctx) => <GamesList ctx={ctx} m={m} />);
  });
}

function gameFormRoutes(app: App, deps: Deps): void {
  const show = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors?: string[], status = 200) => {
    const config = await req.regionConfig();
    const id = (req.params as { id?: string }).id;
    const game = id ? await findGame(deps.db, id) : undefined;
    if (id && !game) throw notFound('That game');
    const season = seasonOf(config, deps, game?.seasonId ?? ((req.query as Query).season || undefined));
    const teams = await listTeams(deps.db, season.id);
    return page(req, reply, game ? 'Change a game' : 'Add a game', (ctx) => <GameForm ctx={ctx} m={{ season, teams, config, game, values, errors }} />, { status });
  };
  app.get('/games/new', { config: SCHEDULE, schema: hidden }, (req, reply) => show(req, reply, {}));
  app.post('/games/new', { config: SCHEDULE, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const g = await createGame(deps, actorOf(req), (req.query as Query).season || undefined, {
          date: f.date ?? '',
          time: f.time ?? '',
          field: f.field ?? '',
          home: f.home ?? '',
          away: f.away ?? '',
        });
        flash(reply, `Game added: ${g.date} ${g.time}, #${g.home.number} ${g.home.name} v #${g.away.number} ${g.away.name}.`);
        return reply.redirect(`/games?season=${g.seasonId}`, 303);
      },
      (errors, status) => show(req, reply, f, errors, status),
    );
  });
  app.get('/games/:id/edit', { config: SCHEDULE, schema: hidden }, async (req, reply) => {
    const g = await findGame(deps.db, (req.params as { id: string }).id);
    if (!g) throw notFound('That game');
    return show(req, reply, { date: g.date, time: g.time, field: g.fieldId, home: g.home.id, away: g.away.id });
  });
  app.post('/games/:id/edit', { config: SCHEDULE, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const g = await editGame(deps, actorOf(req), (req.params as { id: string }).id, {
          date: f.date ?? '',
          time: f.time ?? '',
          field: f.field ?? '',
          home: f.home ?? '',
          away: f.away ?? '',
        });
        flash(reply, 'Game saved.');
        return reply.redirect(`/games?season=${g.seasonId}`, 303);
      },
      (errors, status) => show(req, reply, f, errors, status),
    );
  });
  app.post('/games/:id/delete', { config: SCHEDULE, schema: hidden }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const g = await findGame(deps.db, id);
    return handleForm(
      reply,
      async () => {
        await removeGame(deps, actorOf(req), id);
        flash(reply, 'Game removed.');
        return reply.redirect(`/games?season=${g?.seasonId ?? ''}`, 303);
      },
      (errors, status) => show(req, reply, g ? { date: g.date, time: g.time, field: g.fieldId, home: g.home.id, away: g.away.id } : {}, errors, status),
    );
  });
}

async function importRoutes(app: App, deps: Deps): Promise<void> {
  await enableUploads(app);
  const show = async (req: FastifyRequest, reply: FastifyReply, seasonId: string | undefined, errors?: string[], text?: string, status = 200) => {
    const config = await req.regionConfig();
    const season = seasonOf(config, deps, seasonId);
    return page(req, reply, 'Import a schedule', (ctx) => <ImportForm ctx={ctx} season={season} seasons={allSeasons(config).map((s) => s.season)} errors={errors} text={text} />, {
      status,
    });
  };
  app.get('/games/import', { config: SCHEDULE, schema: hidden }, (req, reply) => show(req, reply, (req.query as Query).season || undefined));
  app.post('/games/import', { config: SCHEDULE, schema: hidden }, async (req, reply) => {
    const form = await readUpload(req, MAX_SCHEDULE_BYTES, 'schedule file', { csv: MAX_SCHEDULE_BYTES });
    const text = form.fields.csv ?? '';
    return handleForm(
      reply,
      async () => {
        const r = await importSchedule(deps, actorOf(req), form.fields.season || undefined, form.file?.data.length ? form.file.data : text);
        flash(reply, `${r.count} game(s) imported.`);
        return reply.redirect(`/games?season=${r.seasonId}`, 303);
      },
      (errors, status) => show(req, reply, form.fields.season || undefined, errors, text, status),
    );
  });
}

export async function gamesRoutes(app: App, deps: Deps): Promise<void> {
  listRoutes(app, deps);
  gameFormRoutes(app, deps);
  await importRoutes(app, deps);
}
