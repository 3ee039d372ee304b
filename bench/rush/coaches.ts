/** bench/rush: the coaches' side: logging in, reading the slots, and the rush of bookings itself. */
import { performance } from 'node:perf_hooks';
import type { RegionConfig } from '../../src/region/index.js';
import type { jsonClient } from './http.js';
import { limiter } from './limit.js';
import type { Server } from './server-control.js';
import { PASSWORD, type Region } from './setup.js';

export interface SlotJson {
  id: string;
  weekday: number;
  start: string;
  refusal: string | null;
}

export type Client = ReturnType<typeof jsonClient>;

/** Every coach logs in through the API (scrypt-checked passwords), a few at a time. */
export async function logIn(http: Client, region: Region): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const run = limiter(8);
  const emails = [...new Set(region.teams.map((t) => t.coachEmail))];
  await Promise.all(
    emails.map((email) =>
      run(async () => {
        const r = await http.call('POST', '/api/v1/session', { email, password: PASSWORD });
        if (r.status !== 201) throw new Error(`login of ${email} answered ${r.status}`);
        tokens.set(email, r.body.token);
      }),
    ),
  );
  return tokens;
}

/** Each division's slots in order of popularity: Tuesday and Thursday first, close to 17:30, a little jitter. */
export async function preferences(http: Client, region: Region, tokens: Map<string, string>): Promise<Map<string, SlotJson[]>> {
  const DAY_RANK = [6, 2, 0, 3, 1, 4, 5];
  const out = new Map<string, SlotJson[]>();
  for (const division of new Set(region.teams.map((t) => t.division))) {
    const team = region.teams.find((t) => t.division === division)!;
    const slots = (await http.call('GET', `/api/v1/practice/slots?team=${team.id}`, undefined, tokens.get(team.coachEmail))).body as SlotJson[];
    const minutes = (s: SlotJson) => Number(s.start.slice(0, 2)) * 60 + Number(s.start.slice(3));
    out.set(
      division,
      slots.sort((a, b) => DAY_RANK[a.weekday]! * 10 + Math.abs(minutes(a) - 1050) / 30 - (DAY_RANK[b.weekday]! * 10 + Math.abs(minutes(b) - 1050) / 30)),
    );
  }
  return out;
}

export interface Outcome {
  latencies: number[];
  statuses: Map<string, number>;
  created: { id: string; teamId: string; slotId: string }[];
  peak: number;
  elapsed: number;
}

/**
 * The minute before the opening, as coaches spend it: every team's coach loads the team's slot
 * list and clicks the favourite slot too early, twice over (the page refreshed). Every early click
 * must be refused with SIGNUP_CLOSED; nothing is booked. Opens the keep-alive sockets too. Answers
 * how many requests it sent.
 */
export async function countdown(http: Client, region: Region, tokens: Map<string, string>, prefs: Map<string, SlotJson[]>, concurrency: number): Promise<number> {
  const run = limiter(concurrency);
  let sent = 0;
  for (let round = 0; round < 2; round++) {
    await Promise.all(
      region.teams.map((t) =>
        run(async () => {
          const token = tokens.get(t.coachEmail);
          const list = await http.call('GET', `/api/v1/practice/slots?team=${t.id}`, undefined, token);
          const early = await http.call('POST', '/api/v1/practice/bookings', { teamId: t.id, slotId: prefs.get(t.division)![0]!.id }, token);
          sent += 2;
          if (list.status !== 200 || early.status !== 422 || early.body?.error?.code !== 'SIGNUP_CLOSED')
            throw new Error(`before the opening, the slot list answered ${list.status} and a booking ${early.status} ${early.body?.error?.code}`);
        }),
      ),
    );
  }
  return sent;
}

/** The server's CPU for the simplest authenticated API read: the floor under every request. */
export async function floor(http: Client, tokens: Map<string, string>, server: Server, concurrency: number): Promise<number> {
  const list = [...tokens.values()];
  const run = limiter(concurrency);
  await server.mark();
  await Promise.all(Array.from({ length: 1000 }, (_, i) => run(() => http.call('GET', '/api/v1/practice/signup', undefined, list[i % list.length]))));
  const u = await server.mark();
  return u.cpuMs / u.requests;
}

export interface RushOptions {
  concurrency: number;
  deadlineMs: number;
  maxAttempts: number;
}

/**
 * Every team at once books its weekly allotment, each coach one request after the other: the most
 * popular slot first, on SLOT_FULL the alternatives the answer suggests, skipping days the team
 * already practises (as the page shows them). Latency is timed per request, from sending to answer.
 */
export async function rush(http: Client, region: Region, tokens: Map<string, string>, prefs: Map<string, SlotJson[]>, config: RegionConfig, o: RushOptions): Promise<Outcome> {
  const run = limiter(o.concurrency);
  const out: Outcome = { latencies: [], statuses: new Map(), created: [], peak: 0, elapsed: 0 };
  const start = performance.now();
  const deadline = Date.now() + o.deadlineMs;
  const team = async (t: Region['teams'][number]) => {
    const rule = config.divisions.find((d) => d.code === t.division)!.practice;
    const jitter = Math.floor(Math.random() * 3);
    const queue = [...prefs.get(t.division)!.map((s) => s.id)];
    queue.splice(0, 0, ...queue.splice(jitter, 1));
    const weekday = new Map(prefs.get(t.division)!.map((s) => [s.id, s.weekday]));
    const days = new Set<number>();
    const tried = new Set<string>();
    let held = 0;
    for (let attempt = 0; held < rule.perWeek && attempt < o.maxAttempts && Date.now() < deadline; ) {
      const slotId = queue.shift();
      if (!slotId) break;
      if (tried.has(slotId) || (rule.differentDays && days.has(weekday.get(slotId)!))) continue;
      tried.add(slotId);
      attempt++;
      const { status, body, took } = await run(async () => {
        const t0 = performance.now();
        const r = await http.call('POST', '/api/v1/practice/bookings', { teamId: t.id, slotId }, tokens.get(t.coachEmail));
        return { status: r.status, body: r.body, took: performance.now() - t0 };
      });
      out.latencies.push(took);
      const key = status === 201 ? '201' : `${status} ${body.error?.code}`;
      out.statuses.set(key, (out.statuses.get(key) ?? 0) + 1);
      if (status === 201) {
        held++;
        days.add(weekday.get(slotId)!);
        out.created.push({ id: body.id, teamId: t.id, slotId });
      } else if (body.error?.code === 'SLOT_FULL') {
        queue.unshift(...(body.error.details.alternatives as { id: string }[]).map((a) => a.id));
      } else if (!['SAME_DAY', 'ALREADY_BOOKED'].includes(body.error?.code)) break;
    }
  };
  await Promise.all(region.teams.map(team));
  out.elapsed = performance.now() - start;
  out.peak = run.peak();
  return out;
}
