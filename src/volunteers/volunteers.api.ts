import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.js';
import type { App, Deps } from '../platform/feature.js';
import { recordAudit } from '../platform/audit.js';
import { hasAnyRole } from '../platform/http/access.js';
import { actorOf } from '../platform/http/forms.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { accountDeps, createPerson } from '../people/index.js';
import { BOARD_ROLES, type Role } from '../platform/roles.js';
import { isIsoDate } from '../region/index.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { submitApplication, volunteerDeps } from './applications.service.js';
import { recordBackgroundCheck } from './checks.service.js';
import { applicationsOfPerson, listForSafety, type Application } from './applications.store.js';

/** /api/v1 for people and volunteer applications (the same services as the pages). */

/** Who may apply on someone else's behalf (a paper application typed in, a phone call). */
export const APPLY_FOR_OTHERS: readonly Role[] = ['registrar', 'region-administrator'];
/** Who may read someone else's applications. */
export const SEE_APPLICATIONS: readonly Role[] = [...APPLY_FOR_OTHERS, 'safety-director'];
export const SAFETY: readonly Role[] = ['safety-director'];

export function mayApplyFor(req: FastifyRequest, personId: string): boolean {
  return req.auth?.personId === personId || hasAnyRole(req.auth, APPLY_FOR_OTHERS);
}

export function maySee(req: FastifyRequest, personId: string): boolean {
  return req.auth?.personId === personId || hasAnyRole(req.auth, SEE_APPLICATIONS);
}

const RoleChoiceSchema = Type.Object({ role: Type.String({ maxLength: 40 }), division: Type.String({ maxLength: 40 }) });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ApplicationSchema = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  season: Type.String(),
  roles: Type.Array(RoleChoiceSchema),
  adult: Type.Boolean(),
  signed: Type.Boolean(),
  signedAt: Nullable(Type.String()),
  submittedAt: Type.String(),
  backgroundCheck: Type.Optional(
    Type.Union([Type.Literal('not-started'), Type.Literal('pending'), Type.Literal('clear'), Type.Literal('flagged')], {
      description: "The person themself and the safety director only: the background check is nobody else's business.",
    }),
  ),
  ssnLast4: Type.Optional(Nullable(Type.String({ description: 'Safety director only: the last four digits. The full number is never answered.' }))),
  ssnSealed: Type.Optional(Type.Boolean({ description: 'Safety director only: the sealed number still waits for the check (erased once recorded).' })),
  checkRecordedAt: Type.Optional(Nullable(Type.String({ description: 'Safety director only' }))),
});

/** Who reads an application: the safety director, the applicant, or anyone else allowed to (the registrar, the region administrator). */
export type ApplicationReader = 'safety' | 'applicant' | 'other';

export function readerOf(req: FastifyRequest, personId: string): ApplicationReader {
  if (hasAnyRole(req.auth, SAFETY)) return 'safety';
  return req.auth?.personId === personId ? 'applicant' : 'other';
}

/**
 * An application as answered: the check's state for the applicant and the safety director only;
 * the last four digits and the check's details for the safety director only.
 */
export function applicationAnswer(a: Application, reader: ApplicationReader) {
  const base = {
    id: a.id,
    personId: a.personId,
    season: a.season,
    roles: a.roles,
    adult: a.adult,
    signed: a.signedAt !== null,
    signedAt: a.signedAt,
    submittedAt: a.submittedAt,
  };
  if (reader === 'other') return base;
  if (reader === 'applicant') return { ...base, backgroundCheck: a.backgroundCheck };
  return { ...base, backgroundCheck: a.backgroundCheck, ssnLast4: a.ssnLast4, ssnSealed: a.ssnSealed, checkRecordedAt: a.checkRecordedAt };
}

const IdParams = Type.Object({ id: Type.String() });

function peopleApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/people',
    {
      config: { access: BOARD_ROLES },
      schema: {
        tags: ['people'],
        summary: 'Create a person (no password: they set one with a reset link)',
        body: Type.Object({
          firstName: Type.String({ maxLength: 80 }),
          lastName: Type.String({ maxLength: 80 }),
          email: Type.String({ maxLength: 200 }),
          birthDate: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
        }),
        response: { 201: Type.Object({ id: Type.String() }), 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const today = regionToday(await getRegionConfig(deps.db), deps.clock);
      if (b.birthDate !== undefined && (!isIsoDate(b.birthDate) || b.birthDate > today)) throw new AppError('VALIDATION', 'birthDate must be a real past date written YYYY-MM-DD.');
      const person = await deps.db.transaction().execute(async (trx) => {
        const p = await createPerson({ ...accountDeps(deps), db: trx }, { firstName: b.firstName, lastName: b.lastName, email: b.email, birthDate: b.birthDate ?? null }, null);
        await recordAudit(trx, {
          actor: actorOf(req),
          at: deps.clock.now().toISOString(),
          action: 'person.create',
          entity: 'person',
          entityId: p.id,
          after: { firstName: p.firstName, lastName: p.lastName, email: p.email, birthDate: p.birthDate },
        });
        return p;
      });
      return reply.code(201).send({ id: person.id });
    },
  );
}

