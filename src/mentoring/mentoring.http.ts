import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/feature.js';
import type { Viewer } from './mentoring.access.js';

/** Helpers every mentoring route file uses: the viewer of a request, hidden pages, links to team pages. */

/** Pages are left out of the API description. */
export const hidden = { hide: true };

export function viewerOf(req: FastifyRequest): Viewer & { name: string } {
  const a = req.auth!;
  return { personId: a.personId, name: a.name, roles: [...new Set(a.roles.map((r) => r.role))] };
}

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
