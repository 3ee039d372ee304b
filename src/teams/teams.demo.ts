/**
 * The demo's players and teams: realistic players in every division and program of the season
 * (last season's ratings, 10-45% new players, some head coaches' own children), extra head coaches
 * so that the region has over 300 teams, every division but the oldest formed and published by the
 * real services (the oldest keeps its players, waiting for the draw),
 * and assistant coaches assigned to some teams and offered to others.
 */
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { DemoContext } from '../platform/demo.js';
import { DEMO_DOMAIN } from '../platform/demo.js';
import { birthRange, findSeason } from '../region/index.js';
import type { Division, RegionConfig } from '../region/index.js';
import { getRegionConfig } from '../region/index.js';
import type { Program } from '../players/index.js';
import { previewFormation, publishFormation } from './formation/formation.service.js';
import { assignAssistant, assistantVolunteers, offerAssistant, teamsWithoutAssistant } from './assistants/assistants.service.js';
import { insertDemoRows, lastNamesOf } from './demo.store.js';

const DEMO_ACTOR = { id: null, name: 'demo' };
/** Teams per program (a division with two programs gets this many in each). */
const TEAMS_PER_PROGRAM: Record<string, number> = { '6U': 48, '7U': 20, '8U': 22, '10U': 30, '12U': 22, '14U': 16, '16U': 10, '19U': 8 };
const GIRLS = [
  'Ava',
  'Chloe',
  'Elena',
  'Harper',
  'Isabella',
  'Lucía',
  'Maya',
  'Mia',
  'Nora',
  'Olivia',
  'Sofia',
  'Ximena',
  'Zoe',
  'Amara',
  'Ines',
  'Keiko',
  'Leila',
  'Naomi',
  'Priya',
  'Ruby',
];
const BOYS = [
  'Diego',
  'Ezra',
  'Jonah',
  'Leo',
  'Liam',
  'Mateo',
  'Miles',
  'Noah',
  'Owen',
  'Sebastián',
  'Theo',
  'Arjun',
  'Caleb',
  'Felix',
  'Hugo',
  'Kai',
  'Luca',
  'Omar',
  'Ravi',
  'Sami',
];
const LAST = [
  'Chen',
  'García',
  'Hernández',
  'Johnson',
  'Kim',
  'Martínez',
  'Nguyen',
  "O'Brien",
  'Patel',
  'Rodríguez',
  'Smith',
  'Williams',
  'Brown',
  'Park',
  'Okafor',
  'Rossi',
  'Novak',
  'Haddad',
  'Sato',
  'Dubois',
  'Moreau',
  'Silva',
];
const PARENTS = ['Ana', 'Mark', 'Priya', 'Luis', 'Jen', 'Sam', 'Rosa', 'David', 'Mei', 'Omar', 'Claire', 'Tom'];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

interface Rows {
  people: {
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    birth_date: null;
    phone: string | null;
    password_hash: string | null;
    created_at: string;
    updated_at: string;
    merged_into: null;
    association_id: null;
  }[];
  grants: { id: string; person_id: string; role: string; season_id: string; division: string; granted_at: string; granted_by: null }[];
  players: { id: string; external_id: string; first_name: string; last_name: string; birth_date: string; gender: string; created_at: string; updated_at: string }[];
  guardians: { player_id: string; person_id: string; is_primary: number }[];
  season: { id: string; season_id: string; player_id: string; division: string; program: string; goalkeeper: number; moved_reason: null; created_at: string }[];
  ratings: { id: string; season_id: string; player_id: string; rating: number; rated_by: null; rated_at: string; override_reason: null }[];
}

async function insertAll(db: Db, rows: Rows): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertDemoRows(trx, rows);
  });
}

function randomDate(r: () => number, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - a) / 86_400_000);
  return new Date(a + Math.floor(r() * (days + 1)) * 86_400_000).toISOString().slice(0, 10);
}

