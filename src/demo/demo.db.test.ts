import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/db/database.js';
import type { Dialect } from '../platform/db/database.js';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { fillDemo } from './demo.js';
import { dashboard } from '../compliance/index.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import type { Deps } from '../platform/feature.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (xs: string[]) => [...xs].sort(byText);

/**
 * Everything the demo region shows, by names and keys people see (never database ids): people and
 * roles, players, the published teams with their coaches and rosters, draws, offers, practice
 * slots and bookings, games, mentoring sessions and assessments, and the mail queued.
 */
async function visible(db: Db): Promise<Record<string, string[]>> {
  const people = await db.selectFrom('people').select(['id', 'email', 'first_name', 'last_name', 'phone']).execute();
  const who = new Map(people.map((p) => [p.id, `${p.first_name} ${p.last_name} <${p.email ?? ''}>`]));
  const players = await db.selectFrom('players').select(['id', 'external_id', 'first_name', 'last_name', 'birth_date', 'gender']).execute();
  const kid = new Map(players.map((p) => [p.id, `${p.first_name} ${p.last_name} ${p.birth_date} #${p.external_id ?? ''}`]));
  const teams = await db.selectFrom('teams').select(['id', 'name', 'division', 'program', 'number']).execute();
  const team = new Map(teams.map((t) => [t.id, `${t.division} ${t.program} ${t.number} ${t.name}`]));
  const staff = await db.selectFrom('team_staff').select(['team_id', 'person_id', 'role']).execute();
  const roster = await db.selectFrom('team_players').select(['team_id', 'player_id', 'jersey']).execute();
  const slots = await db.selectFrom('practice_slots').select(['id', 'slot_key', 'capacity', 'divisions_json']).execute();
  const slot = new Map(slots.map((s) => [s.id, s.slot_key]));
  return {
    people: sorted(people.map((p) => `${who.get(p.id)} ${p.phone ?? ''}`)),
    grants: sorted(
      (await db.selectFrom('role_grants').select(['person_id', 'role', 'season_id', 'division']).execute()).map(
        (g) => `${who.get(g.person_id)} ${g.role} ${g.season_id} ${g.division}`,
      ),
    ),
    players: sorted(players.map((p) => `${kid.get(p.id)} ${p.gender}`)),
    guardians: sorted((await db.selectFrom('player_guardians').select(['player_id', 'person_id']).execute()).map((g) => `${kid.get(g.player_id)} <- ${who.get(g.person_id)}`)),
    registrations: sorted(
      (await db.selectFrom('season_players').select(['player_id', 'division', 'program', 'goalkeeper']).execute()).map(
        (r) => `${kid.get(r.player_id)} ${r.division} ${r.program} ${r.goalkeeper}`,
      ),
    ),
    ratings: sorted((await db.selectFrom('ratings').select(['player_id', 'season_id', 'rating']).execute()).map((r) => `${kid.get(r.player_id)} ${r.season_id} ${r.rating}`)),
    teams: sorted(teams.map((t) => team.get(t.id)!)),
    staff: sorted(staff.map((s) => `${team.get(s.team_id)}: ${s.role} ${who.get(s.person_id)}`)),
    rosters: sorted(roster.map((r) => `${team.get(r.team_id)}: ${kid.get(r.player_id)} ${r.jersey ?? ''}`)),
    draws: sorted((await db.selectFrom('draw_records').select(['division', 'program', 'seed', 'digest']).execute()).map((d) => `${d.division} ${d.program} ${d.seed} ${d.digest}`)),
    offers: sorted(
      (await db.selectFrom('assistant_offers').select(['team_id', 'person_id', 'status']).execute()).map((o) => `${team.get(o.team_id)}: ${who.get(o.person_id)} ${o.status}`),
    ),
    slots: sorted(slots.map((s) => `${s.slot_key} ${s.capacity} ${s.divisions_json}`)),
    bookings: sorted((await db.selectFrom('practice_bookings').select(['slot_id', 'team_id']).execute()).map((b) => `${slot.get(b.slot_id)}: ${team.get(b.team_id)}`)),
    games: sorted(
      (await db.selectFrom('games').select(['date', 'time', 'field_id', 'home_team_id', 'away_team_id']).execute()).map(
        (g) => `${g.date} ${g.time} ${g.field_id}: ${team.get(g.home_team_id)} v ${team.get(g.away_team_id)}`,
      ),
    ),
    cards: sorted(
      (await db.selectFrom('game_cards').select(['team_id', 'status', 'state_json']).execute()).map((c) => {
        const state = JSON.parse(c.state_json) as { rows: { playerId: string }[]; back: unknown };
        const rows = state.rows.map((r) => JSON.stringify({ ...r, playerId: kid.get(r.playerId) }));
        return `${team.get(c.team_id)} ${c.status} ${sorted(rows).join(' ')} ${JSON.stringify(state.back)}`;
      }),
    ),
    sessions: sorted(
      (await db.selectFrom('mentoring_sessions').select(['mentor_id', 'kind', 'topic', 'date', 'start_time', 'place', 'team_id', 'capacity']).execute()).map(
        (s) => `${s.date} ${s.start_time} ${s.kind} ${s.topic} ${s.place} ${s.capacity} ${who.get(s.mentor_id)} ${s.team_id ? team.get(s.team_id) : ''}`,
      ),
    ),
    assessments: sorted(
      (await db.selectFrom('mentoring_assessments').select(['coach_id', 'mentor_id', 'team_name', 'date', 'kind', 'ratings_json']).execute()).map(
        (a) => `${a.date} ${a.kind} ${a.team_name} ${who.get(a.coach_id)} by ${who.get(a.mentor_id)} ${a.ratings_json}`,
      ),
    ),
    applications: sorted(
      (await db.selectFrom('applications').select(['person_id', 'roles_json', 'birth_date', 'is_adult', 'ssn_last4', 'signature_name', 'background_check']).execute()).map(
        (a) => `${who.get(a.person_id)} ${a.roles_json} ${a.birth_date} ${a.is_adult} ${a.ssn_last4 ?? ''} ${a.signature_name ?? ''} ${a.background_check}`,
      ),
    ),
    roleRequests: sorted(
      (await db.selectFrom('role_requests').select(['person_id', 'season_id', 'role', 'division', 'status', 'decided_by', 'reason']).execute()).map(
        (r) => `${who.get(r.person_id)} ${r.season_id} ${r.role} ${r.division} ${r.status} ${r.decided_by ? who.get(r.decided_by) : ''} ${r.reason ?? ''}`,
      ),
    ),
    completions: sorted(
      (await db.selectFrom('completions').select(['person_id', 'training', 'part', 'completed_on', 'source', 'certificate_no']).execute()).map(
        (c) => `${who.get(c.person_id)} ${c.training}:${c.part} ${c.completed_on} ${c.source} ${c.certificate_no}`,
      ),
    ),
    classes: sorted(
      (await db.selectFrom('class_sessions').select(['training', 'part', 'date', 'start_time', 'end_time', 'place', 'capacity', 'instructor_id']).execute()).map(
        (c) => `${c.date} ${c.start_time}-${c.end_time} ${c.training}:${c.part} ${c.place} ${c.capacity} ${who.get(c.instructor_id)}`,
      ),
    ),
    classRegistrations: sorted(
      (await db.selectFrom('class_registrations as r').innerJoin('class_sessions as s', 's.id', 'r.session_id').select(['s.date', 's.training', 'r.person_id']).execute()).map(
        (r) => `${r.date} ${r.training}: ${who.get(r.person_id)}`,
      ),
    ),
    photos: sorted((await db.selectFrom('badge_photos').select(['person_id', 'status']).execute()).map((p) => `${who.get(p.person_id)} ${p.status}`)),
    badges: sorted((await db.selectFrom('badges').select(['person_id', 'season_id']).execute()).map((b) => `${who.get(b.person_id)} ${b.season_id}`)),
    resources: sorted((await db.selectFrom('site_resources').select(['category', 'title', 'url']).execute()).map((r) => `${r.category} ${r.title} ${r.url ?? ''}`)),
    pages: sorted((await db.selectFrom('site_revisions').select(['slug', 'number', 'markdown']).execute()).map((r) => `${r.slug} ${r.number} ${r.markdown}`)),
    mail: sorted((await db.selectFrom('outbox').select(['to_address', 'subject']).execute()).map((m) => `${m.to_address}: ${m.subject}`)),
  };
}

