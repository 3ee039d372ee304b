import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { newId } from '../../platform/clock.js';
import { AppError, statusFor } from '../../platform/errors.js';
import { flash, page } from '../../platform/http/pages.js';
import { formBody, type FormBody } from '../../platform/http/forms.js';
import { blankBack, normalizeState, type CardRow } from '../cards/card-state.rules.js';
import { cardInputFromForm, field, formRevision, readAttendance } from '../cards/card-form.schemas.js';
import { checkCard, loadCard, saveCard, type CardView } from '../cards/cards.service.js';
import { cardPath } from '../gamecards.views.js';
import { planFor, planSetup } from './planner.service.js';
import { PlanPage, type PlanModel } from './plan.views.js';

const AUTH = { access: 'authenticated' as const };
const hidden = { hide: true };
type Params = { id: string; teamId: string };

function render(req: FastifyRequest, reply: FastifyReply, m: PlanModel, status = 200) {
  return page(req, reply, 'Rotation plan', (ctx) => <PlanPage ctx={ctx} m={m} />, { status });
}

/** The grid as posted, read with the card's own field names. */
function gridOf(v: CardView, f: FormBody): CardRow[] {
  const input = cardInputFromForm(f, v.roster, v.ctx.quarters);
  return normalizeState(
    { players: input.players },
    v.roster.map((p) => p.playerId),
    v.ctx.quarters,
  ).rows;
}

async function act(deps: Deps, req: FastifyRequest, v: CardView, f: FormBody, m: PlanModel): Promise<PlanModel | 'used'> {
  const { id, teamId } = req.params as Params;
  if (f.do === 'plan') {
    const players = v.roster
      .filter((p) => m.attendance[p.playerId]!.attended)
      .map((p) => ({ id: p.playerId, arrivedQuarter: m.attendance[p.playerId]!.arrivedQuarter, canKeep: m.canKeep[p.playerId] }));
    const r = await planFor(deps, req.auth, id, { teamId, players });
    const grid = normalizeState(
      { players: r.cardPlayers },
      v.roster.map((p) => p.playerId),
      v.ctx.quarters,
    ).rows;
    return { ...m, grid, check: r.check, warnings: r.plan.warnings };
  }
  const grid = gridOf(v, f);
  if (f.do === 'use') {
    const goals = new Map(v.rows.map((r) => [r.playerId, r.goals]));
    const players = grid.map((r) => ({ id: r.playerId, attended: r.attended, arrivedQuarter: r.arrivedQuarter, quarters: r.quarters, goals: goals.get(r.playerId) }));
    await saveCard(deps, req.auth, id, teamId, { saveId: f.saveId ?? '', revision: formRevision(f), card: { players, back: v.back } });
    return 'used';
  }
  return { ...m, grid, check: checkCard(v.ctx, { rows: grid, back: blankBack() }, v.roster) };
}

/** /games/:id/plan/:teamId: plan the rotation before the game, adjust it, check it, put it on the card. */
export function planRoutes(app: App, deps: Deps): void {
  app.get('/games/:id/plan/:teamId', { config: AUTH, schema: hidden }, async (req, reply) => {
    const { id, teamId } = req.params as Params;
    const v = await loadCard(deps, req.auth, id, teamId);
    const setup = await planSetup(deps, req.auth, id, teamId);
    return render(req, reply, { v, saveId: newId(), ...setup, grid: null, check: null, warnings: [] });
  });
  app.post('/games/:id/plan/:teamId', { config: AUTH, schema: hidden }, async (req, reply) => {
    const { id, teamId } = req.params as Params;
    const f = formBody(req);
    const v = await loadCard(deps, req.auth, id, teamId);
    const setup = await planSetup(deps, req.auth, id, teamId);
    const attendance = Object.fromEntries(v.roster.map((p) => [p.playerId, readAttendance(f[field.att(p.playerId)], v.ctx.quarters)]));
    const canKeep = Object.fromEntries(v.roster.map((p) => [p.playerId, f[field.keep(p.playerId)] === 'on']));
    const m: PlanModel = { v, saveId: f.saveId || newId(), season: setup.season, attendance, canKeep, grid: null, check: null, warnings: [] };
    try {
      const r = await act(deps, req, v, f, m);
      if (r !== 'used') return render(req, reply, r);
      flash(reply, 'The plan is on the card. Change anything that happens differently at the game.');
      return reply.redirect(cardPath(id, teamId), 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const errors = (e.details as { errors?: string[] } | undefined)?.errors ?? [e.message];
      const grid = f.do === 'plan' ? null : gridOf(v, f);
      return render(req, reply, { ...m, grid, errors }, statusFor(e.code));
    }
  });
}
