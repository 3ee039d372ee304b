import type { FastifyRequest } from 'fastify';
import type { Deps, HomeCard } from '../platform/feature.js';
import { listTeams, teamsCoachedBy } from '../teams/index.js';
import { bookingsWithSlots } from './booking/bookings.store.js';
import { signupState } from './booking/countdown.rules.js';
import { loadSignup } from './booking/signup.store.js';
import { seasonNow } from '../region/index.js';

/** The coach's home card: each team's practices booked, and when sign-up opens or closes. */
export async function practiceHome(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!req.auth) return [];
  const config = await req.regionConfig();
  const season = seasonNow(config, deps.clock)?.season;
  if (!season) return [];
  const ids = (await teamsCoachedBy(deps.db, req.auth.personId, season.id)).map((t) => t.id);
  if (!ids.length) return [];
  const [teams, bookings, signup] = await Promise.all([listTeams(deps.db, season.id), bookingsWithSlots(deps.db, season.id, ids), loadSignup(deps.db, season.id)]);
  const now = deps.clock.now().toISOString();
  const lines = teams
    .filter((t) => ids.includes(t.id))
    .map((t) => {
      const perWeek = config.divisions.find((d) => d.code === t.division)?.practice.perWeek ?? 0;
      const booked = bookings.filter((b) => b.teamId === t.id).length;
      const s = signupState(now, signup, t.division);
      const when = s.state === 'not-yet' ? ` Sign-up opens in ${s.countdown}.` : s.state === 'open' && booked < perWeek ? ' Sign-up is open now.' : '';
      return `${t.name}: ${booked} of ${perWeek} weekly practice${perWeek === 1 ? '' : 's'} booked.${when}`;
    });
  return [
    {
      title: 'Practice fields',
      order: 30,
      body: (
        <>
          <ul>
            {lines.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
          <a href="/practice">Practice sign-up</a>
        </>
      ),
    },
  ];
}
