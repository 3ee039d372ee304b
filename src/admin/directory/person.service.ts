import type { Deps } from '../../platform/feature.js';
import { DIVISION_ROLES, type Role } from '../../platform/roles.js';
import { getRegionConfig, seasonNow } from '../../region/index.js';
import { personCompliance, withCheckResult } from '../../compliance/index.js';
import { teamsCoachedBy } from '../../teams/index.js';
import { trainingOverview } from '../../training/index.js';
import { applicationsOfPerson } from '../../volunteers/index.js';
import { currentBadges, latestPhotos } from '../../badges/index.js';
import { visibleAssessments } from '../../mentoring/index.js';
import { rightsOf, type PersonRights } from './directory.rules.js';
import { grantsOf, personAudit, type AuditLine } from './directory.store.js';
import { livePerson, type DirectoryActor } from './directory.service.js';

/** Everything about one person a board member may see (GET /api/v1/people/{id} and the person page). */

export interface PersonDetail {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  associationId: string | null;
  hasAccount: boolean;
  createdAt: string;
  /** The season the compliance, teams and badge are of ('' when the region has none). */
  season: string;
  roles: { id: string; season: string; role: string; division: string }[];
  /** One per season applied for, newest first; `backgroundCheck` only for the safety director. */
  applications: { season: string; roles: { role: string; division: string }[]; submittedAt: string; signed: boolean; state: string; backgroundCheck?: string }[];
  /** Each division role held in `season`, certified or what is missing. */
  compliance: { role: string; division: string; certified: boolean; missing: { element: number; code: string; message: string }[] }[];
  trainings: { code: string; name: string; state: string; completedOn: string | null; expiresOn: string | null; next: string | null }[];
  teams: { id: string; name: string; division: string; role: string }[];
  badge: { state: 'none' | 'valid' | 'invalid'; issuedAt: string | null; printedAt: string | null; photo: string | null };
  /** Mentoring assessments of this coach: only for those mentoring lets see them (else absent). */
  mentoring?: { id: string; date: string; kind: string; mentorName: string; teamName: string; acknowledged: boolean }[];
  audit: { at: string; actor: string; action: string; before: unknown; after: unknown }[];
  rights: PersonRights;
}

/** What a missing item says to someone who may not see background-check results. */

const parsed = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

const auditOf = (a: AuditLine) => ({ at: a.at, actor: a.actor, action: a.action, before: parsed(a.before), after: parsed(a.after) });

async function complianceOf(deps: Deps, personId: string, season: string, grants: PersonDetail['roles'], checks: boolean): Promise<PersonDetail['compliance']> {
  if (!season) return [];
  const held = grants.filter((g) => (g.season === season || g.season === '') && g.division && DIVISION_ROLES.includes(g.role as Role));
  const seen = new Set<string>();
  const out: PersonDetail['compliance'] = [];
  for (const g of held) {
    const key = `${g.role}\u0000${g.division}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const a = await personCompliance(deps, { personId, seasonId: season, role: g.role, division: g.division });
    const missing = withCheckResult(a.missing, checks);
    out.push({ role: g.role, division: g.division, certified: a.certified, missing });
  }
  return out;
}

/** Where an application stands, without the background check (the safety director's alone). */
function applicationState(a: { signatureName: string | null; adult: boolean }): string {
  if (a.adult && !a.signatureName) return 'submitted, not signed';
  return 'submitted and signed';
}

/** The person page's model; `viewer` decides what is left out (background checks, mentoring). */
export async function personDetail(deps: Deps, viewer: DirectoryActor & { id: string }, id: string): Promise<PersonDetail> {
  const p = await livePerson(deps, id);
  const rights = rightsOf(viewer.roles);
  const config = await getRegionConfig(deps.db);
  const season = seasonNow(config, deps.clock)?.season.id ?? '';
  const roles = (await grantsOf(deps.db, [id])).map((g) => ({ id: g.id, season: g.season, role: g.role, division: g.division }));
  const [apps, compliance, training, teams, badges, photos, audit] = await Promise.all([
    applicationsOfPerson(deps.db, id),
    complianceOf(deps, id, season, roles, rights.backgroundCheck),
    trainingOverview(deps, id),
    season ? teamsCoachedBy(deps.db, id, season) : Promise.resolve([]),
    season ? currentBadges(deps.db, season, id) : Promise.resolve(new Map()),
    latestPhotos(deps.db, [id]),
    personAudit(deps.db, id, 50),
  ]);
  const badge = badges.get(id);
  const detail: PersonDetail = {
    id,
    firstName: p.first_name,
    lastName: p.last_name,
    email: p.email,
    phone: p.phone,
    associationId: p.association_id,
    hasAccount: p.password_hash !== null,
    createdAt: p.created_at,
    season,
    roles,
    applications: apps
      .map((a) => ({
        season: a.season,
        roles: a.roles.map((r) => ({ role: r.role, division: r.division })),
        submittedAt: a.submittedAt,
        signed: !!a.signatureName,
        state: applicationState(a),
        ...(rights.backgroundCheck ? { backgroundCheck: a.backgroundCheck } : {}),
      }))
      .sort((a, b) => b.season.localeCompare(a.season)),
    compliance,
    trainings: training.lines.map((l) => ({ code: l.code, name: l.name, state: l.state, completedOn: l.status.completedOn, expiresOn: l.status.expiresOn, next: l.next })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, division: t.division, role: t.role })),
    badge: {
      state: badge ? (badge.invalidSince ? 'invalid' : 'valid') : 'none',
      issuedAt: badge?.issuedAt ?? null,
      printedAt: badge?.printedAt ?? null,
      photo: photos.get(id)?.status ?? null,
    },
    audit: audit.map(auditOf),
    rights,
  };
  if (rights.mentoring) {
    const list = await visibleAssessments(deps, { personId: viewer.id ?? '', roles: viewer.roles }, { coachId: id });
    detail.mentoring = list.map((a) => ({ id: a.id, date: a.date, kind: a.kind, mentorName: a.mentorName, teamName: a.teamName, acknowledged: a.acknowledgedAt !== null }));
  }
  return detail;
}
