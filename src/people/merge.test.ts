import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { testDialects, type TestApp } from '../testing/harness.js';
import { openTestApp } from '../testing/harness.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { accountDeps, checkCredentials } from './accounts.service.js';
import { coverageProblems } from './merge-catalog.rules.js';
import { readCatalog } from './merge-catalog.store.js';
import { duplicateGroups, mergeAccounts, previewMerge } from './merge.service.js';
import { PERSON_COLUMNS } from './merge.store.js';
import { EXPECTED_DROPS, fillEveryTable, fillOtherTables, insertPerson } from './merge.testkit.js';
import type { Db } from '../platform/db/database.js';

const q = (db: Db) => db as unknown as Kysely<any>;
const count = async (db: Db, table: string, where?: [string, string]) => {
  let s = q(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) s = s.where(where[0], '=', where[1]);
  return Number((await s.executeTakeFirstOrThrow()).n);
};
const tables = [...new Set(PERSON_COLUMNS.map((c) => c.table))];
const moved = PERSON_COLUMNS.filter((c) => c.action === 'move');

describe.each(testDialects())('merging accounts (%s)', (dialect) => {
  let t: TestApp;
  let registrar: TestActor;
  const actor = () => ({ id: registrar.id, name: 'Reg Istrar' });
  beforeAll(async () => {
    t = await openTestApp(dialect);
    registrar = await makeActor(t.deps, ['registrar']);
  });
  afterAll(async () => t?.close());

  it('covers every person column of the database, and the unique constraints over them', async () => {
    expect(coverageProblems(await readCatalog(t.deps.db, dialect), PERSON_COLUMNS)).toEqual([]);
  });

  it('fails when a table has a person column the merge does not know', async () => {
    await sql`create table merge_probe (id text primary key, coach_person_id text, reviewed_by text, note_id text)`.execute(t.deps.db);
    try {
      const problems = coverageProblems(await readCatalog(t.deps.db, dialect), PERSON_COLUMNS);
      expect(problems).toHaveLength(2);
      expect(problems.join('\n')).toMatch(/merge_probe\.coach_person_id refers to a person/);
      expect(problems.join('\n')).toMatch(/merge_probe\.reviewed_by refers to a person/);
    } finally {
      await sql`drop table merge_probe`.execute(t.deps.db);
    }
  });

  it('moves every row to the kept account, keeps one of each conflict, and the merged account cannot log in', async () => {
    const db = t.deps.db;
    const kept = await makeActor(t.deps, [], { email: `kept.${dialect}@example.org` });
    const merged = await makeActor(t.deps, [], { email: `merged.${dialect}@example.org` });
    const other = await makeActor(t.deps, []);
    await fillEveryTable(db, kept.id, merged.id, other.id);
    const expectedDrops = { ...EXPECTED_DROPS, ...(await fillOtherTables(db, await readCatalog(db, dialect), kept.id, merged.id, other.id)) };
    const before = new Map<string, number>();
    for (const table of tables) before.set(table, await count(db, table));
    const of = new Map<string, { kept: number; merged: number }>();
    for (const c of moved) of.set(`${c.table}.${c.column}`, { kept: await count(db, c.table, [c.column, kept.id]), merged: await count(db, c.table, [c.column, merged.id]) });
    // the data covers every moved column, so a new entry without test rows fails here
    for (const [k, v] of of) expect(v.merged, `no row of the merged account in ${k}`).toBeGreaterThan(0);

    const [summary] = await mergeAccounts(t.deps, actor(), kept.id, [merged.id]);

    const drops: Record<string, number> = {};
    for (const d of summary!.dropped) drops[d.table] = (drops[d.table] ?? 0) + 1;
    expect(drops).toEqual(expectedDrops);
    expect(summary!.dropped.find((d) => d.table === 'class_registrations')?.from).toBe('kept');
    expect(summary!.dropped.find((d) => d.table === 'applications')).toMatchObject({
      from: 'merged',
      row: { season_id: '2026-fall', ssn_sealed: '(sealed SSN, not copied)', ssn_last4: '(withheld)' },
    });
    for (const c of moved) {
      const k = `${c.table}.${c.column}`;
      const extra = k === 'people.merged_into' ? 1 : 0; // the merged account itself now points to the kept one
      // A retired row stays (it is no longer current), so it still counts.
      const dropped = c.unique && !c.retire ? (expectedDrops[c.table] ?? 0) : 0;
      expect(await count(db, c.table, [c.column, merged.id]), k).toBe(0);
      expect(await count(db, c.table, [c.column, kept.id]), k).toBe(of.get(k)!.kept + of.get(k)!.merged - dropped + extra);
    }
    const added: Record<string, number> = { audit_log: 1, account_merges: 1 };
    const retiring = new Set(moved.filter((c) => c.retire).map((c) => c.table));
    // compliance_changes is written by the database's own triggers whenever a merge moves a row
    const byTriggers = new Set(['compliance_changes']);
    for (const table of tables) {
      if (byTriggers.has(table)) continue;
      const deleted = table === 'sessions' ? 1 : 0;
      expect(await count(db, table), table).toBe(before.get(table)! - (retiring.has(table) ? 0 : (expectedDrops[table] ?? 0)) - deleted + (added[table] ?? 0));
    }
    // Of two current badges for a season, the merged account's is marked replaced at the merge.
    const badges = await db.selectFrom('badges').select(['season_id', 'replaced_at']).where('person_id', '=', kept.id).execute();
    expect(badges.filter((b) => b.replaced_at === null)).toHaveLength(1);
    expect(summary!.dropped.find((d) => d.table === 'badges')).toMatchObject({ from: 'merged', retired: true });
    expect(badges.some((b) => b.replaced_at === '2026-09-15T17:00:00.000Z')).toBe(true);
    expect(summary!.deleted).toEqual({ 'sessions.person_id': 1 });

    const row = await db.selectFrom('people').selectAll().where('id', '=', merged.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ merged_into: kept.id, email: null, password_hash: null });
    expect(summary!.email).toEqual({ merged: merged.email, movedToKept: false });
    await expect(checkCredentials(accountDeps(t.deps), merged.email, merged.password, '10.0.0.1')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    expect((await checkCredentials(accountDeps(t.deps), kept.email, kept.password, '10.0.0.1')).id).toBe(kept.id);

    const record = await db.selectFrom('account_merges').selectAll().where('merged_id', '=', merged.id).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ kept_id: kept.id, by_id: registrar.id });
    expect(JSON.parse(record.summary_json)).toEqual(summary);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'person.merge').where('entity_id', '=', kept.id).executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(registrar.id);
    expect(JSON.parse(audit.after_json!)).toEqual(summary);
  });

  it('gives the kept account the email and profile it lacked', async () => {
    const db = t.deps.db;
    const kept = await insertPerson(db, { first: 'Ana', last: 'Ruiz', email: null });
    const merged = await insertPerson(db, { first: 'Ana', last: 'Ruiz', email: `ana.${dialect}@example.org`, birthDate: '1985-04-02' });
    const [s] = await mergeAccounts(t.deps, actor(), kept, [merged]);
    expect(s!.email).toEqual({ merged: `ana.${dialect}@example.org`, movedToKept: true });
    expect(s!.filled).toEqual({ birth_date: '1985-04-02' });
    expect(await db.selectFrom('people').select(['email', 'birth_date']).where('id', '=', kept).executeTakeFirst()).toEqual({
      email: `ana.${dialect}@example.org`,
      birth_date: '1985-04-02',
    });
  });

  it('moves the association id to a kept account that has none, and leaves the kept one its own', async () => {
    const db = t.deps.db;
    const setId = (id: string, associationId: string | null) => db.updateTable('people').set({ association_id: associationId }).where('id', '=', id).execute();
    const idOf = async (id: string) => (await db.selectFrom('people').select('association_id').where('id', '=', id).executeTakeFirstOrThrow()).association_id;
    const kept = await insertPerson(db, { first: 'Eli', last: 'Moss', email: null });
    const merged = await insertPerson(db, { first: 'Eli', last: 'Moss', email: null });
    await setId(merged, `AYSO-${dialect}-1`);
    const [s] = await mergeAccounts(t.deps, actor(), kept, [merged]);
    expect(s!.filled).toEqual({ association_id: `AYSO-${dialect}-1` });
    expect(await idOf(kept)).toBe(`AYSO-${dialect}-1`);
    expect(await idOf(merged)).toBeNull();

    const kept2 = await insertPerson(db, { first: 'Fay', last: 'Moss', email: null });
    const merged2 = await insertPerson(db, { first: 'Fay', last: 'Moss', email: null });
    await setId(kept2, `AYSO-${dialect}-2`);
    await setId(merged2, `AYSO-${dialect}-3`);
    const [s2] = await mergeAccounts(t.deps, actor(), kept2, [merged2]);
    expect(s2!.filled).toEqual({});
    expect(await idOf(kept2)).toBe(`AYSO-${dialect}-2`);
    expect(await idOf(merged2)).toBe(`AYSO-${dialect}-3`);
  });

  it('previews exactly what a merge does, changing nothing', async () => {
    const db = t.deps.db;
    const kept = await insertPerson(db, { first: 'Bo', last: 'Lee', email: null });
    const merged = await insertPerson(db, { first: 'Bo', last: 'Lee', email: null });
    const other = await insertPerson(db, { first: 'Cy', last: 'Lee', email: null });
    await fillEveryTable(db, kept, merged, other);
    await fillOtherTables(db, await readCatalog(db, dialect), kept, merged, other);
    const counts = async () => Promise.all(tables.map((table) => count(db, table)));
    const before = await counts();
    const preview = await previewMerge(t.deps, kept, [merged]);
    expect(await counts()).toEqual(before);
    expect((await db.selectFrom('people').select('merged_into').where('id', '=', merged).executeTakeFirstOrThrow()).merged_into).toBeNull();
    const done = await mergeAccounts(t.deps, actor(), kept, [merged]);
    expect(done).toEqual(preview);
  });

  it('refuses a merge into itself, of an unknown or already merged account, and leaves nothing half done', async () => {
    const db = t.deps.db;
    const a = await insertPerson(db, { first: 'Di', last: 'Fox', email: null });
    const b = await insertPerson(db, { first: 'Di', last: 'Fox', email: null });
    const c = await insertPerson(db, { first: 'Di', last: 'Fox', email: null });
    await expect(mergeAccounts(t.deps, actor(), a, [a])).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(mergeAccounts(t.deps, actor(), a, ['nobody'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await mergeAccounts(t.deps, actor(), a, [b]);
    await expect(mergeAccounts(t.deps, actor(), c, [b])).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already merged/) });
    await expect(mergeAccounts(t.deps, actor(), b, [c])).rejects.toMatchObject({ code: 'CONFLICT' });
    // c then an already merged one: all or nothing
    const d = await insertPerson(db, { first: 'Di', last: 'Fox', email: null });
    await expect(mergeAccounts(t.deps, actor(), a, [d, b])).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db.selectFrom('people').select('merged_into').where('id', '=', d).executeTakeFirstOrThrow()).merged_into).toBeNull();
  });

  it('finds accounts with the same email, or the same name and date of birth', async () => {
    const db = t.deps.db;
    const tag = dialect === 'sqlite' ? 'Sq' : 'Pg';
    const x = await insertPerson(db, { first: `Lucía${tag}`, last: 'Martínez Ríos', email: null, birthDate: '1990-05-06' });
    const y = await insertPerson(db, { first: `lucia${tag}`, last: 'MARTINEZ-RIOS', email: null, birthDate: '1990-05-06' });
    const z = await insertPerson(db, { first: `Lucia${tag}`, last: 'Martinez Rios', email: null, birthDate: '1991-05-06' });
    const u = await insertPerson(db, { first: 'Sam', last: 'One', email: `Sam.${tag}@Example.org` });
    const v = await insertPerson(db, { first: 'Samuel', last: 'One', email: `sam.${tag}@example.org ` });
    const groups = await duplicateGroups(db);
    const ids = (id: string) =>
      groups
        .find((g) => g.people.some((p) => p.id === id))
        ?.people.map((p) => p.id)
        .sort();
    expect(ids(x)).toEqual([x, y].sort());
    expect(ids(z)).toBeUndefined();
    expect(ids(u)).toEqual([u, v].sort());
    expect(groups.find((g) => g.people.some((p) => p.id === u))!.reasons).toEqual([`Same email: sam.${tag.toLowerCase()}@example.org`]);
  });
});
