/** The front door of mentoring: the only file other folders import. */
export { recordAssessment } from './assessments/assessments.service.js';
export { demoMentoring } from './mentoring.demo.js';
export { mentoringFeature } from './mentoring.feature.js';
export { publishSessions, signUp } from './sessions/sessions.service.js';
