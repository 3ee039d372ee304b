/** Offers to assist a team, assistant-coach volunteers and the teams they already coach. */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { TeamTables } from '../teams.tables.js';
import { coachGrantees } from '../staff.store.js';

export type OfferRow = Selectable<TeamTables['assistant_offers']>;

/** The open offers of these teams, with the name of the volunteer each is made to. */
export async function openOffersOfTeams(db: Db, teamIds: readonly string[]): Promise<{ id: string; team_id: string; person_id: string; first_name: string; last_name: string }[]> {
  return db
    .selectFrom('assistant_offers as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .select(['o.id', 'o.team_id', 'o.person_id', 'p.first_name', 'p.last_name'])
    .where('o.status', '=', 'offered')
    .where('o.team_id', 'in', teamIds)
    .execute();
}

/** The people (not merged away) holding the assistant-coach role for a division in a season, each once. */
export const assistantCoachGrantees = (db: Db, seasonId: string, division: string) => coachGrantees(db, 'assistant-coach', seasonId, division);

/** The teams of a season these people assist (assistant coach), by person. */
export async function teamsAssistedBy(db: Db, seasonId: string, personIds: readonly string[]): Promise<{ person_id: string; name: string }[]> {
  return db
    .selectFrom('team_staff as s')
    .innerJoin('teams as t', 't.id', 's.team_id')
    .select(['s.person_id', 't.name'])
    .where('s.role', '=', 'assistant-coach')
    .where('t.season_id', '=', seasonId)
    .where('s.person_id', 'in', personIds)
    .execute();
}

/** Whether the person holds the assistant-coach role for this division and season (a grant's id, if so). */
export async function assistantCoachGrant(db: Db, personId: string, seasonId: string, division: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('role_grants')
    .select('id')
    .where('person_id', '=', personId)
    .where('role', '=', 'assistant-coach')
    .where('season_id', '=', seasonId)
    .where('division', '=', division)
    .executeTakeFirst();
}

/** The name and email of a person who was not merged into another. */
export async function activePerson(db: Db, personId: string): Promise<{ first_name: string; last_name: string; email: string | null } | undefined> {
  return db.selectFrom('people').select(['first_name', 'last_name', 'email']).where('id', '=', personId).where('merged_into', 'is', null).executeTakeFirst();
}

/** A team of the season the person coaches already (head or assistant, published or not), if any. */
export async function teamCoachedInSeason(db: Db, personId: string, seasonId: string): Promise<{ name: string } | undefined> {
  return db
    .selectFrom('team_staff as s')
    .innerJoin('teams as t', 't.id', 's.team_id')
    .select('t.name')
    .where('s.person_id', '=', personId)
    .where('t.season_id', '=', seasonId)
    .where('s.role', 'in', ['head-coach', 'assistant-coach'])
    .executeTakeFirst();
}

/** Withdraws the person's open offers (all of them, or all but one), answered at `at`. */
export async function withdrawOpenOffers(db: Db, personId: string, at: string, exceptOfferId?: string): Promise<void> {
  let q = db.updateTable('assistant_offers').set({ status: 'withdrawn', answered_at: at }).where('person_id', '=', personId).where('status', '=', 'offered');
  if (exceptOfferId !== undefined) q = q.where('id', '!=', exceptOfferId);
  await q.execute();
}

/** The open offer of this team to this person, if any. */
export async function openOffer(db: Db, teamId: string, personId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('assistant_offers').select('id').where('team_id', '=', teamId).where('person_id', '=', personId).where('status', '=', 'offered').executeTakeFirst();
}

export async function insertOffer(db: Db, offer: OfferRow): Promise<void> {
  await db.insertInto('assistant_offers').values(offer).execute();
}

/** The open offers to a person with their team's name, oldest first. */
export async function openOffersTo(db: Db, personId: string): Promise<{ id: string; team_id: string; name: string; offered_at: string }[]> {
  return db
    .selectFrom('assistant_offers as o')
    .innerJoin('teams as t', 't.id', 'o.team_id')
    .select(['o.id', 'o.team_id', 't.name', 'o.offered_at'])
    .where('o.person_id', '=', personId)
    .where('o.status', '=', 'offered')
    .orderBy('o.offered_at')
    .execute();
}

export async function findOffer(db: Db, offerId: string): Promise<OfferRow | undefined> {
  return db.selectFrom('assistant_offers').selectAll().where('id', '=', offerId).executeTakeFirst();
}

/** Records the answer to an offer (accepted or declined). */
export async function answerOfferRow(db: Db, offerId: string, status: 'accepted' | 'declined', at: string): Promise<void> {
  await db.updateTable('assistant_offers').set({ status, answered_at: at }).where('id', '=', offerId).execute();
}
