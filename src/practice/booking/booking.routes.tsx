import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { AppError, statusFor } from '../../platform/errors.js';
import { flash, fragment, isHtmx, page, viewCtx } from '../../platform/http/pages.js';
import { formBody } from '../../platform/http/forms.js';
import { coachesTeam, findTeam } from '../../teams/index.js';
import { bookPractice, cancelBooking, moveBooking } from './booking.service.js';
import type { BookingView } from './booking.schemas.js';
import { findBooking } from './bookings.store.js';
import { coachCards, teamCard } from './cards.service.js';
import { PRACTICE_ADMIN, whoOf } from '../practice.access.js';
import { resolveSeason } from '../season.service.js';
import { ChangePage, CoachPage, TeamCardView } from './booking.views.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';

const AUTH = { access: 'authenticated' as const };
const hidden = { hide: true };
const param = (req: FastifyRequest, name: string) => (req.params as Record<string, string>)[name] ?? '';

const bookedText = (b: BookingView) => `Booked: ${WEEKDAY_NAMES[b.weekday]} ${b.start}-${b.end} at ${b.fieldName}. The coaches get a confirmation by mail.`;

/** Where a plain (non-htmx) form post returns: the coach page, or the administrator's team page. */
async function backTo(deps: Deps, req: FastifyRequest, teamId: string): Promise<string> {
  const who = whoOf(req);
  if (who.isAdmin && !(await coachesTeam(deps.db, who.personId ?? '', teamId))) return `/practice/admin/teams/${encodeURIComponent(teamId)}`;
  return `/practice#team-${teamId}`;
}

interface CardOutcome {
  notice?: string;
  errors?: string[];
  suggested?: string[];
  status: number;
}

const outcomeOf = (e: AppError): CardOutcome => ({
  errors: [e.message],
  suggested: e.code === 'SLOT_FULL' ? ((e.details as { alternatives?: { id: string }[] })?.alternatives ?? []).map((a) => a.id) : undefined,
  status: statusFor(e.code),
});

