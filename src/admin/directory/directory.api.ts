import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { actorOf } from '../../platform/http/forms.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './directory.rules.js';
import { patchPerson, searchPeople, setSeasonRoles } from './directory.service.js';
import { personDetail } from './person.service.js';
import { DIRECTORY, EDITORS, GRANTERS, directoryActor } from './directory.access.js';

const Text = (description: string) => Type.Optional(Type.String({ maxLength: 200, description }));
const Nullable = (max: number, description: string) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()], { description }));

const RoleLine = Type.Object({ season: Type.String(), role: Type.String(), division: Type.String() });
const Contact = {
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  associationId: Type.Union([Type.String(), Type.Null()]),
};
const Missing = Type.Object({ element: Type.Integer(), code: Type.String(), message: Type.String() });
const Nullish = Type.Union([Type.String(), Type.Null()]);

const PersonSchema = Type.Object({
  ...Contact,
  hasAccount: Type.Boolean(),
  createdAt: Type.String(),
  season: Type.String({ description: 'the season the compliance, teams and badge are of (the current one)' }),
  roles: Type.Array(Type.Object({ id: Type.String(), season: Type.String(), role: Type.String(), division: Type.String() })),
  applications: Type.Array(
    Type.Object({
      season: Type.String(),
      roles: Type.Array(Type.Object({ role: Type.String(), division: Type.String() })),
      submittedAt: Type.String(),
      signed: Type.Boolean(),
      state: Type.String(),
      backgroundCheck: Type.Optional(Type.String({ description: 'only for the safety director' })),
    }),
  ),
  compliance: Type.Array(Type.Object({ role: Type.String(), division: Type.String(), certified: Type.Boolean(), missing: Type.Array(Missing) })),
  trainings: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), state: Type.String(), completedOn: Nullish, expiresOn: Nullish, next: Nullish })),
  teams: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), division: Type.String(), role: Type.String() })),
  badge: Type.Object({ state: Type.String(), issuedAt: Nullish, printedAt: Nullish, photo: Nullish }),
  mentoring: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), date: Type.String(), kind: Type.String(), mentorName: Type.String(), teamName: Type.String(), acknowledged: Type.Boolean() }), {
      description: 'only for the coach administrator',
    }),
  ),
  audit: Type.Array(Type.Object({ at: Type.String(), actor: Type.String(), action: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
  rights: Type.Object(
    { edit: Type.Boolean(), grant: Type.Array(Type.String()), backgroundCheck: Type.Boolean(), mentoring: Type.Boolean() },
    { description: 'what the caller may do and see here: edit contact details, grant these roles, see background checks, see mentoring' },
  ),
});

const Id = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** /api/v1/people: the board's directory, a person, their contact details and their roles. */
export function directoryApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/people',
    {
      config: { access: DIRECTORY },
      schema: {
        tags: ['people'],
        summary: 'Find people: search and filters, sorted by last name, first name and id, a page at a time with the total',
        description: `Every match is on some page (no cap). page from 1; pageSize 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}); anything else is 422 with a message. q matches words of the name, email or association id without case or accents. role, division and season keep people holding such a role (a standing role counts in every season); with season, the roles listed are that season's and standing ones. team keeps its coaches. missing=1|2|3 keeps people missing that compliance element in the season (the current one when season is empty). noAccount=1 keeps people who never set a password.`,
        querystring: Type.Object({
          q: Text('part of a name, email or association id'),
          role: Text('a role, e.g. head-coach'),
          division: Text('a division code, e.g. 10U'),
          team: Text('a team id'),
          season: Text('a season id'),
          missing: Text('1, 2 or 3'),
          noAccount: Text('1: only people without an account'),
          page: Text('from 1'),
          pageSize: Text(`1 to ${MAX_PAGE_SIZE}`),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                firstName: Type.String(),
                lastName: Type.String(),
                email: Nullish,
                associationId: Nullish,
                roles: Type.Array(RoleLine),
              }),
            ),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          422: ErrorSchema,
        },
      },
    },
    async (req) => {
      const r = await searchPeople(deps, req.query);
      return { items: r.items, total: r.total, page: r.query.page, pageSize: r.query.pageSize };
    },
  );
  app.get(
    '/api/v1/people/:id',
    {
      config: { access: DIRECTORY },
      schema: {
        tags: ['people'],
        summary: 'One person: contact, association id, roles, applications, compliance, trainings, teams, badge, mentoring and the audit of changes',
        description:
          'Never a social security number. Background-check results only for the safety director; mentoring assessments only for the coach administrator. A merged account is 404 naming the account it went into.',
        params: Id,
        response: { 200: PersonSchema, 404: ErrorSchema },
      },
    },
    async (req) => personDetail(deps, directoryActor(req), req.params.id),
  );
  app.patch(
    '/api/v1/people/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['people'],
        summary: "Change a person's contact details or association id (registrar, region administrator); audited",
        description:
          'Only the fields given change; null or "" clears email, phone or associationId (a person with an account keeps an email). Email at most 254 characters; associationId 6 to 12 digits. 409 EMAIL_TAKEN or CONFLICT when another account holds the email or association id.',
        params: Id,
        body: Type.Object(
          {
            firstName: Type.Optional(Type.String({ maxLength: 1000 })),
            lastName: Type.Optional(Type.String({ maxLength: 1000 })),
            email: Nullable(1000, 'the address they log in with and get mail at'),
            phone: Nullable(1000, 'a phone number'),
            associationId: Nullable(1000, "the association's volunteer id, 6 to 12 digits"),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object(Contact), 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => patchPerson(deps, actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/v1/people/:id/roles',
    {
      config: { access: GRANTERS },
      schema: {
        tags: ['people'],
        summary: 'Set a person\'s roles of one season ("" for standing roles); each grant and removal audited',
        description:
          'The roles of that season become exactly the list. The region administrator grants any role; the coach administrator head-coach, assistant-coach, mentor and instructor; the registrar field-helper and youth-volunteer: adding or removing another is 403 FORBIDDEN naming it. Division roles name a division, others none (422). Removing the last region administrator is 409.',
        params: Id,
        body: Type.Object(
          {
            season: Type.String({ maxLength: 100 }),
            roles: Type.Array(Type.Object({ role: Type.String({ maxLength: 100 }), division: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }), {
              maxItems: 100,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ season: Type.String(), roles: Type.Array(RoleLine) }), 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      const season = req.body.season.trim();
      const roles = await setSeasonRoles(
        deps,
        directoryActor(req),
        req.params.id,
        season,
        req.body.roles.map((r) => ({ role: r.role, division: r.division ?? '' })),
      );
      return { season, roles: roles.map((g) => ({ season: g.season, role: g.role, division: g.division })) };
    },
  );
}
