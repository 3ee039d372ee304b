/**
 * What the portal's draw is made of, written as the offline command's files (`P.csv`, `T.csv`), so
 * that the same registration, coaches and seed give the same teams in any database and in any
 * import order, and anyone holding the files can re-run the draw (`touchline teams verify`).
 * Players are keyed by the association's player id, else by name and birth date; teams by their
 * number. The portal draws from the files themselves (written, then read back as the offline
 * command reads them), so the two can never differ. Pure rules.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { writeCsv } from '../../platform/csv.js';
import type { PlayerLine } from '../../players/index.js';
import { formatAssignmentsCsv, parsePlayersCsv, parseTeamsCsv } from '../engine/formation.csv.js';
import {
  formRegion,
  type Assignment,
  type DivisionFormation,
  type DivisionReport,
  type FormationFigures,
  type RatingObjective,
  type RatingScale,
  type RegionPlayer,
  type RegionTeam,
  type TeamFigures,
} from '../engine/formation.rules.js';

/** A team's balance figures in a draw record: by team number, no names. */
export type DrawTeamFigures = Omit<TeamFigures, 'teamId' | 'coachId'> & { number: number };

/** The draw's figures beside the lower bound, as published: the offline report's figures, teams by number. */
export type DrawFigures = DivisionReport['rating'] & Pick<DivisionReport, 'counts' | 'countsEven' | 'players'> & { teams: DrawTeamFigures[] };

/** One team to draw: its number (the engine's team id, as text) and its head coach. */
export interface DrawTeam {
  key: string;
  coachId: string;
  /** The coach's stable key in T.csv (their email): the same coach in any database. */
  coachKey: string;
}

