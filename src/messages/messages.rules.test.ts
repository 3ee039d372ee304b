import { describe, expect, it } from 'vitest';
import { chooseRecipients, readMessage, readPaging } from './messages.rules.js';
import { retryDelayMs, MAX_ATTEMPTS } from '../platform/mail.js';

const choices = { divisions: ['10U', '12U'], trainings: ['safe-haven', 'coach-10u'] };
const c = (personId: string, email: string | null) => ({ personId, name: personId, email });

describe('readMessage', () => {
  it('reads each audience kind', () => {
    const read = (audience: object) => readMessage({ audience, subject: ' Hi ', markdown: 'Body' }, choices);
    expect(read({ kind: 'coaches' }).input?.audience).toEqual({ kind: 'coaches' });
    expect(read({ kind: 'coaches', division: '10U' }).input?.audience).toEqual({ kind: 'coaches', division: '10U' });
    expect(read({ kind: 'missing', element: 2, training: 'safe-haven' }).input?.audience).toEqual({ kind: 'missing', element: 2, training: 'safe-haven' });
    expect(read({ kind: 'team', teamId: 't1', who: 'families' }).input?.audience).toEqual({ kind: 'team', teamId: 't1', who: 'families' });
    expect(read({ kind: 'role', role: 'mentor' }).input).toEqual({ audience: { kind: 'role', role: 'mentor' }, subject: 'Hi', markdown: 'Body', required: false });
  });

  it('names the field of every problem', () => {
    const r = readMessage({ audience: { kind: 'missing', element: 1, training: 'safe-haven' }, subject: 'a\nb', markdown: ' ' }, choices);
    expect(r.input).toBeUndefined();
    expect(r.errors.map((e) => e.split(':')[0])).toEqual(['audience.training', 'subject', 'markdown']);
  });
});

describe('chooseRecipients', () => {
  const found = [c('a', 'A@x.org'), c('b', 'a@x.org'), c('a', 'A@x.org'), c('n', null), c('o', 'o@x.org'), c('p', 'p@x.org')];
  it('mails each address once, skips no email and opt-outs', () => {
    const r = chooseRecipients(found, new Set(['o']), false);
    expect(r.send.map((s) => s.personId)).toEqual(['a', 'p']);
    expect(r.skipped.map((s) => [s.personId, s.reason])).toEqual([
      ['b', 'same-address'],
      ['n', 'no-email'],
      ['o', 'opted-out'],
    ]);
  });
  it('a required notice ignores opt-outs', () => {
    expect(chooseRecipients(found, new Set(['o']), true).send.map((s) => s.personId)).toEqual(['a', 'o', 'p']);
  });
});

describe('paging and back-off', () => {
  it('reads page and pageSize', () => {
    expect(readPaging({})).toMatchObject({ page: 1, pageSize: 25, errors: [] });
    expect(readPaging({ page: '0', pageSize: '201' }).errors.map((e) => e.split(':')[0])).toEqual(['page', 'pageSize']);
  });
  it('waits three times longer after each failed attempt, and gives up after the last', () => {
    const waits = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayMs(i + 1));
    expect(waits).toEqual([120_000, 360_000, 1_080_000, 3_240_000, 9_720_000, null]);
  });
});
