/**
 * The front door of messages: the only file other folders import. Messages to groups: the board
 * writes to an audience (a division's coaches, everyone missing an element or a training, a team's
 * staff or families, everyone with a role this season), previews who receives it, sends a test to
 * itself and sends through the outbox; each message keeps its recipients and delivery states. The
 * notices a team's families were sent are read through familyNoticesOf (the families page).
 */
export { messagesFeature } from './messages.feature.js';
export { familyNoticesOf, type FamilyNotice } from './messages.service.js';
