/**
 * Duplicate accounts (rules.md, "People and roles"): finding candidates, and deciding, when two
 * accounts hold the same thing (a role, an application, a completion, a class registration), which
 * row stays. Pure: rows in, decisions out; merge.store.ts applies them.
 */

/** Lower case without accents: "Lucía" and "LUCIA" compare equal. */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A name compared without accents, case, spaces or punctuation: "O'Brien, Ana María" ~ "obrien anamaria". */
export function nameKey(firstName: string, lastName: string): string {
  return foldText(`${firstName}${lastName}`).replace(/[^\p{L}\p{N}]/gu, '');
}

/** An email compared as typed, without case or surrounding spaces. */
export function emailKey(email: string | null): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

export interface Candidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  birthDate: string | null;
}

export interface DuplicateGroup<P extends Candidate = Candidate> {
  /** Why these accounts look like one person, one line per reason. */
  reasons: string[];
  people: P[];
}

/** Union-find over indexes. */
function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  return { find, union: (a: number, b: number) => void (parent[find(a)] = find(b)) };
}

/**
 * Groups accounts that look like one person: the same email (ignoring case), or the same name
 * (ignoring accents, case, spaces and punctuation) with the same date of birth. Accounts linked
 * through either reason form one group; groups come ordered by name, people by id order given.
 */
export function findDuplicates<P extends Candidate>(people: readonly P[]): DuplicateGroup<P>[] {
  const uf = unionFind(people.length);
  const reasons = new Map<string, { text: string; members: number[] }>();
  const link = (key: string, text: string, i: number) => {
    let r = reasons.get(key);
    if (!r) reasons.set(key, (r = { text, members: [] }));
    if (r.members.length) uf.union(r.members[0]!, i);
    r.members.push(i);
  };
  people.forEach((p, i) => {
    const email = emailKey(p.email);
    if (email) link(`e:${email}`, `Same email: ${email}`, i);
    const name = nameKey(p.firstName, p.lastName);
    if (name && p.birthDate) link(`n:${name}:${p.birthDate}`, `Same name and date of birth: ${p.firstName} ${p.lastName}, ${p.birthDate}`, i);
  });
  const groups = new Map<number, DuplicateGroup<P>>();
  for (const r of reasons.values()) {
    if (r.members.length < 2) continue;
    const root = uf.find(r.members[0]!);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { reasons: [], people: [] }));
    g.reasons.push(r.text);
  }
  people.forEach((p, i) => {
    groups.get(uf.find(i))?.people.push(p);
  });
  const sortKey = (g: DuplicateGroup<P>) => foldText(`${g.people[0]!.lastName} ${g.people[0]!.firstName}`);
  return [...groups.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

export type Row = Record<string, unknown>;

/** Of two rows that cannot both belong to one person, which stays. */
export type Prefer = (kept: Row, merged: Row) => 'kept' | 'merged';

export const preferKept: Prefer = () => 'kept';

/** A credited class registration stays rather than an uncredited one (the credit is history). */
export const preferCredited: Prefer = (kept, merged) => (!kept.credited_at && merged.credited_at ? 'merged' : 'kept');

export interface ConflictPlan {
  /** Rows of the merged account removed because the kept account holds the same. */
  dropMerged: Row[];
  /** Rows of the kept account removed because the merged account's row is preferred. */
  dropKept: Row[];
}

/**
 * Pairs the rows of both accounts by their unique key (the other columns of a unique constraint
 * that includes the person column) and decides, for each pair, which row is dropped.
 */
export function planConflicts(kept: readonly Row[], merged: readonly Row[], unique: readonly string[], prefer: Prefer = preferKept): ConflictPlan {
  const keyOf = (r: Row) => JSON.stringify(unique.map((c) => r[c] ?? null));
  const byKey = new Map(kept.map((r) => [keyOf(r), r]));
  const plan: ConflictPlan = { dropMerged: [], dropKept: [] };
  for (const m of merged) {
    // SQL unique constraints treat NULLs as distinct: a row with a NULL key never conflicts
    if (unique.some((c) => m[c] === null || m[c] === undefined)) continue;
    const k = byKey.get(keyOf(m));
    if (!k) continue;
    if (prefer(k, m) === 'merged') plan.dropKept.push(k);
    else plan.dropMerged.push(m);
  }
  return plan;
}

/**
 * Columns never copied into a merge summary: it is answered to the registrar and shown in the audit
 * log and on the person's page, where background-check results must not appear (safety director only).
 */
const SECRET_COLUMNS: Record<string, string> = {
  ssn_sealed: '(sealed SSN, not copied)',
  ssn_last4: '(withheld)',
  background_check: '(withheld)',
  token_hash: '(withheld)',
  id_hash: '(withheld)',
  password_hash: '(withheld)',
  data: '(file content, not copied)',
};

/** A dropped row as recorded in the summary: every column, secrets replaced by a note. */
export function redactRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = k in SECRET_COLUMNS && v !== null && v !== undefined ? SECRET_COLUMNS[k] : v;
  return out;
}

export interface DroppedRow {
  table: string;
  /** Whose row was dropped. */
  from: 'kept' | 'merged';
  reason: string;
  /** The values both rows shared (the unique key). */
  key: Row;
  row: Row;
  /** The row was not deleted but retired (kept, no longer current: a replaced badge). */
  retired?: true;
}

/** What one merge did: recorded in account_merges.summary_json and in the audit log. */
export interface MergeSummary {
  keptId: string;
  mergedId: string;
  /** "table.column" -> rows moved to the kept account. */
  moved: Record<string, number>;
  /** "table.column" -> rows deleted (the merged account's sessions). */
  deleted: Record<string, number>;
  dropped: DroppedRow[];
  /** The merged account's email, taken off it; movedToKept when the kept account had none. */
  email: { merged: string | null; movedToKept: boolean };
  /** Profile fields the kept account lacked and took from the merged one. */
  filled: Record<string, string>;
}

const PROFILE_FIELDS = ['birth_date', 'phone', 'association_id'] as const;

/**
 * Profile fields the kept account lacks and the merged account has. The association id is unique
 * among accounts, so the merge takes it off the tombstone before giving it to the kept account.
 */
export function profileToFill(kept: Row, merged: Row): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of PROFILE_FIELDS) if (!kept[f] && typeof merged[f] === 'string' && merged[f]) out[f] = merged[f] as string;
  return out;
}

/** One line for the flash message after a merge. */
export function describeMerge(summaries: readonly MergeSummary[], keptName: string): string {
  const moved = summaries.reduce((n, s) => n + Object.values(s.moved).reduce((a, b) => a + b, 0), 0);
  const dropped = summaries.reduce((n, s) => n + s.dropped.length, 0);
  const accounts = summaries.length === 1 ? '1 account' : `${summaries.length} accounts`;
  const drops = dropped ? ` ${dropped} duplicate record(s) held by both were kept once; the other copy is recorded in the audit log.` : '';
  return `Merged ${accounts} into ${keptName}: ${moved} record(s) moved.${drops}`;
}

/**
 * Column names that refer to a person: person_id, *_person_id, owner_id, instructor_id, actor_id,
 * kept_id, merged_id, merged_into, *_by and *_by_id (who did something). A new table with such a
 * column must say in merge.store.ts what a merge does with it.
 */
export function looksLikePersonColumn(column: string): boolean {
  return /(^|_)person_id$|^(owner|instructor|actor|author|kept|merged|coach|mentor|parent|guardian)_id$|^merged_into$|(^|_)by$|(^|_)by_id$/.test(column);
}
