/**
 * "How these teams were drawn": the public pages of each published division's draw record (no
 * login, no names), and the draw's files for the coach administrator (P.csv, T.csv, A.csv).
 */
import type { FastifyReply } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { page } from '../../platform/http/pages.js';
import { findSeason } from '../../region/index.js';
import { seasonIdOf, type Program } from '../../players/index.js';
import { FORMERS } from '../teams.access.js';
import { drawFile, drawOf, drawsOfSeason } from './draw-record.service.js';
import { DrawPage, DrawsIndex } from './draw.views.js';

const PUBLIC = { access: 'public' as const };
const hidden = { hide: true };

export function sendDrawFile(reply: FastifyReply, file: { name: string; text: string }) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.name}"`).header('cache-control', 'private, no-store').send(file.text);
}

export function drawRoutes(app: App, deps: Deps): void {
  app.get('/teams/draws', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const config = await req.regionConfig();
    const seasonId = seasonIdOf(config, deps.clock, (req.query as { season?: string }).season);
    const season = { id: seasonId, name: findSeason(config, seasonId)?.season.name ?? seasonId };
    const draws = await drawsOfSeason(deps, config, seasonId);
    return page(req, reply, `How the teams of ${season.name} were drawn`, () => <DrawsIndex season={season} draws={draws} />);
  });
  app.get('/teams/draws/:season/:division/:program', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const p = req.params as { season: string; division: string; program: string };
    const config = await req.regionConfig();
    const seasonId = seasonIdOf(config, deps.clock, p.season);
    const d = await drawOf(deps, config, { seasonId, division: p.division, program: p.program as Program });
    return page(req, reply, `How these teams were drawn: ${d.label}`, () => <DrawPage d={d} />);
  });
  app.get('/teams/formations/:id/draw/:file', { config: { access: FORMERS }, schema: hidden }, async (req, reply) => {
    const p = req.params as { id: string; file: string };
    return sendDrawFile(reply, await drawFile(deps, p.id, p.file));
  });
}
