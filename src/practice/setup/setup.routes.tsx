import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { flash, page } from '../../platform/http/pages.js';
import { actorOf, formBody, formList, handleForm } from '../../platform/http/forms.js';
import { allSeasons } from '../../region/index.js';
import type { RegionConfig } from '../../region/index.js';
import { listTeams } from '../../teams/index.js';
import { PRACTICE_ADMIN } from '../practice.access.js';
import { resolveSeason } from '../season.service.js';
import { addSlot, addWindow, generateSeasonSlots, removeSlot, removeWindow, saveSignupSettings, setSlotCapacity } from './setup.service.js';
import { loadSignup } from '../booking/signup.store.js';
import { listWindows } from './windows.store.js';
import { bookedCounts, listSlots } from '../slots.store.js';
import { unbookedTeams } from '../booking/cards.service.js';
import { bookingsWithSlots } from '../booking/bookings.store.js';
import { localToInstant, parseDateList, type SignupInput } from './signup.rules.js';
import { AdminPage, type AdminOverview } from './setup.views.js';
import { SlotsPage, TeamsAdminPage } from './setup-lists.views.js';

const ADMIN = { access: PRACTICE_ADMIN };
const hidden = { hide: true };
const seasonParam = (req: FastifyRequest) => (req.query as { season?: string }).season;
const idParam = (req: FastifyRequest) => (req.params as { id: string }).id;

async function overview(deps: Deps, config: RegionConfig, seasonId?: string): Promise<AdminOverview> {
  const { season } = resolveSeason(config, deps.clock, seasonId);
  const [signup, windows, slots, unbooked, teams] = await Promise.all([
    loadSignup(deps.db, season.id),
    listWindows(deps.db, season.id),
    listSlots(deps.db, season.id),
    unbookedTeams(deps, config, season.id),
    listTeams(deps.db, season.id),
  ]);
  return {
    season,
    seasons: allSeasons(config).map((s) => s.season),
    signup,
    windows,
    slotCount: slots.length,
    seatCount: slots.reduce((n, s) => n + s.capacity, 0),
    unbooked: unbooked.length,
    teamCount: teams.length,
  };
}

/** The sign-up form as settings: local date-times in the region's zone, per-division openings, blackouts. */
function signupInput(config: RegionConfig, f: Record<string, string>): SignupInput {
  const tz = config.region.timeZone;
  const problems: string[] = [];
  const instant = (name: string, what: string) => {
    const v = localToInstant(f[name] ?? '', tz);
    if (v === undefined) problems.push(`${what}: "${f[name]}" is not a date and time.`);
    return v ?? null;
  };
  const divisionOpensAt: Record<string, string> = {};
  for (const d of config.divisions) {
    const v = instant(`opens_${d.code}`, `Opening for ${d.code}`);
    if (v) divisionOpensAt[d.code] = v;
  }
  const input = { opensAt: instant('opensAt', 'Opens'), closesAt: instant('closesAt', 'Change deadline'), divisionOpensAt, blackouts: parseDateList(f.blackouts ?? '') };
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: problems });
  return input;
}

function overviewRoutes(app: App, deps: Deps) {
  const show = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200, values?: Record<string, string>) => {
    const config = await req.regionConfig();
    const o = await overview(deps, config, seasonParam(req));
    return page(req, reply, 'Practice administration', (ctx) => <AdminPage ctx={ctx} config={config} o={o} errors={errors} values={values} />, { status });
  };
  const act =
    (run: (req: FastifyRequest, config: RegionConfig, seasonId: string) => Promise<string>, keepValues = false) =>
    async (req: FastifyRequest, reply: FastifyReply) =>
      handleForm(
        reply,
        async () => {
          const config = await req.regionConfig();
          const seasonId = resolveSeason(config, deps.clock, seasonParam(req)).season.id;
          flash(reply, await run(req, config, seasonId));
          return reply.redirect(`/practice/admin?season=${encodeURIComponent(seasonId)}`, 303);
        },
        (errors, status) => show(req, reply, errors, status, keepValues ? formBody(req) : undefined),
      );
  app.get('/practice/admin', { config: ADMIN, schema: hidden }, (req, reply) => show(req, reply));
  app.post(
    '/practice/admin/signup',
    { config: ADMIN, schema: hidden },
    act(async (req, config, seasonId) => {
      await saveSignupSettings(deps, config, actorOf(req), seasonId, signupInput(config, formBody(req)));
      return 'Sign-up settings saved.';
    }, true),
  );
  app.post(
    '/practice/admin/windows',
    { config: ADMIN, schema: hidden },
    act(async (req, config, seasonId) => {
      const f = formBody(req);
      const divisions = formList(req, 'divisions');
      const capacity = f.capacity?.trim() ? Number(f.capacity) : undefined;
      await addWindow(deps, config, actorOf(req), seasonId, {
        fieldId: f.fieldId ?? '',
        weekdays: formList(req, 'weekdays').map(Number),
        startTime: f.startTime ?? '',
        endTime: f.endTime ?? '',
        ...(capacity !== undefined ? { capacity } : {}),
        ...(divisions.length ? { divisions } : {}),
      });
      return 'Window added. Generate the slots again to use it.';
    }),
  );
  app.post(
    '/practice/admin/windows/:id/delete',
    { config: ADMIN, schema: hidden },
    act(async (req, _config, seasonId) => {
      await removeWindow(deps, actorOf(req), seasonId, idParam(req));
      return 'Window removed. Generate the slots again to drop its unbooked slots.';
    }),
  );
  app.post(
    '/practice/admin/generate',
    { config: ADMIN, schema: hidden },
    act(async (req, config, seasonId) => {
      const r = await generateSeasonSlots(deps, config, actorOf(req), seasonId);
      return [`Slots generated: ${r.added} added, ${r.updated} changed, ${r.removed} removed; ${r.total} in all.`, ...r.notes].join(' ');
    }),
  );
}

