import { AppError } from '../platform/errors.js';
import type { Division, Field, RegionConfig } from './region.schemas.js';

/** Pure edits of the configuration made by the browser forms; the service validates the result. */

const int = (v: string | undefined, label: string): number => {
  if (!v || !/^-?\d+$/.test(v.trim())) throw new AppError('VALIDATION', `${label} must be a whole number.`);
  return Number(v);
};

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

export interface DetailsForm {
  name?: string;
  number?: string;
  state?: string;
  timeZone?: string;
  address?: string;
  coachAdminName?: string;
  coachAdminEmail?: string;
  registrarName?: string;
  registrarEmail?: string;
}

export function applyDetails(c: RegionConfig, f: DetailsForm): void {
  const others = c.region.contacts.filter((k) => k.role !== 'coach-administrator' && k.role !== 'registrar');
  const contacts = [
    { role: 'coach-administrator', name: f.coachAdminName?.trim() ?? '', email: f.coachAdminEmail?.trim() ?? '' },
    { role: 'registrar', name: f.registrarName?.trim() ?? '', email: f.registrarEmail?.trim() ?? '' },
  ].filter((k) => k.name || k.email);
  for (const k of contacts) if (!k.name || !k.email) throw new AppError('VALIDATION', `Give both a name and an email for the ${k.role.replace('-', ' ')}, or leave both empty.`);
  c.region = {
    name: f.name?.trim() ?? '',
    number: f.number?.trim() ?? '',
    state: f.state?.trim() ?? '',
    timeZone: f.timeZone?.trim() ?? '',
    address: f.address?.trim() ?? '',
    contacts: [...contacts, ...others],
  };
}

export function upsertField(c: RegionConfig, id: string | null, f: { name?: string; address?: string; capacity?: string }): Field {
  const field: Field = { id: id ?? slugify(f.name ?? ''), name: f.name?.trim() ?? '', address: f.address?.trim() ?? '', capacity: int(f.capacity, 'Teams that fit at once') };
  if (!field.id) throw new AppError('VALIDATION', 'Give the field a name.');
  if (field.capacity < 1 || field.capacity > 20) throw new AppError('VALIDATION', 'Teams that fit at once must be from 1 to 20.');
  if (id === null) {
    if (c.fields.some((x) => x.id === field.id)) throw new AppError('VALIDATION', `A field called "${field.name}" already exists.`);
    c.fields.push(field);
  } else {
    const i = c.fields.findIndex((x) => x.id === id);
    if (i < 0) throw new AppError('NOT_FOUND', 'That field does not exist.');
    c.fields[i] = field;
  }
  return field;
}

/** Removes a field; refused while a division's practice rule names it. */
export function removeField(c: RegionConfig, id: string): void {
  const users = c.divisions.filter((d) => d.practice.fieldIds?.includes(id)).map((d) => d.code);
  if (users.length) throw new AppError('CONFLICT', `This field is in the practice rules of ${users.join(', ')}. Remove it there first.`);
  const before = c.fields.length;
  c.fields = c.fields.filter((f) => f.id !== id);
  if (c.fields.length === before) throw new AppError('NOT_FOUND', 'That field does not exist.');
}

export interface DivisionFormValues {
  name?: string;
  ageMin?: string;
  ageMax?: string;
  programs: string[];
  coachCertification?: string;
  rosterSize?: string;
  playersOnField?: string;
  gameCard?: string;
  perWeek?: string;
  minutes?: string;
  fieldIds: string[];
  differentDays?: string;
}

export function updateDivision(c: RegionConfig, code: string, f: DivisionFormValues): Division {
  const i = c.divisions.findIndex((d) => d.code === code);
  if (i < 0) throw new AppError('NOT_FOUND', `There is no division ${code}.`);
  if (!f.programs.length) throw new AppError('VALIDATION', 'Tick at least one program (boys, girls or co-ed).');
  const d: Division = {
    code,
    name: f.name?.trim() ?? '',
    ageMin: int(f.ageMin, 'Youngest age'),
    ageMax: int(f.ageMax, 'Oldest age'),
    programs: f.programs as Division['programs'],
    coachCertification: f.coachCertification ?? '',
    rosterSize: int(f.rosterSize, 'Roster size'),
    playersOnField: int(f.playersOnField, 'Players on the field'),
    gameCard: f.gameCard === 'on',
    practice: {
      perWeek: int(f.perWeek, 'Practices per week'),
      minutes: int(f.minutes, 'Practice length'),
      fieldIds: f.fieldIds.length ? f.fieldIds : null,
      differentDays: f.differentDays === 'on',
    },
  };
  c.divisions[i] = d;
  return d;
}

/** Adds the membership year after the last one, with the same cut-off rule and season pattern. */
export function addNextMembershipYear(c: RegionConfig): void {
  const last = c.membershipYears.at(-1)!;
  const shift = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
  const fix = (d: string) => (d.endsWith('-02-29') ? `${d.slice(0, 4)}-02-28` : d);
  const startYear = Number(shift(last.startDate).slice(0, 4));
  c.membershipYears.push({
    id: `MY${startYear}`,
    name: `Membership year ${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
    startDate: fix(shift(last.startDate)),
    endDate: fix(shift(last.endDate)),
    ageCutoff: { ...last.ageCutoff },
    seasons: last.seasons.map((s) => ({
      id: s.id.replace(/\d{4}/, (y) => String(Number(y) + 1)),
      name: s.name.replace(/\d{4}/, (y) => String(Number(y) + 1)),
      startDate: fix(shift(s.startDate)),
      endDate: fix(shift(s.endDate)),
    })),
  });
}
