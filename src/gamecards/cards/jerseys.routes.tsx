import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { flash, page } from '../../platform/http/pages.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { JerseysForm } from './jerseys.views.js';
import { loadJerseys, setJerseys } from './jerseys.service.js';

const AUTH = { access: 'authenticated' as const };
const hidden = { hide: true };

/** The jersey numbers page of a team (its coaches and the board). */
export function jerseyRoutes(app: App, deps: Deps): void {
  const show = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], values?: Record<string, string>, status = 200) => {
    const m = await loadJerseys(deps, req.auth, (req.params as { teamId: string }).teamId);
    return page(req, reply, 'Jersey numbers', (ctx) => <JerseysForm ctx={ctx} team={m.team} roster={m.roster} errors={errors} values={values} />, { status });
  };
  app.get('/games/teams/:teamId/jerseys', { config: AUTH, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/games/teams/:teamId/jerseys', { config: AUTH, schema: hidden }, async (req, reply) => {
    const teamId = (req.params as { teamId: string }).teamId;
    const f = formBody(req);
    const { roster } = await loadJerseys(deps, req.auth, teamId);
    return handleForm(
      reply,
      async () => {
        const changes = roster.map((p) => {
          const t = (f[`j_${p.playerId}`] ?? '').trim();
          return { playerId: p.playerId, jersey: t === '' ? null : /^\d{1,3}$/.test(t) ? Number(t) : Number.NaN };
        });
        await setJerseys(deps, req.auth, teamId, changes);
        flash(reply, 'Jersey numbers saved.');
        return reply.redirect(`/games/teams/${teamId}/jerseys`, 303);
      },
      (errors, status) => show(req, reply, errors, f, status),
    );
  });
}
