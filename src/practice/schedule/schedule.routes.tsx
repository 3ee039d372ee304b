import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { page } from '../../platform/http/pages.js';
import { coachesTeam } from '../../teams/index.js';
import { PRACTICE_VIEW, whoOf } from '../practice.access.js';
import { resolveSeason } from '../season.service.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';
import { teamSchedule } from './schedule.service.js';
import { gridDay } from './grid.service.js';
import { feedCalendar, teamFeedPath } from './feed.service.js';
import { regionClock } from './grid.rules.js';
import { GridPage, TeamSchedulePage } from './schedule.views.js';

const VIEW = { access: PRACTICE_VIEW };
const hidden = { hide: true };
const param = (req: FastifyRequest, name: string) => (req.params as Record<string, string>)[name] ?? '';

/** Who practises when: a team's schedule, the fields of one weekday, and the calendar feeds. */
export function scheduleRoutes(app: App, deps: Deps): void {
  app.get('/practice/teams/:id', { config: VIEW, schema: hidden }, async (req, reply) => {
    const config = await req.regionConfig();
    const who = whoOf(req);
    const today = regionClock(deps.clock.now().toISOString(), config.region.timeZone).date;
    const s = await teamSchedule(deps, config, param(req, 'id'), today);
    const coach = await coachesTeam(deps.db, who.personId ?? '', s.team.id);
    const feedUrl = coach || who.isAdmin ? `${deps.config.baseUrl}${await teamFeedPath(deps, s.team.seasonId, s.team.id)}` : null;
    return page(req, reply, `${s.team.name} practices`, (ctx) => <TeamSchedulePage ctx={ctx} config={config} s={s} feedUrl={feedUrl} canBook={coach} />);
  });
  app.get('/practice/grid', { config: VIEW, schema: hidden }, async (req, reply) => {
    const config = await req.regionConfig();
    const q = req.query as { day?: string; season?: string };
    const { season } = resolveSeason(config, deps.clock, q.season);
    const day = /^[0-6]$/.test(q.day ?? '') ? Number(q.day) : regionClock(deps.clock.now().toISOString(), config.region.timeZone).weekday;
    const g = await gridDay(deps, config, season.id, day, true);
    return page(req, reply, `Practice fields ${WEEKDAY_NAMES[day]}`, (ctx) => <GridPage ctx={ctx} config={config} g={g} baseUrl={deps.config.baseUrl} />);
  });
  // Calendar apps fetch feeds without logging in: the unguessable token is the only key.
  app.get('/practice/feeds/:file', { config: { access: 'public' }, schema: hidden }, async (req, reply) => {
    const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(param(req, 'file'));
    const feed = m ? await feedCalendar(deps, await req.regionConfig(), m[1]!) : undefined;
    if (!feed) throw new AppError('NOT_FOUND', 'There is no calendar at this address. Copy the link again from the team or field schedule.');
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="practices.ics"')
      .header('cache-control', 'private, max-age=300')
      .header('x-robots-tag', 'noindex')
      .send(feed.text);
  });
}
