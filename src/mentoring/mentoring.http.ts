import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/feature.js';
import type { Role } from '../platform/roles.js';
import type { Viewer } from './assessments.rules.js';

/** Who may use which mentoring route (the service narrows assessments further: see canSeeAssessment). */
export const COACHES = ['head-coach', 'assistant-coach'] as const satisfies readonly Role[];
export const MENTORS = ['mentor'] as const satisfies readonly Role[];
/** Sessions' rosters and the coverage table: mentors and the coach administrator. */
export const STAFF = ['mentor', 'coach-administrator'] as const satisfies readonly Role[];
/** Everyone mentoring concerns. */
export const ANYONE = ['head-coach', 'assistant-coach', 'mentor', 'coach-administrator'] as const satisfies readonly Role[];

export const hidden = { hide: true };

export function viewerOf(req: FastifyRequest): Viewer & { name: string } {
  const a = req.auth!;
  return { personId: a.personId, name: a.name, roles: [...new Set(a.roles.map((r) => r.role))] };
}

export const holds = (v: Viewer, roles: readonly string[]) => v.roles.some((r) => roles.includes(r));

/**
 * Links to other capabilities' team pages, only when those pages exist in this build (practice
 * schedules and games are other capabilities; mentoring must not link to a 404).
 */
export function teamLinks(app: App, teamId: string): { href: string; label: string }[] {
  const has = (url: string) => app.routeTable.some((r) => r.method === 'GET' && r.url === url);
  const links: { href: string; label: string }[] = [];
  if (has('/practice/teams/:id')) links.push({ href: `/practice/teams/${encodeURIComponent(teamId)}`, label: 'Practice schedule' });
  for (const url of ['/games/teams/:id', '/gamecards/teams/:id']) {
    if (has(url)) links.push({ href: url.replace(':id', encodeURIComponent(teamId)), label: 'Games' });
  }
  return links.slice(0, 2);
}
