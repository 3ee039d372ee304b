/**
 * Every kind of mail Touchline sends to a person, in one list: its code (the outbox `kind`), a label
 * people understand, and whether the person may switch it off. Mails that answer something the
 * person did (a sign-up, a registration, a password reset) or that change where they must be (a
 * class or practice cancelled or moved) are always sent; notices and reminders can be switched off.
 */

export type NotificationGroup = 'account' | 'volunteering' | 'training' | 'badges' | 'practice' | 'mentoring' | 'teams' | 'board';

export interface NotificationKind {
  code: string;
  label: string;
  group: NotificationGroup;
  /** True: the person may switch it off (each mail then carries an unsubscribe link). */
  optional: boolean;
}

export const GROUP_LABELS: Record<NotificationGroup, string> = {
  account: 'Your account',
  volunteering: 'Volunteering',
  training: 'Trainings and classes',
  badges: 'Coach badge',
  practice: 'Practice fields',
  mentoring: 'Coach mentoring',
  teams: 'Teams',
  board: 'Messages from the board',
};

/** The weekly mail listing what a volunteer still has to complete (switched on by the coach administrator). */
export const WEEKLY_REMINDER = 'missing-items-weekly';

/** A board member's message to a group: optional. A notice the region marks as required (safety, a field closure) is not. */
export const BOARD_MESSAGE = 'board-message';
export const REQUIRED_NOTICE = 'required-notice';
/** The copy a writer sends to themself before sending to the group. */
export const MESSAGE_TEST = 'board-message-test';

/** A parent's or guardian's mails about their child's team (src/families). */
export const FAMILY_TEAM_PUBLISHED = 'family-team-published';
export const FAMILY_PRACTICE_MOVED = 'family-practice-moved';

const k = (code: string, label: string, group: NotificationGroup, optional = false): NotificationKind => ({ code, label, group, optional });

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  k('password-reset', 'Password reset link', 'account'),
  k('application-received', 'Your volunteer application was received', 'volunteering'),
  k('role-offer', 'Your role of last season offered again for the next one', 'volunteering'),
  k('screening-ready', 'The social security number step of your application is open', 'volunteering'),
  k('role-granted', 'The board granted a role you applied for', 'volunteering'),
  k('role-declined', 'The board declined a role you applied for', 'volunteering'),
  k(WEEKLY_REMINDER, 'Weekly reminder of what you still need to complete', 'volunteering', true),
  k('training.class.registered', 'You registered for a class', 'training'),
  k('training.class.cancelled', 'A class you registered for was cancelled', 'training'),
  k('training.class.credited', 'An instructor credited a class you attended', 'training', true),
  k('training.request.decided', 'The registrar checked a certificate you uploaded', 'training'),
  k('badge-ready', 'Your coach badge is ready', 'badges', true),
  k('badge-photo-rejected', 'Your badge photo needs replacing', 'badges'),
  k('practice-booked', "Your team's practice slot is booked", 'practice'),
  k('practice-moved', "Your team's practice slot was moved", 'practice'),
  k('practice-cancelled', "Your team's practice slot was cancelled", 'practice'),
  k('mentoring-signup', 'You signed up for a mentoring session', 'mentoring'),
  k('mentoring-waitlist', 'You are on a mentoring waitlist', 'mentoring'),
  k('mentoring-promoted', 'You moved up from a mentoring waitlist', 'mentoring'),
  k('mentoring-cancelled', 'You cancelled a mentoring sign-up', 'mentoring'),
  k('mentoring-session-cancelled', 'A mentoring session you signed up for was cancelled', 'mentoring'),
  k('mentoring-visit', 'A mentor plans to visit your team', 'mentoring'),
  k('mentoring-assessment', 'Your mentor wrote a new assessment', 'mentoring', true),
  k('mentoring-message', 'A new question or answer about an assessment', 'mentoring', true),
  k('teams-published', 'Teams of your division are published', 'teams', true),
  k(FAMILY_TEAM_PUBLISHED, "Your child's team is published (coaches, practices, games)", 'teams', true),
  k(FAMILY_PRACTICE_MOVED, "Your child's team practice moved to another day, time or field", 'practice'),
  k(BOARD_MESSAGE, 'Messages from the board to a group you belong to', 'board', true),
  k(REQUIRED_NOTICE, 'Notices the region requires everyone to get (safety, field closures)', 'board'),
  k(MESSAGE_TEST, 'A test of a message you are writing to a group', 'board'),
];

const BY_CODE = new Map(NOTIFICATION_KINDS.map((n) => [n.code, n]));

export function findKind(code: string): NotificationKind | undefined {
  return BY_CODE.get(code);
}

/** The kinds a person may switch off, in catalog order. */
export const OPTIONAL_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter((n) => n.optional);

export const isOptionalKind = (code: string): boolean => BY_CODE.get(code)?.optional === true;
