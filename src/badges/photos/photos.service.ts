/**
 * Badge photos: a coach uploads one (checked, cropped and stripped by photo.rules.ts), the coach
 * administrator approves it or rejects it with a reason the coach sees and is mailed. A person's
 * latest upload is their photo; older uploads no badge was issued with are deleted with their file.
 */
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/clock.js';
import type { Actor } from '../../platform/audit.js';
import { recordAudit } from '../../platform/audit.js';
import type { Auth } from '../../platform/http/access.js';
import { hasAnyRole } from '../../platform/http/access.js';
import { readFile, saveFile } from '../../platform/files.store.js';
import { notifyPhotoRejected } from '../badges.mail.js';
import { processPhoto } from './photo.rules.js';
import { BADGE_BOARD, type BadgeDeps } from '../badges.service.js';
import { decidePhotoRow, deleteUnusedPhotos, findPhoto, insertPhoto, latestPhotos, pendingPhotos, type QueuedPhoto } from '../badges.store.js';

export const PHOTO_PURPOSE = 'badge-photo';
export const MAX_REASON = 300;

/** Stores a new badge photo of the person, waiting for approval; answers its id. */
export async function uploadPhoto(deps: BadgeDeps, personId: string, data: Uint8Array): Promise<string> {
  const jpeg = await processPhoto(data);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const fileId = await saveFile(trx, { ownerId: personId, purpose: PHOTO_PURPOSE, fileName: 'badge-photo.jpg', contentType: 'image/jpeg', data: jpeg, createdAt: at });
    const id = newId();
    await insertPhoto(trx, { id, personId, fileId, uploadedAt: at });
    await deleteUnusedPhotos(trx, personId, id);
    return id;
  });
}

export type PhotoDecision = { decision: 'approve' } | { decision: 'reject'; reason: string };

/** Reads a decision from a form or the API; VALIDATION lists what to fix. */
export function readDecision(decision: string, reason: string | undefined): PhotoDecision {
  const why = (reason ?? '').trim();
  if (decision === 'approve') return { decision: 'approve' };
  if (decision !== 'reject') throw new AppError('VALIDATION', 'The decision is "approve" or "reject".', { errors: ['The decision is "approve" or "reject".'] });
  const errors: string[] = [];
  if (!why) errors.push('Say why the photo is rejected: the coach reads it (for example "Your face is hidden by sunglasses").');
  if (why.length > MAX_REASON) errors.push(`Keep the reason under ${MAX_REASON} characters.`);
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  return { decision: 'reject', reason: why };
}

/** Approves or rejects a photo (audited); a rejection is mailed to the coach with its reason. */
export async function decidePhoto(deps: BadgeDeps, actor: Actor, photoId: string, d: PhotoDecision): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const photo = await findPhoto(trx, photoId);
    if (!photo) throw new AppError('NOT_FOUND', 'That photo is gone: the coach may have uploaded a newer one. Reload the list.');
    const status = d.decision === 'approve' ? 'approved' : 'rejected';
    const reason = d.decision === 'reject' ? d.reason : null;
    await decidePhotoRow(trx, photoId, { status, reason, at, by: actor.id });
    await recordAudit(trx, {
      actor,
      at,
      action: `badge.photo.${d.decision}`,
      entity: 'badge_photo',
      entityId: photoId,
      before: { personId: photo.personId, status: photo.status, reason: photo.reason },
      after: { personId: photo.personId, status, reason },
    });
    if (reason) await notifyPhotoRejected(trx, deps, photo.personId, reason);
  });
}

export async function photoQueue(deps: BadgeDeps): Promise<QueuedPhoto[]> {
  return pendingPhotos(deps.db);
}

/** The image of a photo, for its owner and the badge board only. */
export async function photoImage(deps: BadgeDeps, auth: Auth | null, photoId: string) {
  const photo = await findPhoto(deps.db, photoId);
  const mine = !!auth && photo?.personId === auth.personId;
  if (!photo || (!mine && !hasAnyRole(auth, BADGE_BOARD))) throw new AppError('NOT_FOUND', 'There is no such photo.');
  const file = await readFile(deps.db, photo.fileId);
  if (!file) throw new AppError('NOT_FOUND', 'There is no such photo.');
  return file;
}

/** The person's own latest photo, or null. */
export async function myPhoto(deps: BadgeDeps, personId: string) {
  return (await latestPhotos(deps.db, [personId])).get(personId) ?? null;
}
