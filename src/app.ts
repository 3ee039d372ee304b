import { join } from 'node:path';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import compress from '@fastify/compress';
import csrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App, Deps, Feature } from './platform/feature.js';
import { sharedSecret } from './platform/secrets.js';
import { installAccessControl, requireAccessDeclarations } from './platform/http/security.js';
import { installSecurityHeaders } from './platform/http/headers.js';
import { classify, sendError } from './platform/http/errors.js';
import { setNavigation } from './platform/http/pages.js';
import { AppError } from './platform/errors.js';
import { features } from './features.js';
import { setFeatures } from './platform/registry.js';
import { accountDeps, authenticateBearer, authenticateSession } from './people/index.js';
import { installRegionConfig, useRegionConfig } from './region/index.js';
import { projectRoot } from './platform/paths.js';

const here = (p: string) => join(projectRoot(), p);

export interface BuildOptions {
  logger?: boolean | object;
  /** Features to register (all by default); tests may pass a subset. */
  features?: Feature[];
}

/** Builds the whole application on the given dependencies; never listens (main.ts does). */
export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 12 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const routeTable = requireAccessDeclarations(app);
  app.decorate('routeTable', routeTable);
  await app.register(cookie, { secret: await sharedSecret(deps.db) });
  await app.register(formbody);
  await app.register(csrf, { cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: deps.config.secureCookies } });
  installSecurityHeaders(app);
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { 1: 4 } } as never });
  await app.register(fastifyStatic, { root: [here('public'), here('node_modules/htmx.org/dist')], prefix: '/assets/', maxAge: '1d', decorateReply: true });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Touchline API',
        version: '1',
        description: 'Every capability of Touchline for API clients. Authenticate with `POST /api/v1/session` and send `Authorization: Bearer <token>`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  installRegionConfig(app, deps.db);
  const accounts = accountDeps(deps);
  installAccessControl(app, {
    bySession: (sid) => authenticateSession(accounts, sid),
    byToken: (token) => authenticateBearer(accounts, token),
    identified: (req, who) => useRegionConfig(req, who.config),
  });
  app.setErrorHandler((err, req, reply) => sendError(req, reply, classify(err)));
  app.setNotFoundHandler({ preHandler: async () => undefined }, (req, reply) =>
    sendError(req, reply, classify(new AppError('NOT_FOUND', `There is nothing at ${req.url.split('?')[0]}. Check the address, or start from the home page.`))),
  );
  const list = opts.features ?? features;
  setNavigation(list.flatMap((f) => f.nav ?? []));
  setFeatures(list);
  for (const f of list) await app.register(async (scoped) => f.routes(scoped as App, deps));
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return app;
}
