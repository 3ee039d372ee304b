/** The front door of practice: the only file other folders import. */
export { seasonBookingRows } from './booking/bookings.store.js';
export { bookingViolations } from './booking/invariants.rules.js';
export { demoPractice } from './practice.demo.js';
export { practiceFeature } from './practice.feature.js';
export { addWindow, generateSeasonSlots, saveSignupSettings } from './setup/setup.service.js';
export type { PracticeWindow } from './slots.rules.js';
export { listSlots } from './slots.store.js';
