import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { accountDeps, checkCredentials, createApiToken, revokeApiToken } from './accounts.service.js';
import { loadProfile } from './profile.service.js';

const TokenRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  created_at: Type.String(),
  last_used_at: Type.Union([Type.String(), Type.Null()]),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});

/** /api/v1 for accounts: log in for a token, who am I, my tokens. */
export function peopleApi(app: App, deps: Deps): void {
  const acc = accountDeps(deps);
  app.post(
    '/api/v1/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Log in: answers a bearer token for the Authorization header',
        security: [],
        body: Type.Object({ email: Type.String(), password: Type.String() }),
        response: { 201: Type.Object({ token: Type.String() }), 401: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (req, reply) => {
      const person = await checkCredentials(acc, req.body.email, req.body.password, req.ip);
      const { token } = await createApiToken(acc, person.id, 'API session');
      return reply.code(201).send({ token });
    },
  );
  app.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['accounts'],
        summary: 'The person the token belongs to, with every role they hold',
        response: {
          200: Type.Object({
            id: Type.String(),
            firstName: Type.String(),
            lastName: Type.String(),
            email: Type.Union([Type.String(), Type.Null()]),
            roles: Type.Array(Type.Object({ role: Type.String(), season: Type.String(), division: Type.String() })),
          }),
        },
      },
    },
    async (req) => {
      const p = await loadProfile(acc, req.auth!.personId);
      return { id: p.person.id, firstName: p.person.firstName, lastName: p.person.lastName, email: p.person.email, roles: p.roles };
    },
  );
  app.get(
    '/api/v1/me/tokens',
    { config: { access: 'authenticated' }, schema: { tags: ['accounts'], summary: 'Your API tokens (never their secrets)', response: { 200: Type.Array(TokenRow) } } },
    async (req) => (await loadProfile(acc, req.auth!.personId)).tokens,
  );
  app.post(
    '/api/v1/me/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['accounts'],
        summary: 'Create a token; the secret is answered once',
        body: Type.Object({ name: Type.String({ maxLength: 80 }) }),
        response: { 201: Type.Object({ id: Type.String(), token: Type.String() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiToken(acc, req.auth!.personId, req.body.name)),
  );
  app.delete(
    '/api/v1/me/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['accounts'], summary: 'Revoke one of your tokens', params: Type.Object({ id: Type.String() }), response: { 204: Type.Null(), 404: ErrorSchema } },
    },
    async (req, reply) => {
      await revokeApiToken(acc, req.auth!.personId, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
