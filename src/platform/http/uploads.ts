/**
 * File uploads for this feature's routes: @fastify/multipart registered in the feature's own scope,
 * and one reader that answers the form fields and the file.
 *
 * CSRF: the app checks the token in a preValidation hook that runs before any body parser of this
 * scope has read a multipart body, so the usual hidden `_csrf` field is not seen there. Upload forms
 * therefore put the token in their action URL (`?_csrf=…`); a hook of this scope moves it into the
 * `x-csrf-token` header the check reads (htmx requests already send that header). The token is
 * tied to the session's signed secret cookie, and helmet's `Referrer-Policy: no-referrer` keeps
 * the URL from leaking to other sites.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { App } from '../feature.js';
import { checkText, INPUT_LIMITS } from './input.js';
import { clipped } from '../quote.js';

export interface UploadedForm {
  fields: Record<string, string>;
  file: { fileName: string; data: Buffer } | null;
}

/** Registers multipart parsing (once per scope) and the CSRF query-to-header hook. */
export async function enableUploads(app: App): Promise<void> {
  if (!app.hasRequestDecorator('parts')) await app.register(multipart, { limits: { files: 1, fields: 20, parts: 25 } });
  app.addHook('onRequest', async (req) => {
    if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return;
    const token = (req.query as { _csrf?: unknown } | undefined)?._csrf;
    if (typeof token === 'string' && !req.headers['x-csrf-token']) req.headers['x-csrf-token'] = token;
  });
}

/** The action URL of an upload form: the path with the CSRF token (see the module comment). */
export const uploadAction = (path: string, csrf: string) => `${path}?_csrf=${encodeURIComponent(csrf)}`;

/**
 * Reads a multipart form: every text field and the one file (`null` when the file input was left
 * empty). A file over `maxBytes` answers PAYLOAD_TOO_LARGE with what to do.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number, what = 'file', textLimits: Record<string, number> = {}): Promise<UploadedForm> {
  if (!req.isMultipart()) throw new AppError('VALIDATION', `Send the form as multipart/form-data with the ${what} in the "file" field.`);
  const out: UploadedForm = { fields: {}, file: null };
  try {
    const fieldSize = Math.max(INPUT_LIMITS.text, ...Object.values(textLimits)) * 4;
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fieldSize } })) {
      // The text of an upload form is guarded like any other (input.ts): the parts are read here,
      // after the app's guard has run.
      checkText(part.fieldname, part.fieldname, 'body', INPUT_LIMITS.key, false);
      if (part.type === 'file') {
        const fileName = checkText(part.filename ?? '', 'file name', 'body', 255, false);
        const data = await part.toBuffer();
        if (fileName || data.length) out.file = { fileName: fileName || 'upload', data };
      } else if (part.fieldname !== '_csrf') {
        const limit = textLimits[part.fieldname] ?? INPUT_LIMITS.text;
        if (part.valueTruncated) throw new AppError('VALIDATION', `Some values are not valid (body): ${clipped(part.fieldname)}: at most ${limit} characters.`);
        out.fields[part.fieldname] = checkText(String(part.value ?? ''), part.fieldname, 'body', limit);
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    const mb = Math.round(maxBytes / (1024 * 1024));
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', `The ${what} is larger than ${mb} MB: save a smaller one and upload it again.`);
    if (code === 'FST_FILES_LIMIT') throw new AppError('VALIDATION', `Upload one ${what} at a time.`);
    throw e;
  }
  return out;
}

/**
 * Sends a stored file. Images are shown in the browser; PDFs (uploaded ones are untrusted, and
 * Chromium's viewer does not run under the app's `object-src 'none'` policy) are downloaded.
 */
export function sendFile(reply: FastifyReply, f: { fileName: string; contentType: string; data: Buffer }): FastifyReply {
  const disposition = f.contentType.startsWith('image/') ? 'inline' : 'attachment';
  return reply
    .type(f.contentType)
    .header('content-disposition', `${disposition}; filename="${f.fileName.replace(/[^\w.\- ]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(f.data);
}
