import type { Db } from '../platform/db/database.js';
import { fromJson, toJson } from '../platform/db/database.js';
import { newId, newToken } from '../platform/clock.js';
import type { SignupWindow } from './booking.rules.js';
import type { PracticeWindow } from './slots.rules.js';
import type { PracticeTables } from './practice.tables.js';

/** The sign-up settings of a season (SignupWindow of the rules) and its blackout dates. */
export interface SignupSettings extends SignupWindow {
  divisionOpensAt: Record<string, string>;
  blackouts: string[];
  updatedAt: string | null;
}

export const EMPTY_SIGNUP: SignupSettings = { opensAt: null, divisionOpensAt: {}, closesAt: null, blackouts: [], updatedAt: null };

type SignupRow = Pick<PracticeTables['practice_signup'], 'opens_at' | 'division_opens_json' | 'closes_at' | 'blackouts_json' | 'updated_at'>;

/** A season's settings from its row (none yet: sign-up not scheduled, no blackouts). */
export function toSignup(r: { [K in keyof SignupRow]: SignupRow[K] | null } | undefined): SignupSettings {
  if (!r || r.updated_at === null) return { ...EMPTY_SIGNUP, divisionOpensAt: {}, blackouts: [] };
  return {
    opensAt: r.opens_at,
    divisionOpensAt: fromJson<Record<string, string>>(r.division_opens_json, {}),
    closesAt: r.closes_at,
    blackouts: fromJson<string[]>(r.blackouts_json, []),
    updatedAt: r.updated_at,
  };
}

export async function loadSignup(db: Db, seasonId: string): Promise<SignupSettings> {
  return toSignup(await db.selectFrom('practice_signup').selectAll().where('season_id', '=', seasonId).executeTakeFirst());
}

export async function saveSignup(db: Db, seasonId: string, s: Omit<SignupSettings, 'updatedAt'>, at: string, by: string | null): Promise<void> {
  const values = { opens_at: s.opensAt, division_opens_json: toJson(s.divisionOpensAt), closes_at: s.closesAt, blackouts_json: toJson([...s.blackouts].sort()), updated_at: at, updated_by: by };
  const r = await db.updateTable('practice_signup').set(values).where('season_id', '=', seasonId).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await db.insertInto('practice_signup').values({ season_id: seasonId, ...values }).execute();
}

/** A stored practice window (the rules' PracticeWindow with its id). */
export interface StoredWindow extends PracticeWindow {
  id: string;
}

export async function listWindows(db: Db, seasonId: string): Promise<StoredWindow[]> {
  const rows = await db.selectFrom('practice_windows').selectAll().where('season_id', '=', seasonId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    fieldId: r.field_id,
    weekdays: fromJson<number[]>(r.weekdays_json, []),
    startTime: r.start_time,
    endTime: r.end_time,
    ...(r.capacity !== null ? { capacity: r.capacity } : {}),
    ...(r.divisions_json !== null ? { divisions: fromJson<string[]>(r.divisions_json, []) } : {}),
  }));
}

export async function insertWindow(db: Db, seasonId: string, w: PracticeWindow, at: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('practice_windows')
    .values({ id, season_id: seasonId, field_id: w.fieldId, weekdays_json: toJson([...new Set(w.weekdays)].sort()), start_time: w.startTime, end_time: w.endTime, capacity: w.capacity ?? null, divisions_json: w.divisions ? toJson(w.divisions) : null, created_at: at })
    .execute();
  return id;
}

export async function deleteWindow(db: Db, seasonId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('practice_windows').where('id', '=', id).where('season_id', '=', seasonId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The feed token of a team or field in a season, made (unguessable, random) on first use. */
export async function feedToken(db: Db, seasonId: string, kind: 'team' | 'field', refId: string, at: string): Promise<string> {
  const find = () => db.selectFrom('practice_feeds').select('token').where('season_id', '=', seasonId).where('kind', '=', kind).where('ref_id', '=', refId).executeTakeFirst();
  const found = await find();
  if (found) return found.token;
  const token = newToken();
  try {
    await db.insertInto('practice_feeds').values({ token, season_id: seasonId, kind, ref_id: refId, created_at: at }).execute();
    return token;
  } catch (e) {
    // Two first views at once: the other one's token stands.
    const again = await find();
    if (again) return again.token;
    throw e;
  }
}

export async function findFeed(db: Db, token: string): Promise<{ seasonId: string; kind: 'team' | 'field'; refId: string } | undefined> {
  const r = await db.selectFrom('practice_feeds').selectAll().where('token', '=', token).executeTakeFirst();
  return r ? { seasonId: r.season_id, kind: r.kind === 'field' ? 'field' : 'team', refId: r.ref_id } : undefined;
}
