import { recordAudit, type Actor } from '../../platform/audit.js';
import { newId } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/feature.js';
import { inTransaction, isUniqueViolation } from '../../platform/db/transactions.js';
import { allSeasons, getRegionConfig, seasonNow, type RegionConfig } from '../../region/index.js';
import { countPeopleWithRole, findPersonRow, findPersonRowByEmail, insertGrants, updatePerson } from '../../people/index.js';
import { dashboard } from '../../compliance/index.js';
import { findTeam, staffOf } from '../../teams/index.js';
import {
  checkPatch,
  grantableBy,
  pageOf,
  planRoles,
  readQuery,
  selectPeople,
  type Candidate,
  type ContactPatch,
  type DirectoryQuery,
  type RawQuery,
  type RoleEntry,
} from './directory.rules.js';
import { deleteGrants, grantsOf, holderOfAssociationId, holders, listCandidates, seasonGrants, type GrantLine } from './directory.store.js';

/** The people directory's use cases: search (a page, or every match for the CSV), change contact details, set a season's roles. */

export interface DirectoryItem {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  associationId: string | null;
  roles: { season: string; role: string; division: string }[];
}

export interface DirectoryResult {
  query: DirectoryQuery;
  items: DirectoryItem[];
  total: number;
  /** The season whose compliance the missing filter read ('' without that filter). */
  missingSeason: string;
}

/** Someone acting in the directory: who, and the roles they hold in force. */
export interface DirectoryActor extends Actor {
  roles: readonly string[];
}

const seasonIds = (config: RegionConfig) => allSeasons(config).map((s) => s.season.id);

function intersect(a: Set<string> | null, b: Set<string>): Set<string> {
  return a ? new Set([...a].filter((id) => b.has(id))) : b;
}

/** The people the role, division, season, team and missing filters allow; null when none is set. */
async function allowedPeople(deps: Deps, config: RegionConfig, q: DirectoryQuery): Promise<{ only: Set<string> | null; missingSeason: string }> {
  let only: Set<string> | null = null;
  if (q.role || q.division || q.season) only = intersect(only, await holders(deps.db, { role: q.role, division: q.division, season: q.season }));
  if (q.team) {
    const team = await findTeam(deps.db, q.team);
    if (!team) throw new AppError('VALIDATION', `There is no team "${q.team.slice(0, 40)}": pick one from the list of teams.`);
    const staff = (await staffOf(deps.db, [team.id])).get(team.id) ?? [];
    only = intersect(only, new Set(staff.map((s) => s.personId)));
  }
  let missingSeason = '';
  if (q.missing) {
    missingSeason = q.season || seasonNow(config, deps.clock)?.season.id || '';
    const rows = (await dashboard(deps, { season: missingSeason, element: String(q.missing) }, config)).rows;
    only = intersect(only, new Set(rows.map((r) => r.personId)));
  }
  return { only, missingSeason };
}

/**
 * GET /api/v1/people and the directory page: every match of the search and filters, in the
 * directory's order, one page of them (or all of them, for the CSV) with their roles.
 */
export async function searchPeople(deps: Deps, raw: RawQuery, opts: { all?: boolean } = {}): Promise<DirectoryResult> {
  const config = await getRegionConfig(deps.db);
  const { query, errors } = readQuery(raw, { seasons: seasonIds(config), divisions: config.divisions.map((d) => d.code) });
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  const { only, missingSeason } = await allowedPeople(deps, config, query);
  const matches = selectPeople(await listCandidates(deps.db), query, only);
  const shown: Candidate[] = opts.all ? matches : pageOf(matches, query.page, query.pageSize);
  const grants = await grantsOf(
    deps.db,
    shown.map((c) => c.id),
    query.season,
  );
  const byPerson = new Map<string, GrantLine[]>();
  for (const g of grants) byPerson.set(g.personId, [...(byPerson.get(g.personId) ?? []), g]);
  const items = shown.map((c) => ({
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    associationId: c.associationId,
    roles: (byPerson.get(c.id) ?? []).map((g) => ({ season: g.season, role: g.role, division: g.division })),
  }));
  return { query, items, total: matches.length, missingSeason };
}

/** A live person's row, or 404 (a merged account names the one it went into). */
export async function livePerson(deps: Pick<Deps, 'db'>, id: string) {
  const p = await findPersonRow(deps.db, id);
  if (!p) throw new AppError('NOT_FOUND', 'There is no person with that id.');
  if (p.merged_into) throw new AppError('NOT_FOUND', `That account was merged into account ${p.merged_into}: open that one.`, { mergedInto: p.merged_into });
  return p;
}

const contactOf = (p: { first_name: string; last_name: string; email: string | null; phone: string | null; association_id: string | null }) => ({
  firstName: p.first_name,
  lastName: p.last_name,
  email: p.email,
  phone: p.phone,
  associationId: p.association_id,
});

