import { isRole, ROLE_LABELS, type Role } from '../../platform/roles.js';
import { GRANTABLE } from '../../people/grants.rules.js';

/**
 * The board's decisions on the roles applications ask for (issue 17, point 5). A role waits for
 * the board ("requested") unless the region grants it at once; the coach administrator decides the
 * coaching roles, the registrar the others, the region administrator all (GRANTABLE, the people
 * directory's table). Pure: no database, no clock.
 */

/** Granted at once when the region says nothing: youth volunteers and field helpers. Coach roles never. */
export const DEFAULT_GRANT_AT_ONCE: readonly Role[] = ['youth-volunteer', 'field-helper'];

/** The roles an application gets without the board's decision, as the region sets them. */
export function grantAtOnce(config: { applications?: { grantAtOnce: readonly string[] } }): Set<string> {
  return new Set(config.applications?.grantAtOnce ?? DEFAULT_GRANT_AT_ONCE);
}

export type RequestStatus = 'requested' | 'granted' | 'declined';
export const STATUSES: readonly RequestStatus[] = ['requested', 'granted', 'declined'];

export interface RoleInDivision {
  role: string;
  division: string;
}

/** A request as its applicant sees it. */
export interface RequestState extends RoleInDivision {
  status: string;
  reason: string | null;
}

export interface ExistingRequest extends RoleInDivision {
  id: string;
  status: string;
}

export interface RequestPlan {
  /** New requests, each granted at once (the region's setting, or a role the person already holds) or waiting. */
  add: (RoleInDivision & { status: 'requested' | 'granted' })[];
  /** Requests of roles the application no longer asks for. */
  remove: ExistingRequest[];
}

const same = (a: RoleInDivision, b: RoleInDivision) => a.role === b.role && a.division === b.division;

/**
 * What a (re)submitted application changes in its requests: roles kept keep their request and its
 * decision (a declined role asked again stays declined), roles dropped lose theirs, new roles are
 * requested, or granted at once when the region says so or the person already holds the role.
 */
export function planRequests(
  existing: readonly ExistingRequest[],
  asked: readonly RoleInDivision[],
  atOnce: ReadonlySet<string>,
  holds: (r: RoleInDivision) => boolean,
): RequestPlan {
  const add = asked
    .filter((r) => !existing.some((e) => same(e, r)))
    .map((r) => ({ role: r.role, division: r.division, status: atOnce.has(r.role) || holds(r) ? ('granted' as const) : ('requested' as const) }));
  return { add, remove: existing.filter((e) => !asked.some((r) => same(e, r))) };
}

/** The board role that decides a role (besides the region administrator), for messages. */
export function deciderOf(role: string): string {
  const by = (Object.entries(GRANTABLE) as [Role, readonly Role[]][]).find(([board, roles]) => board !== 'region-administrator' && roles.includes(role as Role));
  return by ? ROLE_LABELS[by[0]].toLowerCase() : 'region administrator';
}

export const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);
export const roleText = (r: RoleInDivision) => (r.division ? `${roleLabel(r.role)} ${r.division}` : roleLabel(r.role));

export const MAX_DECISIONS = 200;
export const MAX_REASON = 500;

export interface DecisionInput {
  id: string;
  decision: string;
  reason?: string | null;
}

export interface DecidedRequest extends RoleInDivision {
  id: string;
  status: string;
  name: string;
  decidedAt: string | null;
}

export interface DecisionProblems {
  /** 422: items that cannot be read or name no request. */
  invalid: string[];
  /** 403: requests of roles the decider may not decide (each names the role). */
  forbidden: string[];
  /** 409: requests already decided (each names the request). */
  decided: string[];
}

const cut = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Checks a batch of decisions against the requests found and the roles the decider may decide.
 * The batch is all-or-nothing: any problem refuses it whole, every problem listed.
 */
