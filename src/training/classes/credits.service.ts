/**
 * Crediting a class: the instructor (or the coach or region administrator) marks registered
 * attendees complete. Each gets a completion dated the day of the class, with source 'instructor'.
 * Anyone not registered is refused (rules.md: "crediting someone who did not register is refused").
 */
import { notify } from '../../platform/notify/notify.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit.js';
import { getRegionConfig, regionToday } from '../../region/index.js';
import { catalogOf } from '../catalog.rules.js';
import { canCreditOn, notRegistered } from './classes.rules.js';
import { completionLabel, longDate } from '../training.rules.js';
import { insertCompletionIfNew, peopleByIds } from '../training.store.js';
import { lockSession, markCredited, registrationsOf } from './classes.store.js';
import { canManage, type ClassActor } from './classes.service.js';
import type { TrainingDeps } from '../completions/completions.service.js';

export interface CreditResult {
  credited: string[];
  alreadyCredited: string[];
}

/**
 * Credits the given people for a session, all or nothing: one person who did not register
 * refuses the whole request with NOT_REGISTERED, naming them.
 */
export async function creditAttendees(deps: TrainingDeps, actor: ClassActor, sessionId: string, personIds: readonly string[]): Promise<CreditResult> {
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const today = regionToday(config, deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, sessionId);
    if (!s) throw notFound('That class');
    if (!canManage(actor, s)) throw forbidden('Only the instructor of this class, the coach administrator and the region administrator can credit its attendees.');
    if (s.cancelledAt) throw new AppError('CLASS_CANCELLED', 'This class was cancelled: nobody can be credited for it.');
    if (!canCreditOn(s, today)) throw new AppError('CLASS_NOT_HELD', `The class is on ${longDate(s.date)}: credit attendees on or after that day.`);
    if (personIds.length === 0) throw new AppError('VALIDATION', 'Choose at least one attendee to credit.');
    const regs = new Map((await registrationsOf(trx, s.id)).map((r) => [r.personId, r]));
    const missing = notRegistered(new Set(regs.keys()), personIds);
    if (missing.length) {
      const people = await peopleByIds(trx, missing);
      const errors = missing.map(
        (id) =>
          `${people.get(id)?.name ?? 'That person'} did not register for this class. Only registered attendees can be credited: ask them to register first (on their Training page), then credit them.`,
      );
      throw new AppError('NOT_REGISTERED', errors.join(' '), { personIds: missing, errors });
    }
    const at = deps.clock.now().toISOString();
    const result: CreditResult = { credited: [], alreadyCredited: [] };
    const people = await peopleByIds(trx, personIds);
    const label = completionLabel(catalog, s.training, s.part);
    for (const id of new Set(personIds)) {
      const reg = regs.get(id)!;
      if (reg.creditedAt) {
        result.alreadyCredited.push(id);
        continue;
      }
      await insertCompletionIfNew(trx, {
        personId: id,
        training: s.training,
        part: s.part,
        completedOn: s.date,
        source: 'instructor',
        classSessionId: s.id,
        recordedBy: actor.id,
        recordedAt: at,
      });
      await markCredited(trx, reg.id, at, actor.id);
      result.credited.push(id);
      const p = people.get(id);
      if (p?.email) {
        const text = `Hello ${p.firstName},\n\n${actor.name} credited you with ${label}, completed on ${longDate(s.date)}.\nYour certificate is on your Training page: ${deps.config.baseUrl}/training\n`;
        await notify(trx, deps.mailer, { personId: id, subject: `Completed: ${label}`, kind: 'training.class.credited', text }, deps);
      }
    }
    if (result.credited.length)
      await recordAudit(trx, {
        actor,
        at,
        action: 'training.class.credit',
        entity: 'class',
        entityId: s.id,
        after: { training: s.training, part: s.part, completedOn: s.date, credited: result.credited },
      });
    return result;
  });
}
