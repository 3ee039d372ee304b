/** One player: registration, guardians, ratings of every season, and the coach administrator's move. */
import type { ViewCtx } from '../platform/views/layout.js';
import { Csrf, Errors, Input, Select, Table } from '../platform/views/components.js';
import type { PlayerLine } from './players.service.js';
import { IMPORTED_RATINGS, PROGRAM_LABELS, type StoredRating } from './players.rules.js';
import { ratingText } from './players.views.js';

export interface PlayerModel {
  seasonId: string;
  player: PlayerLine;
  history: StoredRating[];
  programs: { value: string; label: string }[];
  canMove: boolean;
}

export function PlayerPage({ ctx, m, errors, values }: { ctx: ViewCtx; m: PlayerModel; errors?: string[]; values?: Record<string, string> }) {
  const p = m.player;
  const back = `/players?${new URLSearchParams({ season: m.seasonId, division: p.division, program: p.program }).toString()}`;
  return (
    <>
      <p>
        <a href={back}>
          Back to {p.division} {PROGRAM_LABELS[p.program]}
        </a>
      </p>
      <h1>{`${p.firstName} ${p.lastName}`}</h1>
      <section class="card">
        <h2>Registration</h2>
        <ul>
          <li>{`Born ${p.birthDate}, ${p.gender === 'F' ? 'girl' : 'boy'}${p.goalkeeper ? ', wants to play goalkeeper' : ''}`}</li>
          <li>{`${m.seasonId}: ${p.division} ${PROGRAM_LABELS[p.program]}${p.movedReason ? ` (moved: ${p.movedReason})` : ''}`}</li>
          <li>{`PlayerID: ${p.externalId ?? 'none (entered by hand)'}`}</li>
          <li>{`Team: ${p.team?.name ?? 'none yet'}`}</li>
          <li>{`Rating formation uses: ${ratingText(p.rating)}`}</li>
        </ul>
      </section>
      <section class="card">
        <h2>Parents</h2>
        <ul>
          {p.guardians.map((g) => (
            <li>{`${g.firstName} ${g.lastName}${g.email ? `, ${g.email}` : ''}${g.phone ? `, ${g.phone}` : ''}${g.isPrimary ? ' (primary)' : ''}`}</li>
          ))}
        </ul>
      </section>
      <section class="card">
        <h2>Ratings</h2>
        {m.history.length ? (
          <Table caption="Ratings of every season, newest first" head={['Season', 'Rating', 'Given']}>
            {m.history.map((r) => (
              <tr>
                <td>{r.seasonId === IMPORTED_RATINGS ? 'registration export' : r.seasonId}</td>
                <td>{r.rating}</td>
                <td class="nowrap">{r.ratedAt.slice(0, 10)}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>No ratings: a new player.</p>
        )}
      </section>
      {m.canMove ? (
        <section class="card" aria-labelledby="move">
          <h2 id="move">Move to another division or program</h2>
          <p class="hint">The reason is kept in the audit log. A player on a team leaves it; place them on a team of the new division from the Teams page.</p>
          <Errors errors={errors} />
          <form method="post" action={`/players/${encodeURIComponent(p.id)}/move`}>
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="season" value={m.seasonId} />
            <Select label="Division and program" name="target" value={values?.target ?? `${p.division}|${p.program}`} options={m.programs} />
            <Input label="Reason" name="reason" value={values?.reason} required />
            <button type="submit">Move the player</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
