import type { Db } from '../../platform/db/database.js';
import { fromJson, toJson } from '../../platform/db/database.js';
import type { SignupWindow } from './booking.rules.js';
import type { PracticeTables } from '../practice.tables.js';

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
  const values = {
    opens_at: s.opensAt,
    division_opens_json: toJson(s.divisionOpensAt),
    closes_at: s.closesAt,
    blackouts_json: toJson([...s.blackouts].sort()),
    updated_at: at,
    updated_by: by,
  };
  const r = await db.updateTable('practice_signup').set(values).where('season_id', '=', seasonId).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    await db
      .insertInto('practice_signup')
      .values({ season_id: seasonId, ...values })
      .execute();
}
