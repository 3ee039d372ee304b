import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { DemoContext } from '../platform/demo.js';
import type { RegionConfig } from '../region/index.js';
import { findSeason } from '../region/index.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { listTeams, rosterOf, type TeamRow } from '../teams/index.js';
import { blankBack, blankQuarters, toCheckInput, type CardState } from './cards/card-state.rules.js';
import { planToCard } from './planner/plan-card.rules.js';
import { planRotation } from './planner/planner.rules.js';
import { checkPlayingTime } from './playing-time/playing-time.rules.js';
import { insertGames, type Game, type NewGame } from './games/games.store.js';
import { currentRoster, headerOf } from './cards/card-context.service.js';
import { insertSubmittedCard, type CardSnapshot } from './cards/cards.store.js';
import { resolvePolicy } from './playing-time/policy.rules.js';

const ROUNDS = 8;
const TIMES = ['08:00', '09:15', '10:30', '11:45', '13:00', '14:15', '15:30'];

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The first Saturday on or after a date. */
function saturdayFrom(date: string): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, (6 - day + 7) % 7);
}

/**
 * The day the first round is played: four weeks before today, so that half the rounds are played
 * and half are ahead; never before the season's second week, and early enough for every round to
 * fit in the season (then today may be past them all, or before them all, late or early in a season).
 */
export function firstRound(seasonStart: string, seasonEnd: string, today: string): string {
  const latest = addDays(seasonEnd, -7 * ROUNDS);
  const earliest = addDays(seasonStart, 7);
  const wanted = addDays(today, -28);
  if (wanted < earliest || latest < earliest) return earliest;
  return [wanted, latest].sort()[0]!;
}

/** Round-robin pairings by the circle method (a bye when the count is odd), home and away alternating. */
export function roundRobin<T>(teams: readonly T[], rounds: number): [T, T][][] {
  const list: (T | null)[] = teams.length % 2 === 0 ? [...teams] : [...teams, null];
  const n = list.length;
  const out: [T, T][][] = [];
  for (let r = 0; r < Math.min(rounds, n - 1); r++) {
    const pairs: [T, T][] = [];
    for (let i = 0; i < n / 2; i++) {
      const a = list[i]!;
      const b = list[n - 1 - i]!;
      if (a !== null && b !== null) pairs.push(r % 2 === 0 ? [a, b] : [b, a]);
    }
    out.push(pairs);
    list.splice(1, 0, list.pop()!);
  }
  return out;
}

/** Games of the season: eight Saturdays from the first round on, slots spilling to Sunday. */
function schedule(config: RegionConfig, seasonId: string, start: string, teams: readonly TeamRow[]): NewGame[] {
  const groups = new Map<string, TeamRow[]>();
  for (const t of teams) groups.set(`${t.division}|${t.program}`, [...(groups.get(`${t.division}|${t.program}`) ?? []), t]);
  const rounds = [...groups.values()].map((g) => roundRobin(g, ROUNDS));
  const fields = config.fields.map((f) => f.id);
  const slots = fields.length * TIMES.length;
  const games: NewGame[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const pairs = rounds.flatMap((g) => g[r] ?? []);
    pairs.forEach(([home, away], i) => {
      const date = addDays(start, 7 * r + Math.floor(i / slots));
      const slot = i % slots;
      games.push({
        id: newId(),
        seasonId,
        division: home.division,
        program: home.program,
        date,
        time: TIMES[Math.floor(slot / fields.length)]!,
        fieldId: fields[slot % fields.length]!,
        homeTeamId: home.id,
        awayTeamId: away.id,
      });
    });
  }
  return games;
}

/** A submitted card for a past game, planned fairly; now and then one player short, for the report. */
async function snapshotOf(db: Db, config: RegionConfig, g: NewGame, teams: ReadonlyMap<string, TeamRow>, teamId: string): Promise<CardSnapshot> {
  const ref = (t: TeamRow) => ({ id: t.id, name: t.name, number: t.number });
  const [home, away] = [teams.get(g.homeTeamId)!, teams.get(g.awayTeamId)!];
  const game: Game = { ...g, home: ref(home), away: ref(away), createdAt: '', updatedAt: '' };
  const side = teamId === home.id ? 'home' : 'away';
  const division = config.divisions.find((d) => d.code === g.division)!;
  const policy = resolvePolicy(config.playingTime);
  const ctx = {
    config,
    game,
    team: teams.get(teamId)!,
    opponent: side === 'home' ? game.away : game.home,
    side,
    division,
    policy,
    quarters: policy.quarters,
    playersOnField: division.playersOnField,
  } as const;
  return { header: await headerOf(db, ctx), roster: await currentRoster(db, teamId) };
}

