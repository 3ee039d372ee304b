/** Writing a published formation: teams, head coaches, rosters, and the "teams published" mail. */
import { newId } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import { notify } from '../../platform/notify/notify.js';
import { FAMILY_TEAM_PUBLISHED } from '../../platform/notify/catalog.js';
import { guardiansOf, seasonPlayers } from '../../players/index.js';
import type { StoredFormation } from './formation.store.js';
import { addStaff } from '../staff.store.js';
import { addTeamPlayers, firstNamesOf, insertTeams } from './published-teams.store.js';

export interface MadeTeam {
  id: string;
  number: number;
  name: string;
  headCoachId: string;
  players: number;
}

function publishedMail(base: string, coach: { first_name: string }, team: MadeTeam, f: StoredFormation, seasonName: string): string {
  return [
    `Hello ${coach.first_name},`,
    '',
    `The ${seasonName} teams of ${f.division} ${f.program} are published. You are the head coach of ${team.name}, with ${team.players} players.`,
    '',
    `Your roster, with the parents' contacts and jersey numbers: ${base}/teams/${encodeURIComponent(team.id)}`,
    '',
    `The teams were formed by the system alone from last season's ratings, balanced first on rating and then on girls, new players, goalkeepers and birth years (draw seed ${f.seed}). The only exception to the draw: a coach's own child plays on that coach's team.`,
    'Assistant coaches are found next: the coach administrator will let you know.',
  ].join('\n');
}

/** Creates the formation's teams in one transaction and notifies each head coach (kind teams-published, once per team). */
export async function insertPublishedTeams(trx: Db, deps: Pick<Deps, 'mailer' | 'config' | 'clock'>, f: StoredFormation, seasonName: string, at: string): Promise<MadeTeam[]> {
  const made: MadeTeam[] = f.record.teams.map((t) => ({
    id: newId(),
    number: t.number,
    name: t.name,
    headCoachId: t.coachId,
    players: f.assignments.filter((a) => a.teamId === t.key).length,
  }));
  const idOf = new Map(f.record.teams.map((t, i) => [t.key, made[i]!.id]));
  await insertTeams(
    trx,
    made.map((t) => ({ id: t.id, season_id: f.seasonId, division: f.division, program: f.program, number: t.number, name: t.name, published_at: at, created_at: at })),
  );
  await addStaff(
    trx,
    made.map((t) => ({ team_id: t.id, person_id: t.headCoachId, role: 'head-coach', added_at: at })),
  );
  const rows = f.assignments.map((a) => ({ team_id: idOf.get(a.teamId)!, player_id: a.playerId, season_id: f.seasonId, jersey: null }));
  for (let i = 0; i < rows.length; i += 300) await addTeamPlayers(trx, rows.slice(i, i + 300));
  const coaches = await firstNamesOf(
    trx,
    made.map((t) => t.headCoachId),
  );
  const byId = new Map(coaches.map((c) => [c.id, c]));
  for (const t of made) {
    const coach = byId.get(t.headCoachId);
    if (!coach) continue;
    await notify(
      trx,
      deps.mailer,
      {
        personId: coach.id,
        kind: 'teams-published',
        subject: `Teams published: you coach ${t.name}`,
        text: publishedMail(deps.config.baseUrl, coach, t, f, seasonName),
        once: t.id,
      },
      deps,
    );
  }
  await notifyFamilies(trx, deps, made, f, seasonName);
  return made;
}

const andList = (names: string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** Tells each guardian of a player on the new teams which team their child is on (once per guardian and team; siblings share one mail). */
async function notifyFamilies(trx: Db, deps: Pick<Deps, 'mailer' | 'config' | 'clock'>, made: MadeTeam[], f: StoredFormation, seasonName: string): Promise<void> {
  const playerIds = f.assignments.map((a) => a.playerId);
  const guardians = await guardiansOf(trx, playerIds);
  const players = await seasonPlayers(trx, f.seasonId, { playerIds });
  const firstName = new Map(players.map((p) => [p.id, p.firstName]));
  const teamOf = new Map(f.record.teams.map((t, i) => [t.key, made[i]!]));
  const letters = new Map<string, { team: MadeTeam; personId: string; guardian: string; children: string[] }>();
  for (const a of f.assignments) {
    const team = teamOf.get(a.teamId);
    if (!team) continue;
    for (const g of guardians.get(a.playerId) ?? []) {
      const key = `${g.personId}|${team.id}`;
      const letter = letters.get(key) ?? { team, personId: g.personId, guardian: g.firstName, children: [] };
      letter.children.push(firstName.get(a.playerId) ?? 'Your child');
      letters.set(key, letter);
    }
  }
  for (const l of letters.values()) {
    const text = [
      `Hello ${l.guardian},`,
      '',
      `The ${seasonName} teams of ${f.division} are published. ${andList(l.children)} ${l.children.length > 1 ? 'play' : 'plays'} on ${l.team.name}.`,
      '',
      `The coaches' names (and a form to write to them), the practices with a calendar link, the games and the team's notices: ${deps.config.baseUrl}/family`,
      `Log in with this email address; the first time, choose your password at ${deps.config.baseUrl}/forgot. You will get a mail whenever a practice moves.`,
    ].join('\n');
    await notify(trx, deps.mailer, { personId: l.personId, kind: FAMILY_TEAM_PUBLISHED, subject: `${andList(l.children)}'s team: ${l.team.name}`, text, once: l.team.id }, deps);
  }
}
