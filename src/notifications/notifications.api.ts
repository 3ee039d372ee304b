import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { actorOf } from '../platform/http/forms.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { preferencesOf, REMINDER_ADMINS, savePreferences, setWeekly, unsubscribe, weeklyStatus, type KindChoice } from './notifications.service.js';
import { sendWeeklyReminders } from '../compliance/index.js';

const tags = ['notifications'];
const KindJson = Type.Object({
  code: Type.String(),
  label: Type.String(),
  group: Type.String(),
  optional: Type.Boolean({ description: 'the person may switch it off' }),
  enabled: Type.Boolean(),
});
const Prefs = Type.Object({ kinds: Type.Array(KindJson) });
const WeeklyJson = Type.Object({
  on: Type.Boolean(),
  changedAt: Type.Union([Type.String(), Type.Null()]),
  week: Type.String({ description: 'ISO week of the region, e.g. 2026-W38' }),
  sentThisWeek: Type.Integer(),
});
const RunJson = Type.Object({
  enabled: Type.Boolean(),
  week: Type.String(),
  seasonId: Type.Union([Type.String(), Type.Null()]),
  withMissing: Type.Integer(),
  sent: Type.Integer(),
  alreadySent: Type.Integer(),
  optedOut: Type.Integer(),
  noEmail: Type.Integer(),
});
const prefs = (kinds: KindChoice[]) => ({ kinds: kinds.map((k) => ({ code: k.code, label: k.label, group: k.group, optional: k.optional, enabled: k.enabled })) });

/** /api/v1: your mail choices, one-click unsubscribe, and the weekly reminder switch. */
export function notificationsApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/me/notifications',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Every kind of mail with your choice (kinds that cannot be switched off are always enabled)', response: { 200: Prefs } },
    },
    async (req) => prefs(await preferencesOf(deps, req.auth!.personId)),
  );
  app.put(
    '/api/v1/me/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Switch optional kinds of mail on or off; kinds not named keep their choice',
        body: Type.Object({ enabled: Type.Record(Type.String(), Type.Boolean()) }),
        response: { 200: Prefs, 422: ErrorSchema },
      },
    },
    async (req) => prefs(await savePreferences(deps, req.auth!.personId, req.body.enabled)),
  );
  app.post(
    '/api/v1/unsubscribe/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One-click unsubscribe (RFC 8058) with the token of a mailed link: switches that kind off; no login',
        security: [],
        params: Type.Object({ token: Type.String() }),
        querystring: Type.Object({ kind: Type.String() }),
        response: { 200: Type.Object({ kind: Type.String(), enabled: Type.Boolean() }), 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => ({ kind: (await unsubscribe(deps, req.params.token, req.query.kind)).code, enabled: false }),
  );
  app.get(
    '/api/v1/notifications/weekly',
    { config: { access: REMINDER_ADMINS }, schema: { tags, summary: "The weekly reminder's switch and this week's count", response: { 200: WeeklyJson } } },
    async () => weeklyStatus(deps),
  );
  app.put(
    '/api/v1/notifications/weekly',
    {
      config: { access: REMINDER_ADMINS },
      schema: { tags, summary: 'Switch the weekly missing-items reminder on or off (audited)', body: Type.Object({ on: Type.Boolean() }), response: { 200: WeeklyJson } },
    },
    async (req) => setWeekly(deps, actorOf(req), req.body.on),
  );
  app.post(
    '/api/v1/notifications/weekly/run',
    { config: { access: REMINDER_ADMINS }, schema: { tags, summary: "Send this week's reminders now (nobody gets one twice in a week)", response: { 200: RunJson } } },
    async () => sendWeeklyReminders(deps),
  );
}
