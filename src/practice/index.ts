/** The front door of practice: the only file other folders import. */
export { seasonBookingRows } from './booking/bookings.store.js';
export { bookingViolations } from './booking/invariants.rules.js';
export { demoPractice } from './practice.demo.js';
export { practiceFeature } from './practice.feature.js';
export { addWindow, generateSeasonSlots, saveSignupSettings } from './setup/setup.service.js';
export { carryOverWindows, publishDraftWindows, windowsToCarry } from './setup/carry-over.service.js';
export type { PracticeWindow } from './slots.rules.js';
export { listSlots } from './slots.store.js';
export { teamFeedPath } from './schedule/feed.service.js';
export type { TeamSchedule } from './schedule/schedule.service.js';
export { teamSchedule } from './schedule/schedule.service.js';
export { FeedLinks } from './schedule/schedule.views.js';