/** A rating on the region's scale, most players near the middle. */
function demoRating(r: () => number, s: RegionConfig['ratingScale']): number {
  const steps = Math.round((s.max - s.min) / s.step);
  return Math.round((s.min + Math.round(((r() + r() + r()) / 3) * steps) * s.step) * 1e6) / 1e6;
}

interface Builder {
  ctx: DemoContext;
  config: RegionConfig;
  rows: Rows;
  at: string;
  ratedAt: string;
  previousSeason: string;
  n: number;
}

function addParent(b: Builder, last: string): string {
  const id = newId();
  b.n++;
  b.rows.people.push({
    id,
    email: `parent.${b.n}@${DEMO_DOMAIN}`,
    first_name: pick(b.ctx.random, PARENTS),
    last_name: last,
    birth_date: null,
    phone: `310-555-${String(b.n % 10000).padStart(4, '0')}`,
    password_hash: null,
    created_at: b.at,
    updated_at: b.at,
    merged_into: null,
    association_id: null,
  });
  return id;
}

function addPlayer(b: Builder, d: Division, program: Program, unrated: number, guardian?: { id: string; last: string }): void {
  const r = b.ctx.random;
  const year = findSeason(b.config, b.ctx.seasonId)!.year;
  const range = birthRange(d, year);
  const gender = program === 'girls' ? 'F' : program === 'boys' ? 'M' : r() < 0.45 ? 'F' : 'M';
  const last = guardian?.last ?? pick(r, LAST);
  const id = newId();
  b.rows.players.push({
    id,
    external_id: String(40_000_000 + b.rows.players.length),
    first_name: pick(r, gender === 'F' ? GIRLS : BOYS),
    last_name: last,
    birth_date: randomDate(r, range.from, range.to),
    gender,
    created_at: b.at,
    updated_at: b.at,
  });
  b.rows.guardians.push({ player_id: id, person_id: guardian?.id ?? addParent(b, last), is_primary: 1 });
  b.rows.season.push({ id: newId(), season_id: b.ctx.seasonId, player_id: id, division: d.code, program, goalkeeper: r() < 0.08 ? 1 : 0, moved_reason: null, created_at: b.at });
  if (r() >= unrated)
    b.rows.ratings.push({
      id: newId(),
      season_id: b.previousSeason,
      player_id: id,
      rating: demoRating(r, b.config.ratingScale),
      rated_by: null,
      rated_at: b.ratedAt,
      override_reason: null,
    });
}

/** Head coaches of a division: the demo's, plus new ones until every team has one. */
function coachesFor(b: Builder, d: Division, existing: string[], needed: number): string[] {
  const out = [...existing];
  for (let i = existing.length + 1; out.length < needed; i++) {
    const id = newId();
    b.rows.people.push({
      id,
      email: `coach.${d.code.toLowerCase()}.${i}@${DEMO_DOMAIN}`,
      first_name: pick(b.ctx.random, PARENTS),
      last_name: pick(b.ctx.random, LAST),
      birth_date: null,
      phone: null,
      password_hash: b.ctx.passwordHash,
      created_at: b.at,
      updated_at: b.at,
      merged_into: null,
      association_id: null,
    });
    b.rows.grants.push({ id: newId(), person_id: id, role: 'head-coach', season_id: b.ctx.seasonId, division: d.code, granted_at: b.at, granted_by: null });
    out.push(id);
  }
  return out;
}

/** Players of one division: each program sized for its teams; about a quarter of the coaches' children among them. */
async function buildDivision(b: Builder, d: Division, coaches: string[], perProgram: number): Promise<void> {
  const unrated = 0.1 + b.ctx.random() * 0.35;
  const names = new Map((await lastNamesOf(b.ctx.deps.db, coaches)).map((p) => [p.id, p.last_name]));
  for (const p of b.rows.people) if (coaches.includes(p.id)) names.set(p.id, p.last_name);
  const parents = coaches.filter((_, i) => i === 0 || b.ctx.random() < 0.25);
  d.programs.forEach((program, k) => {
    const children = parents.filter((_, i) => i % d.programs.length === k).slice(0, perProgram);
    const players = perProgram * d.rosterSize - Math.floor(b.ctx.random() * Math.min(d.rosterSize, perProgram));
    for (const c of children) addPlayer(b, d, program, unrated, { id: c, last: names.get(c) ?? pick(b.ctx.random, LAST) });
    for (let i = children.length; i < players; i++) addPlayer(b, d, program, unrated);
  });
}

