import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { zonedToEpoch } from '../platform/time/zone.rules.js';
import { addDays } from '../platform/time/time.rules.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { DEMO_DOMAIN, type DemoContext } from '../platform/demo.js';
import { CRITERIA, SCALE } from './assessments/assessments.rules.js';
import { insertAssessment, insertMessages } from './assessments/assessments.store.js';
import { seasonStaff } from './coverage/coverage.store.js';
import { coachIdsOfSeason, idsOfEmails } from './people.store.js';
import { DEFAULT_CUTOFF_HOURS } from './sessions/sessions.rules.js';
import { insertSessions, insertSignups } from './sessions/sessions.store.js';

const TOPICS = ['Positive coaching', 'Running a 60-minute practice', 'Small-sided games', 'Game-day management', 'Keeping players safe', 'Teaching the first touch'];
const STRENGTHS = [
  'Warm, clear instructions; every player knew what to do.',
  'Plenty of touches: no lines longer than three players.',
  'Calm on the sideline and encouraging after mistakes.',
];
const WORK_ON = [
  'Shorter talks: demonstrate, then let them play.',
  'Plan substitutions before kick-off so everyone plays three quarters.',
  'Check the goals are anchored before play starts.',
];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const mentorIds = (db: Db): Promise<string[]> =>
  idsOfEmails(
    db,
    [1, 2, 3, 4].map((i) => `mentor${i}@${DEMO_DOMAIN}`),
  );

/**
 * Each demo mentor publishes a weekly group session for five weeks (from last week on); coaches
 * sign up, one session a week is full with a waitlist; and, when teams exist, about half the
 * coaches have a practice assessment and a quarter a game one, some with a question answered.
 * Rows are written directly, so the demo sends no mail.
 */
export async function demoMentoring(ctx: DemoContext): Promise<string> {
  const { db, clock } = ctx.deps;
  const config = await getRegionConfig(db);
  const today = regionToday(config, clock);
  const at = clock.now().toISOString();
  const mentors = await mentorIds(db);
  const coaches = await coachIdsOfSeason(db, ctx.seasonId);
  if (!mentors.length) return 'Mentoring: no demo mentors, nothing published.';
  let sessions = 0;
  let signups = 0;
  await db.transaction().execute(async (trx) => {
    for (const [m, mentorId] of mentors.entries()) {
      const seriesId = newId();
      const topic = TOPICS[m % TOPICS.length]!;
      const field = config.fields[m % Math.max(config.fields.length, 1)];
      const startTime = ['18:00', '18:30', '09:00', '19:00'][m % 4]!;
      for (let w = -1; w < 4; w++) {
        const date = addDays(today, 7 * w + m + 1);
        const capacity = 10;
        const id = newId();
        await insertSessions(trx, [
          {
            id,
            season_id: ctx.seasonId,
            mentor_id: mentorId,
            kind: 'group',
            topic,
            date,
            start_time: startTime,
            minutes: 60,
            starts_at: new Date(zonedToEpoch(date, startTime, config.region.timeZone)).toISOString(),
            field_id: field?.id ?? null,
            place: field ? '' : 'Region office',
            team_id: null,
            capacity,
            cutoff_hours: DEFAULT_CUTOFF_HOURS,
            series_id: seriesId,
            created_at: at,
            cancelled_at: null,
          },
        ]);
        sessions++;
        const full = m === 0;
        const count = Math.min(coaches.length, full ? capacity + 2 : 2 + Math.floor(ctx.random() * (capacity - 3)));
        const start = Math.floor(ctx.random() * Math.max(coaches.length - count, 1));
        const chosen = coaches.slice(start, start + count);
        if (chosen.length) {
          await insertSignups(
            trx,
            chosen.map((personId, i) => ({
              id: newId(),
              session_id: id,
              person_id: personId,
              status: i < capacity ? 'confirmed' : 'waitlisted',
              position: i + 1,
              signed_up_at: at,
              changed_at: at,
            })),
          );
        }
        signups += chosen.length;
      }
    }
  });
  const assessed = await demoAssessments(ctx, mentors, today, at);
  return `Mentoring: ${sessions} sessions by ${mentors.length} mentors, ${signups} sign-ups, ${assessed}.`;
}

async function demoAssessments(ctx: DemoContext, mentors: string[], today: string, at: string): Promise<string> {
  const { db } = ctx.deps;
  // By team, role and name (not the database's row order), so the same seed assesses the same coaches.
  const order = (s: { teamName: string; role: string; name: string }) => `${s.teamName}\u0000${s.role}\u0000${s.name}`;
  const staff = (await seasonStaff(db, ctx.seasonId)).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  if (!staff.length) return 'no assessments (no teams with coaches yet)';
  let made = 0;
  let messages = 0;
  await db.transaction().execute(async (trx) => {
    for (const [i, s] of staff.entries()) {
      for (const kind of ['practice', 'game'] as const) {
        if (ctx.random() > (kind === 'practice' ? 0.5 : 0.25)) continue;
        const mentorId = mentors[i % mentors.length]!;
        if (mentorId === s.personId) continue;
        const id = newId();
        const ratings = Object.fromEntries(CRITERIA.map((c) => [c.code, c.code === 'game-day' && kind === 'practice' ? null : pick(ctx.random, SCALE).value]));
        const acknowledged = ctx.random() < 0.5 ? at : null;
        await insertAssessment(trx, {
          id,
          season_id: ctx.seasonId,
          coach_id: s.personId,
          mentor_id: mentorId,
          team_id: s.teamId,
          team_name: s.teamName,
          division: s.division,
          date: addDays(today, -1 - Math.floor(ctx.random() * 10)),
          kind,
          ratings_json: JSON.stringify(ratings),
          strengths: pick(ctx.random, STRENGTHS),
          work_on: pick(ctx.random, WORK_ON),
          notes: '',
          created_at: at,
          acknowledged_at: acknowledged,
        });
        made++;
        if (acknowledged && ctx.random() < 0.4) {
          await insertMessages(trx, [
            { id: newId(), assessment_id: id, author_id: s.personId, seq: 1, body: 'Thanks! Do you have a drill for that?', created_at: at },
            { id: newId(), assessment_id: id, author_id: mentorId, seq: 2, body: 'Try 3v3 in small grids: lots of touches, no lines.', created_at: at },
          ]);
          messages += 2;
        }
      }
    }
  });
  return `${made} assessments with ${messages} thread messages`;
}
