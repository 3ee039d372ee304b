import { AppError } from '../platform/errors.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import type { Deps } from '../platform/feature.js';
import type { Role } from '../platform/roles.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { findKind, NOTIFICATION_KINDS, WEEKLY_REMINDER, type NotificationKind } from '../platform/notify/catalog.js';
import { countSends, getSetting, loadPreferences, putSetting, savePreference } from '../platform/notify/notifications.store.js';
import { isoWeek } from '../platform/notify/notify.rules.js';
import { WEEKLY_SETTING } from '../compliance/index.js';
import { personOfToken } from '../platform/notify/unsubscribe.js';
import { personExists } from './notifications.store.js';

type SvcDeps = Pick<Deps, 'db' | 'clock'>;

/** Who switches the weekly reminder on and off. */
export const REMINDER_ADMINS: readonly Role[] = ['coach-administrator', 'region-administrator'];

export interface KindChoice extends NotificationKind {
  /** Always true for kinds that cannot be switched off. */
  enabled: boolean;
}

/** Every kind of mail with the person's choice. */
export async function preferencesOf(deps: SvcDeps, personId: string): Promise<KindChoice[]> {
  const prefs = await loadPreferences(deps.db, personId);
  return NOTIFICATION_KINDS.map((k) => ({ ...k, enabled: !k.optional || (prefs.get(k.code) ?? true) }));
}

/** Saves the person's choices; a kind that is unknown or always sent is refused with the others listed. */
export async function savePreferences(deps: SvcDeps, personId: string, choices: Record<string, boolean>): Promise<KindChoice[]> {
  const errors: string[] = [];
  for (const code of Object.keys(choices)) {
    const k = findKind(code);
    if (!k)
      errors.push(
        `"${code.slice(0, 60)}" is not a kind of mail: use one of ${NOTIFICATION_KINDS.filter((x) => x.optional)
          .map((x) => x.code)
          .join(', ')}.`,
      );
    else if (!k.optional) errors.push(`"${k.label}" is always sent (it answers something you did, or changes where you need to be): it cannot be switched off.`);
  }
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const [code, on] of Object.entries(choices)) await savePreference(trx, personId, code, on, at);
  });
  return preferencesOf(deps, personId);
}

/** The kind an unsubscribe link names, checked: only kinds a person may switch off. */
export function unsubscribableKind(code: string): NotificationKind {
  const k = findKind(code);
  if (!k) throw new AppError('VALIDATION', 'This link names no kind of mail we send: choose your mails on your profile page instead.');
  if (!k.optional) throw new AppError('VALIDATION', `"${k.label}" is always sent: it answers something you did, so it cannot be switched off.`);
  return k;
}

export async function tokenPerson(deps: SvcDeps, token: string): Promise<string> {
  const personId = await personOfToken(deps.db, token);
  const exists = personId && (await personExists(deps.db, personId));
  if (!personId || !exists)
    throw new AppError('NOT_FOUND', 'This unsubscribe link is not valid: use the whole link from the mail, or log in and choose your mails on your profile page.');
  return personId;
}

/** What the unsubscribe page shows: the kind and whether it is still on. */
export async function unsubscribeState(deps: SvcDeps, token: string, kindCode: string): Promise<{ kind: NotificationKind; enabled: boolean }> {
  const personId = await tokenPerson(deps, token);
  const kind = unsubscribableKind(kindCode);
  return { kind, enabled: (await loadPreferences(deps.db, personId)).get(kind.code) ?? true };
}

/** Switches one kind off for the person of the token (works without login; doing it twice is fine). */
export async function unsubscribe(deps: SvcDeps, token: string, kindCode: string): Promise<NotificationKind> {
  const personId = await tokenPerson(deps, token);
  const kind = unsubscribableKind(kindCode);
  await savePreference(deps.db, personId, kind.code, false, deps.clock.now().toISOString());
  return kind;
}

export interface WeeklyStatus {
  on: boolean;
  changedAt: string | null;
  week: string;
  sentThisWeek: number;
}

export async function weeklyStatus(deps: SvcDeps): Promise<WeeklyStatus> {
  const config = await getRegionConfig(deps.db);
  const week = isoWeek(regionToday(config, deps.clock));
  const s = await getSetting(deps.db, WEEKLY_SETTING);
  return { on: s?.value === '1', changedAt: s?.updatedAt ?? null, week, sentThisWeek: await countSends(deps.db, WEEKLY_REMINDER, week) };
}

/** The coach administrator switches the weekly reminder on or off (audited). */
export async function setWeekly(deps: SvcDeps, actor: Actor, on: boolean): Promise<WeeklyStatus> {
  await deps.db.transaction().execute(async (trx) => {
    const before = (await getSetting(trx, WEEKLY_SETTING))?.value === '1';
    const at = deps.clock.now().toISOString();
    await putSetting(trx, WEEKLY_SETTING, on ? '1' : '0', at, actor.id);
    if (before !== on)
      await recordAudit(trx, {
        actor,
        at,
        action: 'notifications.weekly-reminder',
        entity: 'notification_settings',
        entityId: WEEKLY_SETTING,
        before: { on: before },
        after: { on },
      });
  });
  return weeklyStatus(deps);
}
