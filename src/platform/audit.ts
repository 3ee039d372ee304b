import type { Db } from './db/database.js';
import { newId } from './clock.js';
import { insertAuditRow } from './audit.store.js';

export interface Actor {
  id: string | null;
  name: string;
}

export const CLI_ACTOR: Actor = { id: null, name: 'command line' };

export interface AuditEntry {
  actor: Actor;
  at: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Records one change by a board member (who, what, when, before and after) in the same transaction. */
export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  await insertAuditRow(db, {
    id: newId(),
    at: e.at,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    before_json: e.before === undefined ? null : JSON.stringify(e.before),
    after_json: e.after === undefined ? null : JSON.stringify(e.after),
  });
}
