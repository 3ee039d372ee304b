import sharp from 'sharp';
import type { DemoContext } from '../platform/demo.js';
import { AppError } from '../platform/errors.js';
import { decidePhoto, uploadPhoto } from './photos/photos.service.js';
import { printSheet } from './print/print.service.js';

/** The volunteers the earlier demo steps left in `facts.volunteers` (the fields this step reads). */
interface Volunteer {
  personId: string;
  role: string;
  division: string;
  name: string;
  named: boolean;
}

const BACKGROUNDS = ['#2f6f8f', '#8f4f2f', '#3f7f4f', '#6f3f8f', '#8f7f2f', '#2f4f8f', '#7f2f4f', '#4f6f6f'];
const SKIN = ['#f1c7a5', '#d9a27e', '#b27650', '#8a5536', '#5e3a25'];

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .slice(0, 2)
    .join('');

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain portrait (a coloured background, a head and shoulders, the initials), 600 x 800 JPEG: the same bytes for the same name and colours. */
export async function demoPortrait(name: string, background: string, skin: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800" viewBox="0 0 600 800">
<rect width="600" height="800" fill="${background}"/>
<ellipse cx="300" cy="800" rx="230" ry="190" fill="#20262e"/>
<rect x="255" y="470" width="90" height="120" fill="${skin}"/>
<ellipse cx="300" cy="360" rx="125" ry="160" fill="${skin}"/>
<text x="300" y="730" font-family="DejaVu Sans, sans-serif" font-size="96" font-weight="bold" fill="#ffffff" text-anchor="middle">${escapeXml(initialsOf(name))}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/**
 * The demo's badge photos and badges, through the badge board's own services: about forty head
 * and assistant coaches upload a portrait; most are approved and the eligible ones printed on a
 * sheet (their badges are issued and they are mailed), a few more are approved after the print
 * (waiting for the next sheet), and about ten wait for the coach administrator's approval.
 * Each division's named head coach (coach.10u@…) has an approved photo.
 */
export async function demoBadges(ctx: DemoContext): Promise<string> {
  const accounts = (ctx.facts.get('accounts') ?? {}) as Record<string, string>;
  const board = accounts['coach-admin'];
  if (!board) return 'Badges: no coach administrator in the demo, no photos.';
  const actor = { id: board, name: 'demo' };
  const coaches = ((ctx.facts.get('volunteers') ?? []) as Volunteer[]).filter((v) => v.role === 'head-coach' || v.role === 'assistant-coach');
  const named = coaches.filter((v) => v.named);
  const others = coaches.filter((v) => !v.named && ctx.random() < 0.12).slice(0, 40);
  const photos: { personId: string; photoId: string }[] = [];
  for (const v of [...named, ...others]) {
    const jpeg = await demoPortrait(v.name, BACKGROUNDS[Math.floor(ctx.random() * BACKGROUNDS.length)]!, SKIN[Math.floor(ctx.random() * SKIN.length)]!);
    photos.push({ personId: v.personId, photoId: await uploadPhoto(ctx.deps, v.personId, jpeg) });
  }
  const pending = photos.slice(named.length).filter((_, i) => i % 4 === 3);
  const late = photos.slice(named.length).filter((_, i) => i % 8 === 5);
  const first = photos.filter((p) => !pending.includes(p) && !late.includes(p));
  for (const p of first) await decidePhoto(ctx.deps, actor, p.photoId, { decision: 'approve' });
  let printed = 0;
  try {
    printed = (await printSheet(ctx.deps, actor, { personIds: null, reissue: false })).count;
  } catch (e) {
    // VALIDATION: no coach with an approved photo is certified yet, so there is nothing to print.
    if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
  }
  for (const p of late) await decidePhoto(ctx.deps, actor, p.photoId, { decision: 'approve' });
  return `Badges: ${photos.length} photos uploaded, ${pending.length} waiting for approval; ${printed} badges printed on a sheet, ${late.length} approved after it (to print next).`;
}