function slotRoutes(app: App, deps: Deps) {
  const show = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const config = await req.regionConfig();
    const { season } = resolveSeason(config, deps.clock, seasonParam(req));
    const [slots, booked] = await Promise.all([listSlots(deps.db, season.id), bookedCounts(deps.db, season.id)]);
    return page(req, reply, 'Practice slots', (ctx) => <SlotsPage ctx={ctx} config={config} season={season} slots={slots} booked={booked} errors={errors} />, { status });
  };
  const act = (run: (req: FastifyRequest, config: RegionConfig, seasonId: string) => Promise<string>) => async (req: FastifyRequest, reply: FastifyReply) =>
    handleForm(
      reply,
      async () => {
        const config = await req.regionConfig();
        const seasonId = resolveSeason(config, deps.clock, seasonParam(req)).season.id;
        flash(reply, await run(req, config, seasonId));
        return reply.redirect(`/practice/admin/slots?season=${encodeURIComponent(seasonId)}`, 303);
      },
      (errors, status) => show(req, reply, errors, status),
    );
  app.get('/practice/admin/slots', { config: ADMIN, schema: hidden }, (req, reply) => show(req, reply));
  app.post(
    '/practice/admin/slots',
    { config: ADMIN, schema: hidden },
    act(async (req, config, seasonId) => {
      const f = formBody(req);
      await addSlot(deps, config, actorOf(req), seasonId, {
        fieldId: f.fieldId ?? '',
        weekday: Number(f.weekday),
        start: f.start ?? '',
        end: f.end ?? '',
        capacity: Number(f.capacity),
      });
      return 'Slot added.';
    }),
  );
  app.post(
    '/practice/admin/slots/:id/capacity',
    { config: ADMIN, schema: hidden },
    act(async (req, config) => {
      const s = await setSlotCapacity(deps, config, actorOf(req), idParam(req), Number(formBody(req).capacity));
      return `Capacity set to ${s.capacity}.`;
    }),
  );
  app.post(
    '/practice/admin/slots/:id/delete',
    { config: ADMIN, schema: hidden },
    act(async (req) => {
      await removeSlot(deps, actorOf(req), idParam(req));
      return 'Slot removed.';
    }),
  );
}

function teamRoutes(app: App, deps: Deps) {
  app.get('/practice/admin/teams', { config: ADMIN, schema: hidden }, async (req, reply) => {
    const config = await req.regionConfig();
    const { season } = resolveSeason(config, deps.clock, seasonParam(req));
    const [teams, unbooked, bookings] = await Promise.all([listTeams(deps.db, season.id), unbookedTeams(deps, config, season.id), bookingsWithSlots(deps.db, season.id)]);
    const counts = new Map<string, number>();
    for (const b of bookings) counts.set(b.teamId, (counts.get(b.teamId) ?? 0) + 1);
    const seasons = allSeasons(config).map((s) => s.season);
    return page(req, reply, 'Practice teams', (ctx) => <TeamsAdminPage ctx={ctx} season={season} seasons={seasons} teams={teams} unbooked={unbooked} counts={counts} />);
  });
}

/** The coach administrator's pages: sign-up settings, windows, slot generation and edits, teams. */
export function setupRoutes(app: App, deps: Deps): void {
  overviewRoutes(app, deps);
  slotRoutes(app, deps);
  teamRoutes(app, deps);
}
