/**
 * The coach badges feature: the coach's badge page and photo upload, the board's pages (board/board.routes),
 * the public verification page (verify/verify.routes) and the /api/v1 routes (badges.api).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps, Feature, HomeCard } from '../platform/feature.js';
import { AppError } from '../platform/errors.js';
import { hasAnyRole } from '../platform/http/access.js';
import { flash, page } from '../platform/http/pages.js';
import { actorOf, handleForm } from '../platform/http/forms.js';
import { enableUploads, readUpload, sendFile } from '../platform/http/uploads.js';
import { MAX_PHOTO_BYTES } from './photos/photo.rules.js';
import { BADGE_BOARD, personBadge } from './badges.service.js';
import { photoImage, uploadPhoto } from './photos/photos.service.js';
import { downloadBadge } from './print/print.service.js';
import { recordChecks } from './validity.service.js';
import { CoachBadgeView, PhotoUploadView } from './badges.views.js';
import { boardRoutes } from './board/board.routes.js';
import { verifyRoutes } from './verify/verify.routes.js';
import { badgesApi } from './badges.api.js';
import { COACH_ROLES } from './badges.rules.js';

const AUTH = { access: 'authenticated' as const };
const hidden = { hide: true };

function coachRoutes(app: App, deps: Deps): void {
  app.get('/badges', { config: AUTH, schema: hidden }, async (req, reply) => {
    const c = await personBadge(deps, req.auth!.personId);
    const check = c.current ? ((await recordChecks(deps, await req.regionConfig(), [{ badge: c.current, roles: c.roles }])).get(c.current.id) ?? null) : null;
    return page(req, reply, 'Your coach badge', () => <CoachBadgeView c={c} check={check} />);
  });
  const uploadPage = (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) =>
    page(req, reply, 'Your badge photo', (ctx) => <PhotoUploadView ctx={ctx} errors={errors} />, { status });
  app.get('/badges/photo', { config: AUTH, schema: hidden }, (req, reply) => uploadPage(req, reply));
  app.post('/badges/photo', { config: AUTH, schema: hidden }, async (req, reply) =>
    handleForm(
      reply,
      async () => {
        const form = await readUpload(req, MAX_PHOTO_BYTES, 'photo');
        if (!form.file) throw new AppError('VALIDATION', 'Choose a photo (JPEG, PNG or WebP) or take one with the camera.');
        await uploadPhoto(deps, req.auth!.personId, form.file.data);
        flash(reply, 'Thank you: your photo is uploaded. The coach administrator checks it before your badge is printed.');
        return reply.redirect('/badges', 303);
      },
      (errors, status) => uploadPage(req, reply, errors, status),
    ),
  );
  // The coach's own badge from the badge page: a page route, so that a refusal or a failure is an
  // HTML page saying what to do (the /api/v1 PDF answers errors in JSON, for programs).
  app.get('/badges/badge.pdf', { config: AUTH, schema: hidden }, async (req, reply) => {
    const season = (req.query as { season?: unknown }).season;
    const { pdf, fileName } = await downloadBadge(deps, actorOf(req), req.auth!.personId, typeof season === 'string' ? season : undefined);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store').send(Buffer.from(pdf));
  });
  app.get('/badges/photos/:id/image', { config: AUTH, schema: hidden }, async (req, reply) => sendFile(reply, await photoImage(deps, req.auth, (req.params as { id: string }).id)));
}

/** A coach whose badge is not ready sees what is missing on the home page. */
async function badgeHome(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!req.auth || !hasAnyRole(req.auth, COACH_ROLES)) return [];
  const c = await personBadge(deps, req.auth.personId).catch(() => null);
  if (!c?.roles.length) return [];
  const photoMissing = c.eligibility.missing.some((m) => m.code.startsWith('PHOTO_'));
  const body = c.eligibility.eligible ? (
    <p>
      Your badge is ready. <a href="/badges">Open your badge</a>
    </p>
  ) : (
    <p>
      Your badge is not ready yet{photoMissing ? ': check your photo' : ''}. <a href="/badges">See what is missing</a>
    </p>
  );
  return [{ title: 'Coach badge', body, order: 35 }];
}

export const badgesFeature: Feature = {
  name: 'badges',
  nav: [
    { href: '/badges', label: 'My badge', access: COACH_ROLES, order: 30 },
    { href: '/badges/board', label: 'Badges', access: BADGE_BOARD, order: 45 },
  ],
  home: badgeHome,
  routes: async (app, deps) => {
    await enableUploads(app);
    coachRoutes(app, deps);
    boardRoutes(app, deps);
    verifyRoutes(app, deps);
    badgesApi(app, deps);
  },
};
