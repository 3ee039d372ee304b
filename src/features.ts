import type { Feature } from './platform/feature.js';
import { homeFeature } from './home/home.routes.js';
import { peopleFeature } from './people/people.routes.js';
import { regionFeature } from './region/region.routes.js';
import { adminFeature } from './admin/admin.routes.js';
import { mentoringFeature } from './mentoring/mentoring.routes.js';
import { volunteersFeature } from './volunteers/volunteers.routes.js';
import { gamecardsFeature } from './gamecards/gamecards.feature.js';
import { trainingFeature } from './training/training.routes.js';
import { complianceFeature } from './compliance/compliance.routes.js';
import { mergeFeature } from './people/merge.routes.js';
import { siteFeature } from './site/site.routes.js';
import { notificationsFeature } from './notifications/notifications.routes.js';
import { practiceFeature } from './practice/practice.routes.js';
import { playersFeature } from './players/players.routes.js';
import { teamsFeature } from './teams/teams.feature.js';
import { badgesFeature } from './badges/badges.routes.js';

/** Every capability of Touchline, in menu order of registration. A new capability adds one line. */
export const features: Feature[] = [homeFeature, peopleFeature, volunteersFeature, trainingFeature, playersFeature, teamsFeature, badgesFeature, practiceFeature, gamecardsFeature, mentoringFeature, complianceFeature, regionFeature, adminFeature, mergeFeature, siteFeature, notificationsFeature];
