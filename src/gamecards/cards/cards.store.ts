import type { Db } from '../../platform/db/database.js';
import { fromJson, toJson } from '../../platform/db/database.js';
import { newId } from '../../platform/clock.js';
import type { Violation } from '../playing-time/card.rules.js';
import type { CardState } from './card-state.rules.js';

/** The header of the association's lineup card. */
export interface CardHeader {
  region: string;
  ageGroup: string;
  teamNumber: number;
  teamName: string;
  coach: string;
  assistant: string;
  date: string;
  time: string;
  opponent: string;
  field: string;
  side: 'home' | 'away';
}

export interface RosterLine {
  playerId: string;
  name: string;
  jersey: number | null;
}

/** Header and roster frozen when the card is submitted. */
export interface CardSnapshot {
  header: CardHeader;
  roster: RosterLine[];
}

export type CardStatus = 'draft' | 'submitted';

export interface StoredCard {
  id: string;
  gameId: string;
  teamId: string;
  seasonId: string;
  status: CardStatus;
  revision: number;
  state: CardState;
  violations: Violation[];
  snapshot: CardSnapshot | null;
  updatedAt: string;
  updatedBy: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
}

type CardRowDb = Awaited<ReturnType<ReturnType<typeof selectCards>['executeTakeFirstOrThrow']>>;
const selectCards = (db: Db) => db.selectFrom('game_cards').selectAll();

const toCard = (r: CardRowDb): StoredCard => ({
  id: r.id,
  gameId: r.game_id,
  teamId: r.team_id,
  seasonId: r.season_id,
  status: r.status as CardStatus,
  revision: r.revision,
  state: fromJson<CardState>(r.state_json, { rows: [], back: undefined as never }),
  violations: fromJson<Violation[]>(r.violations_json, []),
  snapshot: fromJson<CardSnapshot | null>(r.snapshot_json, null),
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
});

export async function findCard(db: Db, gameId: string, teamId: string): Promise<StoredCard | undefined> {
  const r = await selectCards(db).where('game_id', '=', gameId).where('team_id', '=', teamId).executeTakeFirst();
  return r ? toCard(r) : undefined;
}

/** The card row of a game and team, created empty (revision 0) when it is not there yet. */
export async function ensureCard(db: Db, c: { gameId: string; teamId: string; seasonId: string; state: CardState }, at: string): Promise<StoredCard> {
  await db
    .insertInto('game_cards')
    .values({
      id: newId(),
      game_id: c.gameId,
      team_id: c.teamId,
      season_id: c.seasonId,
      status: 'draft',
      revision: 0,
      state_json: toJson(c.state),
      violations_json: '[]',
      violation_count: 0,
      snapshot_json: null,
      created_at: at,
      updated_at: at,
      updated_by: null,
      submitted_at: null,
      submitted_by: null,
    })
    .onConflict((oc) => oc.columns(['game_id', 'team_id']).doNothing())
    .execute();
  return (await findCard(db, c.gameId, c.teamId))!;
}

/** Stores a card already submitted, in one write (the demo's cards of games played before today). */
export async function insertSubmittedCard(
  db: Db,
  c: { gameId: string; teamId: string; seasonId: string; revision: number; state: CardState; violations: Violation[]; snapshot: CardSnapshot },
  at: string,
): Promise<void> {
  await db
    .insertInto('game_cards')
    .values({
      id: newId(),
      game_id: c.gameId,
      team_id: c.teamId,
      season_id: c.seasonId,
      status: 'submitted',
      revision: c.revision,
      state_json: toJson(c.state),
      violations_json: toJson(c.violations),
      violation_count: c.violations.length,
      snapshot_json: toJson(c.snapshot),
      created_at: at,
      updated_at: at,
      updated_by: null,
      submitted_at: at,
      submitted_by: null,
    })
    .execute();
}

export interface CardPatch {
  state: CardState;
  violations: Violation[];
  status: CardStatus;
  snapshot: CardSnapshot | null;
  submittedAt: string | null;
  submittedBy: string | null;
}

/** Writes the card only if it is still at `expected` revision; false when someone wrote first. */
export async function writeCardIfRevision(db: Db, id: string, expected: number, p: CardPatch, at: string, by: string | null): Promise<boolean> {
  const r = await db
    .updateTable('game_cards')
    .set({
      revision: expected + 1,
      state_json: toJson(p.state),
      violations_json: toJson(p.violations),
      violation_count: p.violations.length,
      status: p.status,
      snapshot_json: p.snapshot ? toJson(p.snapshot) : null,
      submitted_at: p.submittedAt,
      submitted_by: p.submittedBy,
      updated_at: at,
      updated_by: by,
    })
    .where('id', '=', id)
    .where('revision', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface SaveRecord {
  baseRevision: number;
  revision: number;
  bodyHash: string;
}

export async function findSave(db: Db, cardId: string, saveId: string): Promise<SaveRecord | undefined> {
  const r = await db.selectFrom('game_card_saves').selectAll().where('card_id', '=', cardId).where('save_id', '=', saveId).executeTakeFirst();
  return r ? { baseRevision: r.base_revision, revision: r.revision, bodyHash: r.body_hash } : undefined;
}

/** Records (or, for a retried save id that carried more changes, moves on) a save. */
export async function recordSave(db: Db, cardId: string, saveId: string, s: SaveRecord, at: string, by: string | null, existing: boolean): Promise<void> {
  if (existing) {
    await db
      .updateTable('game_card_saves')
      .set({ revision: s.revision, body_hash: s.bodyHash, saved_at: at, saved_by: by })
      .where('card_id', '=', cardId)
      .where('save_id', '=', saveId)
      .execute();
    return;
  }
  await db
    .insertInto('game_card_saves')
    .values({ card_id: cardId, save_id: saveId, base_revision: s.baseRevision, revision: s.revision, body_hash: s.bodyHash, saved_at: at, saved_by: by })
    .execute();
}

/** Submitted cards of teams in a season, oldest game first (the season tallies and the reports read them). */
export async function submittedCards(db: Db, seasonId: string, teamIds?: readonly string[]): Promise<(StoredCard & { date: string })[]> {
  if (teamIds && teamIds.length === 0) return [];
  let q = db
    .selectFrom('game_cards')
    .innerJoin('games', 'games.id', 'game_cards.game_id')
    .selectAll('game_cards')
    .select('games.date')
    .where('game_cards.season_id', '=', seasonId)
    .where('game_cards.status', '=', 'submitted');
  if (teamIds) q = q.where('game_cards.team_id', 'in', [...teamIds]);
  const rows = await q.orderBy('games.date').orderBy('games.time').orderBy('game_cards.id').execute();
  return rows.map((r) => ({ ...toCard(r), date: r.date }));
}
