/**
 * /api/v1 for coach badges: the board's list, a person's standing and badge PDF, the photo upload
 * and its approval. Print runs are in print/print.api.ts.
 */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { AppError } from '../platform/errors.js';
import type { Auth } from '../platform/http/access.js';
import { hasAnyRole } from '../platform/http/access.js';
import { actorOf } from '../platform/http/forms.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { readUpload } from '../platform/http/uploads.js';
import { MAX_PHOTO_BYTES } from './photos/photo.rules.js';
import { BADGE_BOARD, boardList, fullName, personBadge, type BoardRow, type CoachBadge } from './badges.service.js';
import { decidePhoto, photoQueue, readDecision, uploadPhoto } from './photos/photos.service.js';
import { downloadBadge } from './print/print.service.js';
import { printApi } from './print/print.api.js';

const tags = ['badges'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const MissingSchema = Type.Object({
  code: Type.String({ description: 'A compliance code (a training code, APPLICATION_MISSING, SSN_MISSING...), NOT_A_COACH, or PHOTO_MISSING, PHOTO_PENDING, PHOTO_REJECTED' }),
  message: Type.String({ description: 'One line saying what to do' }),
  element: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], { description: 'The compliance element, for compliance items' })),
});
const Status = Type.Union([Type.Literal('eligible'), Type.Literal('printed'), Type.Literal('blocked')], {
  description: 'eligible: may have a badge and is not printed yet (or what it prints changed); printed; blocked: something is missing',
});
const Photo = Nullable(
  Type.Object({ id: Type.String(), status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]), reason: Nullable(Type.String()) }),
);
const StandingSchema = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  season: Type.String(),
  roles: Type.Array(Type.Object({ role: Type.String(), division: Type.String(), certified: Type.Boolean() })),
  eligible: Type.Boolean(),
  status: Status,
  missing: Type.Array(MissingSchema),
  photo: Photo,
  printedAt: Nullable(Type.String({ description: 'Last print of the current badge on a board sheet' })),
});
const ListRow = Type.Composite([
  StandingSchema,
  Type.Object({ email: Nullable(Type.String()), badge: Nullable(Type.Object({ valid: Type.Boolean(), since: Nullable(Type.String()) })) }),
]);

function standing(c: CoachBadge) {
  return {
    personId: c.personId,
    name: fullName(c),
    season: c.season.id,
    roles: c.roles.map((r) => ({ role: r.role, division: r.division, certified: r.certified })),
    eligible: c.eligibility.eligible,
    status: c.status,
    missing: c.eligibility.missing,
    photo: c.photo && { id: c.photo.id, status: c.photo.status, reason: c.photo.reason },
    printedAt: c.current?.printedAt ?? null,
  };
}
const listRow = (r: BoardRow) => ({ ...standing(r), email: r.email, badge: r.check && { valid: r.check.valid, since: r.check.since } });

/** The person themself, or the badge board. */
function selfOrBoard(auth: Auth | null, personId: string): void {
  if (auth?.personId !== personId && !hasAnyRole(auth, BADGE_BOARD)) throw new AppError('FORBIDDEN', "Only the coach and the coach administrator can see a coach's badge.");
}

const SeasonQuery = Type.Object({ season: Type.Optional(Type.String({ description: 'Season id (default: the current season)' })) });
const Id = Type.Object({ id: Type.String() });

function coachApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/badges',
    {
      config: { access: BADGE_BOARD },
      schema: {
        tags,
        summary: 'Every coach of a season and their badge: eligible, printed or blocked with what is missing',
        querystring: Type.Composite([SeasonQuery, Type.Object({ status: Type.Optional(Status) })]),
        response: { 200: Type.Array(ListRow), 401: ErrorSchema, 403: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      const list = await boardList(deps, req.query.season, await req.regionConfig());
      return list.rows.filter((r) => !req.query.status || r.status === req.query.status).map(listRow);
    },
  );
  app.get(
    '/api/v1/people/:id/badge',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "A person's badge standing: eligible or what is missing (the person or the board)",
        params: Id,
        querystring: SeasonQuery,
        response: { 200: StandingSchema, 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      selfOrBoard(req.auth, req.params.id);
      return standing(await personBadge(deps, req.params.id, req.query.season));
    },
  );
  app.get(
    '/api/v1/people/:id/badge.pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "A coach's badge as a card-size PDF (the person or the board); recorded as printed by download",
        description: 'Refused with 403 NOT_ELIGIBLE and `details.missing` (every item still missing) when the person may not have a badge.',
        params: Id,
        querystring: SeasonQuery,
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the PDF' }), 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      selfOrBoard(req.auth, req.params.id);
      const { pdf, fileName } = await downloadBadge(deps, actorOf(req), req.params.id, req.query.season);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store').send(Buffer.from(pdf));
    },
  );
}

function photoApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/me/badge-photo',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Upload your badge photo (multipart field `file`)',
        description:
          'JPEG, PNG or WebP (checked by content; 422 UNSUPPORTED_FILE) of at most 10 MB (413); cropped to 600 x 800, stored as a baseline sRGB JPEG and stripped of all metadata. Waits for approval.',
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ id: Type.String(), status: Type.Literal('pending') }), 413: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const form = await readUpload(req, MAX_PHOTO_BYTES, 'photo');
      if (!form.file) throw new AppError('VALIDATION', 'Send the photo in the "file" field.');
      const id = await uploadPhoto(deps, req.auth!.personId, form.file.data);
      return reply.code(201).send({ id, status: 'pending' as const });
    },
  );
  app.get(
    '/api/v1/badges/photos',
    {
      config: { access: BADGE_BOARD },
      schema: {
        tags,
        summary: 'Badge photos waiting for approval, oldest first',
        response: { 200: Type.Array(Type.Object({ id: Type.String(), personId: Type.String(), name: Type.String(), uploadedAt: Type.String(), imageUrl: Type.String() })) },
      },
    },
    async () =>
      (await photoQueue(deps)).map((p) => ({
        id: p.id,
        personId: p.personId,
        name: `${p.firstName} ${p.lastName}`.trim(),
        uploadedAt: p.uploadedAt,
        imageUrl: `/badges/photos/${p.id}/image`,
      })),
  );
  app.post(
    '/api/v1/badges/photos/:id/decision',
    {
      config: { access: BADGE_BOARD },
      schema: {
        tags,
        summary: 'Approve a badge photo, or reject it with a reason the coach reads (mailed); audited',
        params: Id,
        body: Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reason: Type.Optional(Type.String({ maxLength: 300 })) }),
        response: { 204: Type.Null(), 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      await decidePhoto(deps, actorOf(req), req.params.id, readDecision(req.body.decision, req.body.reason));
      return reply.code(204).send(null);
    },
  );
}

export function badgesApi(app: App, deps: Deps): void {
  coachApi(app, deps);
  photoApi(app, deps);
  printApi(app, deps);
}
