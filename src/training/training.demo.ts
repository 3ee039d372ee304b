import { newId } from '../platform/clock.js';
import type { DemoContext } from '../platform/demo.js';
import { addDays } from '../platform/time/time.rules.js';
import type { Role } from '../platform/roles.js';
import type { RegionConfig, Training } from '../region/index.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { certificateNumber } from './training.rules.js';
import { insertCompletions, type NewCompletion } from './training.store.js';
import { createSession, register } from './classes/classes.service.js';

/** The volunteers the earlier demo steps left in `facts.volunteers` (the fields this step reads). */
interface Volunteer {
  personId: string;
  role: string;
  division: string;
  named: boolean;
}

type Completion = NewCompletion & { id: string; certificateNo: string };

const DAY_TIMES = [
  ['18:00', '21:00'],
  ['09:00', '13:00'],
] as const;

/** What a role needs in a division: the safety trainings and, when asked, the division's course. */
function needs(config: RegionConfig, role: string, division: string): { safety: string[]; course: string | null } {
  const entries = config.roleRequirements.filter((r) => r.role === role);
  const entry = entries.find((r) => r.divisions?.includes(division)) ?? entries.find((r) => r.divisions === null);
  const d = config.divisions.find((x) => x.code === division);
  return { safety: entry ? [...entry.trainings] : [], course: entry?.ageLevel && d ? d.coachCertification : null };
}

/** The course and the courses it needs first, the earliest first (12U before Intermediate before Advanced). */
function withPrerequisites(config: RegionConfig, code: string, seen = new Set<string>()): Training[] {
  const t = config.trainings.find((x) => x.code === code);
  if (!t || seen.has(code)) return [];
  seen.add(code);
  return [...t.prerequisites.flatMap((p) => withPrerequisites(config, p, seen)), t];
}

/**
 * The demo's trainings: most volunteers have every training their role needs (done online or in
 * a class earlier this year); a few miss one safety training, and some miss their division's
 * course, a part of them having done only its online part. Classes for every in-person part are
 * scheduled in the coming weeks by the demo instructors, with seats left; some of the coaches who
 * still need the in-person part are registered (the first session of each course the most).
 * People whose application is missing keep their trainings: each element is missing on its own.
 */
export async function demoTraining(ctx: DemoContext): Promise<string> {
  const { db, clock } = ctx.deps;
  const config = await getRegionConfig(db);
  const today = regionToday(config, clock);
  const at = clock.now().toISOString();
  const volunteers = (ctx.facts.get('volunteers') ?? []) as Volunteer[];
  const rows: Completion[] = [];
  const done = new Set<string>();
  const waiting = new Map<string, string[]>();
  const missing = { safety: 0, course: 0 };
  const complete = (personId: string, t: Training, part: string, daysAgo: number) => {
    const key = `${personId}\u0000${t.code}\u0000${part}`;
    if (done.has(key)) return;
    done.add(key);
    const completedOn = addDays(today, -daysAgo);
    const bytes = Uint8Array.from({ length: 6 }, () => Math.floor(ctx.random() * 256));
    const online = t.parts.find((p) => p.part === part)?.mode === 'online';
    rows.push({
      id: newId(),
      certificateNo: certificateNumber(completedOn, bytes),
      personId,
      training: t.code,
      part,
      completedOn,
      source: online ? 'online' : 'instructor',
      classSessionId: null,
      recordedBy: null,
      recordedAt: at,
    });
  };
  for (const v of volunteers) {
    const need = needs(config, v.role, v.division);
    const r = v.named ? 1 : ctx.random();
    const skipSafety = r < 0.07 && need.safety.length ? need.safety[Math.floor(ctx.random() * need.safety.length)] : null;
    const skipCourse = r >= 0.07 && r < 0.15 && need.course !== null;
    if (skipSafety) missing.safety++;
    if (skipCourse) missing.course++;
    for (const code of need.safety) {
      const t = config.trainings.find((x) => x.code === code);
      if (t && code !== skipSafety) for (const p of t.parts) complete(v.personId, t, p.part, 20 + Math.floor(ctx.random() * 300));
    }
    if (!need.course) continue;
    // Some of those missing the course did its online part: they wait for a class.
    const onlineDone = skipCourse && ctx.random() < 0.6;
    for (const t of withPrerequisites(config, need.course)) {
      const last = t.code === need.course;
      for (const p of t.parts) {
        if (last && skipCourse && (p.mode === 'in-person' || !onlineDone)) {
          if (p.mode === 'in-person' && onlineDone) waiting.set(`${t.code}:${p.part}`, [...(waiting.get(`${t.code}:${p.part}`) ?? []), v.personId]);
          continue;
        }
        complete(v.personId, t, p.part, 15 + Math.floor(ctx.random() * 200));
      }
    }
  }
  await db.transaction().execute((trx) => insertCompletions(trx, rows));
  const { classes, registered } = await demoClasses(ctx, config, today, waiting);
  return `Training: ${rows.length} completions; ${missing.safety} volunteers missing a safety training, ${missing.course} missing their division's course; ${classes} classes ahead with ${registered} registered.`;
}

/** Two sessions of every in-person part used by a division, in the next weeks; registers some of those waiting. */
async function demoClasses(ctx: DemoContext, config: RegionConfig, today: string, waiting: ReadonlyMap<string, string[]>): Promise<{ classes: number; registered: number }> {
  const accounts = (ctx.facts.get('accounts') ?? {}) as Record<string, string>;
  const manager = accounts['coach-admin'];
  const instructors = ['instructor1', 'instructor2', 'instructor3'].map((n) => accounts[n]).filter((id): id is string => !!id);
  if (!manager || !instructors.length) return { classes: 0, registered: 0 };
  const actor = { id: manager, name: 'demo', roles: ['coach-administrator'] as Role[] };
  const courses = [...new Set(config.divisions.map((d) => d.coachCertification))];
  const parts = courses.flatMap((code) => (config.trainings.find((t) => t.code === code)?.parts ?? []).filter((p) => p.mode === 'in-person').map((p) => `${code}:${p.part}`));
  const fields = config.fields.length ? config.fields : [{ name: 'Region office', address: 'Region office' }];
  let classes = 0;
  let registered = 0;
  for (const [i, code] of parts.entries()) {
    const sessions: { id: string; capacity: number }[] = [];
    for (let k = 0; k < 2; k++) {
      const [startTime, endTime] = DAY_TIMES[k]!;
      const field = fields[(i + k) % fields.length]!;
      const s = await createSession(ctx.deps, actor, {
        code,
        date: addDays(today, 4 + i * 2 + k * 14),
        startTime,
        endTime,
        place: `${field.name}, ${field.address}`,
        capacity: 16,
        instructorId: instructors[(i + k) % instructors.length],
      });
      sessions.push({ id: s.id, capacity: s.capacity });
      classes++;
    }
    const people = waiting.get(code) ?? [];
    for (const [n, personId] of people.entries()) {
      const session = sessions[n % 3 === 2 ? 1 : 0]!;
      if (n >= session.capacity - 4) break;
      await register(ctx.deps, personId, session.id);
      registered++;
    }
  }
  return { classes, registered };
}
