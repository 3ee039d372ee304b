/** Pages of one division and program: draw a preview, publish it, and move or swap players after. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { flash, page } from '../../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../../platform/http/forms.js';
import { hasAnyRole } from '../../platform/http/access.js';
import type { RegionConfig } from '../../region/index.js';
import { findSeason } from '../../region/index.js';
import { PROGRAM_LABELS, type Program } from '../../players/index.js';
import { seasonIdOf } from '../../players/index.js';
import { ratingText } from '../../players/index.js';
import { BOARD_VIEWERS, FORMERS } from '../teams.access.js';
import { divisionState, type DivisionState } from './live.service.js';
import { planTeams, previewFormation, publishFormation } from './formation.service.js';
import { adjustTeams } from './adjust.service.js';
import type { Adjustment } from './adjust.rules.js';
import { findFormation, type DivisionKey } from './formation.store.js';
import { nameOf } from '../staff.store.js';
import { DivisionPage, divisionHref, type DivisionModel, type DivisionState as PageState, type TeamList } from './division.views.js';
import type { TeamLabel } from './figures.views.js';

const hidden = { hide: true };

/** The teams to list (published ones, else the preview's) with the labels of the figures table. */
function teamLists(s: DivisionState): { labels: Map<string, TeamLabel>; teams: TeamList[] } {
  const { inputs, formation, live } = s;
  const byId = new Map(inputs.lines.map((p) => [p.id, p]));
  const line = (id: string, coachChild: boolean) => {
    const p = byId.get(id);
    return p ? [{ id: p.id, name: nameOf(p), rating: ratingText(p.rating), coachChild }] : [];
  };
  const labels = new Map<string, TeamLabel>();
  if (live) {
    for (const t of live.teams) labels.set(t.id, { name: t.name, coach: t.headCoach ? nameOf(t.headCoach) : 'no head coach' });
    const childOf = (id: string) => live.ctx.players.get(id)?.coachChildOf;
    return {
      labels,
      teams: live.teams.map((t) => ({
        id: t.id,
        name: t.name,
        coach: labels.get(t.id)!.coach,
        link: `/teams/${encodeURIComponent(t.id)}`,
        players: t.playerIds.flatMap((id) => line(id, childOf(id) === t.id)),
      })),
    };
  }
  if (!formation) return { labels, teams: [] };
  const children = new Set(inputs.lines.flatMap((p) => p.guardians.map((g) => `${p.id}|${g.personId}`)));
  for (const t of formation.record.teams) labels.set(t.key, { name: t.name, coach: t.coachName });
  const teams = formation.record.teams.map((t) => ({
    id: t.key,
    name: t.name,
    coach: t.coachName,
    link: null,
    players: formation.assignments.filter((a) => a.teamId === t.key).flatMap((a) => line(a.playerId, children.has(`${a.playerId}|${t.coachId}`))),
  }));
  return { labels, teams };
}

