import { AppError } from '../platform/errors.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import type { Deps } from '../platform/feature.js';
import { checkUpload, readFile, saveFile, sniffFileKind } from '../platform/files.store.js';
import { checkResourceInput, type ResourceInput } from './site.rules.js';
import { findResource, insertResource, listedFile, markRemoved } from './site.store.js';

/** Coach resources: links (videos...) and uploaded files (PDF, JPEG, PNG) kept in the `files` table. */

export const MAX_RESOURCE_BYTES = 10 * 1024 * 1024;
export const RESOURCE_FILE_PURPOSE = 'site-resource';

type SiteDeps = Pick<Deps, 'db' | 'clock'>;

export interface NewResource extends Omit<ResourceInput, 'hasFile'> {
  file: { fileName: string; data: Uint8Array } | null;
}

export async function addResource(deps: SiteDeps, actor: Actor, r: NewResource): Promise<string> {
  const input = { category: r.category, title: r.title.trim(), note: r.note.trim(), url: r.url.trim(), hasFile: !!r.file };
  const errors = checkResourceInput(input);
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  if (r.file?.data.length && !sniffFileKind(r.file.data))
    throw new AppError(
      'UNSUPPORTED_FILE',
      'That file is not a PDF, JPEG or PNG: save the document as PDF (or the picture as JPEG or PNG) and upload that, or give a link instead.',
    );
  const kind = r.file ? checkUpload(r.file.data, { maxBytes: MAX_RESOURCE_BYTES, allowed: ['pdf', 'jpeg', 'png'] }) : null;
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    const fileId =
      r.file && kind
        ? await saveFile(trx, { ownerId: null, purpose: RESOURCE_FILE_PURPOSE, fileName: r.file.fileName, contentType: kind.contentType, data: r.file.data, createdAt: at })
        : null;
    const id = await insertResource(trx, { category: input.category, title: input.title, note: input.note, url: input.url || null, fileId, at, by: actor.id });
    await recordAudit(trx, {
      actor,
      at,
      action: 'site.resource.add',
      entity: 'site_resource',
      entityId: id,
      after: { category: input.category, title: input.title, url: input.url || null, fileId },
    });
    return id;
  });
}

/** Removes a resource from the page (kept in the database; its file is no longer served). */
export async function removeResource(deps: SiteDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await findResource(trx, id);
    if (!r || r.removed_at) throw new AppError('NOT_FOUND', 'That resource was not found, or was already removed.');
    const at = deps.clock.now().toISOString();
    await markRemoved(trx, id, at);
    await recordAudit(trx, {
      actor,
      at,
      action: 'site.resource.remove',
      entity: 'site_resource',
      entityId: id,
      before: { category: r.category, title: r.title, url: r.url, fileId: r.file_id },
    });
  });
}

/** A resource file anyone may download: only files of resources still listed. */
export async function resourceFile(deps: SiteDeps, fileId: string) {
  const f = (await listedFile(deps.db, fileId)) ? await readFile(deps.db, fileId) : undefined;
  if (!f || f.purpose !== RESOURCE_FILE_PURPOSE) throw new AppError('NOT_FOUND', 'That file is no longer on the resources page: open the page for the current ones.');
  return f;
}