/** The coach's pages: the sign-up page with a card per team, booking, cancelling and moving (and the administrator's page of one team). */
export function bookingRoutes(app: App, deps: Deps): void {
  const coachPage = async (req: FastifyRequest, reply: FastifyReply, teamId?: string, o?: CardOutcome) => {
    const config = await req.regionConfig();
    const { season } = resolveSeason(config, deps.clock, (req.query as { season?: string }).season);
    const cards = await coachCards(deps, config, season.id, req.auth!.personId);
    const errorsFor = teamId && o?.errors ? { teamId, errors: o.errors } : undefined;
    return page(
      req,
      reply,
      'Practice sign-up',
      (ctx) => <CoachPage ctx={ctx} config={config} season={season} cards={cards} errorsFor={errorsFor} suggested={o?.suggested} admin={whoOf(req).isAdmin} />,
      { status: o?.status },
    );
  };
  /** After a booking change: the team's card for htmx, else a redirect (or the page with the refusal). */
  const answer = async (req: FastifyRequest, reply: FastifyReply, teamId: string, o: CardOutcome) => {
    const team = await findTeam(deps.db, teamId);
    if (!team) throw new AppError('NOT_FOUND', 'That team does not exist.');
    if (isHtmx(req)) {
      const config = await req.regionConfig();
      const card = await teamCard(deps, config, team);
      const ctx = await viewCtx(req, reply);
      return fragment(
        reply,
        <TeamCardView ctx={ctx} config={config} card={card} notice={o.notice} errors={o.errors} suggested={o.suggested} admin={whoOf(req).isAdmin} />,
        o.status,
      );
    }
    if (!o.errors) {
      flash(reply, o.notice ?? 'Saved.');
      return reply.redirect(await backTo(deps, req, teamId), 303);
    }
    const back = await backTo(deps, req, teamId);
    if (back.startsWith('/practice/admin')) return adminTeamPage(req, reply, teamId, o);
    return coachPage(req, reply, teamId, o);
  };
  const adminTeamPage = async (req: FastifyRequest, reply: FastifyReply, teamId: string, o?: CardOutcome) => {
    const config = await req.regionConfig();
    const team = await findTeam(deps.db, teamId);
    if (!team) throw new AppError('NOT_FOUND', 'That team does not exist.');
    const card = await teamCard(deps, config, team);
    return page(
      req,
      reply,
      team.name,
      (ctx) => (
        <>
          <h1>Practices of {team.name}</h1>
          <p>
            <a href={`/practice/admin/teams?season=${encodeURIComponent(team.seasonId)}`}>Back to the teams</a>
          </p>
          <TeamCardView ctx={ctx} config={config} card={card} errors={o?.errors} suggested={o?.suggested} admin />
        </>
      ),
      { status: o?.status },
    );
  };
  app.get('/practice', { config: AUTH, schema: hidden }, (req, reply) => coachPage(req, reply));
  app.get('/practice/admin/teams/:id', { config: { access: PRACTICE_ADMIN }, schema: hidden }, (req, reply) => adminTeamPage(req, reply, param(req, 'id')));
  app.post('/practice/teams/:id/book', { config: AUTH, schema: hidden }, async (req, reply) => {
    const teamId = param(req, 'id');
    try {
      const b = await bookPractice(deps, whoOf(req), { teamId, slotId: formBody(req).slotId ?? '' }, await req.regionConfig());
      return answer(req, reply, teamId, { notice: bookedText(b), status: 200 });
    } catch (e) {
      if (!(e instanceof AppError) || ['FORBIDDEN', 'NOT_FOUND'].includes(e.code)) throw e;
      return answer(req, reply, teamId, outcomeOf(e));
    }
  });
  app.post('/practice/bookings/:id/cancel', { config: AUTH, schema: hidden }, async (req, reply) => {
    const booking = await findBooking(deps.db, param(req, 'id'));
    if (!booking) throw new AppError('NOT_FOUND', 'That practice booking was already cancelled. Reload the page.');
    try {
      await cancelBooking(deps, whoOf(req), booking.id, await req.regionConfig());
      return answer(req, reply, booking.team_id, { notice: 'Practice cancelled; the place is free for another team.', status: 200 });
    } catch (e) {
      if (!(e instanceof AppError) || ['FORBIDDEN', 'NOT_FOUND'].includes(e.code)) throw e;
      return answer(req, reply, booking.team_id, outcomeOf(e));
    }
  });
  changeRoutes(app, deps);
}

function changeRoutes(app: App, deps: Deps) {
  const changePage = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const config = await req.regionConfig();
    const who = whoOf(req);
    const booking = await findBooking(deps.db, param(req, 'id'));
    const team = booking && (await findTeam(deps.db, booking.team_id));
    if (!booking || !team) throw new AppError('NOT_FOUND', 'That practice booking does not exist (any more). Go back to the practice page.');
    if (!who.isAdmin && !(await coachesTeam(deps.db, who.personId ?? '', team.id))) throw new AppError('FORBIDDEN', `You do not coach ${team.name}.`);
    const card = await teamCard(deps, config, team, booking.id);
    const held = card.bookings.find((b) => b.id === booking.id)!;
    const shown = { ...card, choices: card.choices.filter((c) => c.slot.id !== booking.slot_id) };
    const open = who.isAdmin || card.signup.state === 'open';
    return page(req, reply, `Change a practice of ${team.name}`, (ctx) => <ChangePage ctx={ctx} config={config} card={shown} booking={held} open={open} errors={errors} />, {
      status,
    });
  };
  app.get('/practice/bookings/:id/change', { config: AUTH, schema: hidden }, (req, reply) => changePage(req, reply));
  app.post('/practice/bookings/:id/move', { config: AUTH, schema: hidden }, async (req, reply) => {
    try {
      const b = await moveBooking(deps, whoOf(req), param(req, 'id'), formBody(req).slotId ?? '', await req.regionConfig());
      flash(reply, `Moved: ${WEEKDAY_NAMES[b.weekday]} ${b.start}-${b.end} at ${b.fieldName}. The coaches get a mail.`);
      return reply.redirect(await backTo(deps, req, b.teamId), 303);
    } catch (e) {
      if (!(e instanceof AppError) || ['FORBIDDEN'].includes(e.code)) throw e;
      return changePage(req, reply, [e.message], statusFor(e.code));
    }
  });
}