function applicationApi(app: App, deps: Deps): void {
  const vd = volunteerDeps(deps);
  app.post(
    '/api/v1/people/:id/applications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['volunteers'],
        summary: "Submit (or replace, while its check is not recorded) a person's volunteer application for a season",
        description:
          "The person themself, the registrar or the region administrator. The date of birth comes from the person record (422 BIRTH_DATE_MISSING without one). Adults (18+ on the application date) give `ssn` and `signature` (the typed full name; `{typedName}` is accepted too); youth (12 to 17) give no SSN. The SSN is sealed at once with the region's screening key (422/409 SCREENING_NOT_READY when none is set up) and never answered. 422 codes: TOO_YOUNG, SSN_REQUIRED, SSN_INVALID, SSN_NOT_ALLOWED, SIGNATURE_REQUIRED, SIGNATURE_MISMATCH, ROLE_NOT_ALLOWED, UNKNOWN_ROLE, UNKNOWN_DIVISION, DUPLICATE_ROLE, NO_ROLES, UNKNOWN_SEASON, SEASON_OVER; `details.errors` lists every problem, `details.fields` each with its code and field. 409 CONFLICT once the background check is recorded.",
        params: IdParams,
        body: Type.Object({
          season: Type.String({ maxLength: 40, description: 'season id, e.g. 2026-fall' }),
          roles: Type.Array(RoleChoiceSchema, { maxItems: 40 }),
          ssn: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
          signature: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Object({ typedName: Type.String({ maxLength: 200 }) }), Type.Null()])),
        }),
        response: { 201: ApplicationSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      if (!mayApplyFor(req, req.params.id)) throw new AppError('FORBIDDEN', 'You can apply only for yourself: the registrar enters applications for others.');
      const a = await submitApplication(vd, { personId: req.params.id, ...req.body }, { actor: actorOf(req), ip: req.ip });
      return reply.code(201).send(applicationAnswer(a, readerOf(req, req.params.id)));
    },
  );
  app.get(
    '/api/v1/people/:id/applications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['volunteers'],
        summary: "A person's applications, newest first (the person, registrar, region administrator, safety director)",
        description:
          'The background check (its state, the last four digits) is answered to the safety director, and its state to the person themself; never to the registrar or the region administrator.',
        params: IdParams,
        response: { 200: Type.Array(ApplicationSchema), 403: ErrorSchema },
      },
    },
    async (req) => {
      if (!maySee(req, req.params.id)) throw new AppError('FORBIDDEN', 'You can see only your own applications.');
      return (await applicationsOfPerson(deps.db, req.params.id)).map((a) => applicationAnswer(a, readerOf(req, req.params.id)));
    },
  );
}

function checkApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/applications',
    {
      config: { access: SAFETY },
      schema: {
        tags: ['volunteers'],
        summary: 'Applications for the background check (safety director), newest first',
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('all')], { default: 'pending' })),
          season: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Array(Type.Intersect([ApplicationSchema, Type.Object({ name: Type.String() })])) },
      },
    },
    async (req) => {
      const rows = await listForSafety(deps.db, { pendingOnly: req.query.status !== 'all', season: req.query.season || undefined, limit: 500 });
      return rows.map((r) => ({ ...applicationAnswer(r, 'safety'), name: r.name }));
    },
  );
  app.put(
    '/api/v1/applications/:id/background-check',
    {
      config: { access: SAFETY },
      schema: {
        tags: ['volunteers'],
        summary: "Record the background check's result (safety director); erases the sealed SSN",
        params: IdParams,
        body: Type.Object({ result: Type.Union([Type.Literal('clear'), Type.Literal('flagged')]) }),
        response: { 200: ApplicationSchema, 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => applicationAnswer(await recordBackgroundCheck(deps, actorOf(req), req.params.id, req.body.result), 'safety'),
  );
}

export function volunteersApi(app: App, deps: Deps): void {
  peopleApi(app, deps);
  applicationApi(app, deps);
  checkApi(app, deps);
}
