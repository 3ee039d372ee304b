import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { AppError } from '../../platform/errors.js';
import { PDFDocument } from 'pdf-lib';
import { pdfBytes } from '../../platform/pdf.js';
import { MAX_PHOTO_BYTES, PHOTO_SIZE, inPrintForm, jpegFrame, printablePhoto, processPhoto, sniffPhoto } from './photo.rules.js';
import { CAMERA, facePhoto, photoMatrix, photoWithLocation } from '../badges.testkit.js';

/** The JPEG segment markers before the image data (APPn, COM, DQT...), e.g. 0xe1 for APP1 (EXIF, XMP). */
function jpegMarkers(data: Buffer): number[] {
  const out: number[] = [];
  let i = 2;
  while (i + 4 <= data.length && data[i] === 0xff) {
    const marker = data[i + 1]!;
    out.push(marker);
    if (marker === 0xda) break; // start of scan: the image data follows
    i += 2 + data.readUInt16BE(i + 2);
  }
  return out;
}

const has = (data: Buffer, text: string) => data.includes(Buffer.from(text, 'latin1'));

async function refusal(data: Uint8Array): Promise<AppError> {
  try {
    await processPhoto(data);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the photo was accepted');
}

describe('a badge photo', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('taken with location metadata (%s) comes out without any', async (format) => {
    const input = await photoWithLocation(format);
    const before = await sharp(input).metadata();
    // The input really carries the camera and the place.
    expect(before.exif?.length).toBeGreaterThan(0);
    expect(before.exif!.includes(Buffer.from([0x25, 0x88])), 'the EXIF has a GPS IFD pointer (tag 0x8825)').toBe(true);
    expect(has(input, CAMERA.model) && has(input, CAMERA.datum)).toBe(true);

    const out = await processPhoto(input);
    const after = await sharp(out).metadata();
    expect(after.format).toBe('jpeg');
    expect([after.width, after.height]).toEqual([PHOTO_SIZE.width, PHOTO_SIZE.height]);
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    for (const text of ['Exif\0\0', CAMERA.make, CAMERA.model, CAMERA.datum, 'GPS', 'http://ns.adobe.com/xap']) expect(has(out, text), text).toBe(false);
    // Only JFIF (APP0) and the image's own tables before the data: no APP1..APP15, no comment.
    const markers = jpegMarkers(out);
    expect(markers.at(-1)).toBe(0xda);
    expect(markers.filter((m) => (m >= 0xe1 && m <= 0xef) || m === 0xfe)).toEqual([]);
  });

  it('turns a phone photo upright from its EXIF orientation before cropping to a portrait', async () => {
    // A landscape picture whose orientation tag says "rotate 90°": upright it is a portrait.
    const sideways = await sharp(await facePhoto({ width: 1600, height: 1200, format: 'png' }))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const out = await processPhoto(sideways);
    const m = await sharp(out).metadata();
    expect([m.width, m.height, m.orientation]).toEqual([600, 800, undefined]);
  });

  it('is recognised by its content, not by its name', () => {
    expect(sniffPhoto(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffPhoto(Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))).toBe('png');
    expect(sniffPhoto(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniffPhoto(Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffPhoto(Buffer.from('GIF89a', 'latin1'))).toBeNull();
    expect(sniffPhoto(Buffer.from('%PDF-1.7', 'latin1'))).toBeNull();
  });

  it.each([
    ['a text file', Buffer.from('just text, named photo.jpg'), 'UNSUPPORTED_FILE'],
    ['a PDF', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj', 'latin1'), 'UNSUPPORTED_FILE'],
    ['a JPEG header on garbage', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]), 'UNSUPPORTED_FILE'],
    ['an empty file', Buffer.alloc(0), 'FILE_EMPTY'],
    ['a file over 10 MB', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_PHOTO_BYTES)]), 'PAYLOAD_TOO_LARGE'],
  ])('refuses %s, saying what to upload', async (_name, data, code) => {
    const e = await refusal(data);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/JPEG|photo/);
  });

  it('refuses a GIF even though it is a picture', async () => {
    const gif = await sharp({ create: { width: 400, height: 500, channels: 3, background: '#888' } })
      .gif()
      .toBuffer();
    expect((await refusal(gif)).code).toBe('UNSUPPORTED_FILE');
  });

  it('refuses a picture too small to print, with the size needed', async () => {
    const tiny = await facePhoto({ width: 200, height: 150 });
    const e = await refusal(tiny);
    expect(e.code).toBe('PHOTO_TOO_SMALL');
    expect(e.message).toContain('200 x 150');
    expect(e.message).toContain('at least 240 x 320');
  });

  it('keeps the face in the crop (the attention strategy), and flattens transparency on white', async () => {
    const out = await processPhoto(await facePhoto({ width: 1600, height: 800, format: 'png' }));
    // The face sits at 62 % of the width of the landscape picture: the portrait crop keeps it, so skin tones dominate its centre.
    const { data } = await sharp(out).extract({ left: 250, top: 250, width: 100, height: 100 }).raw().toBuffer({ resolveWithObject: true });
    const [r, g, b] = [0, 1, 2].map((c) => data.filter((_, i) => i % 3 === c).reduce((s, v) => s + v, 0) / (data.length / 3));
    expect(r!).toBeGreaterThan(b! + 40);
    expect(g!).toBeGreaterThan(b!);
    const transparent = await sharp({ create: { width: 600, height: 800, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const flat = await sharp(await processPhoto(transparent))
      .raw()
      .toBuffer();
    expect(flat[0]).toBeGreaterThan(240);
  });
});

describe('the print form of a badge photo', () => {
  it('is what every upload of the matrix is stored as: baseline JPEG, 8-bit, three channels, 600 x 800, that pdf-lib embeds', async () => {
    for (const { name, data } of await photoMatrix()) {
      const out = await processPhoto(data);
      expect(jpegFrame(out), name).toEqual({ baseline: true, precision: 8, components: 3, ...PHOTO_SIZE });
      expect(inPrintForm(out), name).toBe(true);
      const m = await sharp(out).metadata();
      expect([m.space, m.channels, m.isProgressive, m.orientation], name).toEqual(['srgb', 3, false, undefined]);
      // Copied the way a database value is (a small one lands in Node's shared pool).
      const image = await (await PDFDocument.create()).embedJpg(pdfBytes(Buffer.from(out)));
      expect([image.width, image.height], name).toEqual([600, 800]);
    }
  });

  it('keeps the colours of a CMYK photo and of a flat one', async () => {
    const matrix = await photoMatrix();
    const centre = async (name: string) => {
      const { data } = await sharp(await processPhoto(matrix.find((m) => m.name === name)!.data))
        .extract({ left: 290, top: 30, width: 20, height: 20 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return [0, 1, 2].map((c) => Math.round(data.filter((_, i) => i % 3 === c).reduce((sum, v) => sum + v, 0) / (data.length / 3)));
    };
    // The face photo's background near the top is a light blue-grey, not its CMYK inverse.
    const [r, g, b] = await centre('CMYK JPEG');
    expect(b!).toBeGreaterThan(r!);
    expect(Math.min(r!, g!, b!)).toBeGreaterThan(150);
    const [sr, sg, sb] = await centre('flat sky-blue JPEG');
    expect(Math.abs(sr! - 135) + Math.abs(sg! - 206) + Math.abs(sb! - 235)).toBeLessThan(12);
  });

  it('reads the frame header of a JPEG: baseline or not, size, channels', async () => {
    const face = await facePhoto({ width: 300, height: 400, format: 'png' });
    expect(jpegFrame(await sharp(face).jpeg().toBuffer())).toEqual({ baseline: true, precision: 8, width: 300, height: 400, components: 3 });
    expect(jpegFrame(await sharp(face).jpeg({ progressive: true }).toBuffer())).toMatchObject({ baseline: false, width: 300, height: 400 });
    expect(jpegFrame(await sharp(face).toColourspace('cmyk').jpeg().toBuffer())).toMatchObject({ baseline: true, components: 4 });
    expect(jpegFrame(await sharp(face).png().toBuffer())).toBeNull();
    expect(jpegFrame(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBeNull();
    expect(jpegFrame(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08]), Buffer.alloc(20)]))).toBeNull();
  });

  it('brings photos stored before it (the old progressive JPEG, PNG, CMYK, another size) to it for printing, and leaves the rest as they are', async () => {
    const flat = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#87ceeb' } })
      .png()
      .toBuffer();
    const face = await facePhoto({ width: 600, height: 800, format: 'png' });
    const legacy = [
      await sharp(flat).jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
      await sharp(face).png().toBuffer(),
      await sharp(face).toColourspace('cmyk').jpeg().toBuffer(),
      await sharp(face).resize(300, 400).jpeg().toBuffer(),
    ];
    for (const data of legacy) {
      expect(inPrintForm(data)).toBe(false);
      expect(inPrintForm(await printablePhoto(data))).toBe(true);
    }
    const ready = await processPhoto(face);
    expect(await printablePhoto(ready)).toBe(ready);
    await expect(printablePhoto(Buffer.from('not a picture'))).rejects.toThrow('not a JPEG, PNG or WebP');
    await expect(printablePhoto(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]))).rejects.toThrow();
  });
});
