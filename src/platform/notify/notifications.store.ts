import type { Db } from '../db/database.js';

/** Queries of the notification tables: preferences, once-only sends and region settings. */

/** The kinds a person switched off or on explicitly (absent kinds are on). */
export async function loadPreferences(db: Db, personId: string): Promise<Map<string, boolean>> {
  const rows = await db.selectFrom('notification_preferences').select(['kind', 'enabled']).where('person_id', '=', personId).execute();
  return new Map(rows.map((r) => [r.kind, Number(r.enabled) === 1]));
}

export async function isEnabled(db: Db, personId: string, kind: string): Promise<boolean> {
  const r = await db.selectFrom('notification_preferences').select('enabled').where('person_id', '=', personId).where('kind', '=', kind).executeTakeFirst();
  return r ? Number(r.enabled) === 1 : true;
}

export async function savePreference(db: Db, personId: string, kind: string, enabled: boolean, at: string): Promise<void> {
  const value = enabled ? 1 : 0;
  await db
    .insertInto('notification_preferences')
    .values({ person_id: personId, kind, enabled: value, updated_at: at })
    .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ enabled: value, updated_at: at }))
    .execute();
}

/** Claims a once-only send; false when it was already claimed (by this or another instance). */
export async function claimSend(db: Db, personId: string, kind: string, onceKey: string, at: string): Promise<boolean> {
  const r = await db
    .insertInto('notification_sends')
    .values({ person_id: personId, kind, once_key: onceKey, outbox_id: '', sent_at: at })
    .onConflict((oc) => oc.columns(['person_id', 'kind', 'once_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function recordOutboxId(db: Db, personId: string, kind: string, onceKey: string, outboxId: string): Promise<void> {
  await db.updateTable('notification_sends').set({ outbox_id: outboxId }).where('person_id', '=', personId).where('kind', '=', kind).where('once_key', '=', onceKey).execute();
}

export async function countSends(db: Db, kind: string, onceKey: string): Promise<number> {
  const r = await db
    .selectFrom('notification_sends')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .where('once_key', '=', onceKey)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function getSetting(db: Db, key: string): Promise<{ value: string; updatedAt: string } | undefined> {
  const r = await db.selectFrom('notification_settings').select(['value', 'updated_at']).where('key', '=', key).executeTakeFirst();
  return r && { value: r.value, updatedAt: r.updated_at };
}

export async function putSetting(db: Db, key: string, value: string, at: string, by: string | null): Promise<void> {
  await db
    .insertInto('notification_settings')
    .values({ key, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute();
}

export interface Recipient {
  id: string;
  email: string | null;
  firstName: string;
}

/** The person to mail: a merged account's mail goes to the account it was merged into. */
export async function findRecipient(db: Db, personId: string): Promise<Recipient | undefined> {
  let id = personId;
  for (let hop = 0; hop < 5; hop++) {
    const r = await db.selectFrom('people').select(['id', 'email', 'first_name', 'merged_into']).where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    if (!r.merged_into) return { id: r.id, email: r.email, firstName: r.first_name };
    id = r.merged_into;
  }
  return undefined;
}
