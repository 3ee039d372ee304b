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
import * as m0011 from './0011_login_throttle.js';
import * as m0012 from './0012_draw_records.js';
import * as m0013 from './0013_practice_field_moments.js';
import * as m0014 from './0014_compliance_version.js';
import * as m0015 from './0015_association_ids.js';
import * as m0016 from './0016_messages.js';
import * as m0017 from './0017_application_imports.js';
import * as m0018 from './0018_role_requests.js';
import * as m0019 from './0019_next_season.js';
import * as m0020 from './0020_email_case.js';

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
  '0011_login_throttle': m0011,
  '0012_draw_records': m0012,
  '0013_practice_field_moments': m0013,
  '0014_compliance_version': m0014,
  '0015_association_ids': m0015,
  '0016_messages': m0016,
  '0017_application_imports': m0017,
  '0018_role_requests': m0018,
  '0019_next_season': m0019,
  '0020_email_case': m0020,
};
