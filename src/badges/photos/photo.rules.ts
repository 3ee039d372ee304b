/**
 * Badge photos as uploaded from a computer or a phone camera: checked by content (magic bytes, then
 * decoded by sharp; the file name and the browser's claimed type are ignored), turned upright,
 * cropped to a portrait around what draws the eye (sharp's "attention" strategy, which finds faces
 * well enough), resized, and written as a new JPEG without any metadata: no location, no camera,
 * no date, no colour profile (sharp copies none unless told to).
 */
import sharp from 'sharp';
import { AppError } from '../../platform/errors.js';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_SIZE = { width: 600, height: 800 } as const;
/** Smaller than this, the printed face would be a blur. */
export const MIN_PHOTO_SIZE = { width: 240, height: 320 } as const;
/** Decoding a bigger image could exhaust memory; phone cameras stay well below (48 MP). */
const MAX_INPUT_PIXELS = 100_000_000;

export type PhotoKind = 'jpeg' | 'png' | 'webp';

const bytesAt = (data: Uint8Array, at: number, text: string) => [...text].every((ch, i) => data[at + i] === ch.charCodeAt(0));

/** The kind of an image read from its first bytes, or null when it is not a JPEG, PNG or WebP. */
export function sniffPhoto(data: Uint8Array): PhotoKind | null {
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data[0] === 0x89 && bytesAt(data, 1, 'PNG\r\n\u001a\n')) return 'png';
  if (bytesAt(data, 0, 'RIFF') && bytesAt(data, 8, 'WEBP')) return 'webp';
  return null;
}

const NOT_A_PHOTO = 'That file is not a photo Touchline can use: upload a JPEG, PNG or WebP picture (a phone camera photo works).';

/**
 * Checks an uploaded photo and answers the badge photo: a 600 x 800 JPEG (quality 80) with no
 * metadata. Throws FILE_EMPTY, PAYLOAD_TOO_LARGE, UNSUPPORTED_FILE or PHOTO_TOO_SMALL saying what to do.
 */
export async function processPhoto(data: Uint8Array): Promise<Buffer> {
  if (data.length === 0) throw new AppError('FILE_EMPTY', 'The file is empty: choose a photo (JPEG, PNG or WebP).');
  if (data.length > MAX_PHOTO_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The photo is larger than 10 MB: take it at a lower resolution, or crop it, and upload it again.');
  const kind = sniffPhoto(data);
  if (!kind) throw new AppError('UNSUPPORTED_FILE', NOT_A_PHOTO);
  const input = () => sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const meta = await input()
    .metadata()
    .catch(() => {
      throw new AppError('UNSUPPORTED_FILE', NOT_A_PHOTO);
    });
  if (meta.format !== kind) throw new AppError('UNSUPPORTED_FILE', NOT_A_PHOTO);
  const upright = (meta.orientation ?? 1) >= 5 ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  if ((upright.width ?? 0) < MIN_PHOTO_SIZE.width || (upright.height ?? 0) < MIN_PHOTO_SIZE.height) {
    throw new AppError(
      'PHOTO_TOO_SMALL',
      `The photo is too small (${upright.width} x ${upright.height} pixels): use one at least ${MIN_PHOTO_SIZE.width} x ${MIN_PHOTO_SIZE.height} pixels.`,
    );
  }
  try {
    return await input()
      .autoOrient()
      .resize(PHOTO_SIZE.width, PHOTO_SIZE.height, { fit: 'cover', position: 'attention' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
  } catch {
    throw new AppError('UNSUPPORTED_FILE', 'The photo could not be read (the file may be damaged): take or save it again and upload the new file.');
  }
}
