import { Type, type Static } from '@sinclair/typebox';

/**
 * The region configuration document: one JSON value holding everything that differs between
 * regions (rules.md "region settings"). The same schema validates the browser forms, the
 * `touchline region import` file and the API, and documents it in OpenAPI.
 */
const Code = (description: string) => Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$', description });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const ContactSchema = Type.Object({
  role: Type.String({ minLength: 1, maxLength: 60 }),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  email: Type.String({ minLength: 3, maxLength: 200 }),
});

export const SeasonSchema = Type.Object({
  id: Code('season id, e.g. 2026-fall'),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  startDate: DateText,
  endDate: DateText,
});

export const MembershipYearSchema = Type.Object({
  id: Code('membership year id, e.g. MY2026'),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  startDate: DateText,
  endDate: DateText,
  ageCutoff: Type.Object(
    {
      month: Type.Integer({ minimum: 1, maximum: 12 }),
      day: Type.Integer({ minimum: 1, maximum: 31 }),
      year: Type.Union([Type.Literal('start'), Type.Literal('end')], { description: 'the calendar year of the membership year start or end' }),
    },
    { description: "A player's age group is their age on this date (31 December of the end year by default)." },
  ),
  seasons: Type.Array(SeasonSchema),
});

export const PracticeRuleSchema = Type.Object({
  perWeek: Type.Integer({ minimum: 0, maximum: 7 }),
  minutes: Type.Integer({ minimum: 15, maximum: 240 }),
  fieldIds: Type.Union([Type.Array(Code('field id')), Type.Null()], { description: 'null: any field' }),
  differentDays: Type.Boolean(),
});

export const DivisionSchema = Type.Object({
  code: Code('division code, e.g. 10U'),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  ageMin: Type.Integer({ minimum: 2, maximum: 25, description: 'youngest age on the cut-off date' }),
  ageMax: Type.Integer({ minimum: 2, maximum: 25, description: 'oldest age on the cut-off date' }),
  programs: Type.Array(Type.Union([Type.Literal('boys'), Type.Literal('girls'), Type.Literal('coed')]), { minItems: 1 }),
  coachCertification: Code('training code of the age-level coach certification'),
  rosterSize: Type.Integer({ minimum: 3, maximum: 30 }),
  playersOnField: Type.Integer({ minimum: 3, maximum: 11 }),
  gameCard: Type.Boolean(),
  practice: PracticeRuleSchema,
});

export const FieldSchema = Type.Object({
  id: Code('field id'),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  address: Type.String({ maxLength: 200 }),
  capacity: Type.Integer({ minimum: 1, maximum: 20, description: 'how many teams fit at once' }),
});

export const TrainingPartSchema = Type.Object({
  part: Code('part code, e.g. online, field, in-person'),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  mode: Type.Union([Type.Literal('online'), Type.Literal('in-person')]),
});

export const TrainingSchema = Type.Object({
  code: Code('training code'),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  parts: Type.Array(TrainingPartSchema, { minItems: 1, maxItems: 2 }),
  expiresAfterMonths: Type.Union([Type.Integer({ minimum: 1, maximum: 120 }), Type.Null()]),
  prerequisites: Type.Array(Code('training code')),
});

export const RoleRequirementSchema = Type.Object({
  role: Code('role'),
  divisions: Type.Union([Type.Array(Code('division code')), Type.Null()], { description: 'null: every division' }),
  trainings: Type.Array(Code('training code')),
  ageLevel: Type.Boolean({ description: "the division's age-level coach certification is required" }),
});

export const RegionConfigSchema = Type.Object({
  region: Type.Object({
    name: Type.String({ minLength: 1, maxLength: 120 }),
    number: Type.String({ minLength: 1, maxLength: 20 }),
    state: Type.String({ minLength: 2, maxLength: 40 }),
    timeZone: Type.String({ minLength: 1, maxLength: 60 }),
    address: Type.String({ maxLength: 300 }),
    contacts: Type.Array(ContactSchema),
  }),
  membershipYears: Type.Array(MembershipYearSchema, { minItems: 1 }),
  divisions: Type.Array(DivisionSchema, { minItems: 1 }),
  fields: Type.Array(FieldSchema),
  trainings: Type.Array(TrainingSchema, { minItems: 1 }),
  roleRequirements: Type.Array(RoleRequirementSchema),
  ratingScale: Type.Object({
    min: Type.Number(),
    max: Type.Number(),
    step: Type.Number({ exclusiveMinimum: 0 }),
    higherIsStronger: Type.Boolean(),
  }),
  formation: Type.Object({ objective: Type.Union([Type.Literal('mean'), Type.Literal('sum')]) }),
  playingTime: Type.Object({
    quarters: Type.Integer({ minimum: 2, maximum: 8 }),
    minQuarters: Type.Integer({ minimum: 1, maximum: 8 }),
    keeperMaxQuarters: Type.Integer({ minimum: 1, maximum: 8 }),
    keeperMinFieldQuarters: Type.Integer({ minimum: 0, maximum: 8 }),
  }),
  families: Type.Optional(
    Type.Object(
      {
        showTeammatesFirstNames: Type.Boolean({
          description: "true: a parent's page lists the first names of their child's teammates; false (the default): nothing about other children",
        }),
      },
      { description: "What parents and guardians see of their children's teams (absent: the defaults)." },
    ),
  ),
  applications: Type.Optional(
    Type.Object(
      {
        grantAtOnce: Type.Array(Type.Union([Type.Literal('head-coach'), Type.Literal('assistant-coach'), Type.Literal('field-helper'), Type.Literal('youth-volunteer')]), {
          uniqueItems: true,
          description: "roles an application gets at once, without the board's decision (default: youth-volunteer and field-helper; coach roles wait for the coach administrator)",
        }),
      },
      { description: 'How the roles an application asks for are granted (absent: the defaults).' },
    ),
  ),
});

export type RegionConfig = Static<typeof RegionConfigSchema>;

const { region: RegionPart, ...RestOfConfig } = RegionConfigSchema.properties;

/**
 * The configuration as GET /api/v1/region answers it: the same document, except that a contact's
 * email is there for the board only (the public contact form exists to keep those addresses hidden).
 */
export const RegionConfigAnswerSchema = Type.Object({
  ...RestOfConfig,
  region: Type.Object({
    ...RegionPart.properties,
    contacts: Type.Array(
      Type.Object({
        role: ContactSchema.properties.role,
        name: ContactSchema.properties.name,
        email: Type.Optional(Type.String({ description: "the board only: the contact's email" })),
      }),
    ),
  }),
});
export type RegionConfigAnswer = Static<typeof RegionConfigAnswerSchema>;
export type Division = Static<typeof DivisionSchema>;
export type Field = Static<typeof FieldSchema>;
export type Season = Static<typeof SeasonSchema>;
export type MembershipYear = Static<typeof MembershipYearSchema>;
export type Training = Static<typeof TrainingSchema>;
export type RoleRequirement = Static<typeof RoleRequirementSchema>;