/** The draw's input files and how their ids map back to the database's. */
export interface DrawFiles {
  /** P.csv: `player_id,division,gender,birth_date,rating,coach_child_of,goalkeeper`, by player_id. */
  players: string;
  /** T.csv: `division,team_id,coach_id`, by team number. */
  teams: string;
  /** sha256 (hex) of the P.csv text followed by the T.csv text: `cat P.csv T.csv | sha256sum`. */
  digest: string;
  /** The players and teams as the offline command reads them from the files. */
  parsed: { players: RegionPlayer[]; teams: RegionTeam[] };
  /** P.csv player_id (as read back) -> the player's id in this database. */
  playerIdOf: Map<string, string>;
  /** The player's id in this database -> P.csv player_id (as read back). */
  keyOf: Map<string, string>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The name of the program in the files' division column: "10U-girls". */
export const drawDivision = (division: string, program: string) => `${division}-${program}`;

/** A player's key before telling apart players who share it: the association's id, else name and birth date. */
function baseKey(p: PlayerLine): string {
  const external = p.externalId?.trim();
  return external ? external : `${p.lastName.trim()}, ${p.firstName.trim()} ${p.birthDate}`;
}

/**
 * Stable keys of a program's players: the association's player id, else "Last, First YYYY-MM-DD".
 * Players sharing a key (the same name and birth date, no association id) are told apart by what
 * else the draw sees of them, and get "#1", "#2"… in that order; players that nothing tells apart
 * are interchangeable to the draw.
 */
export function playerKeys(lines: readonly PlayerLine[], coachChildOf: (p: PlayerLine) => string | null): Map<string, string> {
  const groups = new Map<string, PlayerLine[]>();
  for (const p of lines) {
    const k = baseKey(p);
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const out = new Map<string, string>();
  for (const [k, group] of groups) {
    if (group.length === 1) {
      out.set(group[0]!.id, k);
      continue;
    }
    const seen = (p: PlayerLine) => JSON.stringify([p.gender, p.birthDate, p.rating?.rating ?? null, p.goalkeeper, coachChildOf(p), p.firstName, p.lastName, p.id]);
    for (const [i, p] of [...group].sort((a, b) => byText(seen(a), seen(b))).entries()) out.set(p.id, `${k} #${i + 1}`);
  }
  return out;
}

/** The team of a player's parent head coach among the teams drawn (the one exception to the draw). */
export function coachChildTeam(p: PlayerLine, teams: readonly DrawTeam[]): string | null {
  const byCoach = new Map(teams.map((t) => [t.coachId, t.key]));
  return p.guardians.map((g) => byCoach.get(g.personId)).find((t) => t !== undefined) ?? null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Writes a program's players and teams as P.csv and T.csv (canonical order: players by key, teams
 * by number) and reads them back with the offline command's readers. Throws VALIDATION when the
 * files cannot be read back (it names the line and what to fix in the registration).
 */
export function drawFiles(lines: readonly PlayerLine[], teams: readonly DrawTeam[], division: string, scale: RatingScale): DrawFiles {
  const childOf = (p: PlayerLine) => coachChildTeam(p, teams);
  const keys = playerKeys(lines, childOf);
  const rows = [...lines].sort((a, b) => byText(keys.get(a.id)!, keys.get(b.id)!));
  const players = writeCsv(
    ['player_id', 'division', 'gender', 'birth_date', 'rating', 'coach_child_of', 'goalkeeper'],
    rows.map((p) => [keys.get(p.id)!, division, p.gender, p.birthDate, p.rating?.rating ?? null, childOf(p), p.goalkeeper ? 'Y' : '']),
  );
  const ordered = [...teams].sort((a, b) => Number(a.key) - Number(b.key));
  const teamsText = writeCsv(
    ['division', 'team_id', 'coach_id'],
    ordered.map((t) => [division, t.key, t.coachKey]),
  );
  const readTeams = parseTeamsCsv(teamsText);
  const readPlayers = readTeams.ok ? parsePlayersCsv(players, scale, readTeams.teams) : readTeams;
  if (!readTeams.ok || !readPlayers.ok) {
    const errors = (readPlayers.ok ? [] : readPlayers.errors).map((e) => `P.csv line ${e.row}: ${e.message}`);
    throw new AppError(
      'VALIDATION',
      `The draw's input files cannot be written as the offline command reads them: ${errors[0] ?? 'T.csv is unreadable'}. Correct the player's registration, then draw again.`,
      {
        errors,
      },
    );
  }
  const playerIdOf = new Map<string, string>();
  const keyOf = new Map<string, string>();
  readPlayers.players.forEach((p, i) => {
    playerIdOf.set(p.id, rows[i]!.id);
    keyOf.set(rows[i]!.id, p.id);
  });
  return { players, teams: teamsText, digest: sha256(players + teamsText), parsed: { players: readPlayers.players, teams: readTeams.teams }, playerIdOf, keyOf };
}

export interface PortalDraw {
  result: DivisionFormation;
  /** The division's own seed, derived from the draw's seed and the division column. */
  divisionSeed: number;
  /** The assignments with the database's player ids (team ids are team numbers as text). */
  assignments: Assignment[];
}

/**
 * Draws a program's teams exactly as `touchline teams form` would from the same files and seed
 * (its objective and scale): the engine reads the files' players and teams, never the database's
 * ids. The figures name each team's head coach by the database id.
 */
export function drawFromFiles(
  files: DrawFiles,
  teams: readonly { key: string; coachId: string }[],
  options: { seed: number; objective: RatingObjective; scale: RatingScale },
): PortalDraw {
  const region = formRegion(files.parsed.players, files.parsed.teams, options);
  const d = region.divisions[0]!;
  const coachOf = new Map(teams.map((t) => [t.key, t.coachId]));
  const { division: _division, seed, ...result } = d;
  return {
    result: { ...result, teams: result.teams.map((t) => ({ ...t, coachId: coachOf.get(t.teamId) ?? t.coachId })) },
    divisionSeed: seed,
    assignments: d.assignments.map((a) => ({ playerId: files.playerIdOf.get(a.playerId)!, teamId: a.teamId })),
  };
}

/** A.csv of a drawn formation: the files' player ids and team numbers, in the offline command's order. */
export function assignmentsFile(files: DrawFiles, assignments: readonly Assignment[]): string {
  const rows = assignments
    .map((a) => ({ playerId: files.keyOf.get(a.playerId) ?? a.playerId, teamId: a.teamId }))
    .sort((a, b) => byText(a.teamId, b.teamId) || byText(a.playerId, b.playerId));
  return formatAssignmentsCsv(rows);
}

/** The published figures of a draw: by team number, without coaches or players. */
export function publicFigures(figures: FormationFigures, provenOptimal: boolean, players: number): DrawFigures {
  return {
    objective: figures.objective,
    spread: figures.spread,
    lowerBound: figures.lowerBound,
    reachesBound: figures.reachesBound,
    provenOptimal,
    unratedCountsAs: figures.unratedCountsAs,
    meanStdDev: figures.meanStdDev,
    counts: figures.counts,
    countsEven: figures.countsEven,
    players,
    teams: figures.teams
      .map((t) => ({
        number: Number(t.teamId),
        size: t.size,
        ratingSum: t.ratingSum,
        ratingMean: t.ratingMean,
        girls: t.girls,
        unrated: t.unrated,
        keepers: t.keepers,
        birthYears: t.birthYears,
      }))
      .sort((a, b) => a.number - b.number),
  };
}

/** The command that re-runs a draw from its files (options only where they differ from the defaults). */
export function verifyCommand(r: { seed: number; objective: RatingObjective; scale: RatingScale }): string {
  const s = r.scale;
  const scale = s.min === 1 && s.max === 5 && s.step === 1 ? '' : ` --scale ${s.min}:${s.max}:${s.step}`;
  const objective = r.objective === 'mean' ? '' : ` --objective ${r.objective}`;
  return `touchline teams verify --players P.csv --teams T.csv --seed ${r.seed} --assign A.csv${objective}${scale}`;
}
