import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { setJerseys } from './jerseys.service.js';

const tags = ['game cards'];
const AUTH = { access: 'authenticated' as const };
const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

/** /api/v1/games/teams/{teamId}/jerseys: a team's jersey numbers for the season. */
export function jerseysApi(app: App, deps: Deps): void {
  app.put(
    '/api/v1/games/teams/:teamId/jerseys',
    {
      config: AUTH,
      schema: {
        tags,
        summary: "Set the team's jersey numbers for the season (the team's coaches, coach administrator)",
        params: Type.Object({ teamId: Type.String() }),
        body: Type.Object({ jerseys: Type.Array(Type.Object({ playerId: Type.String(), jersey: Type.Union([Type.Integer(), Type.Null()]) }), { maxItems: 40 }) }),
        response: { 200: Type.Array(Type.Object({ playerId: Type.String(), name: Type.String(), jersey: Type.Union([Type.Integer(), Type.Null()]) })), ...errors },
      },
    },
    async (req) => setJerseys(deps, req.auth, req.params.teamId, req.body.jerseys),
  );
}
