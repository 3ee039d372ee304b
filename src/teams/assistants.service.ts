/**
 * Assistant coaches are found after teams are formed (spec "Team formation"): published teams
 * without an assistant are listed; the coach administrator assigns an assistant-coach volunteer of
 * the division, or offers them the team to accept or decline. No player ever moves for it: an
 * assistant's own child stays where the draw put them.
 */
import { newId } from '../platform/clock.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { AppError } from '../platform/errors.js';
import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import type { Auth } from '../platform/http/access.js';
import { findTeam, type TeamRow } from './teams.store.js';
import { nameOf, publishedTeams, staffOf } from './staff.store.js';

export interface OpenTeam {
  id: string;
  division: string;
  program: string;
  name: string;
  headCoach: string | null;
  /** Volunteers with an open offer for this team. */
  offered: { offerId: string; personId: string; name: string }[];
}

export interface AssistantVolunteer {
  personId: string;
  name: string;
  email: string | null;
  /** The team they already assist this season, if any. */
  team: string | null;
}

/** Published teams of a season without an assistant coach, with open offers. */
export async function teamsWithoutAssistant(db: Db, seasonId: string, division?: string): Promise<OpenTeam[]> {
  const teams = await publishedTeams(db, seasonId, division ? { division } : {});
  const staff = await staffOf(db, teams.map((t) => t.id));
  const open = teams.filter((t) => !(staff.get(t.id) ?? []).some((s) => s.role === 'assistant-coach'));
  const offers = open.length
    ? await db.selectFrom('assistant_offers as o').innerJoin('people as p', 'p.id', 'o.person_id').select(['o.id', 'o.team_id', 'o.person_id', 'p.first_name', 'p.last_name']).where('o.status', '=', 'offered').where('o.team_id', 'in', open.map((t) => t.id)).execute()
    : [];
  return open.map((t) => {
    const head = (staff.get(t.id) ?? []).find((s) => s.role === 'head-coach');
    return { id: t.id, division: t.division, program: t.program, name: t.name, headCoach: head ? nameOf(head) : null, offered: offers.filter((o) => o.team_id === t.id).map((o) => ({ offerId: o.id, personId: o.person_id, name: `${o.first_name} ${o.last_name}` })) };
  });
}

/** Assistant-coach volunteers of a division this season, with the team they assist if any. */
export async function assistantVolunteers(db: Db, seasonId: string, division: string): Promise<AssistantVolunteer[]> {
  const people = await db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.email'])
    .distinct()
    .where('g.role', '=', 'assistant-coach')
    .where('g.season_id', '=', seasonId)
    .where('g.division', '=', division)
    .where('p.merged_into', 'is', null)
    .execute();
  const ids = people.map((p) => p.id);
  const teams = ids.length
    ? await db.selectFrom('team_staff as s').innerJoin('teams as t', 't.id', 's.team_id').select(['s.person_id', 't.name']).where('s.role', '=', 'assistant-coach').where('t.season_id', '=', seasonId).where('s.person_id', 'in', ids).execute()
    : [];
  const teamOf = new Map(teams.map((t) => [t.person_id, t.name]));
  return people.map((p) => ({ personId: p.id, name: `${p.first_name} ${p.last_name}`, email: p.email, team: teamOf.get(p.id) ?? null })).sort((a, b) => a.name.localeCompare(b.name));
}

async function checkVolunteer(db: Db, team: TeamRow, personId: string): Promise<{ first_name: string; last_name: string; email: string | null }> {
  if (!team.published) throw new AppError('NOT_FOUND', 'That team is not published yet.');
  const grant = await db.selectFrom('role_grants').select('id').where('person_id', '=', personId).where('role', '=', 'assistant-coach').where('season_id', '=', team.seasonId).where('division', '=', team.division).executeTakeFirst();
  const person = await db.selectFrom('people').select(['first_name', 'last_name', 'email']).where('id', '=', personId).where('merged_into', 'is', null).executeTakeFirst();
  if (!grant || !person) throw new AppError('VALIDATION', `Only an assistant-coach volunteer of ${team.division} this season can assist ${team.name}.`);
  const already = await db.selectFrom('team_staff as s').innerJoin('teams as t', 't.id', 's.team_id').select('t.name').where('s.person_id', '=', personId).where('t.season_id', '=', team.seasonId).where('s.role', 'in', ['head-coach', 'assistant-coach']).executeTakeFirst();
  if (already) throw new AppError('CONFLICT', `${person.first_name} ${person.last_name} already coaches ${already.name} this season.`);
  return person;
}

async function teamOrFail(db: Db, teamId: string): Promise<TeamRow> {
  const team = await findTeam(db, teamId);
  if (!team) throw new AppError('NOT_FOUND', 'That team was not found.');
  return team;
}

