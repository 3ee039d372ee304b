import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession, makeActor } from '../../testing/actors.js';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { ROLES } from '../roles.js';
import { INPUT_LIMITS } from './input.js';

/**
 * Hostile input at every write endpoint: wrong types, huge strings, control characters, deep nesting
 * and unknown fields, sent anonymously and by a person holding every role. Nothing may answer 5xx;
 * what must be refused answers 4xx with the error envelope, and no answer quotes more than about 80
 * characters of what was sent.
 *
 * The API's bodies come from the OpenAPI document; form posts (their fields are read by the route,
 * not declared) get every common field name at once.
 */

type Schema = { [k: string]: unknown; type?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; enum?: unknown[]; maxLength?: number };
type Json = unknown;
interface Case {
  kind: string;
  method: string;
  url: string;
  /** 'refuse': must answer 4xx; 'survive': anything but 5xx (form coercion, ignored fields, long but allowed text). */
  expect: 'refuse' | 'survive';
  json?: Json;
  form?: Record<string, string>;
}

/** Letters in an order no compression shrinks (a repeated one would fit an index that a real value overflows). */
const NOISE = (() => {
  let x = 7;
  const out: string[] = [];
  for (let i = 0; i < 2_000_000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(String.fromCharCode(97 + ((x >> 16) % 26)));
  }
  return out.join('');
})();
const fill = (n: number) => (n <= NOISE.length ? NOISE.slice(0, n) : NOISE.repeat(Math.ceil(n / NOISE.length)).slice(0, n));
const HUGE = fill(100_000);
/** The longest text a field allows; for an email field, shaped like an address (a long one once answered 500 from an index). */
const longest = (field: string, n: number) => (/email/i.test(field) ? `${fill(n - 12)}@example.org` : fill(n));
/** A JSON answer quoting this much filler quotes more than about 80 characters of the input. */
const QUOTED_TOO_MUCH = fill(90);

const FORM_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'password',
  'newPassword',
  'current',
  'phone',
  'address',
  'title',
  'description',
  'markdown',
  'message',
  'body',
  'reason',
  'notes',
  'season',
  'division',
  'program',
  'date',
  'startTime',
  'endTime',
  'time',
  'place',
  'capacity',
  'teamId',
  'slotId',
  'playerId',
  'personId',
  'role',
  'kind',
  'topic',
  'decision',
  'ssn',
  'signature',
  'birthDate',
  'gender',
  'fieldId',
  'weekdays',
  'json',
  'csv',
  'q',
  'website',
  'strengths',
  'workOn',
  'version',
];

function sample(s: Schema | undefined): Json {
  if (!s) return 'x';
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sample(s.anyOf[0]);
  if (s.type === 'object') return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v)]));
  if (s.type === 'array') return s.items ? [sample(s.items)] : [];
  if (s.type === 'integer' || s.type === 'number') return (s.minimum as number | undefined) ?? 1;
  if (s.type === 'boolean') return true;
  return s.format === 'date' ? '2026-10-03' : 'x';
}

/** The leaves of a body (through objects and the first item of arrays), a few levels deep. */
function leaves(s: Schema, path: (string | number)[] = [], out: { path: (string | number)[]; schema: Schema }[] = []) {
  if (path.length > 3) return out;
  if (s.type === 'object' && s.properties) for (const [k, v] of Object.entries(s.properties)) leaves(v, [...path, k], out);
  else if (s.type === 'array' && s.items) {
    out.push({ path, schema: s });
    leaves(s.items, [...path, 0], out);
  } else if (path.length) out.push({ path, schema: s });
  return out;
}

function setAt(body: Json, path: (string | number)[], value: Json): Json {
  if (!path.length) return value;
  const copy = structuredClone(body) as Record<string | number, Json>;
  let at = copy;
  for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, Json>;
  at[path.at(-1)!] = value;
  return copy;
}

