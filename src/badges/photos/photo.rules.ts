/**
 * Badge photos as uploaded from a computer or a phone camera: checked by content (magic bytes, then
 * decoded by sharp; the file name and the browser's claimed type are ignored), turned upright,
 * cropped to a portrait around what draws the eye (sharp's "attention" strategy, which finds faces
 * well enough), resized, and written as a new JPEG without any metadata: no location, no camera,
 * no date, no colour profile (sharp copies none unless told to).
 *
 * The stored photo has one fixed form, the one every PDF reader and pdf-lib take as it is: a
 * baseline (not progressive) JPEG, 8 bits, three sRGB channels, 600 x 800. Whatever came in (CMYK,
 * 16-bit, grey, transparent, progressive, turned by its EXIF tag) leaves in that form. Photos
 * stored before this form are brought to it when printed (printablePhoto).
 */
import sharp, { type Sharp } from 'sharp';
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
 * Baseline JPEG at quality 80 with mozjpeg's size savings (trellis quantisation, its quantisation
 * table) but not its progressive scans: as small as the progressive photos stored before (about
 * 50 KB for a grainy phone portrait), so a sheet of 300 badges stays under 20 MB.
 */
const PRINT_JPEG = {
  quality: 80,
  progressive: false,
  chromaSubsampling: '4:2:0',
  optimiseCoding: true,
  trellisQuantisation: true,
  overshootDeringing: true,
  quantisationTable: 3,
} as const;

/** Upright, cropped to the portrait, flattened on white, written in the print form. */
function toPrintForm(image: Sharp): Promise<Buffer> {
  return image
    .autoOrient()
    .resize(PHOTO_SIZE.width, PHOTO_SIZE.height, { fit: 'cover', position: 'attention' })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg(PRINT_JPEG)
    .toBuffer();
}

/** The frame header of a JPEG: how its image is coded. */
export interface JpegFrame {
  /** SOF0: baseline DCT, what every reader decodes (progressive, lossless and arithmetic are not). */
  baseline: boolean;
  /** Bits per sample. */
  precision: number;
  width: number;
  height: number;
  /** 1 grey, 3 YCbCr (RGB), 4 CMYK. */
  components: number;
}

/** Markers standing alone, without a length: TEM, RST0-7, SOI, EOI. */
const STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9]);

/** The frame header of a JPEG read from its markers, or null when the bytes are not a JPEG with one. */
export function jpegFrame(data: Uint8Array): JpegFrame | null {
  if (sniffPhoto(data) !== 'jpeg') return null;
  let i = 2;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (STANDALONE.has(marker)) {
      i += 2;
      continue;
    }
    const length = (data[i + 2]! << 8) | data[i + 3]!;
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 10 > data.length) return null;
      return {
        baseline: marker === 0xc0,
        precision: data[i + 4]!,
        height: (data[i + 5]! << 8) | data[i + 6]!,
        width: (data[i + 7]! << 8) | data[i + 8]!,
        components: data[i + 9]!,
      };
    }
    if (marker === 0xda || length < 2) return null; // image data before any frame header
    i += 2 + length;
  }
  return null;
}

/** True when a stored photo is already in the print form (see the module comment). */
export function inPrintForm(data: Uint8Array): boolean {
  const f = jpegFrame(data);
  return !!f && f.baseline && f.precision === 8 && f.components === 3 && f.width === PHOTO_SIZE.width && f.height === PHOTO_SIZE.height;
}

/**
 * A stored badge photo as the PDF embeds it: as it is when in the print form, else decoded and
 * written again in that form (photos stored before it: progressive, another size, PNG...). Throws
 * when the bytes cannot be decoded as a picture.
 */
export async function printablePhoto(data: Uint8Array): Promise<Uint8Array> {
  if (inPrintForm(data)) return data;
  if (!sniffPhoto(data)) throw new Error('the stored file is not a JPEG, PNG or WebP picture');
  return toPrintForm(sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }));
}

/**
 * Checks an uploaded photo and answers the badge photo: a 600 x 800 baseline JPEG (quality 80) with
 * no metadata. Throws FILE_EMPTY, PAYLOAD_TOO_LARGE, UNSUPPORTED_FILE or PHOTO_TOO_SMALL saying what to do.
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
    return await toPrintForm(input());
  } catch {
    throw new AppError('UNSUPPORTED_FILE', 'The photo could not be read (the file may be damaged): take or save it again and upload the new file.');
  }
}