export function checkDecisions(items: readonly DecisionInput[], found: ReadonlyMap<string, DecidedRequest>, may: ReadonlySet<string>): DecisionProblems {
  const p: DecisionProblems = { invalid: [], forbidden: [], decided: [] };
  if (items.length === 0) p.invalid.push('Choose at least one request to grant or decline.');
  if (items.length > MAX_DECISIONS) p.invalid.push(`Decide at most ${MAX_DECISIONS} requests at once (got ${items.length}).`);
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const at = `decisions[${i}]`;
    if (it.decision !== 'grant' && it.decision !== 'decline') p.invalid.push(`${at}: the decision must be "grant" or "decline" (got "${cut(String(it.decision))}").`);
    if ((it.reason ?? '').length > MAX_REASON) p.invalid.push(`${at}: write a reason of at most ${MAX_REASON} characters.`);
    if (seen.has(it.id)) p.invalid.push(`${at}: request "${cut(it.id)}" appears twice: decide each request once.`);
    seen.add(it.id);
    const r = found.get(it.id);
    if (!r) {
      p.invalid.push(`${at}: there is no role request "${cut(it.id)}": reload the list.`);
      return;
    }
    if (!may.has(r.role)) p.forbidden.push(`${at}: you may not decide ${roleLabel(r.role)} requests (${r.name}): the ${deciderOf(r.role)} does.`);
    else if (r.status !== 'requested')
      p.decided.push(`Request ${r.id} (${r.name}, ${roleText(r)}) was already ${r.status}${r.decidedAt ? ` on ${r.decidedAt.slice(0, 10)}` : ''}.`);
  });
  return p;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface RequestQuery {
  season: string;
  status: RequestStatus | '';
  role: string;
  division: string;
  page: number;
  pageSize: number;
}

export type RawRequestQuery = Partial<Record<keyof RequestQuery, string | undefined>>;

function whole(text: string | undefined, name: string, max: number, fallback: number, errors: string[]): number {
  const t = (text ?? '').trim();
  if (t === '') return fallback;
  const n = /^\d{1,6}$/.test(t) ? Number(t) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    errors.push(`${name} must be a whole number from 1 to ${max} (got "${cut(t)}").`);
    return fallback;
  }
  return n;
}

/** Reads the list's filters and paging (status defaults to the requests waiting); every problem listed. */
export function readRequestQuery(raw: RawRequestQuery, known: { seasons: readonly string[]; divisions: readonly string[] }): { query: RequestQuery; errors: string[] } {
  const errors: string[] = [];
  const season = (raw.season ?? '').trim();
  if (season && !known.seasons.includes(season)) errors.push(`There is no season "${cut(season)}": use one of ${known.seasons.join(', ')}.`);
  const status = (raw.status ?? 'requested').trim();
  if (status && !(STATUSES as readonly string[]).includes(status)) errors.push(`status must be one of ${STATUSES.join(', ')} (got "${cut(status)}").`);
  const role = (raw.role ?? '').trim();
  if (role && !isRole(role)) errors.push(`"${cut(role)}" is not a role.`);
  const division = (raw.division ?? '').trim();
  if (division && !known.divisions.includes(division)) errors.push(`There is no division "${cut(division)}": use one of ${known.divisions.join(', ')}.`);
  const page = whole(raw.page, 'page', 100000, 1, errors);
  const pageSize = whole(raw.pageSize, 'pageSize', MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors);
  return { query: { season, status: status as RequestStatus | '', role, division, page, pageSize }, errors };
}

/** What the page's form sends: a one-by-one button ("grant:ID"), or a batch action over the checked ids. */
export interface DecisionForm {
  one: string;
  action: string;
  ids: readonly string[];
  /** The batch reason. */
  reason: string;
  /** Each row's reason by request id. */
  reasons: Readonly<Record<string, string>>;
}

/** The decisions a submitted page form asks for; a row's own reason wins over the batch reason. */
export function decisionsOfForm(f: DecisionForm): DecisionInput[] {
  const reasonOf = (id: string, batch: string) => (f.reasons[id] ?? '').trim() || batch.trim() || undefined;
  if (f.one) {
    const i = f.one.indexOf(':');
    const id = i < 0 ? '' : f.one.slice(i + 1);
    return [{ id, decision: i < 0 ? f.one : f.one.slice(0, i), reason: reasonOf(id, '') }];
  }
  return f.ids.map((id) => ({ id, decision: f.action, reason: reasonOf(id, f.reason) }));
}