const typeOf = (s: Schema) => s.type ?? s.anyOf?.[0]?.type ?? 'string';
/** A value of another type that Ajv's coercion would have turned into this one. */
function wrongType(s: Schema): Json {
  const t = typeOf(s);
  if (t === 'string') return 12345;
  if (t === 'integer' || t === 'number') return '12';
  if (t === 'boolean') return 'true';
  return 'x';
}

function deep(levels: number): Json {
  let v: Json = 'x';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const pathUrl = (url: string, value: string) => url.replace(/:(\w+)/g, () => value);

function apiCases(method: string, url: string, body: Schema | undefined, query: string[]): Case[] {
  const at = pathUrl(url, 'test-id');
  const cases: Case[] = [];
  const c = (kind: string, json: Json, expect: Case['expect'] = 'refuse', u = at) => cases.push({ kind, method, url: u, expect, json });
  if (url.includes(':')) {
    c('control character in the path', undefined, 'refuse', pathUrl(url, 'a%00b'));
    c('huge path value', undefined, 'refuse', pathUrl(url, fill(12_000)));
  }
  if (query.length) c('control character in the query', undefined, 'refuse', `${at}?${query[0]}=a%01b`);
  c('deep nesting', { a: deep(200) }, 'refuse');
  c('a body that is not an object', [1, 2], body?.type === 'object' ? 'refuse' : 'survive');
  if (!body?.properties || body.type !== 'object') {
    // A route that declares no body reads none: extra fields are ignored, but still guarded.
    c('unknown field', { zzUnknown: 'x' }, 'survive');
    c('control character in an unknown field', { zzUnknown: 'a\u0000b' });
    return cases;
  }
  const base = sample(body);
  c('unknown field', { ...(base as object), zzUnknown: 'x' });
  for (const { path, schema } of leaves(body).slice(0, 12)) {
    const name = path.join('.');
    c(`wrong type at ${name}`, setAt(base, path, wrongType(schema)));
    if (!schema.nullable) c(`null at ${name}`, setAt(base, path, null));
    if (typeOf(schema) !== 'string') continue;
    c(`huge string at ${name}`, setAt(base, path, HUGE));
    c(`NUL at ${name}`, setAt(base, path, 'a\u0000b'));
    c(`escape character at ${name}`, setAt(base, path, 'a\u001bb'));
    c(`longest allowed string at ${name}`, setAt(base, path, longest(name, schema.maxLength ?? INPUT_LIMITS.text)), 'survive');
  }
  return cases;
}

function formCases(method: string, url: string): Case[] {
  const at = pathUrl(url, 'test-id');
  const every = (v: string) => Object.fromEntries(FORM_FIELDS.map((f) => [f, v]));
  const base = { ...every('x'), email: 'someone@example.org', date: '2026-10-03', password: 'correct horse battery', newPassword: 'correct horse battery' };
  const long = (fields: string[]) => ({ ...base, ...Object.fromEntries(fields.map((f) => [f, longest(f, INPUT_LIMITS.text)])) });
  const cases: Case[] = [
    { kind: 'NUL in every field', method, url: at, expect: 'refuse', form: every('a\u0000b') },
    { kind: 'lone carriage return', method, url: at, expect: 'refuse', form: { ...base, notes: 'a\rb' } },
    { kind: 'CRLF line breaks (normalised)', method, url: at, expect: 'survive', form: { ...base, notes: 'a\r\nb' } },
    { kind: 'huge field', method, url: at, expect: 'refuse', form: { ...base, name: HUGE } },
    { kind: 'longest allowed email', method, url: at, expect: 'survive', form: long(['email']) },
    { kind: 'longest allowed names', method, url: at, expect: 'survive', form: long(['name', 'firstName', 'lastName', 'title', 'topic', 'place']) },
    { kind: 'longest allowed free text', method, url: at, expect: 'survive', form: long(['description', 'message', 'body', 'reason', 'notes', 'strengths', 'workOn', 'address']) },
    { kind: 'longest allowed text in every field', method, url: at, expect: 'survive', form: every(fill(INPUT_LIMITS.text)) },
    { kind: 'unknown field', method, url: at, expect: 'survive', form: { ...base, zzUnknown: 'x' } },
    { kind: 'deep nesting', method, url: at, expect: 'refuse', json: { a: deep(200) } },
    { kind: 'wrong types (JSON)', method, url: at, expect: 'survive', json: Object.fromEntries(FORM_FIELDS.map((f, i) => [f, [12, null, { a: 1 }, true, ['x']][i % 5]])) },
    { kind: 'control character in the query', method, url: `${at}?season=a%00b`, expect: 'refuse', form: base },
  ];
  if (url.includes(':')) cases.push({ kind: 'control character in the path', method, url: pathUrl(url, 'a%00b'), expect: 'refuse', form: base });
  return cases;
}

for (const dialect of testDialects()) {
  describe(`hostile input at every write endpoint (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(dialect);
    });
    afterAll(async () => t?.close());

    it('answers 4xx with the error envelope, never 5xx, and quotes little', { timeout: 240_000 }, async () => {
      const everyone = await makeActor(t.deps, [...ROLES]);
      const anonymous = await browserSession(t.app);
      const doc = t.app.swagger() as {
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: { in: string; name: string }[] }>>;
      };
      const writes = t.app.routeTable.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !r.url.startsWith('/api/docs'));
      const cases: Case[] = [];
      for (const r of writes) {
        if (!r.url.startsWith('/api/')) {
          cases.push(...formCases(r.method, r.url));
          continue;
        }
        const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
        const body = op?.requestBody?.content['application/json']?.schema;
        cases.push(
          ...apiCases(
            r.method,
            r.url,
            body,
            (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          ),
        );
      }
      const problems: string[] = [];
      const tally = { requests: 0, refused: 0, survived: 0, failed: 0 };
      for (const c of cases) {
        for (const who of ['anonymous', 'every role'] as const) {
          const headers: Record<string, string> = { accept: 'application/json' };
          if (who === 'every role') Object.assign(headers, everyone.bearer);
          const isForm = !c.url.startsWith('/api/');
          if (isForm && who === 'anonymous') Object.assign(headers, { cookie: anonymous.cookie, 'x-csrf-token': anonymous.csrf });
          let payload: string | undefined;
          if (c.form) {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            payload = new URLSearchParams(c.form).toString();
          } else if (c.json !== undefined) {
            headers['content-type'] = 'application/json';
            payload = JSON.stringify(c.json);
          }
          const res = await t.app.inject({ method: c.method as 'POST', url: c.url, headers, ...(payload === undefined ? {} : { payload }) });
          tally.requests++;
          const what = `${c.method} ${c.url.slice(0, 80)} ${c.kind} as ${who}: ${res.statusCode}`;
          if (res.statusCode >= 500) {
            tally.failed++;
            problems.push(`${what} ${res.body.slice(0, 200)}`);
            continue;
          }
          const refused = res.statusCode >= 400;
          if (refused) tally.refused++;
          else tally.survived++;
          if (c.expect === 'refuse' && !refused) problems.push(`${what} (expected a refusal)`);
          const json = String(res.headers['content-type']).startsWith('application/json');
          if (refused && json) {
            const e = (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
            if (typeof e?.code !== 'string' || typeof e.message !== 'string') problems.push(`${what} answered without the error envelope`);
          } else if (refused && !String(res.headers['content-type']).startsWith('text/html')) problems.push(`${what} answered ${res.headers['content-type']}`);
          if (json && res.body.includes(QUOTED_TOO_MUCH)) problems.push(`${what} quotes the input at length`);
        }
      }
      console.log(
        `fuzz (${dialect}): ${tally.requests} requests over ${writes.length} write endpoints: ${tally.refused} refused (4xx), ${tally.survived} accepted (allowed), ${tally.failed} answered 5xx`,
      );
      expect(problems).toEqual([]);
      expect(tally.failed).toBe(0);
    });
  });
}