/** PATCH /api/v1/people/{id}: contact details and the association id; 409 when another account holds the email or id; audited. */
export async function patchPerson(deps: Deps, actor: Actor, id: string, input: ContactPatch): Promise<ReturnType<typeof contactOf> & { id: string }> {
  const current = await livePerson(deps, id);
  const { patch, errors } = checkPatch(input, current.password_hash !== null);
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  if (patch.email) {
    const other = await findPersonRowByEmail(deps.db, patch.email);
    if (other && other.id !== id) throw new AppError('EMAIL_TAKEN', `Another account already uses ${patch.email}: merge the two accounts, or write another address.`);
  }
  if (patch.associationId) {
    const other = await holderOfAssociationId(deps.db, patch.associationId);
    if (other && other !== id) throw new AppError('CONFLICT', `Another account already holds association id ${patch.associationId}: merge the two accounts, or check the id.`);
  }
  const columns = {
    ...(patch.firstName !== undefined ? { first_name: patch.firstName } : {}),
    ...(patch.lastName !== undefined ? { last_name: patch.lastName } : {}),
    ...(patch.email !== undefined ? { email: patch.email } : {}),
    ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
    ...(patch.associationId !== undefined ? { association_id: patch.associationId } : {}),
  };
  const before = contactOf(current);
  const after = contactOf({ ...current, ...columns });
  const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
  if (changed.length) {
    const at = deps.clock.now().toISOString();
    try {
      await inTransaction(deps.db, async (trx) => {
        await updatePerson(trx, id, { ...columns, updated_at: at });
        await recordAudit(trx, {
          actor,
          at,
          action: 'person.update',
          entity: 'person',
          entityId: id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'Another account took that email or association id just now: reload the person and check.');
      throw e;
    }
  }
  return { id, ...after };
}

/**
 * PUT /api/v1/people/{id}/roles: the person's roles of one season ('' for standing roles) become
 * exactly `roles`. Only roles the actor may grant are added or removed (403 otherwise); the last
 * region administrator stays (409); each grant and removal is audited. Answers the season's roles.
 */
export async function setSeasonRoles(deps: Deps, actor: DirectoryActor, personId: string, season: string, roles: readonly RoleEntry[]): Promise<GrantLine[]> {
  await livePerson(deps, personId);
  const config = await getRegionConfig(deps.db);
  const seasons = seasonIds(config);
  if (season && !seasons.includes(season))
    throw new AppError('VALIDATION', `There is no season "${season.slice(0, 40)}": use one of ${seasons.join(', ')}, or "" for standing roles.`);
  const divisions = config.divisions.map((d) => d.code);
  const may = grantableBy(actor.roles);
  return inTransaction(deps.db, async (trx) => {
    const plan = planRoles(await seasonGrants(trx, personId, season), roles, divisions, may);
    if (plan.errors.length) throw new AppError('VALIDATION', plan.errors.join(' '), { errors: plan.errors });
    if (plan.forbidden.length) throw new AppError('FORBIDDEN', plan.forbidden.join(' '), { errors: plan.forbidden });
    const at = deps.clock.now().toISOString();
    const removedAdmins = plan.remove.filter((g) => g.role === 'region-administrator').length;
    if (removedAdmins && (await countPeopleWithRole(trx, 'region-administrator')) - removedAdmins < 1)
      throw new AppError('CONFLICT', 'This is the last region administrator. Make someone else administrator first.');
    await deleteGrants(
      trx,
      plan.remove.map((g) => g.id),
    );
    if (plan.add.length)
      await insertGrants(
        trx,
        plan.add.map((e) => ({ id: newId(), person_id: personId, role: e.role, season_id: season, division: e.division, granted_at: at, granted_by: actor.id })),
      );
    for (const g of plan.remove)
      await recordAudit(trx, { actor, at, action: 'role.revoke', entity: 'person', entityId: personId, before: { role: g.role, season, division: g.division } });
    for (const e of plan.add)
      await recordAudit(trx, { actor, at, action: 'role.grant', entity: 'person', entityId: personId, after: { role: e.role, season, division: e.division } });
    return seasonGrants(trx, personId, season);
  });
}

/** The person page's "Give role": the season's roles plus this one. */
export async function giveRole(deps: Deps, actor: DirectoryActor, personId: string, season: string, entry: RoleEntry): Promise<void> {
  const held = await seasonGrants(deps.db, personId, season);
  if (held.some((g) => g.role === entry.role && g.division === entry.division)) throw new AppError('CONFLICT', 'This person already holds that role.');
  await setSeasonRoles(deps, actor, personId, season, [...held, entry]);
}

/** The person page's "Remove": the grant's season's roles without it. */
export async function removeRole(deps: Deps, actor: DirectoryActor, personId: string, grantId: string): Promise<void> {
  const g = (await grantsOf(deps.db, [personId])).find((r) => r.id === grantId);
  if (!g) throw new AppError('NOT_FOUND', 'That role is no longer held: reload the page.');
  const held = await seasonGrants(deps.db, personId, g.season);
  await setSeasonRoles(
    deps,
    actor,
    personId,
    g.season,
    held.filter((h) => h.id !== grantId),
  );
}
