/** A team's pages: roster with parent contacts, jersey numbers, ratings, printing and the upload file. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { flash, html, page } from '../../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../../platform/http/forms.js';
import { findSeason } from '../../region/index.js';
import { PROGRAM_LABELS, type Program } from '../../players/index.js';
import { seasonIdOf } from '../../players/index.js';
import { COACH_ROLES, FORMERS, TEAM_PAGES } from '../teams.access.js';
import { setJerseys, teamRoster } from './roster.service.js';
import { overrideRating, rateTeam, teamRatings } from '../ratings/ratings.service.js';
import { teamsInScope, teamUploadFile, type TeamScope } from './export.service.js';
import { RosterPage, type RosterState } from './roster.views.js';
import { PrintDocument } from './print.views.js';

const hidden = { hide: true };
const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

/** The values of the region's rating scale, for pickers. */
export function scaleOptions(scale: { min: number; max: number; step: number }): { value: string; label: string }[] {
  const n = Math.round((scale.max - scale.min) / scale.step);
  return Array.from({ length: n + 1 }, (_, i) => String(Math.round((scale.min + i * scale.step) * 1e6) / 1e6)).map((v) => ({ value: v, label: v }));
}

/** Form fields named `<prefix>.<playerId>`: player id -> text. */
function prefixed(f: Record<string, string>, prefix: string): [string, string][] {
  return Object.entries(f)
    .filter(([k]) => k.startsWith(`${prefix}.`))
    .map(([k, v]) => [k.slice(prefix.length + 1), v.trim()]);
}

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]+/g, '-')}"`)
    .header('cache-control', 'private, no-store')
    .send(csv);
}

export function rosterRoutes(app: App, deps: Deps) {
  const show = async (req: FastifyRequest, reply: FastifyReply, state: RosterState = {}, status = 200) => {
    const config = await req.regionConfig();
    const r = await teamRoster(deps, req.auth, idOf(req));
    const { window, ratings } = await teamRatings(deps, req.auth, idOf(req));
    const t = r.view.team;
    const subtitle = `${t.division} ${PROGRAM_LABELS[t.program as Program] ?? t.program}, ${findSeason(config, t.seasonId)?.season.name ?? t.seasonId}`;
    const m = {
      teamId: t.id,
      name: t.name,
      subtitle,
      staff: r.staff,
      players: r.players,
      canJersey: r.view.staff || r.view.former,
      canRate: r.view.staff,
      canOverride: r.view.former,
      window,
      ratings,
      scale: scaleOptions(config.ratingScale),
    };
    return page(req, reply, t.name, (ctx) => <RosterPage ctx={ctx} m={m} state={state} />, { status });
  };
  app.get('/teams/:id', { config: { access: TEAM_PAGES }, schema: hidden }, (req, reply) => show(req, reply));
  const post = (url: string, access: readonly string[], form: RosterState['form'], action: (req: FastifyRequest, f: Record<string, string>) => Promise<string>) =>
    app.post(url, { config: { access: access as typeof TEAM_PAGES }, schema: hidden }, async (req, reply) => {
      const f = formBody(req);
      return handleForm(
        reply,
        async () => {
          flash(reply, await action(req, f));
          return reply.redirect(`/teams/${encodeURIComponent(idOf(req))}`, 303);
        },
        (errors, status) => show(req, reply, { form, errors }, status),
      );
    });
  post('/teams/:id/jerseys', TEAM_PAGES, 'jerseys', async (req, f) => {
    const changes = prefixed(f, 'jersey').map(([playerId, v]) => ({ playerId, jersey: v === '' ? null : /^\d{1,3}$/.test(v) ? Number(v) : Number.NaN }));
    await setJerseys(deps, req.auth, idOf(req), changes);
    return 'Jersey numbers saved.';
  });
  post('/teams/:id/ratings', COACH_ROLES, 'ratings', async (req, f) => {
    const entries = prefixed(f, 'rating')
      .filter(([, v]) => v !== '')
      .map(([playerId, v]) => ({ playerId, rating: Number(v) }));
    const saved = await rateTeam(deps, req.auth, idOf(req), entries);
    return `Ratings saved: ${saved.filter((r) => r.rating !== null).length} of ${saved.length} players rated.`;
  });
  post('/teams/:id/ratings/override', FORMERS, 'override', async (req, f) => {
    const { view } = await teamRatings(deps, req.auth, idOf(req));
    await overrideRating(deps, actorOf(req), view.team.seasonId, f.playerId ?? '', Number(f.rating ?? ''), f.reason ?? '');
    return 'The rating is overridden; the change is in the audit log.';
  });
  app.get('/teams/:id/print', { config: { access: TEAM_PAGES }, schema: hidden }, async (req, reply) => {
    const [team] = await teamsInScope(deps, req.auth, { seasonId: '', teamId: idOf(req) });
    return html(reply, <PrintDocument title={`Roster: ${team!.name}`} teams={[team!]} back={`/teams/${encodeURIComponent(idOf(req))}`} />);
  });
  app.get('/teams/:id/export.csv', { config: { access: TEAM_PAGES }, schema: hidden }, async (req, reply) => {
    const csv = await teamUploadFile(deps, req.auth, { seasonId: '', teamId: idOf(req) });
    return sendCsv(reply, `team-${idOf(req)}.csv`, csv);
  });
  const scopeOf = async (req: FastifyRequest): Promise<TeamScope> => {
    const q = req.query as { season?: string; division?: string; program?: string };
    return { seasonId: seasonIdOf(await req.regionConfig(), deps.clock, q.season), ...(q.division ? { division: q.division } : {}), ...(q.program ? { program: q.program } : {}) };
  };
  app.get('/teams/print', { config: { access: TEAM_PAGES }, schema: hidden }, async (req, reply) => {
    const scope = await scopeOf(req);
    const teams = await teamsInScope(deps, req.auth, scope);
    const what = [scope.division, scope.program ? PROGRAM_LABELS[scope.program as Program] : null].filter(Boolean).join(' ');
    return html(reply, <PrintDocument title={`Rosters${what ? ` of ${what}` : ''}, ${scope.seasonId}`} teams={teams} back="/teams" />);
  });
  app.get('/teams/export.csv', { config: { access: TEAM_PAGES }, schema: hidden }, async (req, reply) => {
    const scope = await scopeOf(req);
    const csv = await teamUploadFile(deps, req.auth, scope);
    if (!csv) throw new AppError('NOT_FOUND', 'There are no published teams to export.');
    return sendCsv(reply, `teams-${[scope.seasonId, scope.division, scope.program].filter(Boolean).join('-')}.csv`, csv);
  });
}
