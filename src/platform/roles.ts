/** Every role a person can hold (rules.md, People and roles), as stored and as the API names it. */
export const ROLES = [
  'head-coach',
  'assistant-coach',
  'field-helper',
  'youth-volunteer',
  'instructor',
  'mentor',
  'registrar',
  'coach-administrator',
  'safety-director',
  'region-administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'head-coach': 'Head coach',
  'assistant-coach': 'Assistant coach',
  'field-helper': 'Field helper',
  'youth-volunteer': 'Youth volunteer',
  instructor: 'Course instructor',
  mentor: 'Coach mentor',
  registrar: 'Registrar',
  'coach-administrator': 'Coach administrator',
  'safety-director': 'Safety director',
  'region-administrator': 'Region administrator',
};

/** The region's board: their changes are audited. */
export const BOARD_ROLES: readonly Role[] = ['registrar', 'coach-administrator', 'safety-director', 'region-administrator'];
/** Roles a volunteer applies for (the rest are granted by the board). */
export const VOLUNTEER_ROLES: readonly Role[] = ['head-coach', 'assistant-coach', 'field-helper', 'youth-volunteer'];
/** Roles tied to a division. */
export const DIVISION_ROLES: readonly Role[] = ['head-coach', 'assistant-coach', 'field-helper', 'youth-volunteer'];

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
