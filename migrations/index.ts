import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_volunteers_trainings.js';
import * as m0003 from './0003_players_teams.js';
import * as m0004 from './0004_practice.js';
import * as m0005 from './0005_gamecards.js';
import * as m0006 from './0006_mentoring.js';
import * as m0007 from './0007_badges.js';
import * as m0008 from './0008_site.js';
import * as m0009 from './0009_teams_extra.js';
import * as m0010 from './0010_badges_one_current.js';

/** The one ordered migration chain; it runs on SQLite and PostgreSQL alike. Names sort in order. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_volunteers_trainings': m0002,
  '0003_players_teams': m0003,
  '0004_practice': m0004,
  '0005_gamecards': m0005,
  '0006_mentoring': m0006,
  '0007_badges': m0007,
  '0008_site': m0008,
  '0009_teams_extra': m0009,
  '0010_badges_one_current': m0010,
};
