import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors } from '../../platform/views/components.js';
import type { TeamRow } from '../../teams/index.js';
import type { RosterLine } from './cards.store.js';

/** The team's jersey numbers, set once for the season; every card lists the roster in this order. */
export function JerseysForm({ ctx, team, roster, errors, values }: { ctx: ViewCtx; team: TeamRow; roster: RosterLine[]; errors?: string[]; values?: Record<string, string> }) {
  return (
    <section class="narrow">
      <h1>{`Jersey numbers: #${team.number} ${team.name}`}</h1>
      <p>Set each player's number once for the season. Game cards list players in number order.</p>
      <Errors errors={errors} />
      {roster.length === 0 ? (
        <p>The team has no players yet.</p>
      ) : (
        <form method="post" action={`/games/teams/${team.id}/jerseys`}>
          <Csrf token={ctx.csrf} />
          {roster.map((p) => (
            <label for={`f-j_${p.playerId}`}>
              {p.name}
              <input id={`f-j_${p.playerId}`} name={`j_${p.playerId}`} type="number" inputMode="numeric" min={0} max={99} value={values?.[`j_${p.playerId}`] ?? p.jersey ?? ''} />
            </label>
          ))}
          <button type="submit">Save numbers</button>
        </form>
      )}
      <p>
        <a href="/games">Back to games</a>
      </p>
    </section>
  );
}
