import type { Generated } from 'kysely';

/** Kysely types of the practice tables (migration 0004_practice); part of DB in src/platform/db/schema.ts. */
export interface PracticeTables {
  /** One row per season: when coaches may pick slots, the change deadline and the dates without practice. */
  practice_signup: {
    season_id: string;
    /** ISO instant; null: not scheduled yet. */
    opens_at: string | null;
    /** JSON {division code: ISO instant}: divisions that open at another time. */
    division_opens_json: string;
    /** ISO instant of the change deadline; null: none. */
    closes_at: string | null;
    /** JSON ['YYYY-MM-DD', …]: no practice on these dates. */
    blackouts_json: string;
    updated_at: string;
    updated_by: string | null;
  };
  /** Weekly stretches of field time the coach administrator cuts into slots. */
  practice_windows: {
    id: string;
    season_id: string;
    field_id: string;
    /** JSON [0..6], 0 = Sunday. */
    weekdays_json: string;
    start_time: string;
    end_time: string;
    /** Teams that fit at once; null: the field's capacity. */
    capacity: number | null;
    /** JSON [division code, …]; null: every division. */
    divisions_json: string | null;
    created_at: string;
    /** 1: carried over from last season (src/practice/setup/carry-over.service.ts), not cut into slots until published. Migration 0019. */
    draft: Generated<number>;
  };
  /** Weekly recurring practice slots of a season. */
  practice_slots: {
    id: string;
    season_id: string;
    /** field:weekday:HH:MM-HH:MM, unique in a season (one piece of grass at one time). */
    slot_key: string;
    field_id: string;
    weekday: number;
    start_time: string;
    end_time: string;
    minutes: number;
    capacity: number;
    /** JSON [division code, …]: who may book it. */
    divisions_json: string;
    /** generated | manual */
    origin: string;
    /** 1 when another slot of the field overlaps it (they share the field's places); kept by markSharedSlots. Migration 0013. */
    shares_field: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  /** A team's place in a slot. Unique (slot_id, team_id): the last line of defence against double booking. */
  practice_bookings: {
    id: string;
    season_id: string;
    slot_id: string;
    team_id: string;
    booked_at: string;
    booked_by: string | null;
    /** coach | admin */
    via: string;
  };
  /** Unguessable calendar feed addresses, one per team or field and season. */
  practice_feeds: {
    token: string;
    season_id: string;
    /** team | field */
    kind: string;
    ref_id: string;
    created_at: string;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends PracticeTables {}
}
