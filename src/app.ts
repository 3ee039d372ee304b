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
import { newRequestId } from './platform/http/error-report.js';
import { setNavigation } from './platform/http/pages.js';
import { INPUT_LIMITS, installInputGuard } from './platform/http/input.js';
import { validatorCompilers } from './platform/http/validation.js';
import { AppError } from './platform/errors.js';
import { clipped } from './platform/quote.js';
import { features } from './features.js';
import { setFeatures } from './platform/registry.js';
import { accountDeps, authenticateBearer, authenticateSession } from './people/index.js';
import { installRegionConfig, useRegionConfig } from './region/index.js';
import { projectRoot } from './platform/paths.js';

const here = (p: string) => join(projectRoot(), p);

/** Fastify's refusal of an address it cannot route, as our refusal (its own quotes the whole path). */
const addressError = (err: { code?: string }) =>
  err.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? new AppError('BAD_REQUEST', 'A part of this address is longer than 100 characters: check the link.')
    : new AppError('BAD_REQUEST', 'This address is not valid (a broken %-escape): check the link.');

export interface BuildOptions {
  logger?: boolean | object;
  /** Features to register (all by default); tests may pass a subset. */
  features?: Feature[];
}

/** Builds the whole application on the given dependencies; never listens (main.ts does). */
export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // A short random id per request, shown with a 5xx for the person to quote (never taken from a header).
    genReqId: newRequestId,
    trustProxy: deps.config.trustProxy,
    // JSON and form bodies; uploads (multipart) are limited by each route (readUpload's maxBytes).
    bodyLimit: INPUT_LIMITS.bodyBytes,
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
    // The API's JSON bodies are validated without type coercion, forms and query strings with it.
    schemaController: { compilersFactory: { buildValidator: validatorCompilers() } },
    // A malformed or overlong address part: our error envelope, never the address quoted back.
    frameworkErrors: (err, req, reply) => sendError(req, reply, classify(addressError(err))),
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
        description:
          'Every capability of Touchline for API clients. Authenticate with `POST /api/v1/session` and send `Authorization: Bearer <token>`. Bodies are taken exactly as declared: no type coercion, a property the schema does not name answers 422, text holds no control characters (tab and line feed aside; CRLF becomes LF) and at most its maxLength (10,000 characters where none is given), and a JSON body is at most 1 MiB unless its route says more.',
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
  installInputGuard(app);
  app.setErrorHandler((err, req, reply) => sendError(req, reply, classify(err)));
  app.setNotFoundHandler({ preHandler: async () => undefined }, (req, reply) =>
    sendError(req, reply, classify(new AppError('NOT_FOUND', `There is nothing at ${clipped(req.url.split('?')[0])}. Check the address, or start from the home page.`))),
  );
  const list = opts.features ?? features;
  setNavigation(list.flatMap((f) => f.nav ?? []));
  setFeatures(list);
  for (const f of list) await app.register(async (scoped) => f.routes(scoped as App, deps));
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return app;
}
