/**
 * Completions: recording one by hand (board), a person's trainings as they stand today, and the
 * certificate of a completion.
 */
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import type { Deps } from '../../platform/feature.js';
import type { Auth } from '../../platform/http/access.js';
import { hasAnyRole } from '../../platform/http/access.js';
import { BOARD_ROLES, type Role } from '../../platform/roles.js';
import { isIsoDate } from '../../region/index.js';
import { getRegionConfig, regionToday } from '../../region/index.js';
import { catalogOf, completionCode, expiryDate, indexCompletions, parseCompletionCode, trainingStatus, type Catalog, type TrainingStatus } from '../catalog.rules.js';
import { completionLabel, nextStep, trainingState, type TrainingState } from '../training.rules.js';
import { activePerson, findCompletion, insertCompletionIfNew, listCompletions, peopleByIds, type CompletionRecord } from '../training.store.js';
import { renderCertificate } from './certificate.pdf.js';

export type TrainingDeps = Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>;

/** Board roles that record completions by hand (the API and the registrar's form). */
export const RECORDERS: readonly Role[] = ['registrar', 'coach-administrator', 'region-administrator'];

export interface CompletionView extends CompletionRecord {
  /** The completion code (`safe-haven`, `coach-10u:field`). */
  code: string;
  label: string;
  /** When this completion stops counting, or null when the training never expires. */
  expiresOn: string | null;
}

export function completionView(catalog: Catalog, c: CompletionRecord): CompletionView {
  const t = catalog.get(c.training);
  return {
    ...c,
    code: t ? completionCode(t, c.part) : `${c.training}:${c.part}`,
    label: completionLabel(catalog, c.training, c.part),
    expiresOn: t ? expiryDate(t, c.completedOn) : null,
  };
}

/** A completion date as forms and the API give it: a real date, not after the region's today. */
export function checkCompletedOn(completedOn: string, today: string): void {
  if (!isIsoDate(completedOn)) throw new AppError('VALIDATION', `"${completedOn.slice(0, 20)}" is not a date: write the completion date as YYYY-MM-DD.`, { field: 'completedOn' });
  if (completedOn > today)
    throw new AppError('FUTURE_DATE', `The completion date ${completedOn} is after today (${today}): a training cannot be completed in the future.`, { field: 'completedOn' });
}

/**
 * A board member records a completion for a person (source 'administrator'), audited.
 * Refuses unknown trainings, a bare two-part code, future dates and the same part on the same date.
 */
export async function recordCompletion(deps: TrainingDeps, actor: Actor, personId: string, input: { training: string; completedOn: string }): Promise<CompletionView> {
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const ref = parseCompletionCode(catalog, input.training);
  checkCompletedOn(input.completedOn, regionToday(config, deps.clock));
  return deps.db.transaction().execute(async (trx) => {
    if (!(await activePerson(trx, personId))) throw notFound('That person');
    const at = deps.clock.now().toISOString();
    const record = await insertCompletionIfNew(trx, {
      personId,
      ...ref,
      completedOn: input.completedOn,
      source: 'administrator',
      classSessionId: null,
      recordedBy: actor.id,
      recordedAt: at,
    });
    if (!record) throw new AppError('COMPLETION_EXISTS', `This person already has ${completionLabel(catalog, ref.training, ref.part)} completed on ${input.completedOn}.`);
    await recordAudit(trx, {
      actor,
      at,
      action: 'training.completion.record',
      entity: 'person',
      entityId: personId,
      after: { training: ref.training, part: ref.part, completedOn: input.completedOn, certificateNo: record.certificateNo },
    });
    return completionView(catalog, record);
  });
}

export async function personCompletions(deps: Pick<Deps, 'db'>, personId: string): Promise<CompletionView[]> {
  const catalog = catalogOf(await getRegionConfig(deps.db));
  return (await listCompletions(deps.db, personId)).map((c) => completionView(catalog, c));
}

/** May `auth` see this person's trainings? The person themself and the board. */
export function canSeeTrainings(auth: Auth | null, personId: string): boolean {
  return !!auth && (auth.personId === personId || hasAnyRole(auth, BOARD_ROLES));
}

export interface TrainingLine {
  code: string;
  name: string;
  status: TrainingStatus;
  state: TrainingState;
  /** What to do next, or null when nothing is needed. */
  next: string | null;
}

/** Every training of the catalog and where the person stands on it today. */
export async function trainingOverview(deps: Pick<Deps, 'db' | 'clock'>, personId: string): Promise<{ today: string; lines: TrainingLine[]; completions: CompletionView[] }> {
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const today = regionToday(config, deps.clock);
  const records = await listCompletions(deps.db, personId);
  const index = indexCompletions(records, today);
  const lines = config.trainings.map((t) => {
    const status = trainingStatus(t, index, today);
    return { code: t.code, name: t.name, status, state: trainingState(status, t.parts.length), next: nextStep(t, status) };
  });
  return { today, lines, completions: records.map((c) => completionView(catalog, c)) };
}

/** The certificate PDF of a completion, for its owner or the board. */
export async function completionCertificate(deps: Pick<Deps, 'db'>, auth: Auth | null, completionId: string): Promise<{ fileName: string; pdf: Uint8Array }> {
  const c = await findCompletion(deps.db, completionId);
  if (!c) throw notFound('That completion');
  if (!canSeeTrainings(auth, c.personId)) throw forbidden('Only the person who completed the training and the board can download this certificate.');
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const person = (await peopleByIds(deps.db, [c.personId])).get(c.personId);
  const t = catalog.get(c.training);
  const pdf = await renderCertificate({
    regionName: `Region ${config.region.number} ${config.region.name}`,
    personName: person?.name ?? 'Unknown person',
    trainingName: t?.name ?? c.training,
    partName: t && t.parts.length > 1 ? (t.parts.find((p) => p.part === c.part)?.name ?? c.part) : null,
    completedOn: c.completedOn,
    certificateNo: c.certificateNo,
  });
  return { fileName: `certificate-${c.certificateNo}.pdf`, pdf };
}
