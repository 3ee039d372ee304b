import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { clipQuoted, quoted } from '../quote.js';
import { guardInput, INPUT_LIMITS } from './input.js';
import { validatorCompilers } from './validation.js';

interface Sent {
  url?: string;
  body?: unknown;
  query?: Record<string, unknown>;
  params?: Record<string, unknown>;
  schema?: Record<string, unknown>;
}

function guard(s: Sent): { body: unknown; query: unknown } {
  const req = { url: s.url ?? '/api/v1/things', body: s.body, query: s.query ?? {}, params: s.params ?? {}, routeOptions: { schema: s.schema } };
  guardInput(req as unknown as FastifyRequest);
  return { body: req.body, query: req.query };
}

function refusal(s: Sent): { code: string; message: string; status: string } {
  try {
    guard(s);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message, status: e.code === 'BAD_REQUEST' ? '400' : '422' };
    throw e;
  }
  throw new Error('expected a refusal');
}

const Named = Type.Object({ name: Type.String({ maxLength: 100 }), tags: Type.Optional(Type.Array(Type.String(), { maxItems: 3 })) });

describe('the input guard', () => {
  it('refuses a control character, naming the field and the character', () => {
    const r = refusal({ url: '/volunteer', body: { name: 'Ann', parent: { phone: '555\u00001234' } } });
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toContain('parent.phone');
    expect(r.message).toContain('U+0000');
    expect(refusal({ url: '/signup', body: { firstName: 'a\u001bb' } }).message).toContain('firstName');
    expect(refusal({ body: { name: 'a', tags: ['ok', 'b\u0007'] }, schema: { body: Named } }).message).toContain('tags.1');
  });

  it('keeps tabs and line feeds, turns CRLF into LF, and refuses a carriage return alone', () => {
    expect(guard({ url: '/contact', body: { message: 'one\r\ntwo\tthree\nfour' } }).body).toEqual({ message: 'one\ntwo\tthree\nfour' });
    expect(guard({ url: '/x', body: { notes: ['a\r\nb'] } }).body).toEqual({ notes: ['a\nb'] });
    expect(refusal({ url: '/contact', body: { message: 'one\rtwo' } }).message).toContain('U+000D');
  });

  it('checks the query and the path too, but leaves a return address to safeNext', () => {
    expect(refusal({ query: { season: 'a\u0000' } }).message).toContain('(querystring): season');
    expect(refusal({ params: { id: 'a\u0001' } }).message).toContain('(params): id');
    expect(refusal({ query: { season: 'a\r\nb' } }).message).toContain('U+000D');
    expect(guard({ url: '/login', query: { next: '/\r\nevil' } }).query).toEqual({ next: '/\r\nevil' });
  });

  it('holds text to its declared maxLength, or to the default where none is declared', () => {
    expect(refusal({ body: { name: 'x'.repeat(101) }, schema: { body: Named } }).message).toContain('name: at most 100 characters (this has 101)');
    expect(guard({ body: { name: 'x'.repeat(100) }, schema: { body: Named } }).body).toEqual({ name: 'x'.repeat(100) });
    expect(refusal({ url: '/teams/x', body: { name: 'x'.repeat(INPUT_LIMITS.text + 1) } }).message).toContain(`at most ${INPUT_LIMITS.text} characters`);
    const long = Type.Object({ markdown: Type.String({ maxLength: 60_000 }) });
    expect(() => guard({ url: '/admin/site/pages/coaches', body: { markdown: 'x'.repeat(50_000) }, schema: { body: long } })).not.toThrow();
    const nullable = Type.Object({ note: Type.Union([Type.String({ maxLength: 5 }), Type.Null()]) });
    expect(refusal({ body: { note: 'x'.repeat(6) }, schema: { body: nullable } }).message).toContain('at most 5');
  });

  it('holds lists to their maxItems or the default, and objects to the default number of properties', () => {
    expect(refusal({ body: { name: 'a', tags: ['a', 'b', 'c', 'd'] }, schema: { body: Named } }).message).toContain('tags: at most 3 items');
    expect(refusal({ url: '/x', body: { list: Array(INPUT_LIMITS.items + 1).fill(1) } }).message).toContain(`at most ${INPUT_LIMITS.items} items`);
    const wide = Object.fromEntries(Array.from({ length: INPUT_LIMITS.items + 1 }, (_, i) => [`k${i}`, 1]));
    expect(refusal({ url: '/x', body: wide }).message).toContain(`at most ${INPUT_LIMITS.items} properties`);
  });

  it('answers 400 to nesting deeper than the limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < INPUT_LIMITS.depth + 1; i++) deep = [deep];
    const r = refusal({ body: { a: deep } });
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain(`${INPUT_LIMITS.depth} levels`);
    let fine: unknown = 'x';
    for (let i = 0; i < INPUT_LIMITS.depth - 2; i++) fine = [fine];
    expect(() => guard({ url: '/x', body: { a: fine } })).not.toThrow();
  });

  it('refuses a property the API schema does not declare, naming it; forms keep ignoring unknown fields', () => {
    const r = refusal({ body: { name: 'a', note: 'x'.repeat(5_000) }, schema: { body: Named } });
    expect(r.message).toContain('note: is not a field of this request (the fields are name, tags)');
    expect(r.message.length).toBeLessThan(300);
    const nested = Type.Object({ parent: Type.Object({ phone: Type.String() }) });
    expect(refusal({ body: { parent: { phone: '1', ssn: '2' } }, schema: { body: nested } }).message).toContain('parent.ssn');
    expect(() => guard({ url: '/players', body: { name: 'a', _csrf: 't', extra: '1' }, schema: { body: Named } })).not.toThrow();
    // A record (Type.Record) takes any names; a route without a body schema reads no body.
    const record = Type.Object({ enabled: Type.Record(Type.String(), Type.Boolean()) });
    expect(() => guard({ body: { enabled: { weekly: true } }, schema: { body: record } })).not.toThrow();
    expect(() => guard({ body: { 'List-Unsubscribe': 'One-Click' } })).not.toThrow();
    expect(refusal({ body: { anything: 'a\u0000' } }).message).toContain('U+0000');
  });

  it('refuses a property name with a control character or past the key limit', () => {
    expect(refusal({ url: '/x', body: { 'a\u0000': 1 } }).message).toContain('U+0000');
    expect(refusal({ url: '/x', body: { ['k'.repeat(INPUT_LIMITS.key + 1)]: 1 } }).message).toContain(`at most ${INPUT_LIMITS.key} characters`);
  });

  it('never quotes more than about 80 characters of a value', () => {
    const r = refusal({ body: { ['k'.repeat(150)]: 1 }, schema: { body: Named } });
    expect(r.message).not.toContain('k'.repeat(81));
    expect(quoted('x'.repeat(500))).toBe(`"${'x'.repeat(79)}…"`);
    expect(clipQuoted(`There is no season "${'s'.repeat(10_000)}"; use one of: "2026-fall".`)).toBe(`There is no season "${'s'.repeat(79)}…"; use one of: "2026-fall".`);
  });
});

