/**
 * Notifications: the person's mail choices (/profile/notifications), one-click unsubscribe links
 * that work without login (/unsubscribe/{token}?kind=K), the coach administrator's weekly reminder
 * switch (/admin/notifications) and the /api/v1 routes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps, Feature } from '../platform/feature.js';
import { flash, page } from '../platform/http/pages.js';
import { actorOf, formBody, formList, handleForm } from '../platform/http/forms.js';
import { NOTIFICATION_KINDS, OPTIONAL_KINDS } from '../platform/notify/catalog.js';
import { preferencesOf, REMINDER_ADMINS, savePreferences, setWeekly, unsubscribe, unsubscribeState, weeklyStatus } from './notifications.service.js';
import { describeRun, sendWeeklyReminders } from '../compliance/index.js';
import { NotificationsAdminView, PreferencesView, UnsubscribeView } from './notifications.views.js';
import { notificationsApi } from './notifications.api.js';

const hidden = { hide: true };
const AUTH = { access: 'authenticated' as const };
const PUBLIC = { access: 'public' as const };

function preferenceRoutes(app: App, deps: Deps) {
  const show = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const kinds = await preferencesOf(deps, req.auth!.personId);
    return page(req, reply, 'Mail notifications', (ctx) => <PreferencesView ctx={ctx} kinds={kinds} errors={errors} />, { status });
  };
  app.get('/profile/notifications', { config: AUTH, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/profile/notifications', { config: AUTH, schema: hidden }, async (req, reply) => {
    const on = new Set(formList(req, 'on'));
    return handleForm(
      reply,
      async () => {
        await savePreferences(deps, req.auth!.personId, Object.fromEntries(OPTIONAL_KINDS.map((k) => [k.code, on.has(k.code)])));
        flash(reply, 'Your mail choices are saved.');
        return reply.redirect('/profile/notifications', 303);
      },
      (errors, status) => show(req, reply, errors, status),
    );
  });
}

function unsubscribeRoutes(app: App, deps: Deps) {
  type Req = FastifyRequest<{ Params: { token: string }; Querystring: { kind?: string } }>;
  const where = (req: Req) => `/unsubscribe/${encodeURIComponent(req.params.token)}?kind=${encodeURIComponent(req.query.kind ?? '')}`;
  app.get('/unsubscribe/:token', { config: PUBLIC, schema: hidden }, async (req: Req, reply) => {
    const s = await unsubscribeState(deps, req.params.token, req.query.kind ?? '');
    return page(req, reply, 'Stop mails', (ctx) => <UnsubscribeView ctx={ctx} action={where(req)} kind={s.kind} enabled={s.enabled} />);
  });
  app.post('/unsubscribe/:token', { config: PUBLIC, schema: hidden }, async (req: Req, reply) => {
    const kind = await unsubscribe(deps, req.params.token, req.query.kind ?? '');
    flash(reply, `Done: you will not get mails about "${kind.label}" any more.`);
    return reply.redirect(where(req), 303);
  });
}

function adminRoutes(app: App, deps: Deps) {
  const config = { access: REMINDER_ADMINS };
  const show = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const weekly = await weeklyStatus(deps);
    return page(req, reply, 'Notifications', (ctx) => <NotificationsAdminView ctx={ctx} weekly={weekly} kinds={NOTIFICATION_KINDS} errors={errors} />, { status });
  };
  app.get('/admin/notifications', { config, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/admin/notifications', { config, schema: hidden }, async (req, reply) => {
    const on = formBody(req).weekly === 'on';
    await setWeekly(deps, actorOf(req), on);
    flash(reply, on ? 'The weekly reminder is on.' : 'The weekly reminder is off.');
    return reply.redirect('/admin/notifications', 303);
  });
  app.post('/admin/notifications/run', { config, schema: hidden }, async (_req, reply) => {
    flash(reply, describeRun(await sendWeeklyReminders(deps)));
    return reply.redirect('/admin/notifications', 303);
  });
}

export const notificationsFeature: Feature = {
  name: 'notifications',
  nav: [{ href: '/admin/notifications', label: 'Notifications', access: REMINDER_ADMINS, order: 86 }],
  routes: (app, deps) => {
    preferenceRoutes(app, deps);
    unsubscribeRoutes(app, deps);
    adminRoutes(app, deps);
    notificationsApi(app, deps);
  },
};
