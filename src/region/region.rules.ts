import { Value } from '@sinclair/typebox/value';
import { isRole } from '../platform/roles.js';
import { RegionConfigSchema, type Division, type MembershipYear, type RegionConfigAnswer, type RegionConfig, type Season } from './region.schemas.js';

export type Validation = { ok: true; config: RegionConfig } | { ok: false; errors: string[] };

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates a region configuration document: its shape first, then every cross-reference and
 * range, so that a file with errors is refused whole with one line per problem.
 */
export function validateRegionConfig(doc: unknown): Validation {
  const shape = [...Value.Errors(RegionConfigSchema, doc)].slice(0, 30).map((e) => `${e.path || '/'}: ${e.message}`);
  if (shape.length) return { ok: false, errors: shape };
  const config = doc as RegionConfig;
  const errors = [...checkRegion(config), ...checkYears(config), ...checkCatalog(config), ...checkDivisions(config), ...checkPolicies(config)];
  return errors.length ? { ok: false, errors } : { ok: true, config };
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

function checkRegion(c: RegionConfig): string[] {
  const out: string[] = [];
  if (!isValidTimeZone(c.region.timeZone)) out.push(`region.timeZone: "${c.region.timeZone}" is not a time zone (use a name such as America/Los_Angeles).`);
  c.region.contacts.forEach((k, i) => {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(k.email)) out.push(`region.contacts[${i}].email: "${k.email}" is not an email address.`);
  });
  for (const id of duplicates(c.fields.map((f) => f.id))) out.push(`fields: the id "${id}" is used twice.`);
  return out;
}

function checkYears(c: RegionConfig): string[] {
  const out: string[] = [];
  for (const id of duplicates(c.membershipYears.map((y) => y.id))) out.push(`membershipYears: the id "${id}" is used twice.`);
  const seasons = c.membershipYears.flatMap((y) => y.seasons.map((s) => s.id));
  for (const id of duplicates(seasons)) out.push(`seasons: the id "${id}" is used twice.`);
  c.membershipYears.forEach((y, i) => {
    const where = `membershipYears[${i}] (${y.id})`;
    for (const [k, v] of [
      ['startDate', y.startDate],
      ['endDate', y.endDate],
    ] as const)
      if (!isIsoDate(v)) out.push(`${where}.${k}: "${v}" is not a real date.`);
    if (y.startDate > y.endDate) out.push(`${where}: starts after it ends.`);
    if (!isIsoDate(cutoffDate(y))) out.push(`${where}.ageCutoff: ${y.ageCutoff.month}/${y.ageCutoff.day} is not a real date.`);
    y.seasons.forEach((s, j) => {
      const sw = `${where}.seasons[${j}] (${s.id})`;
      if (!isIsoDate(s.startDate) || !isIsoDate(s.endDate)) out.push(`${sw}: dates must be real dates written YYYY-MM-DD.`);
      else if (s.startDate > s.endDate) out.push(`${sw}: starts after it ends.`);
      else if (s.startDate < y.startDate || s.endDate > y.endDate) out.push(`${sw}: must lie within its membership year (${y.startDate} to ${y.endDate}).`);
    });
  });
  return out;
}

function checkCatalog(c: RegionConfig): string[] {
  const out: string[] = [];
  const codes = c.trainings.map((t) => t.code);
  for (const id of duplicates(codes)) out.push(`trainings: the code "${id}" is used twice.`);
  c.trainings.forEach((t) => {
    for (const p of duplicates(t.parts.map((x) => x.part))) out.push(`trainings (${t.code}): the part "${p}" is used twice.`);
    for (const p of t.prerequisites) if (!codes.includes(p) || p === t.code) out.push(`trainings (${t.code}): prerequisite "${p}" is not another training of the catalog.`);
  });
  return out;
}

function checkDivisions(c: RegionConfig): string[] {
  const out: string[] = [];
  const codes = new Set(c.trainings.map((t) => t.code));
  const fields = new Set(c.fields.map((f) => f.id));
  for (const id of duplicates(c.divisions.map((d) => d.code))) out.push(`divisions: the code "${id}" is used twice.`);
  c.divisions.forEach((d) => {
    const w = `divisions (${d.code})`;
    if (d.ageMin > d.ageMax) out.push(`${w}: ageMin ${d.ageMin} is above ageMax ${d.ageMax}.`);
    if (!codes.has(d.coachCertification)) out.push(`${w}: coachCertification "${d.coachCertification}" is not a training of the catalog.`);
    if (d.playersOnField > d.rosterSize) out.push(`${w}: more players on the field (${d.playersOnField}) than on the roster (${d.rosterSize}).`);
    for (const f of d.practice.fieldIds ?? []) if (!fields.has(f)) out.push(`${w}.practice.fieldIds: "${f}" is not a field of the region.`);
  });
  const sorted = [...c.divisions].sort((a, b) => a.ageMin - b.ageMin);
  sorted.forEach((d, i) => {
    const next = sorted[i + 1];
    if (next && next.ageMin <= d.ageMax) out.push(`divisions (${d.code}, ${next.code}): their age ranges overlap, so a player's division would be ambiguous.`);
  });
  return out;
}

