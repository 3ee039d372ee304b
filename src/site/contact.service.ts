import { createHash } from 'node:crypto';
import { AppError } from '../platform/errors.js';
import type { Deps } from '../platform/feature.js';
import { ROLE_LABELS, isRole } from '../platform/roles.js';
import type { RegionConfig } from '../region/index.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { regionLabel } from './default-pages.rules.js';
import { forgetOldContactCounts, takeContactSlot } from './site.store.js';

/**
 * The contact form: visitors write to the region's contacts (coach administrator, registrar)
 * without ever seeing their addresses. Each address may send CONTACT_DAILY_LIMIT messages a day
 * (counted in the database, so the limit holds across instances; the address is kept only as a
 * hash); a hidden honeypot field catches robots, which are thanked and mailed nothing.
 */
export const CONTACT_DAILY_LIMIT = 5;
export const CONTACT_KIND = 'contact-message';
export const HONEYPOT_FIELD = 'website';

export interface ContactInput {
  to: string;
  name: string;
  email: string;
  message: string;
  /** The honeypot: people never see it, so it is empty unless a robot filled the form. */
  website: string;
}

export interface ContactChoice {
  index: number;
  label: string;
}

const roleName = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);

/** Whom a visitor may write to: names and roles only, never addresses. */
export function contactChoices(config: RegionConfig): ContactChoice[] {
  return config.region.contacts.map((c, index) => ({ index, label: c.name.toLowerCase() === roleName(c.role).toLowerCase() ? c.name : `${c.name}, ${roleName(c.role)}` }));
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();

function check(config: RegionConfig, f: ContactInput): string[] {
  const errors: string[] = [];
  const i = /^\d+$/.test(f.to) ? Number(f.to) : -1;
  if (!config.region.contacts[i]) errors.push('Choose whom you are writing to.');
  if (!clean(f.name) || clean(f.name).length > 120) errors.push('Give your name (at most 120 characters).');
  if (!EMAIL.test(f.email.trim()) || f.email.length > 200) errors.push('Give your email address, so that they can answer you (for example name@example.org).');
  const len = clean(f.message).length;
  if (len < 10) errors.push('Write your message (at least a sentence).');
  if (len > 5000) errors.push(`Shorten your message to 5000 characters (it has ${len}).`);
  return errors;
}

export const addressKey = (ip: string) => createHash('sha256').update(`contact:${ip}`).digest('base64url').slice(0, 32);

export type ContactResult = { sent: true; toLabel: string } | { sent: false; toLabel: string };

export async function sendContactMessage(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>, ip: string, f: ContactInput): Promise<ContactResult> {
  const config = await getRegionConfig(deps.db);
  const errors = check(config, f);
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  const contact = config.region.contacts[Number(f.to)]!;
  const toLabel = contactChoices(config)[Number(f.to)]!.label;
  if (f.website.trim()) return { sent: false, toLabel };
  const day = regionToday(config, deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    await forgetOldContactCounts(trx, day);
    if (!(await takeContactSlot(trx, addressKey(ip), day, CONTACT_DAILY_LIMIT))) {
      throw new AppError('RATE_LIMITED', `Only ${CONTACT_DAILY_LIMIT} messages a day can be sent from one connection, and that many were sent today. Try again tomorrow.`);
    }
    const name = clean(f.name).replace(/\s+/g, ' ');
    const text = [
      `A message sent with the contact form of ${regionLabel(config)} (${deps.config.baseUrl}/contact).`,
      '',
      `From: ${name} <${f.email.trim()}>`,
      `To: ${toLabel}`,
      '',
      clean(f.message),
      '',
      '--',
      `Answer by writing to ${f.email.trim()}. The sender did not see your address.`,
    ].join('\n');
    await deps.mailer.queue(trx, { to: contact.email, subject: `Contact form: message from ${name.slice(0, 80)}`, text, kind: CONTACT_KIND });
  });
  return { sent: true, toLabel };
}
