/** A parent's home page: one card per child, with the team and what comes next. */
import type { FastifyRequest } from 'fastify';
import type { Deps, HomeCard } from '../platform/feature.js';
import { familyView } from './families.service.js';
import { shortDate } from './families.views.js';

export async function familyCards(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!req.auth) return [];
  const view = await familyView(deps, await req.regionConfig(), req.auth);
  return view.children.map((c, i) => {
    const practice = c.team?.practices.filter((p) => p.next).sort((a, b) => a.next!.localeCompare(b.next!) || a.start.localeCompare(b.start))[0];
    const game = c.team?.games[0];
    const href = `/family#child-${encodeURIComponent(c.playerId)}`;
    return {
      title: `${c.firstName} ${c.lastName}`,
      order: 3 + i / 100,
      body: (
        <>
          <p>
            {c.division} · {c.team ? <strong>{c.team.name}</strong> : 'not on a team yet'}
            {c.team?.coaches.length ? `, coached by ${c.team.coaches.map((k) => k.name).join(', ')}` : ''}
          </p>
          {practice ? (
            <p>
              Next practice: {shortDate(practice.next!)} {practice.start}-{practice.end}, {practice.field.name}
            </p>
          ) : null}
          {game ? (
            <p>
              Next game: {shortDate(game.date)} {game.time} against {game.opponent.name}, {game.field.name}
            </p>
          ) : null}
          <p>
            <a href={href}>Team, practices, games and notices</a>
          </p>
        </>
      ),
    };
  });
}
