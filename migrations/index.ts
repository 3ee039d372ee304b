import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_volunteers_trainings.js';
import * as m0003 from './0003_players_teams.js';

/** The one ordered migration chain; it runs on SQLite and PostgreSQL alike. Names sort in order. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_volunteers_trainings': m0002,
  '0003_players_teams': m0003,
};