/** Makes a volunteer an assistant coach of a team at once (coach administrator; audited; both coaches told). */
export async function assignAssistant(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>, actor: Actor, teamId: string, personId: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const team = await teamOrFail(trx, teamId);
    const person = await checkVolunteer(trx, team, personId);
    await trx.insertInto('team_staff').values({ team_id: teamId, person_id: personId, role: 'assistant-coach', added_at: at }).execute();
    await trx.updateTable('assistant_offers').set({ status: 'withdrawn', answered_at: at }).where('person_id', '=', personId).where('status', '=', 'offered').execute();
    await recordAudit(trx, { actor, at, action: 'team.assistant', entity: 'team', entityId: teamId, after: { personId, name: `${person.first_name} ${person.last_name}`, team: team.name } });
    if (person.email) await deps.mailer.queue(trx, { to: person.email, subject: `You assist ${team.name}`, text: `Hello ${person.first_name},\n\nThe coach administrator made you an assistant coach of ${team.name}.\nYour roster: ${deps.config.baseUrl}/teams/${encodeURIComponent(teamId)}`, kind: 'teams-assistant-assigned' });
  });
}

/** Offers a team to an assistant-coach volunteer (coach administrator; audited; the volunteer is mailed). */
export async function offerAssistant(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>, actor: Actor, teamId: string, personId: string): Promise<string> {
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const team = await teamOrFail(trx, teamId);
    const person = await checkVolunteer(trx, team, personId);
    const open = await trx.selectFrom('assistant_offers').select('id').where('team_id', '=', teamId).where('person_id', '=', personId).where('status', '=', 'offered').executeTakeFirst();
    if (open) throw new AppError('CONFLICT', `${person.first_name} ${person.last_name} already has an offer for ${team.name}.`);
    const id = newId();
    await trx.insertInto('assistant_offers').values({ id, team_id: teamId, person_id: personId, status: 'offered', offered_at: at, offered_by: actor.id, answered_at: null }).execute();
    await recordAudit(trx, { actor, at, action: 'team.assistant-offer', entity: 'team', entityId: teamId, after: { offerId: id, personId, team: team.name } });
    if (person.email) await deps.mailer.queue(trx, { to: person.email, subject: `Would you assist ${team.name}?`, text: `Hello ${person.first_name},\n\nThe coach administrator offers you to be an assistant coach of ${team.name}. Accept or decline on your Teams page: ${deps.config.baseUrl}/teams`, kind: 'teams-assistant-offer' });
    return id;
  });
}

export interface MyOffer {
  id: string;
  teamId: string;
  teamName: string;
  headCoach: string | null;
  offeredAt: string;
}

/** Open offers to a person. */
export async function offersFor(db: Db, personId: string): Promise<MyOffer[]> {
  const rows = await db.selectFrom('assistant_offers as o').innerJoin('teams as t', 't.id', 'o.team_id').select(['o.id', 'o.team_id', 't.name', 'o.offered_at']).where('o.person_id', '=', personId).where('o.status', '=', 'offered').orderBy('o.offered_at').execute();
  const staff = await staffOf(db, rows.map((r) => r.team_id));
  return rows.map((r) => {
    const head = (staff.get(r.team_id) ?? []).find((s) => s.role === 'head-coach');
    return { id: r.id, teamId: r.team_id, teamName: r.name, headCoach: head ? nameOf(head) : null, offeredAt: r.offered_at };
  });
}

/** The volunteer accepts (joins the team's staff; players stay where they are) or declines an offer. */
export async function answerOffer(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>, auth: Auth | null, offerId: string, accept: boolean): Promise<{ teamId: string; teamName: string }> {
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Log in first.');
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const offer = await trx.selectFrom('assistant_offers').selectAll().where('id', '=', offerId).executeTakeFirst();
    if (!offer || offer.person_id !== auth.personId) throw new AppError('NOT_FOUND', 'That offer was not found.');
    if (offer.status !== 'offered') throw new AppError('CONFLICT', `This offer was already ${offer.status}.`);
    const team = await teamOrFail(trx, offer.team_id);
    if (accept) {
      await checkVolunteer(trx, team, auth.personId);
      await trx.insertInto('team_staff').values({ team_id: team.id, person_id: auth.personId, role: 'assistant-coach', added_at: at }).execute();
      await trx.updateTable('assistant_offers').set({ status: 'withdrawn', answered_at: at }).where('person_id', '=', auth.personId).where('status', '=', 'offered').where('id', '!=', offerId).execute();
    }
    await trx.updateTable('assistant_offers').set({ status: accept ? 'accepted' : 'declined', answered_at: at }).where('id', '=', offerId).execute();
    const head = (await staffOf(trx, [team.id])).get(team.id)?.find((s) => s.role === 'head-coach');
    if (head?.email) {
      const text = `Hello ${head.firstName},\n\n${auth.name} ${accept ? 'accepted' : 'declined'} to be an assistant coach of ${team.name}.${accept ? `\nYour roster: ${deps.config.baseUrl}/teams/${encodeURIComponent(team.id)}` : ''}`;
      await deps.mailer.queue(trx, { to: head.email, subject: `Assistant coach ${accept ? 'joined' : 'declined'}: ${team.name}`, text, kind: 'teams-assistant-answer' });
    }
    return { teamId: team.id, teamName: team.name };
  });
}