/** Assigns assistants to about half of the teams of each division and offers a team to two more volunteers. */
async function demoAssistants(ctx: DemoContext, config: RegionConfig): Promise<{ assigned: number; offered: number }> {
  let assigned = 0;
  let offered = 0;
  for (const d of config.divisions) {
    const open = await teamsWithoutAssistant(ctx.deps.db, ctx.seasonId, d.code);
    const free = (await assistantVolunteers(ctx.deps.db, ctx.seasonId, d.code)).filter((v) => !v.team);
    const toAssign = Math.min(free.length - 2, Math.ceil(open.length / 2));
    for (let i = 0; i < free.length && i < open.length; i++) {
      if (i < toAssign) {
        await assignAssistant(ctx.deps, DEMO_ACTOR, open[i]!.id, free[i]!.personId);
        assigned++;
      } else if (i < toAssign + 2) {
        await offerAssistant(ctx.deps, DEMO_ACTOR, open[i]!.id, free[i]!.personId);
        offered++;
      }
    }
  }
  return { assigned, offered };
}

function previousSeasonOf(config: RegionConfig, seasonId: string): string {
  const start = findSeason(config, seasonId)!.season.startDate;
  const earlier = config.membershipYears
    .flatMap((y) => y.seasons)
    .filter((s) => s.endDate < start)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  return earlier.at(-1)?.id ?? `${start.slice(0, 4)}-spring`;
}

/** The demo step (see the module comment); answers its summary line. */
export async function demoTeams(ctx: DemoContext): Promise<string> {
  const config = await getRegionConfig(ctx.deps.db);
  const start = findSeason(config, ctx.seasonId)!.season.startDate;
  const at = ctx.deps.clock.now().toISOString();
  const b: Builder = {
    ctx,
    config,
    at,
    ratedAt: new Date(Date.parse(`${start}T00:00:00Z`) - 20 * 86_400_000).toISOString(),
    previousSeason: previousSeasonOf(config, ctx.seasonId),
    n: 0,
    rows: { people: [], grants: [], players: [], guardians: [], season: [], ratings: [] },
  };
  const heads = { ...((ctx.facts.get('headCoaches') ?? {}) as Record<string, string[]>) };
  for (const d of config.divisions) {
    const perProgram = TEAMS_PER_PROGRAM[d.code] ?? 8;
    heads[d.code] = coachesFor(b, d, heads[d.code] ?? [], perProgram * d.programs.length);
    await buildDivision(b, d, heads[d.code]!, perProgram);
  }
  await insertAll(ctx.deps.db, b.rows);
  ctx.facts.set('headCoaches', heads);
  let teams = 0;
  // The oldest division keeps its players and coaches with no teams drawn yet: the draw can be tried on it.
  const undrawn = config.divisions.length > 1 ? config.divisions.at(-1)!.code : null;
  for (const d of config.divisions) {
    if (d.code === undrawn) continue;
    for (const program of d.programs) {
      const f = await previewFormation(ctx.deps, DEMO_ACTOR, { seasonId: ctx.seasonId, division: d.code, program, seed: Math.floor(ctx.random() * 1_000_000) });
      await publishFormation(ctx.deps, DEMO_ACTOR, f.id);
      teams += f.record.teams.length;
    }
  }
  const { assigned, offered } = await demoAssistants(ctx, config);
  const unrated = b.rows.players.length - b.rows.ratings.length;
  const extra = b.rows.grants.length;
  return `Teams: ${b.rows.players.length} players (${unrated} new, the others rated in ${b.previousSeason}), ${teams} teams formed and published with their head coaches (${extra} extra head coaches made)${undrawn ? `, ${undrawn} left to draw` : ''}, ${assigned} assistant coaches assigned and ${offered} offers waiting.`;
}
