import type { Division, RegionConfig } from './region.schemas.js';

const SAFETY = ['safe-haven', 'concussion', 'cardiac-arrest', 'safesport'];
const SMALL_FIELDS = ['richmond', 'brett'];
const MID_FIELDS = ['campus-el-segundo', 'brett', 'richmond'];

function division(code: string, ages: [number, number], cert: string, sizes: [number, number], practice: Division['practice'], gameCard = false): Division {
  return {
    code,
    name: code,
    ageMin: ages[0],
    ageMax: ages[1],
    programs: code === '6U' ? ['coed'] : ['boys', 'girls'],
    coachCertification: cert,
    rosterSize: sizes[0],
    playersOnField: sizes[1],
    gameCard,
    practice,
  };
}

/**
 * The membership year that holds `today` (1 August to 31 July), with a fall and a spring season.
 * Used for a new region's first configuration; the administrator adds later years.
 */
export function membershipYearFor(today: string): RegionConfig['membershipYears'][number] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = m >= 8 ? y : y - 1;
  return {
    id: `MY${start}`,
    name: `Membership year ${start}-${String((start + 1) % 100).padStart(2, '0')}`,
    startDate: `${start}-08-01`,
    endDate: `${start + 1}-07-31`,
    ageCutoff: { month: 12, day: 31, year: 'end' },
    seasons: [
      { id: `${start}-fall`, name: `Fall ${start}`, startDate: `${start}-08-01`, endDate: `${start}-12-31` },
      { id: `${start + 1}-spring`, name: `Spring ${start + 1}`, startDate: `${start + 1}-01-01`, endDate: `${start + 1}-07-31` },
    ],
  };
}

/** The initial configuration of a new region: the defaults of rules.md, applied on first start. */
export function defaultRegionConfig(today: string): RegionConfig {
  const one = (minutes: number, fieldIds: string[] | null, perWeek = 1) => ({ perWeek, minutes, fieldIds, differentDays: true });
  return {
    region: {
      name: 'El Segundo',
      number: '92',
      state: 'CA',
      timeZone: 'America/Los_Angeles',
      address: 'El Segundo, California',
      contacts: [
        { role: 'coach-administrator', name: 'Coach Administrator', email: 'coach-admin@region.example' },
        { role: 'registrar', name: 'Registrar', email: 'registrar@region.example' },
      ],
    },
    membershipYears: [membershipYearFor(today)],
    divisions: [
      division('6U', [5, 6], 'coach-6u', [6, 4], one(60, SMALL_FIELDS)),
      division('7U', [7, 7], 'coach-8u', [8, 5], one(60, SMALL_FIELDS)),
      division('8U', [8, 8], 'coach-8u', [8, 5], one(60, SMALL_FIELDS)),
      division('10U', [9, 10], 'coach-10u', [10, 7], one(60, MID_FIELDS, 2), true),
      division('12U', [11, 12], 'coach-12u', [12, 9], one(60, MID_FIELDS, 2), true),
      division('14U', [13, 14], 'coach-intermediate', [15, 11], one(90, null, 2), true),
      division('16U', [15, 16], 'coach-advanced', [16, 11], one(90, null, 2)),
      division('19U', [17, 19], 'coach-advanced', [16, 11], one(90, null, 2)),
    ],
    fields: [
      { id: 'richmond', name: 'Richmond', address: 'Richmond Street, El Segundo', capacity: 2 },
      { id: 'brett', name: 'Brett', address: 'Brett Field, El Segundo', capacity: 2 },
      { id: 'campus-el-segundo', name: 'Campus El Segundo', address: 'Campus El Segundo, El Segundo', capacity: 3 },
    ],
    trainings: [
      online('safe-haven', 'Safe Haven'),
      online('concussion', 'CDC Concussion Awareness'),
      online('cardiac-arrest', 'Sudden Cardiac Arrest'),
      online('safesport', 'SafeSport'),
      online('coach-6u', '6U Coach'),
      online('coach-8u', '8U Coach (also 7U)'),
      twoPart('coach-10u', '10U Coach', 'field', 'Field session'),
      twoPart('coach-12u', '12U Coach', 'in-person', 'In-person class'),
      {
        code: 'coach-intermediate',
        name: 'Intermediate Coach (14U)',
        parts: [{ part: 'in-person', name: 'In-person course', mode: 'in-person' }],
        expiresAfterMonths: null,
        prerequisites: ['coach-12u'],
      },
      {
        code: 'coach-advanced',
        name: 'Advanced Coach (16U, 19U)',
        parts: [{ part: 'in-person', name: 'In-person course', mode: 'in-person' }],
        expiresAfterMonths: null,
        prerequisites: ['coach-intermediate'],
      },
    ],
    roleRequirements: [
      { role: 'head-coach', divisions: null, trainings: SAFETY, ageLevel: true },
      { role: 'assistant-coach', divisions: null, trainings: SAFETY, ageLevel: true },
      // rules.md: the page asks field helpers for Safe Haven; its FAQ asks anyone on the field to be
      // age-level certified. The stricter FAQ rule is the default.
      { role: 'field-helper', divisions: null, trainings: ['safe-haven'], ageLevel: true },
      { role: 'youth-volunteer', divisions: null, trainings: ['safe-haven'], ageLevel: false },
    ],
    ratingScale: { min: 1, max: 5, step: 1, higherIsStronger: true },
    formation: { objective: 'mean' },
    playingTime: { quarters: 4, minQuarters: 3, keeperMaxQuarters: 2, keeperMinFieldQuarters: 1 },
    families: { showTeammatesFirstNames: false },
    applications: { grantAtOnce: ['youth-volunteer', 'field-helper'] },
  };
}

function online(code: string, name: string) {
  return { code, name, parts: [{ part: 'online', name: 'Online course', mode: 'online' as const }], expiresAfterMonths: null, prerequisites: [] };
}

function twoPart(code: string, name: string, part: string, partName: string) {
  return {
    code,
    name,
    parts: [
      { part: 'online', name: 'Online part', mode: 'online' as const },
      { part, name: partName, mode: 'in-person' as const },
    ],
    expiresAfterMonths: null,
    prerequisites: [],
  };
}
