import type { Feature } from './platform/feature.js';
import { homeFeature } from './home/index.js';
import { peopleFeature } from './people/index.js';
import { regionFeature } from './region/index.js';
import { adminFeature } from './admin/index.js';
import { mentoringFeature } from './mentoring/index.js';
import { volunteerImportFeature, volunteersFeature } from './volunteers/index.js';
import { gamecardsFeature } from './gamecards/index.js';
import { trainingFeature } from './training/index.js';
import { complianceFeature } from './compliance/index.js';
import { mergeFeature } from './people/index.js';
import { siteFeature } from './site/index.js';
import { notificationsFeature } from './notifications/index.js';
import { practiceFeature } from './practice/index.js';
import { playersFeature } from './players/index.js';
import { teamsFeature } from './teams/index.js';
import { badgesFeature } from './badges/index.js';
import { messagesFeature } from './messages/index.js';
import { familiesFeature } from './families/index.js';
import { seasonsFeature } from './seasons/index.js';

/** Every capability of Touchline, in menu order of registration. A new capability adds one line. */
export const features: Feature[] = [
  homeFeature,
  peopleFeature,
  volunteersFeature,
  volunteerImportFeature,
  trainingFeature,
  playersFeature,
  teamsFeature,
  badgesFeature,
  practiceFeature,
  gamecardsFeature,
  mentoringFeature,
  complianceFeature,
  regionFeature,
  adminFeature,
  mergeFeature,
  siteFeature,
  notificationsFeature,
  messagesFeature,
  familiesFeature,
  seasonsFeature,
];
