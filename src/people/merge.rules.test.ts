import { describe, expect, it } from 'vitest';
import {
  describeMerge,
  findDuplicates,
  looksLikePersonColumn,
  nameKey,
  planConflicts,
  preferCredited,
  profileToFill,
  redactRow,
  type Candidate,
  type MergeSummary,
} from './merge.rules.js';

const person = (id: string, firstName: string, lastName: string, email: string | null, birthDate: string | null = null): Candidate => ({
  id,
  firstName,
  lastName,
  email,
  birthDate,
});

describe('finding duplicates', () => {
  it('compares names without accents, case, spaces or punctuation', () => {
    expect(nameKey('Ana María', "O'Brien-Núñez")).toBe(nameKey('ANA MARIA', 'obrien nunez'));
    expect(nameKey('Ana', 'Smith')).not.toBe(nameKey('Anna', 'Smith'));
  });

  it('groups the same email (any case), or the same name with the same date of birth', () => {
    const groups = findDuplicates([
      person('1', 'José', 'García', null, '1980-01-02'),
      person('2', 'Jose', 'GARCIA', 'jg@example.org', '1980-01-02'),
      person('3', 'Joe', 'Garcia', 'JG@example.org'),
      person('4', 'José', 'García', null, '1981-01-02'),
      person('5', 'Ann', 'Lee', null, null),
      person('6', 'Ann', 'Lee', null, null),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.people.map((p) => p.id)).toEqual(['1', '2', '3']);
    expect(groups[0]!.reasons).toEqual(['Same name and date of birth: José García, 1980-01-02', 'Same email: jg@example.org']);
  });

  it('orders groups by name', () => {
    const groups = findDuplicates([
      person('a', 'Zed', 'Young', 'z@x.org'),
      person('b', 'Zed', 'Young', 'Z@x.org'),
      person('c', 'Al', 'Ames', 'a@x.org'),
      person('d', 'Al', 'Ames', 'A@X.org'),
    ]);
    expect(groups.map((g) => g.people[0]!.lastName)).toEqual(['Ames', 'Young']);
  });
});

describe('conflicts', () => {
  const kept = [
    { id: 'k1', season_id: '2026-fall' },
    { id: 'k2', season_id: '2027-spring' },
  ];
  it('drop the merged copy where both hold the same key, and move the rest', () => {
    const merged = [
      { id: 'm1', season_id: '2026-fall' },
      { id: 'm2', season_id: '2027-fall' },
    ];
    expect(planConflicts(kept, merged, ['season_id'])).toEqual({ dropMerged: [merged[0]], dropKept: [] });
  });

  it('keep the credited registration, whichever account holds it', () => {
    const k = [{ id: 'k', session_id: 's', credited_at: null }];
    const m = [{ id: 'm', session_id: 's', credited_at: '2026-09-01' }];
    expect(planConflicts(k, m, ['session_id'], preferCredited)).toEqual({ dropMerged: [], dropKept: k });
    expect(planConflicts(m, k, ['session_id'], preferCredited)).toEqual({ dropMerged: k, dropKept: [] });
  });

  it('never pair rows with a NULL key (SQL treats NULLs as distinct)', () => {
    expect(planConflicts([{ id: 'k', x: null }], [{ id: 'm', x: null }], ['x'])).toEqual({ dropMerged: [], dropKept: [] });
  });

  it('record dropped rows without secrets, nor a background-check result (the safety director alone sees those)', () => {
    expect(redactRow({ id: 'a', ssn_sealed: 'abc', ssn_last4: '1234', background_check: 'flagged', season_id: 's', token_hash: null })).toEqual({
      id: 'a',
      ssn_sealed: '(sealed SSN, not copied)',
      ssn_last4: '(withheld)',
      background_check: '(withheld)',
      season_id: 's',
      token_hash: null,
    });
  });
});

describe('the merged account', () => {
  it('fills only what the kept account lacks', () => {
    expect(profileToFill({ birth_date: null, phone: '555' }, { birth_date: '1980-01-01', phone: '777' })).toEqual({ birth_date: '1980-01-01' });
    expect(profileToFill({ association_id: null }, { association_id: '97001234' })).toEqual({ association_id: '97001234' });
    expect(profileToFill({ association_id: '97000001' }, { association_id: '97001234' })).toEqual({});
  });

  it('is described in one line', () => {
    const s = (moved: Record<string, number>, dropped: number): MergeSummary => ({
      keptId: 'k',
      mergedId: 'm',
      moved,
      deleted: {},
      dropped: Array.from({ length: dropped }, () => ({ table: 't', from: 'merged', reason: '', key: {}, row: {} })),
      email: { merged: null, movedToKept: false },
      filled: {},
    });
    expect(describeMerge([s({ 'role_grants.person_id': 2, 'completions.person_id': 3 }, 0)], 'Ann Lee')).toBe('Merged 1 account into Ann Lee: 5 record(s) moved.');
    expect(describeMerge([s({ a: 1 }, 1), s({}, 1)], 'Ann Lee')).toMatch(/^Merged 2 accounts into Ann Lee: 1 record\(s\) moved\. 2 duplicate record/);
  });
});

describe('person columns', () => {
  it.each(['person_id', 'coach_person_id', 'owner_id', 'instructor_id', 'actor_id', 'kept_id', 'merged_id', 'merged_into', 'granted_by', 'by_id', 'approved_by_id', 'author_id'])(
    '%s refers to a person',
    (c) => {
      expect(looksLikePersonColumn(c)).toBe(true);
    },
  );
  it.each(['id', 'player_id', 'team_id', 'session_id', 'entity_id', 'baby', 'nearby_field'])('%s does not', (c) => {
    expect(looksLikePersonColumn(c)).toBe(false);
  });
});
