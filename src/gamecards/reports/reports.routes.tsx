import type { App, Deps } from '../../platform/feature.js';
import { page } from '../../platform/http/pages.js';
import { hasAnyRole } from '../../platform/http/access.js';
import { CARD_BOARD } from '../gamecards.access.js';
import { playingTimeCsv, playingTimeReport, violationsCsv, violationsReport } from './reports.service.js';
import { PlayingTimeReport, ViolationsReport } from './reports.views.js';

const AUTH = { access: 'authenticated' as const };
const BOARD = { access: CARD_BOARD };
const hidden = { hide: true };
type Query = { season?: string; team?: string };

/** /games/reports: playing time per team and player (coaches: their teams), violations (board), as pages and CSV. */
export function reportRoutes(app: App, deps: Deps): void {
  app.get('/games/reports', { config: AUTH, schema: hidden }, async (req, reply) => {
    const q = req.query as Query;
    const r = await playingTimeReport(deps, req.auth!, { seasonId: q.season || undefined, teamId: q.team || undefined });
    const board = hasAnyRole(req.auth, CARD_BOARD);
    return page(req, reply, 'Playing time', (ctx) => <PlayingTimeReport ctx={ctx} season={r.season} teams={r.teams} board={board} />);
  });
  app.get('/games/reports/playing-time.csv', { config: AUTH, schema: hidden }, async (req, reply) => {
    const q = req.query as Query;
    const r = await playingTimeReport(deps, req.auth!, { seasonId: q.season || undefined, teamId: q.team || undefined });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="playing-time-${r.season.id}.csv"`).send(playingTimeCsv(r.teams));
  });
  app.get('/games/reports/violations', { config: BOARD, schema: hidden }, async (req, reply) => {
    const r = await violationsReport(deps, { seasonId: (req.query as Query).season || undefined });
    return page(req, reply, 'Cards with violations', (ctx) => <ViolationsReport ctx={ctx} season={r.season} cards={r.cards} />);
  });
  app.get('/games/reports/violations.csv', { config: BOARD, schema: hidden }, async (req, reply) => {
    const r = await violationsReport(deps, { seasonId: (req.query as Query).season || undefined });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="playing-time-violations-${r.season.id}.csv"`).send(violationsCsv(r.cards));
  });
}