describe('the validators', () => {
  const compile = validatorCompilers()({}, { customOptions: { allErrors: true } });
  const body = Type.Object({ name: Type.String(), weekday: Type.Integer(), on: Type.Boolean(), days: Type.Array(Type.Integer()) });
  const good = { name: 'Ann', weekday: 1, on: true, days: [1] };

  it('take the API body exactly as sent: no number for a name, no null for Sunday', () => {
    const api = compile({ schema: body, method: 'POST', url: '/api/v1/things', httpPart: 'body' });
    expect(api({ ...good })).toBe(true);
    for (const bad of [{ name: 12 }, { weekday: null }, { weekday: '1' }, { on: 'true' }, { days: 1 }]) expect(api({ ...good, ...bad }), JSON.stringify(bad)).toBe(false);
  });

  it('keep coercion for forms and for text in the query and the path', () => {
    const form = compile({ schema: body, method: 'POST', url: '/practice/admin/slots', httpPart: 'body' });
    const sent = { name: 'Ann', weekday: '1', on: 'true', days: '1' };
    expect(form(sent)).toBe(true);
    expect(sent).toEqual({ name: 'Ann', weekday: 1, on: true, days: [1] });
    const query = compile({ schema: Type.Object({ page: Type.Integer(), waitlist: Type.Boolean() }), method: 'GET', url: '/api/v1/things', httpPart: 'querystring' });
    expect(query({ page: '2', waitlist: 'true' })).toBe(true);
  });
});
