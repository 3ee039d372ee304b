import type { Feature } from './platform/feature.js';
import { homeFeature } from './home/home.routes.js';
import { peopleFeature } from './people/people.routes.js';
import { regionFeature } from './region/region.routes.js';
import { adminFeature } from './admin/admin.routes.js';
import { mentoringFeature } from './mentoring/mentoring.routes.js';
import { volunteersFeature } from './volunteers/volunteers.routes.js';
import { gamecardsFeature } from './gamecards/gamecards.feature.js';
import { trainingFeature } from './training/training.routes.js';

/** Every capability of Touchline, in menu order of registration. A new capability adds one line. */
export const features: Feature[] = [homeFeature, peopleFeature, volunteersFeature, trainingFeature, gamecardsFeature, mentoringFeature, regionFeature, adminFeature];
