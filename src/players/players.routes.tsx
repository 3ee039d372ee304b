/** The players feature: the board's Players pages (list, import, add, move) and /api/v1/players. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps, Feature } from '../platform/feature.js';
import { AppError } from '../platform/errors.js';
import { flash, page } from '../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../platform/http/forms.js';
import { hasAnyRole } from '../platform/http/access.js';
import { findSeason } from '../region/index.js';
import { enableUploads, readUpload } from '../platform/http/uploads.js';
import { BOARD_VIEWERS, FORMERS, REGISTRARS } from './players.access.js';
import { importPlayers, MAX_PLAYER_FILE_BYTES } from './import.service.js';
import { addPlayer, movePlayer, playerDetail, playerLines } from './players.service.js';
import { countsByProgram } from './players.store.js';
import { PROGRAM_LABELS, type Program } from './players.rules.js';
import { programsOf, seasonIdOf, seasonOptions } from './season.service.js';
import { PlayersPage, type PlayersModel, type PlayersState } from './players.views.js';
import { PlayerPage } from './player.views.js';
import { playersApi } from './players.api.js';

const hidden = { hide: true };
type Query = { season?: string; division?: string; program?: string };

async function playersModel(req: FastifyRequest, deps: Deps, query: Query): Promise<PlayersModel> {
  const config = await req.regionConfig();
  const seasonId = seasonIdOf(config, deps.clock, query.season);
  const counts = await countsByProgram(deps.db, seasonId);
  const list = programsOf(config).map((p) => ({
    division: p.division,
    program: p.program as Program,
    label: `${p.divisionName} ${PROGRAM_LABELS[p.program as Program]}`,
    players: counts.find((c) => c.division === p.division && c.program === p.program)?.players ?? 0,
  }));
  const selected = list.find((c) => c.division === query.division && c.program === query.program) ?? null;
  const lines = selected ? await playerLines(deps, config, seasonId, { division: selected.division, program: selected.program }) : [];
  return {
    seasonId,
    seasonName: findSeason(config, seasonId)!.season.name,
    seasons: seasonOptions(config),
    counts: list,
    selected,
    lines,
    canImport: hasAnyRole(req.auth, REGISTRARS),
  };
}

export function newPlayerFrom(f: Record<string, string>) {
  return {
    firstName: f.firstName ?? '',
    lastName: f.lastName ?? '',
    birthDate: f.birthDate ?? '',
    gender: f.gender ?? '',
    goalkeeper: f.goalkeeper === 'on' || f.goalkeeper === 'true',
    externalId: f.externalId ?? null,
    parent: { firstName: f.parentFirstName ?? '', lastName: f.parentLastName ?? '', email: f.parentEmail ?? '', phone: f.parentPhone ?? null },
  };
}

function pageRoutes(app: App, deps: Deps) {
  const show = async (req: FastifyRequest, reply: FastifyReply, query: Query, state: PlayersState = {}, status = 200) => {
    const m = await playersModel(req, deps, query);
    return page(req, reply, 'Players', (ctx) => <PlayersPage ctx={ctx} m={m} state={state} />, { status });
  };
  app.get('/players', { config: { access: BOARD_VIEWERS }, schema: hidden }, (req, reply) => show(req, reply, req.query as Query));
  app.post('/players/import', { config: { access: REGISTRARS }, schema: hidden }, async (req, reply) => {
    let season = '';
    return handleForm(
      reply,
      async () => {
        const form = await readUpload(req, MAX_PLAYER_FILE_BYTES, 'export file');
        season = form.fields.season ?? '';
        if (!form.file) throw new AppError('VALIDATION', 'Choose the export file to import.');
        const seasonId = seasonIdOf(await req.regionConfig(), deps.clock, season);
        const report = await importPlayers(deps, actorOf(req), seasonId, form.file.data, form.file.fileName);
        return show(req, reply, { season: seasonId }, { form: 'import', report });
      },
      (errors, status) => show(req, reply, { season }, { form: 'import', errors }, status),
    );
  });
  app.post('/players', { config: { access: REGISTRARS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const seasonId = seasonIdOf(await req.regionConfig(), deps.clock, f.season);
        const made = await addPlayer(deps, actorOf(req), seasonId, newPlayerFrom(f));
        flash(reply, `${f.firstName} ${f.lastName} is registered in ${made.division} ${PROGRAM_LABELS[made.program]}.`);
        return reply.redirect(`/players?${new URLSearchParams({ season: seasonId, division: made.division, program: made.program }).toString()}`, 303);
      },
      (errors, status) => show(req, reply, { season: f.season }, { form: 'add', errors, values: f }, status),
    );
  });
  const detail = async (req: FastifyRequest, reply: FastifyReply, id: string, season: string | undefined, errors?: string[], values?: Record<string, string>, status = 200) => {
    const config = await req.regionConfig();
    const seasonId = seasonIdOf(config, deps.clock, season);
    const { player, history } = await playerDetail(deps, seasonId, id);
    const programs = programsOf(config).map((p) => ({ value: `${p.division}|${p.program}`, label: `${p.divisionName} ${PROGRAM_LABELS[p.program as Program]}` }));
    const m = { seasonId, player, history, programs, canMove: hasAnyRole(req.auth, FORMERS) };
    return page(req, reply, `${player.firstName} ${player.lastName}`, (ctx) => <PlayerPage ctx={ctx} m={m} errors={errors} values={values} />, { status });
  };
  app.get('/players/:id', { config: { access: BOARD_VIEWERS }, schema: hidden }, (req, reply) =>
    detail(req, reply, (req.params as { id: string }).id, (req.query as Query).season),
  );
  app.post('/players/:id/move', { config: { access: FORMERS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    const id = (req.params as { id: string }).id;
    return handleForm(
      reply,
      async () => {
        const seasonId = seasonIdOf(await req.regionConfig(), deps.clock, f.season);
        const [division = '', program = ''] = (f.target ?? '').split('|');
        await movePlayer(deps, actorOf(req), seasonId, id, { division, program, reason: f.reason ?? '' });
        flash(reply, `Moved to ${division} ${PROGRAM_LABELS[program as Program] ?? program}. The move is in the audit log.`);
        return reply.redirect(`/players/${encodeURIComponent(id)}?season=${encodeURIComponent(seasonId)}`, 303);
      },
      (errors, status) => detail(req, reply, id, f.season, errors, f, status),
    );
  });
}

export const playersFeature: Feature = {
  name: 'players',
  nav: [{ href: '/players', label: 'Players', access: BOARD_VIEWERS, order: 40 }],
  routes: async (app, deps) => {
    await enableUploads(app);
    pageRoutes(app, deps);
    playersApi(app, deps);
  },
};