function checkPolicies(c: RegionConfig): string[] {
  const out: string[] = [];
  const trainings = new Set(c.trainings.map((t) => t.code));
  const divisions = new Set(c.divisions.map((d) => d.code));
  c.roleRequirements.forEach((r, i) => {
    const w = `roleRequirements[${i}] (${r.role})`;
    if (!isRole(r.role)) out.push(`${w}: "${r.role}" is not a role.`);
    for (const t of r.trainings) if (!trainings.has(t)) out.push(`${w}: training "${t}" is not in the catalog.`);
    for (const d of r.divisions ?? []) if (!divisions.has(d)) out.push(`${w}: division "${d}" does not exist.`);
  });
  const s = c.ratingScale;
  if (s.min >= s.max) out.push('ratingScale: min must be below max.');
  else if (Math.abs(Math.round((s.max - s.min) / s.step) * s.step - (s.max - s.min)) > 1e-9) out.push('ratingScale: step must divide the range from min to max.');
  const p = c.playingTime;
  if (p.minQuarters > p.quarters) out.push('playingTime: minQuarters cannot exceed quarters.');
  if (p.keeperMaxQuarters > p.quarters) out.push('playingTime: keeperMaxQuarters cannot exceed quarters.');
  return out;
}

/** The date a membership year measures ages on (rules: 31 December of the end year by default). */
export function cutoffDate(y: MembershipYear): string {
  const year = Number((y.ageCutoff.year === 'end' ? y.endDate : y.startDate).slice(0, 4));
  return `${year}-${String(y.ageCutoff.month).padStart(2, '0')}-${String(y.ageCutoff.day).padStart(2, '0')}`;
}

/** Whole years of age on a date. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  // 29 February in a year without it becomes 1 March: the same day a person's age changes.
  return md === '02-29' && !isIsoDate(`${y}-02-29`) ? `${y}-03-01` : `${y}-${md}`;
}

/** The inclusive birth-date range a division covers in a membership year. */
export function birthRange(d: Division, y: MembershipYear): { from: string; to: string } {
  const cut = cutoffDate(y);
  const latest = shiftYears(cut, -d.ageMin);
  const before = shiftYears(cut, -(d.ageMax + 1));
  const from = new Date(`${before}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() + 1);
  return { from: from.toISOString().slice(0, 10), to: latest };
}

/** The division a birth date falls in for a membership year, if any. */
export function divisionForBirthDate(c: RegionConfig, y: MembershipYear, birthDate: string): Division | undefined {
  const age = ageOn(birthDate, cutoffDate(y));
  return c.divisions.find((d) => age >= d.ageMin && age <= d.ageMax);
}

export interface SeasonRef {
  season: Season;
  year: MembershipYear;
}

export function allSeasons(c: RegionConfig): SeasonRef[] {
  return c.membershipYears.flatMap((year) => year.seasons.map((season) => ({ season, year }))).sort((a, b) => a.season.startDate.localeCompare(b.season.startDate));
}

export function findSeason(c: RegionConfig, id: string): SeasonRef | undefined {
  return allSeasons(c).find((s) => s.season.id === id);
}

/** The season in progress on a date; else the next to start; else the latest that ended. */
export function currentSeason(c: RegionConfig, today: string): SeasonRef | undefined {
  const all = allSeasons(c);
  return all.find((s) => s.season.startDate <= today && today <= s.season.endDate) ?? all.find((s) => s.season.startDate > today) ?? all.at(-1);
}

/** Seasons whose roles are in force on a date: the one in progress and every later one. */
export function activeSeasonIds(c: RegionConfig, today: string): string[] {
  return allSeasons(c)
    .filter((s) => s.season.endDate >= today)
    .map((s) => s.season.id);
}

export function findDivision(c: RegionConfig, code: string): Division | undefined {
  return c.divisions.find((d) => d.code === code);
}

/**
 * The configuration as someone outside the board may read it: every contact's name and role, not
 * their email (people write to them through the contact form, which keeps the addresses hidden).
 */
export function configForReader(config: RegionConfig, board: boolean): RegionConfigAnswer {
  if (board) return config;
  return { ...config, region: { ...config.region, contacts: config.region.contacts.map((c) => ({ role: c.role, name: c.name })) } };
}
