import { Type } from '@sinclair/typebox';
import { AppError } from '../platform/errors.js';
import type { App, Deps } from '../platform/feature.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { ROLES } from '../platform/roles.js';
import { WRITERS_AND_HEAD_COACHES } from './messages.access.js';
import { MARKDOWN_MAX, MAX_PAGE_SIZE, PAGE_SIZE, SUBJECT_MAX, readPaging } from './messages.rules.js';
import { messageRecord, messagesPage, previewMessage, sendMessage, sendTest } from './messages.service.js';

const tags = ['messages'];
const access = { access: WRITERS_AND_HEAD_COACHES };

const AudienceJson = Type.Object(
  {
    kind: Type.String({ maxLength: 20, description: 'coaches | missing | team | role' }),
    division: Type.Optional(Type.String({ maxLength: 40, description: 'coaches: only this division (default: every division)' })),
    element: Type.Optional(Type.Integer({ description: 'missing: the compliance element missing, 1, 2 or 3' })),
    training: Type.Optional(Type.String({ maxLength: 80, description: 'missing: only people missing this training (its code)' })),
    teamId: Type.Optional(Type.String({ maxLength: 80, description: 'team: the team' })),
    who: Type.Optional(Type.String({ maxLength: 20, description: "team: staff (its coaches) or families (its players' guardians)" })),
    role: Type.Optional(Type.String({ maxLength: 40, description: `role: everyone holding it this season; one of ${ROLES.join(', ')}` })),
  },
  {
    description:
      'One of {kind:"coaches", division?}, {kind:"missing", element: 1|2|3, training?}, {kind:"team", teamId, who:"staff"|"families"}, {kind:"role", role}. A division\'s coaches are the head and assistant coaches of its teams in the current season.',
  },
);
const Body = Type.Object({
  audience: AudienceJson,
  subject: Type.String({ maxLength: SUBJECT_MAX }),
  markdown: Type.String({ maxLength: MARKDOWN_MAX, description: 'The message in Markdown (sent as text with an HTML alternative)' }),
  required: Type.Optional(
    Type.Boolean({ description: 'A notice the region requires everyone to get (safety, field closures): sent despite opt-outs, without unsubscribe link. Board only.' }),
  ),
});
const Person = Type.Object({ personId: Type.String(), name: Type.String(), email: Type.Union([Type.String(), Type.Null()]) });
const Skipped = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String({ description: 'opted-out | no-email | same-address' }),
});
const Counts = Type.Object({ queued: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() });
const Delivery = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  lastAnswer: Type.Union([Type.String(), Type.Null()], { description: "The SMTP server's answer to the last failed attempt" }),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
});
const RecordJson = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  markdown: Type.String(),
  audience: Type.Unknown(),
  audienceLabel: Type.String(),
  required: Type.Boolean(),
  sender: Type.Object({ id: Type.String(), name: Type.String(), email: Type.Union([Type.String(), Type.Null()]) }),
  createdAt: Type.String(),
  recipients: Type.Integer({ description: 'Distinct addresses mailed' }),
  counts: Counts,
  deliveries: Type.Array(Delivery),
  skipped: Type.Array(Skipped),
});
const Summary = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  audienceLabel: Type.String(),
  senderName: Type.String(),
  createdAt: Type.String(),
  recipients: Type.Integer(),
  required: Type.Boolean(),
  counts: Counts,
});
const errors = { 401: ErrorSchema, 403: ErrorSchema, 422: ErrorSchema };

/** /api/v1/messages: write to a group (preview, test to yourself, send) and read what was sent. */
export function messagesApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/messages',
    {
      config: access,
      schema: {
        tags,
        summary: 'Send a message to an audience through the outbox (Reply-To: you; opt-outs respected unless required); recipients is the number of distinct addresses',
        body: Body,
        response: { 201: Type.Object({ id: Type.String(), recipients: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await sendMessage(deps, req.auth!, req.body)),
  );
  app.post(
    '/api/v1/messages/preview',
    {
      config: access,
      schema: {
        tags,
        summary: 'Who would receive the message (every address, and who is skipped and why) and its HTML; nothing is sent',
        body: Body,
        response: {
          200: Type.Object({ audienceLabel: Type.String(), recipients: Type.Integer(), list: Type.Array(Person), skipped: Type.Array(Skipped), html: Type.String() }),
          ...errors,
        },
      },
    },
    async (req) => {
      const p = await previewMessage(deps, req.auth!, req.body);
      return { audienceLabel: p.audienceLabel, recipients: p.recipients, list: p.send, skipped: p.skipped, html: p.html };
    },
  );
  app.post(
    '/api/v1/messages/test',
    {
      config: access,
      schema: {
        tags,
        summary: 'Send the message to yourself only, marked as a test',
        body: Type.Object({ subject: Type.String({ maxLength: SUBJECT_MAX }), markdown: Type.String({ maxLength: MARKDOWN_MAX }) }),
        response: { 201: Type.Object({ to: Type.String() }), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await sendTest(deps, req.auth!, req.body)),
  );
  app.get(
    '/api/v1/messages',
    {
      config: access,
      schema: {
        tags,
        summary: 'Messages sent, newest first, a page at a time (the board sees all; a head coach their own)',
        querystring: Type.Object({
          page: Type.Optional(Type.String({ maxLength: 12, description: 'Page number from 1 (default 1)' })),
          pageSize: Type.Optional(Type.String({ maxLength: 12, description: `Messages per page, 1 to ${MAX_PAGE_SIZE} (default ${PAGE_SIZE})` })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Summary), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }), ...errors },
      },
    },
    async (req) => {
      const p = readPaging(req.query);
      if (p.errors.length) throw new AppError('VALIDATION', p.errors.join(' '), { errors: p.errors });
      return { ...(await messagesPage(deps, req.auth!, p.page, p.pageSize)), page: p.page, pageSize: p.pageSize };
    },
  );
  app.get(
    '/api/v1/messages/:id',
    {
      config: access,
      schema: {
        tags,
        summary: "A message's record: its audience, recipients and each one's delivery state (queued, sent, failed with the server's answer)",
        params: Type.Object({ id: Type.String({ maxLength: 80 }) }),
        response: { 200: RecordJson, 404: ErrorSchema, ...errors },
      },
    },
    async (req) => messageRecord(deps, req.auth!, req.params.id),
  );
}
