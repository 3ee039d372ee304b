/** The front door of training: the only file other folders import. */
export type { Catalog, Completion, CompletionIndex, TrainingStatus } from './catalog.rules.js';
export { EXPIRES_SOON_DAYS, catalogOf, completionCode, howToComplete, indexCompletions, registrationPrerequisites, trainingStatus } from './catalog.rules.js';
export { trainingFeature } from './training.routes.js';
export { completionLabel, longDate } from './training.rules.js';
export { trainingOverview } from './completions/completions.service.js';
export { demoTraining } from './training.demo.js';
