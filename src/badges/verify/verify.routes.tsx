/**
 * Public routes opened from a badge's QR code (no login): the verification page (JSON with
 * `Accept: application/json`), the badge's photo, and the page's stylesheet. Never indexed.
 */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { html, wantsJson } from '../../platform/http/pages.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { sendFile } from '../../platform/http/uploads.js';
import { badgePhoto, verifyBadge } from './verify.service.js';
import { NotABadgePage, VERIFY_CSS, VerifyPage } from './verify.views.js';

const PUBLIC = { access: 'public' as const };
const NOINDEX = 'noindex, nofollow, noarchive';

export const VerificationSchema = Type.Object({
  status: Type.Union([Type.Literal('valid'), Type.Literal('not-valid')], { description: 'Computed from the live records at this request' }),
  since: Type.Union([Type.String({ description: 'YYYY-MM-DD' }), Type.Null()], {
    description: 'The date it stopped being valid: exact when replaced or when the season ended, else the first check that found it not valid',
  }),
  note: Type.Union([Type.String(), Type.Null()], { description: 'Why, when it is about the badge itself (replaced, season over)' }),
  name: Type.String(),
  roles: Type.Array(Type.Object({ role: Type.String(), label: Type.String(), division: Type.String() })),
  season: Type.Object({ id: Type.String(), name: Type.String() }),
  region: Type.String(),
  photoUrl: Type.String({ description: 'Path of the photo printed on the badge' }),
  checkedAt: Type.String({ description: 'ISO-8601 UTC' }),
});

export function verifyRoutes(app: App, deps: Deps): void {
  app.get(
    '/verify/:token',
    {
      config: PUBLIC,
      schema: {
        tags: ['badges'],
        summary: 'Check a coach badge (the link of its QR code): HTML for people, JSON with Accept: application/json',
        description: 'Public, no login. Answers the facts printed on the badge and whether it is valid now; nothing else about the person.',
        security: [],
        params: Type.Object({ token: Type.String() }),
        response: { 200: VerificationSchema, 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      reply.header('x-robots-tag', NOINDEX).header('cache-control', 'no-store');
      try {
        const v = await verifyBadge(deps, req.params.token);
        return wantsJson(req) ? v : html(reply, <VerifyPage v={v} />);
      } catch (e) {
        if (e instanceof AppError && e.code === 'NOT_FOUND' && !wantsJson(req)) return html(reply, <NotABadgePage message={e.message} />, 404);
        throw e;
      }
    },
  );
  app.get('/verify/:token/photo', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const file = await badgePhoto(deps, (req.params as { token: string }).token);
    return sendFile(reply.header('x-robots-tag', NOINDEX), file);
  });
  app.get('/badges/verify.css', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(VERIFY_CSS),
  );
}
