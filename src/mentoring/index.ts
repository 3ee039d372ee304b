/** The front door of mentoring: the only file other folders import. */
export { demoMentoring } from './mentoring.demo.js';
export { mentoringFeature } from './mentoring.feature.js';
export { visibleAssessments } from './assessments/assessments.service.js';