/** How many of each state the journeys need the demo region holds (README, "The demo region"). */
async function states(deps: Deps) {
  const db = deps.db;
  const config = await getRegionConfig(db);
  const today = regionToday(config, deps.clock);
  const rows = (await dashboard(deps, {})).rows;
  const coaches = rows.filter((r) => r.role === 'head-coach' || r.role === 'assistant-coach');
  const missing = (element: number) => rows.filter((r) => r.missing.some((m) => m.element === element)).length;
  const classes = await db
    .selectFrom('class_sessions as s')
    .leftJoin('class_registrations as r', 'r.session_id', 's.id')
    .select(['s.id', 's.date', 's.capacity', (eb) => eb.fn.count<number>('r.id').as('registered')])
    .where('s.cancelled_at', 'is', null)
    .groupBy(['s.id', 's.date', 's.capacity'])
    .execute();
  const photos = await db.selectFrom('badge_photos').select('status').execute();
  const teams = await db.selectFrom('teams').select(['division', 'program']).execute();
  const registered = await db.selectFrom('season_players').select(['division', 'program']).execute();
  const drawn = new Set(teams.map((t) => `${t.division} ${t.program}`));
  const games = await db.selectFrom('games').select(['id', 'date']).execute();
  const cards = await db.selectFrom('game_cards').select(['game_id', 'status']).execute();
  const carded = new Set(cards.map((c) => c.game_id));
  const now = deps.clock.now().toISOString();
  const signup = await db.selectFrom('practice_signup').select(['opens_at', 'closes_at']).execute();
  const sessions = await db.selectFrom('mentoring_sessions').select('date').where('cancelled_at', 'is', null).execute();
  return {
    certifiedShare: coaches.filter((r) => r.certified).length / coaches.length,
    missingApplication: missing(1),
    missingSafety: missing(2),
    missingCourse: missing(3),
    classesAheadWithSeats: classes.filter((c) => c.date > today && Number(c.registered) < c.capacity).length,
    classRegistrations: classes.reduce((n, c) => n + Number(c.registered), 0),
    photosPending: photos.filter((p) => p.status === 'pending').length,
    photosApproved: photos.filter((p) => p.status === 'approved').length,
    badgesPrinted: Number(
      (
        await db
          .selectFrom('badges')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    undrawnWithPlayers: new Set(registered.map((r) => `${r.division} ${r.program}`).filter((k) => !drawn.has(k))).size,
    signupOpen: signup.filter((s) => s.opens_at !== null && s.opens_at <= now && (s.closes_at === null || s.closes_at > now)).length,
    bookings: Number(
      (
        await db
          .selectFrom('practice_bookings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    submittedPastCards: cards.filter((c) => c.status === 'submitted').length,
    gamesAheadWithoutCards: games.filter((g) => g.date >= today && !carded.has(g.id)).length,
    mentoringAhead: sessions.filter((s) => s.date > today).length,
    resources: Number(
      (
        await db
          .selectFrom('site_resources')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    requestsWaiting: (await db.selectFrom('role_requests').select('id').where('status', '=', 'requested').execute()).length,
    applicationsWithoutRequests: (
      await db.selectFrom('applications as a').leftJoin('role_requests as r', 'r.application_id', 'a.id').select('a.id').where('r.id', 'is', null).execute()
    ).length,
    faqRevisions: (await db.selectFrom('site_revisions').select('number').where('slug', '=', 'faq').execute()).length,
  };
}

const built = new Map<Dialect, Record<string, string[]>[]>();

describe.each(testDialects())('the demo region on %s', (dialect) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });

  it('is the same region every time it is built from the same seed, in a fresh database', { timeout: 900_000 }, async () => {
    const regions: Record<string, string[]>[] = [];
    for (let i = 0; i < 2; i++) {
      const t = await openTestApp(dialect);
      apps.push(t);
      await fillDemo(t.deps, { seed: 5, password: 'touchline-demo' });
      regions.push(await visible(t.deps.db));
    }
    const [a, b] = regions as [Record<string, string[]>, Record<string, string[]>];
    const s = await states(apps.at(-1)!.deps);
    expect(s.certifiedShare).toBeGreaterThan(0.5);
    expect(s.certifiedShare).toBeLessThan(1);
    const { applicationsWithoutRequests, requestsWaiting, ...counted } = s;
    for (const [k, v] of Object.entries(counted)) expect(v, k).toBeGreaterThan(0);
    expect(applicationsWithoutRequests).toBe(0);
    expect(requestsWaiting).toBeGreaterThanOrEqual(5);
    expect(requestsWaiting).toBeLessThanOrEqual(8);
    expect(a.rosters!.length).toBeGreaterThan(1000);
    for (const k of Object.keys(a)) expect(b[k], k).toEqual(a[k]);
    built.set(dialect, regions);
  });

  it('is the same region on SQLite and PostgreSQL', () => {
    if (built.size < 2) return;
    const [s, p] = [built.get('sqlite')![0]!, built.get('postgres')![0]!];
    for (const k of Object.keys(s)) expect(p[k], k).toEqual(s[k]);
  });
});
