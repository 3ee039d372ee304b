/**
 * bench/rush: the database side. Opens the bench database (a SQLite file, or a fresh schema of a
 * PostgreSQL database), and generates a region: teams with their head coaches (people who log in
 * with a password), fields big enough for them, practice windows with enough places (never more
 * than a field holds), slots and an open sign-up.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { fixedClock, newId } from '../../src/platform/clock.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/feature.js';
import { Mailer } from '../../src/platform/mail.js';
import { hashPassword } from '../../src/platform/passwords.js';
import { ensureRegionConfig, getRegionConfig, saveRegionConfig } from '../../src/region/index.js';
import { testConfig } from '../../src/testing/harness.js';
import { addWindow, generateSeasonSlots, saveSignupSettings } from '../../src/practice/index.js';
import type { PracticeWindow } from '../../src/practice/index.js';
import { listSlots } from '../../src/practice/index.js';
import { overlappingSlots } from '../../src/practice/practice.testkit.js';

/** The instant the bench starts at: inside the fall 2026 season, a minute before sign-up opens. */
export const NOW = '2026-09-15T16:59:00.000Z';
/** When the practice sign-up opens: the server's clock moves here when the rush starts. */
export const OPENS = '2026-09-15T17:00:00.000Z';
export const SEASON = '2026-fall';
export const PASSWORD = 'rush bench password';

export interface DbTarget {
  kind: 'sqlite' | 'postgres';
  file?: string;
  url?: string;
  schema?: string;
  poolSize?: number;
}

export function openTarget(t: DbTarget): Database {
  return t.kind === 'postgres' ? openDatabase({ url: t.url!, ...(t.schema ? { pgSchema: t.schema } : {}), poolSize: t.poolSize }) : openDatabase({ file: t.file! });
}

/**
 * A place of its own for the bench on the PostgreSQL server: a fresh database when the role may
 * create one (Kysely's migrator looks for its tables in every schema of a database, so a schema
 * beside other test schemas can be mistaken for migrated), else a fresh schema.
 */
