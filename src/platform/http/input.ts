/**
 * The input guard: every request's body, query and path values are checked once, before schema
 * validation and before any route sees them, so that no input can hurt the database, the answer or
 * the event loop.
 *
 * - Nesting deeper than INPUT_LIMITS.depth answers 400 BAD_REQUEST.
 * - A control character (below U+0020 except tab and line feed) answers 422 VALIDATION naming the
 *   field: PostgreSQL refuses U+0000 in text, and none of them belongs in a name, a note or an id.
 *   A carriage return before a line feed is the line break a textarea posts (browsers send CRLF), so
 *   CRLF in a body becomes LF (in forms and in JSON, whose clients may paste Windows text) instead of
 *   being refused; a carriage return alone is refused.
 * - A text longer than its field's maxLength in the route's schema, or than INPUT_LIMITS.text where
 *   the schema declares none, answers 422 naming the field and the limit; so do arrays and objects
 *   with more items than declared (or INPUT_LIMITS.items). The check comes before any heavy work:
 *   a 10 MB value never reaches a service, a template or a regular expression.
 * - In /api/, a body property the route's schema does not declare answers 422 naming it, so nothing
 *   a client adds is ever stored; form posts keep ignoring fields they do not read, and so does a
 *   route that declares no body (it reads none).
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { App } from '../feature.js';
import { clipped } from '../quote.js';

export const INPUT_LIMITS = {
  /** Characters of a text, query or path value whose schema declares no maxLength. */
  text: 10_000,
  /** Items of an array (unless its schema declares maxItems) and properties of an object. */
  items: 5_000,
  /** Characters of a property name. */
  key: 200,
  /** Objects and arrays within each other. */
  depth: 32,
  /** Bytes of a JSON or form body; uploads (multipart) have their own per-route limits. */
  bodyBytes: 1024 * 1024,
};

type Part = 'body' | 'querystring' | 'params';
interface Schema {
  maxLength?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema | Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

const CONTROL = /[\u0000-\u0008\u000B-\u001F]/;
/** A query value that is a place to return to: safeNext falls back to the home page for anything odd. */
const FALLBACK_QUERY = new Set(['next']);

function refuse(part: Part, field: string, problem: string): never {
  throw new AppError('VALIDATION', `Some values are not valid (${part}): ${clipped(field || part)}: ${problem}.`, { field: field || part });
}

/** The schema and its alternatives (anyOf, oneOf, allOf), flattened. */
function branches(s: Schema | undefined): Schema[] {
  if (!s) return [];
  const alts = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  return [s, ...alts.flatMap(branches)];
}

function declared(s: Schema | undefined, key: 'maxLength' | 'maxItems'): number | undefined {
  const found = branches(s)
    .map((b) => b[key])
    .filter((n): n is number => typeof n === 'number');
  return found.length ? Math.max(...found) : undefined;
}

function childSchema(s: Schema | undefined, key: string | number): Schema | undefined {
  const found: Schema[] = [];
  for (const b of branches(s)) {
    if (typeof key === 'number') {
      if (b.items) found.push(...[b.items].flat());
      continue;
    }
    const own = b.properties?.[key] ?? Object.values(b.patternProperties ?? {})[0] ?? (typeof b.additionalProperties === 'object' ? b.additionalProperties : undefined);
    if (own) found.push(own);
  }
  return found.length > 1 ? { anyOf: found } : found[0];
}

/** The property names an object schema allows; null when it allows any (records, open objects, no schema). */
function knownKeys(s: Schema | undefined): Set<string> | null {
  const objects = branches(s).filter((b) => b.properties || b.patternProperties || b.additionalProperties !== undefined);
  if (!objects.length || objects.some((b) => b.patternProperties || (b.additionalProperties !== undefined && b.additionalProperties !== false))) return null;
  return new Set(objects.flatMap((b) => Object.keys(b.properties ?? {})));
}

interface Walk {
  part: Part;
  /** Refuse properties the schema does not declare (the API's bodies). */
  closed: boolean;
  /** Turn CRLF into LF (bodies). */
  lineBreaks: boolean;
}

/** Checks one text value and answers it normalised. */
export function checkText(value: string, field: string, part: Part = 'body', maxLength = INPUT_LIMITS.text, lineBreaks = true): string {
  if (value.length > maxLength) refuse(part, field, `at most ${maxLength} characters (this has ${value.length})`);
  const text = lineBreaks && value.includes('\r\n') ? value.replaceAll('\r\n', '\n') : value;
  const bad = CONTROL.exec(text);
  if (bad) refuse(part, field, `contains the control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; remove it`);
  return text;
}

function walk(value: unknown, schema: Schema | undefined, path: string, depth: number, w: Walk): unknown {
  if (typeof value === 'string') return checkText(value, path, w.part, declared(schema, 'maxLength') ?? INPUT_LIMITS.text, w.lineBreaks);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= INPUT_LIMITS.depth) throw new AppError('BAD_REQUEST', `The ${w.part} nests objects and lists more than ${INPUT_LIMITS.depth} levels deep: send flatter data.`);
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (Array.isArray(value)) {
    const max = declared(schema, 'maxItems') ?? INPUT_LIMITS.items;
    if (value.length > max) refuse(w.part, path, `at most ${max} items (this has ${value.length})`);
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i], childSchema(schema, i), at(i), depth + 1, w);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > INPUT_LIMITS.items) refuse(w.part, path, `at most ${INPUT_LIMITS.items} properties (this has ${keys.length})`);
  const known = w.closed ? knownKeys(schema) : null;
  for (const k of keys) {
    checkText(k, at(k), w.part, INPUT_LIMITS.key, false);
    if (known && !known.has(k)) refuse(w.part, at(k), `is not a field of this request (${known.size ? `the fields are ${[...known].join(', ')}` : 'it takes none'}); remove it`);
    if (w.part === 'querystring' && FALLBACK_QUERY.has(k)) continue;
    record[k] = walk(record[k], childSchema(schema, k), at(k), depth + 1, w);
  }
  return value;
}

/** Guards one request (see the module comment); throws the refusal. */
export function guardInput(req: FastifyRequest): void {
  const schema = (req.routeOptions.schema ?? {}) as { body?: Schema; querystring?: Schema; params?: Schema };
  const api = req.url.startsWith('/api/');
  if (req.params) walk(req.params, schema.params, '', 0, { part: 'params', closed: false, lineBreaks: false });
  if (req.query) walk(req.query, schema.querystring, '', 0, { part: 'querystring', closed: false, lineBreaks: false });
  if (req.body === undefined || req.body === null) return;
  // A route without a body schema reads no body: what is sent to it is checked but otherwise ignored.
  req.body = walk(req.body, schema.body, '', 0, { part: 'body', closed: api && !!schema.body, lineBreaks: true });
}

/** Installs the guard for every route (after access and CSRF, before schema validation). */
export function installInputGuard(app: App): void {
  app.addHook('preValidation', async (req) => guardInput(req));
}