/** How many teams a new draw would make by default, or why it cannot be made. */
function planOf(s: DivisionState): { plannedTeams: number | null; planProblem: string | null } {
  if (s.live || !s.inputs.lines.length) return { plannedTeams: null, planProblem: null };
  try {
    return { plannedTeams: planTeams(s.inputs).planned.length, planProblem: null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { plannedTeams: null, planProblem: e.message };
  }
}

export async function divisionModel(req: FastifyRequest, deps: Deps, config: RegionConfig, key: DivisionKey): Promise<DivisionModel> {
  const s = await divisionState(deps, config, key);
  const { inputs, formation, live } = s;
  const label = `${inputs.division.name} ${PROGRAM_LABELS[key.program]}`;
  const { labels, teams } = teamLists(s);
  const { plannedTeams, planProblem } = planOf(s);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const teamOfPlayer = new Map(teams.flatMap((t) => t.players.map((p) => [p.id, t.id] as const)));
  return {
    seasonId: key.seasonId,
    seasonName: findSeason(config, key.seasonId)?.season.name ?? key.seasonId,
    label,
    division: key.division,
    program: key.program,
    coed: key.program === 'coed',
    players: inputs.lines.length,
    unrated: inputs.lines.filter((p) => !p.rating).length,
    headCoaches: inputs.pool.coaches.map((c) => `${c.firstName} ${c.lastName}`),
    canForm: hasAnyRole(req.auth, FORMERS),
    status: live ? 'published' : formation ? 'preview' : 'none',
    formation: formation
      ? {
          id: formation.id,
          seed: formation.seed,
          objective: formation.objective,
          proven: formation.record.provenOptimal && (!live || s.balance?.spread === formation.record.figures.spread),
        }
      : null,
    plannedTeams,
    planProblem,
    unusedCoaches: live ? [] : (formation?.record.unusedCoaches.map((c) => c.name) ?? []),
    balance: s.balance,
    balanceProblem: s.balanceProblem,
    labels,
    teams,
    unassigned: (live?.unassigned ?? []).map((p) => ({ id: p.id, name: nameOf(p) })),
    playerOptions: inputs.lines.map((p) => ({
      value: p.id,
      label: `${p.lastName}, ${p.firstName} (${teamOfPlayer.has(p.id) ? teamName.get(teamOfPlayer.get(p.id)!) : 'no team'})`,
    })),
    teamOptions: teams.map((t) => ({ value: t.id, label: t.name })),
    exportQuery: new URLSearchParams({ season: key.seasonId, division: key.division, program: key.program }).toString(),
  };
}

function keyOf(req: FastifyRequest, config: RegionConfig, deps: Deps, season?: string): DivisionKey {
  const p = req.params as { division: string; program: string };
  return { seasonId: seasonIdOf(config, deps.clock, season), division: p.division, program: p.program as Program };
}

const intOrUndefined = (v: string | undefined, what: string) => {
  if (v === undefined || v.trim() === '') return undefined;
  if (!/^\d{1,10}$/.test(v.trim())) throw new AppError('VALIDATION', `${what} must be a whole number.`);
  return Number(v.trim());
};

export function adjustmentFrom(f: Record<string, string>): Adjustment {
  return f.kind === 'swap'
    ? { kind: 'swap', playerId: f.playerId ?? '', otherPlayerId: f.otherPlayerId ?? '' }
    : { kind: 'move', playerId: f.playerId ?? '', toTeamId: f.toTeamId ?? '' };
}

export function divisionRoutes(app: App, deps: Deps) {
  const show = async (req: FastifyRequest, reply: FastifyReply, key: DivisionKey, state: PageState = {}, status = 200) => {
    const config = await req.regionConfig();
    const m = await divisionModel(req, deps, config, key);
    return page(req, reply, m.label, (ctx) => <DivisionPage ctx={ctx} m={m} state={state} />, { status });
  };
  app.get('/teams/divisions/:division/:program', { config: { access: BOARD_VIEWERS }, schema: hidden }, async (req, reply) =>
    show(req, reply, keyOf(req, await req.regionConfig(), deps, (req.query as { season?: string }).season)),
  );
  app.post('/teams/divisions/:division/:program/preview', { config: { access: FORMERS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    const key = keyOf(req, await req.regionConfig(), deps, f.season);
    return handleForm(
      reply,
      async () => {
        const objective = f.objective === 'sum' ? 'sum' : f.objective === 'mean' ? 'mean' : undefined;
        const made = await previewFormation(deps, actorOf(req), {
          ...key,
          seed: intOrUndefined(f.seed, 'The seed'),
          teams: intOrUndefined(f.teams, 'The number of teams'),
          objective,
        });
        flash(reply, `Preview drawn with seed ${made.seed}: ${made.record.teams.length} teams. Publish it, or draw again.`);
        return reply.redirect(divisionHref(key), 303);
      },
      (errors, status) => show(req, reply, key, { form: 'preview', errors, values: f }, status),
    );
  });
  const formationKey = async (id: string): Promise<DivisionKey> => {
    const f = await findFormation(deps.db, id);
    if (!f) throw new AppError('NOT_FOUND', 'That formation was not found.');
    return f;
  };
  app.post('/teams/formations/:id/publish', { config: { access: FORMERS }, schema: hidden }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const key = await formationKey(id);
    return handleForm(
      reply,
      async () => {
        await publishFormation(deps, actorOf(req), id);
        flash(reply, `The teams of ${key.division} ${PROGRAM_LABELS[key.program]} are published; their head coaches are told by mail.`);
        return reply.redirect(divisionHref(key), 303);
      },
      (errors, status) => show(req, reply, key, { form: 'publish', errors }, status),
    );
  });
  app.post('/teams/formations/:id/adjust', { config: { access: FORMERS }, schema: hidden }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const f = formBody(req);
    const key = await formationKey(id);
    return handleForm(
      reply,
      async () => {
        const effect = await adjustTeams(deps, actorOf(req), id, adjustmentFrom(f), null);
        return show(req, reply, key, { effect });
      },
      (errors, status) => show(req, reply, key, { form: 'adjust', errors, values: f }, status),
    );
  });
  app.post('/teams/formations/:id/adjust/confirm', { config: { access: FORMERS }, schema: hidden }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const f = formBody(req);
    const key = await formationKey(id);
    return handleForm(
      reply,
      async () => {
        const done = await adjustTeams(deps, actorOf(req), id, adjustmentFrom(f), { reason: f.reason ?? '' });
        flash(reply, `Done: ${done.description}. The coaches are told by mail.`);
        return reply.redirect(divisionHref(key), 303);
      },
      (errors, status) => show(req, reply, key, { form: 'adjust', errors, values: f }, status),
    );
  });
}
