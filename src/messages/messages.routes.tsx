import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../platform/feature.js';
import { AppError } from '../platform/errors.js';
import { flash, page } from '../platform/http/pages.js';
import { formBody, handleForm, type FormBody } from '../platform/http/forms.js';
import { getRegionConfig, seasonNow } from '../region/index.js';
import { listTeams } from '../teams/index.js';
import { isBoard, WRITERS_AND_HEAD_COACHES } from './messages.access.js';
import { readPaging } from './messages.rules.js';
import { messageRecord, messagesPage, previewMessage, sendMessage, sendTest, type RawMessage, type Writer } from './messages.service.js';
import { ComposeView, MessageRecordView, MessagesListView, type ComposeChoices } from './messages.views.js';

const ACCESS = { access: WRITERS_AND_HEAD_COACHES };
const hidden = { hide: true };

async function choicesFor(deps: Deps, writer: Writer): Promise<ComposeChoices> {
  const config = await getRegionConfig(deps.db);
  const season = seasonNow(config, deps.clock);
  const board = isBoard(writer);
  const teams = season ? await listTeams(deps.db, season.season.id) : [];
  return {
    divisions: config.divisions.map((d) => d.code),
    trainings: config.trainings.map((t) => ({ code: t.code, name: t.name })),
    teams: teams.filter((t) => board || t.headCoachId === writer.personId).map((t) => ({ id: t.id, label: `${t.name} (${t.division})` })),
    board,
  };
}

const rawOf = (f: FormBody): RawMessage => ({
  audience: { kind: f.kind, division: f.division, element: f.element, training: f.training, teamId: f.teamId, who: f.who, role: f.role },
  subject: f.subject,
  markdown: f.markdown,
  required: f.required === 'on',
});

/** The pages: the list of messages, writing one (preview, test to yourself, send) and a message's record. */
export function messagesRoutes(app: App, deps: Deps): void {
  app.get('/messages', { config: ACCESS, schema: hidden }, async (req, reply) => {
    const p = readPaging(req.query as { page?: string });
    const list = await messagesPage(deps, req.auth!, p.page, p.pageSize);
    return page(req, reply, 'Messages', () => <MessagesListView items={list.items} total={list.total} page={p.page} pageSize={p.pageSize} />);
  });

  const compose = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormBody,
    extra: { errors?: string[]; notice?: string; preview?: Awaited<ReturnType<typeof previewMessage>> | null; status?: number } = {},
  ) => {
    const choices = await choicesFor(deps, req.auth!);
    return page(
      req,
      reply,
      'Write a message',
      (ctx) => <ComposeView ctx={ctx} values={values} choices={choices} errors={extra.errors} notice={extra.notice} preview={extra.preview} />,
      {
        status: extra.status ?? 200,
      },
    );
  };
  app.get('/messages/new', { config: ACCESS, schema: hidden }, (req, reply) => compose(req, reply, {}));
  app.post('/messages/new', { config: ACCESS, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        if (f.action === 'test') {
          const { to } = await sendTest(deps, req.auth!, rawOf(f));
          const preview = await previewMessage(deps, req.auth!, rawOf(f)).catch((e: unknown) => {
            if (e instanceof AppError) return null;
            throw e;
          });
          return compose(req, reply, f, { preview, notice: `A test went to ${to}: check your mail.` });
        }
        if (f.action === 'send') {
          const sent = await sendMessage(deps, req.auth!, rawOf(f));
          flash(reply, `Message queued for ${sent.recipients} ${sent.recipients === 1 ? 'address' : 'addresses'}.`);
          return reply.redirect(`/messages/${sent.id}`, 303);
        }
        return compose(req, reply, f, { preview: await previewMessage(deps, req.auth!, rawOf(f)) });
      },
      (errors, status) => compose(req, reply, f, { errors, status }),
    );
  });

  app.get('/messages/:id', { config: ACCESS, schema: hidden }, async (req, reply) => {
    const m = await messageRecord(deps, req.auth!, (req.params as { id: string }).id);
    return page(req, reply, m.subject, () => <MessageRecordView m={m} />);
  });
}
