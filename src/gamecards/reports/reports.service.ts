import type { Deps } from '../../platform/feature.js';
import { writeCsv } from '../../platform/csv.js';
import { forbidden } from '../../platform/errors.js';
import type { Auth } from '../../platform/http/access.js';
import type { Season } from '../../region/index.js';
import { getRegionConfig } from '../../region/index.js';
import { listTeams, type TeamRow } from '../../teams/index.js';
import type { Violation } from '../playing-time/card.rules.js';
import { emptyLine, seasonTally, type SeasonLine } from '../cards/card-state.rules.js';
import { visibleTeamIds } from '../gamecards.access.js';
import { currentRoster } from '../cards/card-context.service.js';
import { submittedCards, type CardHeader } from '../cards/cards.store.js';
import { seasonOf } from '../games/games.service.js';

export interface PlayerSeason extends SeasonLine {
  playerId: string;
  name: string;
  jersey: number | null;
  /** Submitted cards on which this player got fewer quarters than owed. */
  gamesUnderMinimum: number;
}

export interface TeamSeason {
  team: TeamRow;
  cards: number;
  players: PlayerSeason[];
}

/**
 * Quarters played over the season per team and player, from submitted cards: every team for the
 * board, a coach's own teams for a coach (FORBIDDEN for another team).
 */
export async function playingTimeReport(deps: Deps, auth: Auth, f: { seasonId?: string; teamId?: string }): Promise<{ season: Season; teams: TeamSeason[] }> {
  const config = await getRegionConfig(deps.db);
  const season = seasonOf(config, deps, f.seasonId);
  const visible = await visibleTeamIds(deps.db, auth, season.id);
  if (f.teamId && visible !== null && !visible.includes(f.teamId)) throw forbidden("Only this team's coaches and the coach administrator see this team's playing time.");
  const gameCardDivisions = new Set(config.divisions.filter((d) => d.gameCard).map((d) => d.code));
  const teams = (await listTeams(deps.db, season.id)).filter(
    (t) => gameCardDivisions.has(t.division) && (f.teamId ? t.id === f.teamId : visible === null || visible.includes(t.id)),
  );
  const cards = await submittedCards(
    deps.db,
    season.id,
    teams.map((t) => t.id),
  );
  const quarters = config.playingTime.quarters;
  const out: TeamSeason[] = [];
  for (const team of teams) {
    const mine = cards.filter((c) => c.teamId === team.id);
    const tally = seasonTally(
      mine.map((c) => c.state),
      quarters,
    );
    const people = new Map((await currentRoster(deps.db, team.id)).map((r) => [r.playerId, r]));
    for (const c of mine) for (const r of c.snapshot?.roster ?? []) if (!people.has(r.playerId)) people.set(r.playerId, r);
    const under = (id: string) => mine.filter((c) => c.violations.some((v) => v.playerId === id && v.code === 'UNDER_MINIMUM')).length;
    const players = [...people.values()].map((p) => ({
      ...emptyLine(),
      ...tally[p.playerId],
      playerId: p.playerId,
      name: p.name,
      jersey: p.jersey,
      gamesUnderMinimum: under(p.playerId),
    }));
    out.push({ team, cards: mine.length, players });
  }
  return { season, teams: out };
}

export function playingTimeCsv(teams: readonly TeamSeason[]): string {
  const rows = teams.flatMap((t) =>
    t.players.map((p) => [t.team.division, t.team.program, t.team.number, t.team.name, p.jersey, p.name, p.games, p.played, p.sat, p.kept, p.injured, p.gamesUnderMinimum]),
  );
  return writeCsv(
    [
      'Division',
      'Program',
      'Team number',
      'Team',
      'Jersey',
      'Player',
      'Games attended',
      'Quarters played',
      'Quarters sat',
      'Quarters in goal',
      'Quarters injured',
      'Games under minimum',
    ],
    rows,
    { bom: true },
  );
}

export interface CardWithViolations {
  gameId: string;
  teamId: string;
  date: string;
  header: CardHeader | null;
  submittedAt: string | null;
  violations: Violation[];
}

/** Every submitted card of the season that breaks the playing-time rule (coach administrator's report). */
export async function violationsReport(deps: Deps, f: { seasonId?: string }): Promise<{ season: Season; cards: CardWithViolations[] }> {
  const config = await getRegionConfig(deps.db);
  const season = seasonOf(config, deps, f.seasonId);
  const cards = (await submittedCards(deps.db, season.id)).filter((c) => c.violations.length > 0);
  return {
    season,
    cards: cards.map((c) => ({ gameId: c.gameId, teamId: c.teamId, date: c.date, header: c.snapshot?.header ?? null, submittedAt: c.submittedAt, violations: c.violations })),
  };
}

export function violationsCsv(cards: readonly CardWithViolations[]): string {
  const rows = cards.flatMap((c) =>
    c.violations.map((v) => [c.date, c.header?.ageGroup ?? '', c.header?.teamNumber ?? null, c.header?.teamName ?? c.teamId, c.header?.opponent ?? '', v.code, v.message]),
  );
  return writeCsv(['Date', 'Age group', 'Team number', 'Team', 'Opponent', 'Rule', 'Problem'], rows, { bom: true });
}
