import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Mailer } from '../../platform/mail.js';
import { grantableBy, grantInTransaction } from '../../people/index.js';
import { allSeasons, getRegionConfig, type RegionConfig } from '../../region/index.js';
import {
  checkDecisions,
  readRequestQuery,
  roleText,
  type DecidedRequest,
  type DecisionInput,
  type RawRequestQuery,
  type RequestQuery,
  type RequestStatus,
} from './decisions.rules.js';
import { countWaiting, decideRequest, findRequests, listRequests, type RequestListRow } from './requests.store.js';

/**
 * The board's decisions on the roles applications ask for: the list a decider sees (only the roles
 * they may decide) and a batch of grants and declines, all in one transaction with each grant made
 * by the people directory's role-grant code, each decision audited and each applicant mailed.
 */

export interface DecisionDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
}

/** The decider: who they are (for the audit log) and the roles they hold in force. */
export interface Decider extends Actor {
  roles: readonly string[];
}

export interface RoleRequestItem {
  id: string;
  applicationId: string;
  personId: string;
  name: string;
  season: string;
  role: string;
  division: string;
  status: RequestStatus;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

export interface RequestPage {
  items: RoleRequestItem[];
  total: number;
  page: number;
  pageSize: number;
  query: RequestQuery;
}

const itemOf = (r: RequestListRow): RoleRequestItem => ({
  id: r.id,
  applicationId: r.application_id,
  personId: r.person_id,
  name: `${r.first_name} ${r.last_name}`,
  season: r.season_id,
  role: r.role,
  division: r.division,
  status: r.status as RequestStatus,
  requestedAt: r.requested_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  reason: r.reason,
});

/** The roles a decider may decide, as a list for queries. */
export const decidable = (roles: readonly string[]) => [...grantableBy(roles)];

/** One page of the requests of roles the decider may decide: 422 listing every bad filter. */
export async function listRoleRequests(deps: DecisionDeps, roles: readonly string[], raw: RawRequestQuery, regionConfig?: RegionConfig): Promise<RequestPage> {
  const config = regionConfig ?? (await getRegionConfig(deps.db));
  const { query, errors } = readRequestQuery(raw, { seasons: allSeasons(config).map((s) => s.season.id), divisions: config.divisions.map((d) => d.code) });
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  const { rows, total } = await listRequests(deps.db, { ...query, roles: decidable(roles) }, query.page, query.pageSize);
  return { items: rows.map(itemOf), total, page: query.page, pageSize: query.pageSize, query };
}

/** How many requests the decider could decide now. */
export async function waitingCount(db: Db, roles: readonly string[]): Promise<number> {
  return countWaiting(db, decidable(roles));
}

export interface DecisionResult {
  granted: number;
  declined: number;
}

/**
 * Grants and declines a batch of requests, all or nothing: 422 naming each unreadable item or
 * unknown request, 403 naming each role the decider may not decide, 409 naming each request already
 * decided (deciding twice never writes twice). Mails are queued in the same transaction, so they
 * go out only when the decisions are committed.
 */
export async function decideRoleRequests(deps: DecisionDeps, decider: Decider, items: readonly DecisionInput[]): Promise<DecisionResult> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await findRequests(trx, [...new Set(items.map((i) => i.id))]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const found = new Map<string, DecidedRequest>(rows.map((r) => [r.id, { ...r, name: `${r.first_name} ${r.last_name}`, decidedAt: r.decided_at }]));
    const p = checkDecisions(items, found, grantableBy(decider.roles));
    if (p.invalid.length) throw new AppError('VALIDATION', p.invalid.join(' '), { errors: p.invalid });
    if (p.forbidden.length) throw new AppError('FORBIDDEN', p.forbidden.join(' '), { errors: p.forbidden });
    if (p.decided.length) throw new AppError('CONFLICT', p.decided.join(' '), { errors: p.decided });
    const at = deps.clock.now().toISOString();
    const actor: Actor = { id: decider.id, name: decider.name };
    const result: DecisionResult = { granted: 0, declined: 0 };
    for (const it of items) {
      const r = byId.get(it.id)!;
      await decideOne(deps, trx, actor, r, it, at);
      if (it.decision === 'grant') result.granted += 1;
      else result.declined += 1;
    }
    return result;
  });
}

async function decideOne(deps: DecisionDeps, trx: Db, actor: Actor, r: RequestListRow, it: DecisionInput, at: string): Promise<void> {
  const grant = it.decision === 'grant';
  const reason = it.reason?.trim() || null;
  const status = grant ? 'granted' : 'declined';
  if (!(await decideRequest(trx, r.id, { status, at, by: actor.id, reason }))) {
    throw new AppError('CONFLICT', `Request ${r.id} (${r.first_name} ${r.last_name}, ${roleText(r)}) was decided by someone else meanwhile: reload the list.`);
  }
  if (grant) await grantInTransaction(trx, at, actor, { personId: r.person_id, role: r.role, seasonId: r.season_id, division: r.division });
  await recordAudit(trx, {
    actor,
    at,
    action: grant ? 'role-request.grant' : 'role-request.decline',
    entity: 'role-request',
    entityId: r.id,
    before: { status: 'requested' },
    after: { person: r.person_id, season: r.season_id, role: r.role, division: r.division, status, reason },
  });
  if (r.email) await deps.mailer.queue(trx, mailOf(deps, r, grant, reason));
}

function mailOf(deps: DecisionDeps, r: RequestListRow, grant: boolean, reason: string | null) {
  const role = roleText(r);
  const text = grant
    ? `Hello ${r.first_name},\n\nThe board granted the role you applied for: ${role} (${r.season_id}).\n\nSee what you still need to complete at ${deps.baseUrl}/volunteer.\n\nThank you for volunteering!\n`
    : `Hello ${r.first_name},\n\nThe board declined the role you applied for: ${role} (${r.season_id}).${reason ? `\n\nThe reason given: ${reason}` : ''}\n\nIf you have a question, answer the board through the contacts at ${deps.baseUrl}/contact.\n`;
  return { to: r.email!, kind: grant ? 'role-granted' : 'role-declined', subject: grant ? `Role granted: ${role}` : `Role declined: ${role}`, text };
}
