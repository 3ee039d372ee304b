/** The front door of mentoring: the only file other folders import. */
export { recordAssessment } from './assessments.service.js';
export { demoMentoring } from './mentoring.demo.js';
export { mentoringFeature } from './mentoring.routes.js';
export { publishSessions, signUp } from './sessions.service.js';
