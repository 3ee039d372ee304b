import type { Kysely } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

/** Kysely types of migration 0009_teams_extra; part of DB in src/platform/db/schema.ts. */
export interface TeamExtraTables {
  /**
   * An offer to an assistant-coach volunteer to join a published team. status: offered | accepted
   * | declined | withdrawn. Accepting adds a team_staff row (role assistant-coach); the offer itself
   * never gives access to the roster.
   */
  assistant_offers: {
    id: string;
    team_id: string;
    person_id: string;
    status: string;
    offered_at: string;
    offered_by: string | null;
    answered_at: string | null;
  };
}

/** The database with the tables of 0009 (the same object; typed whether or not DB lists them yet). */
export const withOffers = (db: Db): Kysely<DB & TeamExtraTables> => db as unknown as Kysely<DB & TeamExtraTables>;
