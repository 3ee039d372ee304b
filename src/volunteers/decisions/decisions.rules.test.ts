import { describe, expect, it } from 'vitest';
import { checkDecisions, decisionsOfForm, deciderOf, grantAtOnce, planRequests, readRequestQuery, type DecidedRequest } from './decisions.rules.js';

describe('role request rules', () => {
  it('grants youth volunteers and field helpers at once by default, and follows the region otherwise', () => {
    expect([...grantAtOnce({})].sort()).toEqual(['field-helper', 'youth-volunteer']);
    expect([...grantAtOnce({ applications: { grantAtOnce: [] } })]).toEqual([]);
    expect(grantAtOnce({}).has('head-coach')).toBe(false);
  });

  it('plans requests: kept roles keep their decision, dropped ones go, new ones wait unless granted at once or already held', () => {
    const existing = [
      { id: 'a', role: 'head-coach', division: '10U', status: 'declined' },
      { id: 'b', role: 'assistant-coach', division: '8U', status: 'requested' },
    ];
    const plan = planRequests(
      existing,
      [
        { role: 'head-coach', division: '10U' },
        { role: 'field-helper', division: '8U' },
        { role: 'head-coach', division: '12U' },
        { role: 'assistant-coach', division: '12U' },
      ],
      new Set(['field-helper']),
      (r) => r.role === 'assistant-coach' && r.division === '12U',
    );
    expect(plan.remove.map((r) => r.id)).toEqual(['b']);
    expect(plan.add).toEqual([
      { role: 'field-helper', division: '8U', status: 'granted' },
      { role: 'head-coach', division: '12U', status: 'requested' },
      { role: 'assistant-coach', division: '12U', status: 'granted' },
    ]);
  });

  const req = (id: string, role: string, status = 'requested'): DecidedRequest => ({
    id,
    role,
    division: '10U',
    status,
    name: 'Ana Lopez',
    decidedAt: status === 'requested' ? null : '2026-09-14T10:00:00Z',
  });

  it('names each problem of a batch: unreadable items, roles the decider may not decide, requests already decided', () => {
    const found = new Map([
      ['r1', req('r1', 'head-coach')],
      ['r2', req('r2', 'field-helper')],
      ['r3', req('r3', 'assistant-coach', 'granted')],
    ]);
    const p = checkDecisions(
      [
        { id: 'r1', decision: 'grant' },
        { id: 'r2', decision: 'grant' },
        { id: 'r3', decision: 'decline' },
        { id: 'nope', decision: 'grant' },
        { id: 'r1', decision: 'perhaps', reason: 'x'.repeat(501) },
      ],
      found,
      new Set(['head-coach', 'assistant-coach']),
    );
    expect(p.invalid).toEqual([
      'decisions[3]: there is no role request "nope": reload the list.',
      'decisions[4]: the decision must be "grant" or "decline" (got "perhaps").',
      'decisions[4]: write a reason of at most 500 characters.',
      'decisions[4]: request "r1" appears twice: decide each request once.',
    ]);
    expect(p.forbidden).toEqual(['decisions[1]: you may not decide Field helper requests (Ana Lopez): the registrar does.']);
    expect(p.decided).toEqual(['Request r3 (Ana Lopez, Assistant coach 10U) was already granted on 2026-09-14.']);
    expect(checkDecisions([], new Map(), new Set()).invalid).toEqual(['Choose at least one request to grant or decline.']);
  });

  it('names who decides each role', () => {
    expect(deciderOf('head-coach')).toBe('coach administrator');
    expect(deciderOf('youth-volunteer')).toBe('registrar');
    expect(deciderOf('safety-director')).toBe('region administrator');
  });

  it('reads the filters, waiting requests by default, and lists every bad one', () => {
    const known = { seasons: ['2026-fall'], divisions: ['10U'] };
    expect(readRequestQuery({}, known)).toEqual({ query: { season: '', status: 'requested', role: '', division: '', page: 1, pageSize: 50 }, errors: [] });
    expect(readRequestQuery({ status: '', page: '3', pageSize: '200' }, known).query).toMatchObject({ status: '', page: 3, pageSize: 200 });
    expect(readRequestQuery({ season: '1999', status: 'x', role: 'king', division: '99U', page: '0', pageSize: '201' }, known).errors).toHaveLength(6);
  });

  it('reads the page form: a row button decides one with its reason, the batch buttons the checked rows', () => {
    expect(decisionsOfForm({ one: 'decline:r2', action: '', ids: ['r1'], reason: 'batch', reasons: { r2: ' too many ' } })).toEqual([
      { id: 'r2', decision: 'decline', reason: 'too many' },
    ]);
    expect(decisionsOfForm({ one: '', action: 'grant', ids: ['r1', 'r2'], reason: '', reasons: { r1: '', r2: 'own' } })).toEqual([
      { id: 'r1', decision: 'grant', reason: undefined },
      { id: 'r2', decision: 'grant', reason: 'own' },
    ]);
  });
});