async function demoCard(db: Db, config: RegionConfig, g: NewGame, teams: ReadonlyMap<string, TeamRow>, teamId: string, seed: number, short: boolean, at: string): Promise<boolean> {
  const roster = await rosterOf(db, teamId);
  const division = config.divisions.find((d) => d.code === g.division);
  if (!division || roster.length < 2) return false;
  const Q = config.playingTime.quarters;
  const absent = roster.length > division.playersOnField + 1 ? roster[seed % roster.length]!.playerId : null;
  const here = roster.filter((p) => p.playerId !== absent);
  let plan: ReturnType<typeof planRotation>;
  try {
    plan = planRotation({
      // The planner orders players by id: give it their places in the roster (an order the same in
      // any database) rather than database ids, so the same demo seed plans the same card.
      players: here.map((_, i) => ({ id: String(i).padStart(3, '0'), canKeep: i < 4, seasonSatQuarters: 0, seasonPlayedQuarters: 0 })),
      playersOnField: division.playersOnField,
      quarters: Q,
      policy: config.playingTime,
      seed,
      allowNoKeeper: true,
    });
  } catch {
    return false;
  }
  const planned = new Map(planToCard(plan).players.map((p) => [here[Number(p.id)]!.playerId, p]));
  const rows = roster.map((p) => {
    const row = planned.get(p.playerId);
    return { playerId: p.playerId, attended: !!row, arrivedQuarter: 1, quarters: row ? [...row.quarters] : blankQuarters(Q), goals: [0, 0] };
  });
  if (short && rows[1]?.attended) rows[1].quarters = rows[1].quarters.map((c, q) => (q < 2 ? { played: false, keeper: false, injured: false } : c));
  const state: CardState = { rows, back: { ...blankBack(), final: { us: seed % 4, them: (seed >> 3) % 4 }, sportsmanship: 'good' } };
  const names = Object.fromEntries(roster.map((p) => [p.playerId, `${p.firstName} ${p.lastName}`]));
  const violations = checkPlayingTime(toCheckInput(state, division.playersOnField, Q), config.playingTime, names).violations;
  await insertSubmittedCard(db, { gameId: g.id, teamId, seasonId: g.seasonId, revision: 2, state, violations, snapshot: await snapshotOf(db, config, g, teams, teamId) }, at);
  return true;
}

/**
 * Demo step: a season of games for every team of the divisions that fill in game cards (10U, 12U,
 * 14U by default), when teams exist, about half of them played by today (see firstRound); games
 * already played get submitted cards (but some of the last round's, see below), a few of them with a
 * playing-time violation so the coach administrator's report has something to show; games ahead
 * have cards to fill.
 */
export async function demoGames(ctx: DemoContext): Promise<string> {
  const { db, clock } = ctx.deps;
  const config = await getRegionConfig(db);
  const season = findSeason(config, ctx.seasonId)?.season;
  const withCards = new Set(config.divisions.filter((d) => d.gameCard).map((d) => d.code));
  const teams = (await listTeams(db, ctx.seasonId)).filter((t) => withCards.has(t.division));
  if (!season || teams.length < 2 || config.fields.length === 0) return 'No games: there are no teams in divisions with game cards yet.';
  const at = clock.now().toISOString();
  const today = regionToday(config, clock);
  const first = saturdayFrom(firstRound(season.startDate, season.endDate, today));
  const games = schedule(config, season.id, first, teams).filter((g) => g.date <= season.endDate);
  let cards = 0;
  const byId = new Map(teams.map((t) => [t.id, t]));
  // The last round played is still being written up: the division's first demo coach (coach.10u@…)
  // and about a third of the others have its card to fill and submit.
  const played = games.filter((x) => x.date < today);
  // A round is played over a weekend (Saturday, spilling to Sunday): the week before the last game played.
  const lastPlayed = played.map((g) => g.date).sort();
  const lastRound = lastPlayed.length ? addDays(lastPlayed.at(-1)!, -6) : '';
  const firstCoaches = new Set(Object.values((ctx.facts.get('headCoaches') ?? {}) as Record<string, string[]>).map((list) => list[0]));
  let toSubmit = 0;
  await db.transaction().execute(async (trx) => {
    await insertGames(trx, games, at, null);
    for (const [i, g] of played.entries()) {
      for (const [side, teamId] of [g.homeTeamId, g.awayTeamId].entries()) {
        const seed = Math.floor(ctx.random() * 1e9);
        const coach = byId.get(teamId)?.headCoachId;
        if (lastRound && g.date >= lastRound && ((coach && firstCoaches.has(coach)) || seed % 3 === 0)) {
          toSubmit++;
          continue;
        }
        if (await demoCard(trx, config, g, byId, teamId, seed, (i + side) % 17 === 5, at)) cards++;
      }
    }
  });
  ctx.facts.set(
    'games',
    games.map((g) => g.id),
  );
  return `${games.length} games for ${teams.length} teams (${[...withCards].join(', ')}), ${cards} submitted game cards, ${toSubmit} cards of the last round still to submit, ${games.filter((g) => g.date >= today).length} games ahead with cards to fill.`;
}
