/**
 * Test helpers of the badges feature: generated photos (with and without location metadata), an
 * app with the feature registered, coaches made eligible, reading QR codes out of a PDF.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import * as jsqr from 'jsqr';
import type { Dialect } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import { openTestApp } from '../testing/harness.js';
import { certify } from '../compliance/compliance.testkit.js';
import type { TestApp } from '../testing/harness.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { decidePhoto, uploadPhoto } from './photos/photos.service.js';
import { CARD, LETTER, MM, sheetSlots } from './print/sheet.rules.js';

const run = promisify(execFile);

export const SEASON = '2026-fall';

export function openBadgeApp(dialect: Dialect): Promise<TestApp> {
  return openTestApp(dialect);
}

/** A portrait-ish picture with a face-like shape off centre (so a crop has something to find). */
export async function facePhoto(o: { width?: number; height?: number; format?: 'jpeg' | 'png' | 'webp'; hue?: number } = {}): Promise<Buffer> {
  const w = o.width ?? 1200;
  const h = o.height ?? 900;
  const hue = o.hue ?? 200;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="100%" height="100%" fill="hsl(${hue},35%,80%)"/>
    <ellipse cx="${w * 0.62}" cy="${h * 0.42}" rx="${w * 0.12}" ry="${h * 0.2}" fill="#e0ac69"/>
    <circle cx="${w * 0.58}" cy="${h * 0.38}" r="${w * 0.015}" fill="#222"/><circle cx="${w * 0.66}" cy="${h * 0.38}" r="${w * 0.015}" fill="#222"/>
    <rect x="${w * 0.58}" y="${h * 0.5}" width="${w * 0.08}" height="${h * 0.02}" fill="#a33"/>
    <rect x="${w * 0.45}" y="${h * 0.64}" width="${w * 0.34}" height="${h * 0.36}" fill="hsl(${(hue + 120) % 360},50%,40%)"/>
  </svg>`;
  const img = sharp(Buffer.from(svg));
  return (o.format ?? 'jpeg') === 'jpeg' ? img.jpeg({ quality: 90 }).toBuffer() : o.format === 'png' ? img.png().toBuffer() : img.webp().toBuffer();
}

export const CAMERA = { make: 'Phonemaker', model: 'Pocketcam 9000', datum: 'WGS-84' };

/** A JPEG as a phone writes it: camera make and model, and the place it was taken (GPS). */
export async function photoWithLocation(format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  const base = sharp(await facePhoto({ format: 'png' }));
  const exif = {
    IFD0: { Make: CAMERA.make, Model: CAMERA.model },
    IFD3: { GPSMapDatum: CAMERA.datum, GPSLatitudeRef: 'N', GPSLatitude: '33/1 55/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '118/1 24/1 3000/100' },
  };
  return (format === 'jpeg' ? base.jpeg() : format === 'png' ? base.png() : base.webp()).withExif(exif).toBuffer();
}

/** The flat sky-blue 600 x 800 JPEG of the failed print (a few KB: small enough for Node's shared buffer pool). */
export function flatSkyJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 800, channels: 3, background: '#87ceeb' } })
    .jpeg()
    .toBuffer();
}

/**
 * Photos as people upload them, each a case the print must survive: tiny and flat, progressive,
 * CMYK, 16-bit PNG with transparency, WebP, one turned by its EXIF tag, and one in grey.
 */
export async function photoMatrix(): Promise<{ name: string; data: Buffer }[]> {
  const face = await facePhoto({ width: 900, height: 1200, format: 'png' });
  return [
    {
      name: 'tiny flat JPEG',
      data: await sharp({ create: { width: 240, height: 320, channels: 3, background: '#777777' } })
        .jpeg()
        .toBuffer(),
    },
    { name: 'flat sky-blue JPEG', data: await flatSkyJpeg() },
    { name: 'progressive JPEG', data: await sharp(face).jpeg({ progressive: true }).toBuffer() },
    { name: 'CMYK JPEG', data: await sharp(face).toColourspace('cmyk').jpeg().toBuffer() },
    { name: '16-bit PNG', data: await sharp(face).ensureAlpha(0.8).toColourspace('rgb16').png().toBuffer() },
    { name: 'WebP', data: await sharp(face).webp().toBuffer() },
    {
      name: 'EXIF-rotated JPEG',
      data: await sharp(await facePhoto({ width: 1200, height: 900, format: 'png' }))
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer(),
    },
    { name: 'grey JPEG', data: await sharp(face).grayscale().toColourspace('b-w').jpeg().toBuffer() },
  ];
}

/** One embedded image of a PDF as poppler's `pdfimages -list` describes it. */
export interface PdfImage {
  page: number;
  width: number;
  height: number;
  color: string;
  components: number;
  bitsPerComponent: number;
  encoding: string;
}

/** The images embedded in a PDF (pdfimages -list, from poppler-utils). */
export async function pdfImages(pdf: Uint8Array): Promise<PdfImage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'touchline-badge-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const { stdout } = await run('pdfimages', ['-list', join(dir, 'in.pdf')]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.trim().split(/\s+/))
      .map((c) => ({ page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), color: c[5]!, components: Number(c[6]), bitsPerComponent: Number(c[7]), encoding: c[8]! }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The colour (r, g, b) in the middle of the photo of the card in `slot` of a print sheet page rendered at `dpi`. */
export async function sheetPhotoColour(page: Buffer, slot: number, dpi: number): Promise<number[]> {
  const o = sheetSlots()[slot]!;
  const photoH = CARD.height - 9 * MM - 6 * MM;
  const x = o.x + 3 * MM + (photoH * 3) / 8;
  const y = o.y + 3 * MM + photoH / 2;
  const { data } = await sharp(page)
    .extract({ left: Math.round((x * dpi) / 72), top: Math.round(((LETTER.height - y) * dpi) / 72), width: 1, height: 1 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [...data];
}

/** How far a colour is from sky blue (#87ceeb), summed over the channels. */
export const offSkyBlue = (rgb: number[]) => Math.abs(rgb[0]! - 135) + Math.abs(rgb[1]! - 206) + Math.abs(rgb[2]! - 235);

/** The text of a PDF (pdftotext, from poppler-utils). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'touchline-badge-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    return (await run('pdftotext', ['-layout', join(dir, 'in.pdf'), '-'])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A coach certified for a role, with an approved photo: eligible for a badge. */
export async function eligibleCoach(deps: Deps, o: { role?: string; division?: string; first?: string; last?: string; hue?: number; photo?: Buffer } = {}): Promise<TestActor> {
  const a = await makeActor(deps);
  await deps.db
    .updateTable('people')
    .set({ first_name: o.first ?? 'Casey', last_name: o.last ?? 'Coach' })
    .where('id', '=', a.id)
    .execute();
  await certify(deps.db, a.id, o.role ?? 'head-coach', SEASON, o.division ?? '10U');
  const photoId = await uploadPhoto(deps, a.id, o.photo ?? (await facePhoto({ hue: o.hue })));
  await decidePhoto(deps, { id: null, name: 'test' }, photoId, { decision: 'approve' });
  return a;
}

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
/** jsqr is CommonJS: depending on the loader its function is `default` or `default.default`. */
const jsqrDefault = (jsqr as unknown as { default: Decode | { default: Decode } }).default;
const jsQR: Decode = typeof jsqrDefault === 'function' ? jsqrDefault : jsqrDefault.default;

/** Renders each page of a PDF to PNG with poppler's pdftoppm at `dpi`. */
export async function pdfPages(pdf: Uint8Array, dpi = 200): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'touchline-badge-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-r', String(dpi), '-png', join(dir, 'in.pdf'), join(dir, 'page')]);
    const names = (await readdir(dir)).filter((n) => n.startsWith('page')).sort();
    return Promise.all(names.map((n) => readFile(join(dir, n))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of the QR code in an image (or in a region of it, in pixels), or null. */
export async function readQr(png: Buffer, region?: { left: number; top: number; width: number; height: number }): Promise<string | null> {
  const img = region ? sharp(png).extract(region) : sharp(png);
  const { data, info } = await img.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}
