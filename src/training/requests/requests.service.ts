/**
 * Missing certifications: a volunteer whose completion does not show uploads its certificate; the
 * registrar verifies it (which records the completion, source 'upload') or rejects it with a reason
 * the volunteer sees. Files are checked by content (PDF, JPEG or PNG, at most 10 MB).
 */
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/clock.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import { checkUpload, readFile, saveFile } from '../../platform/files.store.js';
import type { Auth } from '../../platform/http/access.js';
import { hasAnyRole } from '../../platform/http/access.js';
import type { Role } from '../../platform/roles.js';
import { getRegionConfig, regionToday } from '../../region/index.js';
import { catalogOf, parseCompletionCode } from '../catalog.rules.js';
import { completionLabel } from '../training.rules.js';
import { activePerson, insertCompletionIfNew } from '../training.store.js';
import { checkCompletedOn, type TrainingDeps } from '../completions/completions.service.js';
import { claimRequest, findRequest, insertRequest, pendingRequestFor } from './requests.store.js';

export const MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;
/** Who verifies uploaded certificates and may open the files. */
export const VERIFIERS: readonly Role[] = ['registrar', 'region-administrator'];
export const FILE_PURPOSE = 'certificate-upload';

export interface Upload {
  training: string;
  completedOn: string;
  fileName: string;
  data: Uint8Array;
}

/** Stores the certificate and a pending request; answers the request id. */
export async function submitRequest(deps: TrainingDeps, personId: string, u: Upload): Promise<string> {
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const ref = parseCompletionCode(catalog, u.training);
  checkCompletedOn(u.completedOn, regionToday(config, deps.clock));
  const type = checkUpload(u.data, { maxBytes: MAX_CERTIFICATE_BYTES, allowed: ['pdf', 'jpeg', 'png'] });
  return deps.db.transaction().execute(async (trx) => {
    if (await pendingRequestFor(trx, personId, ref.training, ref.part)) {
      throw new AppError(
        'REQUEST_PENDING',
        `You already sent a certificate for ${completionLabel(catalog, ref.training, ref.part)} that waits for the registrar; you will get a mail once it is checked.`,
      );
    }
    const at = deps.clock.now().toISOString();
    const fileId = await saveFile(trx, { ownerId: personId, purpose: FILE_PURPOSE, fileName: u.fileName, contentType: type.contentType, data: u.data, createdAt: at });
    const id = newId();
    await insertRequest(trx, {
      id,
      person_id: personId,
      training: ref.training,
      part: ref.part,
      completed_on: u.completedOn,
      file_id: fileId,
      status: 'pending',
      reason: null,
      decided_by: null,
      decided_at: null,
      created_at: at,
    });
    return id;
  });
}

async function tell(deps: TrainingDeps, trx: TrainingDeps['db'], personId: string, subject: string, body: string): Promise<void> {
  const p = await activePerson(trx, personId);
  if (p?.email)
    await deps.mailer.queue(trx, {
      to: p.email,
      subject,
      kind: 'training.request.decided',
      text: `Hello ${p.firstName},\n\n${body}\n\nYour trainings: ${deps.config.baseUrl}/training\n`,
    });
}

/** The registrar accepts the certificate: the completion is recorded (source 'upload'). */
export async function verifyRequest(deps: TrainingDeps, actor: Actor, requestId: string): Promise<void> {
  const catalog = catalogOf(await getRegionConfig(deps.db));
  await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    const r = await claimRequest(trx, requestId, { status: 'verified', reason: null, decided_by: actor.id, decided_at: at });
    const label = completionLabel(catalog, r.training, r.part);
    const c = await insertCompletionIfNew(trx, {
      personId: r.person_id,
      training: r.training,
      part: r.part,
      completedOn: r.completed_on,
      source: 'upload',
      classSessionId: null,
      recordedBy: actor.id,
      recordedAt: at,
    });
    await recordAudit(trx, {
      actor,
      at,
      action: 'training.request.verify',
      entity: 'person',
      entityId: r.person_id,
      before: { request: r.id, status: 'pending' },
      after: { request: r.id, status: 'verified', training: r.training, part: r.part, completedOn: r.completed_on, certificateNo: c?.certificateNo ?? null },
    });
    await tell(
      deps,
      trx,
      r.person_id,
      `Certificate accepted: ${label}`,
      `The registrar checked your certificate: ${label}, completed on ${r.completed_on}, now shows in your trainings.`,
    );
  });
}

/** The registrar refuses the certificate with a reason the volunteer reads. */
export async function rejectRequest(deps: TrainingDeps, actor: Actor, requestId: string, reasonText: string): Promise<void> {
  const reason = reasonText.trim();
  if (!reason) throw new AppError('VALIDATION', 'Say why the certificate is refused, so the volunteer knows what to send instead.', { field: 'reason' });
  if (reason.length > 500) throw new AppError('VALIDATION', 'Keep the reason under 500 characters.', { field: 'reason' });
  const catalog = catalogOf(await getRegionConfig(deps.db));
  await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    const r = await claimRequest(trx, requestId, { status: 'rejected', reason, decided_by: actor.id, decided_at: at });
    const label = completionLabel(catalog, r.training, r.part);
    await recordAudit(trx, {
      actor,
      at,
      action: 'training.request.reject',
      entity: 'person',
      entityId: r.person_id,
      before: { request: r.id, status: 'pending' },
      after: { request: r.id, status: 'rejected', reason },
    });
    await tell(
      deps,
      trx,
      r.person_id,
      `Certificate not accepted: ${label}`,
      `The registrar could not accept your certificate for ${label} (completed on ${r.completed_on}):\n\n  ${reason}\n\nYou can upload another one on your Training page.`,
    );
  });
}

/** The uploaded file of a request: for its owner and the verifiers only. */
export async function requestFile(deps: Pick<TrainingDeps, 'db'>, auth: Auth | null, requestId: string) {
  const r = await findRequest(deps.db, requestId);
  if (!r) throw notFound('That certificate upload');
  if (!auth || (auth.personId !== r.person_id && !hasAnyRole(auth, VERIFIERS))) throw forbidden('Only the person who uploaded this certificate and the registrar can open it.');
  const file = await readFile(deps.db, r.file_id);
  if (!file) throw notFound('That file');
  return file;
}
