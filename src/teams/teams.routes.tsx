/** The Teams page (coaches' teams and offers, the board's divisions), the rating window, assistants. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../platform/feature.js';
import { flash, page } from '../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../platform/http/forms.js';
import { hasAnyRole } from '../platform/http/access.js';
import { findSeason } from '../region/index.js';
import { PROGRAM_LABELS, type Program } from '../players/index.js';
import { countsByProgram } from '../players/index.js';
import { programsOf, seasonIdOf, seasonOptions } from '../players/index.js';
import { BOARD_VIEWERS, COACH_ROLES, FORMERS, TEAM_PAGES } from './teams.access.js';
import { ratingWindow, setRatingWindow } from './ratings/ratings.service.js';
import { answerOffer, assignAssistant, assistantVolunteers, offerAssistant, offersFor, teamsWithoutAssistant } from './assistants/assistants.service.js';
import { TeamsHome, type TeamsHomeModel } from './teams.views.js';
import { AssistantsPage } from './assistants/assistants.views.js';
import { divisionHref } from './formation/division.views.js';
import { publishedTeamCounts, teamsCoachedBy } from './teams.store.js';
import { formationStatuses } from './formation/formation.store.js';

const hidden = { hide: true };

/** The teams a person coaches in a season, as the Teams page and the home page list them. */
export async function myTeams(deps: Pick<Deps, 'db'>, personId: string, seasonId: string) {
  return (await teamsCoachedBy(deps.db, personId, seasonId)).map((t) => ({ id: t.id, name: t.name, role: t.role === 'head-coach' ? 'head coach' : 'assistant coach' }));
}

async function boardRows(deps: Deps, seasonId: string, config: Awaited<ReturnType<FastifyRequest['regionConfig']>>) {
  const counts = await countsByProgram(deps.db, seasonId);
  const formations = await formationStatuses(deps.db, seasonId);
  const teams = await publishedTeamCounts(deps.db, seasonId);
  return programsOf(config).map((p) => {
    const published = Number(teams.find((t) => t.division === p.division && t.program === p.program)?.n ?? 0);
    const preview = formations.find((f) => f.division === p.division && f.program === p.program && f.status === 'preview');
    return {
      label: `${p.divisionName} ${PROGRAM_LABELS[p.program as Program]}`,
      href: divisionHref({ seasonId, division: p.division, program: p.program }),
      players: counts.find((c) => c.division === p.division && c.program === p.program)?.players ?? 0,
      status: published ? `${published} published` : preview ? `preview (seed ${preview.seed})` : 'not formed',
    };
  });
}

export function teamsRoutes(app: App, deps: Deps) {
  const home = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const config = await req.regionConfig();
    const seasonId = seasonIdOf(config, deps.clock, (req.query as { season?: string }).season);
    const board = hasAnyRole(req.auth, BOARD_VIEWERS);
    const m: TeamsHomeModel = {
      seasonId,
      seasonName: findSeason(config, seasonId)!.season.name,
      seasons: seasonOptions(config),
      myTeams: await myTeams(deps, req.auth!.personId, seasonId),
      isCoach: hasAnyRole(req.auth, COACH_ROLES),
      offers: await offersFor(deps.db, req.auth!.personId),
      board: board
        ? {
            rows: await boardRows(deps, seasonId, config),
            window: await ratingWindow(deps.db, seasonId),
            canForm: hasAnyRole(req.auth, FORMERS),
            openAssistants: (await teamsWithoutAssistant(deps.db, seasonId)).length,
            exportQuery: new URLSearchParams({ season: seasonId }).toString(),
          }
        : null,
    };
    return page(req, reply, 'Teams', (ctx) => <TeamsHome ctx={ctx} m={m} errors={errors} />, { status });
  };
  app.get('/teams', { config: { access: TEAM_PAGES }, schema: hidden }, (req, reply) => home(req, reply));
  app.post('/teams/ratings-window', { config: { access: FORMERS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const seasonId = seasonIdOf(await req.regionConfig(), deps.clock, f.season);
        const w = await setRatingWindow(deps, actorOf(req), seasonId, f.open === '1');
        flash(reply, w.open ? 'Ratings are open: coaches rate their players on their team pages.' : 'Ratings are closed.');
        return reply.redirect(`/teams?season=${encodeURIComponent(seasonId)}`, 303);
      },
      (errors, status) => home(req, reply, errors, status),
    );
  });
  for (const [verb, accept] of [
    ['accept', true],
    ['decline', false],
  ] as const) {
    app.post(`/teams/offers/:id/${verb}`, { config: { access: COACH_ROLES }, schema: hidden }, async (req, reply) =>
      handleForm(
        reply,
        async () => {
          const t = await answerOffer(deps, req.auth, (req.params as { id: string }).id, accept);
          flash(reply, accept ? `You are an assistant coach of ${t.teamName}.` : `You declined to assist ${t.teamName}.`);
          return reply.redirect(accept ? `/teams/${encodeURIComponent(t.teamId)}` : '/teams', 303);
        },
        (errors, status) => home(req, reply, errors, status),
      ),
    );
  }
  const assistants = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], teamId?: string, status = 200) => {
    const config = await req.regionConfig();
    const q = req.query as { season?: string; division?: string };
    const seasonId = seasonIdOf(config, deps.clock, q.season);
    const teams = await teamsWithoutAssistant(deps.db, seasonId, q.division);
    const volunteers: Record<string, Awaited<ReturnType<typeof assistantVolunteers>>> = {};
    for (const d of new Set(teams.map((t) => t.division))) volunteers[d] = (await assistantVolunteers(deps.db, seasonId, d)).filter((v) => !v.team);
    const m = { seasonId, seasonName: findSeason(config, seasonId)!.season.name, division: q.division ?? null, teams, volunteers };
    return page(req, reply, 'Assistant coaches', (ctx) => <AssistantsPage ctx={ctx} m={m} errors={errors} teamId={teamId} />, { status });
  };
  app.get('/teams/assistants', { config: { access: FORMERS }, schema: hidden }, (req, reply) => assistants(req, reply));
  app.post('/teams/:id/assistants', { config: { access: FORMERS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    const teamId = (req.params as { id: string }).id;
    return handleForm(
      reply,
      async () => {
        if (f.mode === 'assign') await assignAssistant(deps, actorOf(req), teamId, f.personId ?? '');
        else await offerAssistant(deps, actorOf(req), teamId, f.personId ?? '');
        flash(
          reply,
          f.mode === 'assign' ? 'The assistant coach is on the team; both coaches are told by mail.' : 'The offer is sent; the volunteer accepts or declines on their Teams page.',
        );
        const back = new URLSearchParams(Object.entries({ season: f.season ?? '', division: f.division ?? '' }).filter(([, v]) => v !== ''));
        return reply.redirect(`/teams/assistants?${back.toString()}`, 303);
      },
      (errors, status) => assistants(req, reply, errors, teamId, status),
    );
  });
}
