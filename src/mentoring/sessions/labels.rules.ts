import { dayLabel } from '../dates.rules.js';
import { endTime, isSessionKind, SESSION_KIND_LABELS } from './sessions.rules.js';

/** Plain-text wording of sessions shared by pages, mails and calendars (pure). */

export interface SessionLike {
  kind: string;
  topic: string;
  date: string;
  startTime: string;
  minutes: number;
  fieldId: string | null;
  place: string;
  teamName?: string | null;
  mentorName?: string;
}

export interface FieldLike {
  id: string;
  name: string;
  address: string;
}

export const kindLabel = (kind: string) => (isSessionKind(kind) ? SESSION_KIND_LABELS[kind] : kind);

/** 'Tue 22 Sep 2026, 18:30–19:30' */
export const whenLabel = (s: Pick<SessionLike, 'date' | 'startTime' | 'minutes'>) => `${dayLabel(s.date)}, ${s.startTime}–${endTime(s.startTime, s.minutes)}`;

/** The field's name with the mentor's detail ('Brett (north corner)'), or the free-text place. */
export function placeLabel(s: Pick<SessionLike, 'fieldId' | 'place'>, fields: readonly FieldLike[]): string {
  const field = s.fieldId ? fields.find((f) => f.id === s.fieldId) : undefined;
  if (!field) return s.place || s.fieldId || '';
  return s.place ? `${field.name} (${s.place})` : field.name;
}

/** Where to go, for a calendar: the place and the field's address. */
export function locationLabel(s: Pick<SessionLike, 'fieldId' | 'place'>, fields: readonly FieldLike[]): string {
  const field = s.fieldId ? fields.find((f) => f.id === s.fieldId) : undefined;
  return field?.address ? `${placeLabel(s, fields)}, ${field.address}` : placeLabel(s, fields);
}

/** 'Group session: Positive coaching' or "Visit to a team's practice: 10U Girls 3". */
export function titleLabel(s: Pick<SessionLike, 'kind' | 'topic' | 'teamName'>): string {
  return s.teamName ? `${kindLabel(s.kind)} (${s.teamName}): ${s.topic}` : `${kindLabel(s.kind)}: ${s.topic}`;
}
