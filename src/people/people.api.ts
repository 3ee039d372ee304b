import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { AppError } from '../platform/errors.js';
import type { FastifyReply } from 'fastify';
import { accountDeps, checkCredentials, createApiToken, revokeApiToken } from './accounts.service.js';
import { changePassword, loadProfile } from './profile.service.js';
import { TEXT_LIMITS } from '../platform/text-limits.js';

const TokenRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  created_at: Type.String(),
  last_used_at: Type.Union([Type.String(), Type.Null()]),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});

/**
 * Runs a login; when it is refused as RATE_LIMITED, the answer carries `Retry-After` (seconds) as
 * well as the message saying how long to wait. Used by the login form and POST /api/v1/session.
 */
export async function withRetryAfter<T>(reply: FastifyReply, login: () => Promise<T>): Promise<T> {
  try {
    return await login();
  } catch (e) {
    const seconds = e instanceof AppError && e.code === 'RATE_LIMITED' ? (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
    if (seconds !== undefined) reply.header('retry-after', String(seconds));
    throw e;
  }
}

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
        description:
          'Throttled per account and address (README, "Login throttling"): past the limit the answer is 429 RATE_LIMITED with a `Retry-After` header (seconds) and `error.details.retryAfterSeconds`; the attempt is then not checked at all.',
        security: [],
        body: Type.Object({ email: Type.String({ maxLength: TEXT_LIMITS.email }), password: Type.String() }),
        response: { 201: Type.Object({ token: Type.String() }), 401: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (req, reply) => {
      const person = await withRetryAfter(reply, () => checkCredentials(acc, req.body.email, req.body.password, req.ip));
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
  app.put(
    '/api/v1/me/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['accounts'],
        summary: 'Change your password: your other sessions end; your API tokens are revoked when you say so',
        description:
          'Every browser session of yours ends but the one making the change (none when called with a token). `revokeTokens` must be given: true revokes every API token of yours, the one making this call included; false keeps them. 401 BAD_CREDENTIALS when `current` is not your password, 422 VALIDATION for a new password under 10 characters.',
        body: Type.Object({
          current: Type.String({ maxLength: 200 }),
          password: Type.String({ maxLength: 200 }),
          revokeTokens: Type.Boolean({ description: 'also revoke every API token of yours (required: say true or false)' }),
        }),
        response: { 200: Type.Object({ sessionsEnded: Type.Integer(), tokensRevoked: Type.Integer() }), 401: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) =>
      changePassword(acc, req.auth!.personId, { current: req.body.current, password: req.body.password, revokeTokens: req.body.revokeTokens, keepSession: req.auth!.sessionHash }),
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
