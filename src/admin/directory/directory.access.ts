import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/http/forms.js';
import type { Role } from '../../platform/roles.js';
import type { DirectoryActor } from './directory.service.js';

/** Who may use the directory: the board. Coaches, volunteers and everyone else get 403. */
export const DIRECTORY = ['registrar', 'coach-administrator', 'safety-director', 'region-administrator'] as const satisfies readonly Role[];
/** Who edits contact details and association ids. */
export const EDITORS = ['registrar', 'region-administrator'] as const satisfies readonly Role[];
/** Who grants and removes roles (which ones: GRANTABLE in directory.rules.ts). */
export const GRANTERS = ['registrar', 'coach-administrator', 'region-administrator'] as const satisfies readonly Role[];

/** The person making the request, with the roles they hold in force. */
export function directoryActor(req: FastifyRequest): DirectoryActor & { id: string } {
  return { ...actorOf(req), id: req.auth!.personId, roles: [...new Set(req.auth!.roles.map((r) => r.role))] };
}
