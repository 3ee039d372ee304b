/** GET /api/v1/me/children: a parent's or guardian's children this season and their teams. */
import type { App, Deps } from '../platform/feature.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { ChildrenSchema, type ChildJson } from './families.schemas.js';
import { familyView, type ChildView } from './families.service.js';

/** The API's answer: exactly the documented fields (no feed, teammates or notices, no address anywhere). */
export const childJson = (c: ChildView): ChildJson => ({
  playerId: c.playerId,
  firstName: c.firstName,
  lastName: c.lastName,
  division: c.division,
  team: c.team ? { id: c.team.id, name: c.team.name, coaches: c.team.coaches.map((k) => ({ name: k.name })), practices: c.team.practices, games: c.team.games } : null,
});

export function familiesApi(app: App, deps: Deps) {
  app.get(
    '/api/v1/me/children',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['families'],
        summary: "The asker's children this season, with their teams",
        description:
          "Every player registered in the current season whose registration names the asker as parent or guardian (the account's email, matched without regard to case). A child not yet on a published team has team null. Coaches are given by name only; write to them through the family page.",
        response: { 200: ChildrenSchema, 401: ErrorSchema },
      },
    },
    async (req) => {
      const view = await familyView(deps, await req.regionConfig(), req.auth!);
      return view.children.map(childJson);
    },
  );
}