export async function createPlace(url: string): Promise<{ url: string; schema?: string; drop: () => Promise<void> }> {
  const name = `rush_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const own = new URL(url);
    own.pathname = `/${name}`;
    return { url: own.toString(), drop: () => run(url, `drop database if exists ${name}`) };
  } catch {
    await admin.query(`create schema ${name}`);
    return { url, schema: name, drop: () => run(url, `drop schema if exists ${name} cascade`) };
  } finally {
    await admin.end();
  }
}

async function run(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(statement);
  await c.end();
}

export function benchDeps(database: Database): Deps & { clock: ReturnType<typeof fixedClock> } {
  const clock = fixedClock(NOW);
  const config = testConfig({ baseUrl: 'http://127.0.0.1' });
  return { database, db: database.db, clock, mailer: new Mailer(clock, config.mailFrom, null), config };
}

/** Teams per division of the demo region, scaled to the bench's team count. */
const SHARE: Record<string, number> = { '6U': 20, '7U': 14, '8U': 16, '10U': 20, '12U': 16, '14U': 12, '16U': 8, '19U': 6 };

/** How many teams each of the region's fields holds at once in the bench (the region's own allow 20 at most). */
const fieldCapacity = (scale: number) => Math.min(20, Math.ceil(8 * scale));

/**
 * Weekday evenings for the 60-minute divisions, late evenings and weekends for the 90-minute ones.
 * With `overlap`, Tuesday and Thursday evenings, the most popular, are also open to every division:
 * their 90-minute cuts (16:00-17:30, 17:30-19:00) overlap the 60-minute slots and share the field.
 */
const windows = (fields: string[], shortDivisions: string[], longDivisions: string[], scale: number, overlap: boolean): PracticeWindow[] =>
  fields.flatMap((fieldId) => [
    { fieldId, weekdays: [1, 2, 3, 4, 5], startTime: '16:00', endTime: '20:00', capacity: fieldCapacity(scale), divisions: shortDivisions },
    { fieldId, weekdays: [1, 2, 3, 4, 5], startTime: '20:00', endTime: '21:30', capacity: Math.ceil(4 * scale), divisions: longDivisions },
    { fieldId, weekdays: [0, 6], startTime: '08:00', endTime: '17:00', capacity: Math.min(fieldCapacity(scale), Math.ceil(6 * scale)), divisions: longDivisions },
    ...(overlap ? [{ fieldId, weekdays: [2, 4], startTime: '16:00', endTime: '20:00' }] : []),
  ]);

export interface Region {
  teams: { id: string; division: string; coachEmail: string }[];
  coaches: number;
  slots: number;
  places: number;
  /** Pairs of slots that overlap on a field, and so share its places. */
  overlapping: number;
}

/** Generates the region on a migrated database; answers the teams and how to log in as their coaches. */
export async function generateRegion(deps: Deps, teamCount: number, overlap: boolean): Promise<Region> {
  await migrateToLatest(deps.db);
  await ensureRegionConfig(deps.db, deps.clock);
  const scale = Math.max(1, teamCount / 320);
  // The region's three fields, each made big enough for the bench's teams (a window may not hold more than its field).
  const original = await getRegionConfig(deps.db);
  const bigger = { ...original, fields: original.fields.map((f) => ({ ...f, capacity: fieldCapacity(scale) })) };
  await saveRegionConfig(deps.db, deps.clock, { id: null, name: 'rush bench' }, bigger, null);
  const config = await getRegionConfig(deps.db);
  const at = NOW;
  const total = Object.values(SHARE).reduce((a, b) => a + b, 0);
  const divisions = config.divisions.filter((d) => d.practice.perWeek > 0);
  const plan = divisions.flatMap((d) => Array.from({ length: Math.round((teamCount * (SHARE[d.code] ?? 6)) / total) }, () => d));
  const hash = await hashPassword(PASSWORD);
  // About one coach in ten has two teams (each team is booked on its own).
  const coachCount = Math.ceil(plan.length * 0.9);
  const people = Array.from({ length: coachCount }, (_, i) => ({
    id: newId(),
    email: `rush.coach${i + 1}@bench.invalid`,
    first_name: 'Rush',
    last_name: `Coach ${i + 1}`,
    birth_date: null,
    phone: null,
    password_hash: hash,
    created_at: at,
    updated_at: at,
    merged_into: null,
    association_id: null,
  }));
  const teams = plan.map((d, i) => ({
    id: newId(),
    season_id: SEASON,
    division: d.code,
    program: d.programs[i % d.programs.length]!,
    number: i + 1,
    name: `${d.code} Rush ${i + 1}`,
    published_at: at,
    created_at: at,
  }));
  const coachOf = (i: number) => people[i % coachCount]!;
  await deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < people.length; i += 200)
      await trx
        .insertInto('people')
        .values(people.slice(i, i + 200))
        .execute();
    const grants = people.map((p) => ({ id: newId(), person_id: p.id, role: 'head-coach', season_id: SEASON, division: '', granted_at: at, granted_by: null }));
    for (let i = 0; i < grants.length; i += 200)
      await trx
        .insertInto('role_grants')
        .values(grants.slice(i, i + 200))
        .execute();
    for (let i = 0; i < teams.length; i += 200)
      await trx
        .insertInto('teams')
        .values(teams.slice(i, i + 200))
        .execute();
    const staff = teams.map((t, i) => ({ team_id: t.id, person_id: coachOf(i).id, role: 'head-coach', added_at: at }));
    for (let i = 0; i < staff.length; i += 200)
      await trx
        .insertInto('team_staff')
        .values(staff.slice(i, i + 200))
        .execute();
  });
  const short = divisions.filter((d) => d.practice.minutes === 60).map((d) => d.code);
  const long = divisions.filter((d) => d.practice.minutes !== 60).map((d) => d.code);
  const actor = { id: null, name: 'rush bench' };
  for (const w of windows(
    config.fields.map((f) => f.id),
    short,
    long,
    scale,
    overlap,
  ))
    await addWindow(deps, config, actor, SEASON, w);
  const report = await generateSeasonSlots(deps, config, actor, SEASON);
  await saveSignupSettings(deps, config, actor, SEASON, { opensAt: OPENS, closesAt: '2026-09-30T07:00:00.000Z', divisionOpensAt: {}, blackouts: [] });
  const slots = await listSlots(deps.db, SEASON);
  return {
    teams: teams.map((t, i) => ({ id: t.id, division: t.division, coachEmail: coachOf(i).email })),
    coaches: coachCount,
    slots: report.total,
    places: slots.reduce((n, s) => n + s.capacity, 0),
    overlapping: overlappingSlots(slots).length,
  };
}
