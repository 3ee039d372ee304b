import type { ViewCtx } from '../../platform/views/layout.js';
import { Table } from '../../platform/views/components.js';
import type { Season } from '../../region/index.js';
import type { CardWithViolations, TeamSeason } from './reports.service.js';
import { cardPath } from '../gamecards.views.js';

/** Quarters played per team and player over the season, from submitted cards. */
export function PlayingTimeReport({ ctx, season, teams, board }: { ctx: ViewCtx; season: Season; teams: TeamSeason[]; board: boolean }) {
  void ctx;
  return (
    <>
      <h1>{`Playing time: ${season.name}`}</h1>
      <p>
        From submitted game cards. <a href={`/games/reports/playing-time.csv?season=${season.id}`}>Download as CSV</a>
        {board ? (
          <>
            {' '}
            · <a href={`/games/reports/violations?season=${season.id}`}>Cards with violations</a>
          </>
        ) : null}
      </p>
      {teams.length === 0 ? <p>No teams with game cards this season.</p> : null}
      {teams.map((t) => (
        <section class="card">
          <h2>{`${t.team.division} ${t.team.program} #${t.team.number} ${t.team.name}`}</h2>
          <p class="hint">{t.cards === 1 ? '1 submitted card' : `${t.cards} submitted cards`}</p>
          <Table caption={`Playing time of #${t.team.number} ${t.team.name}`} head={['No.', 'Player', 'Games', 'Played', 'Sat', 'In goal', 'Injured', 'Under minimum']}>
            {t.players.map((p) => (
              <tr>
                <td>{p.jersey ?? ''}</td>
                <td>{p.name}</td>
                <td>{p.games}</td>
                <td>{p.played}</td>
                <td>{p.sat}</td>
                <td>{p.kept}</td>
                <td>{p.injured}</td>
                <td class={p.gamesUnderMinimum > 0 ? 'status-bad' : undefined}>{p.gamesUnderMinimum}</td>
              </tr>
            ))}
          </Table>
        </section>
      ))}
      <p>
        <a href={`/games?season=${season.id}`}>Back to games</a>
      </p>
    </>
  );
}

/** The coach administrator's list of submitted cards that break the playing-time rule. */
export function ViolationsReport({ ctx, season, cards }: { ctx: ViewCtx; season: Season; cards: CardWithViolations[] }) {
  void ctx;
  return (
    <>
      <h1>{`Cards with violations: ${season.name}`}</h1>
      <p>
        Submitted game cards on which the playing-time rule was broken. <a href={`/games/reports/violations.csv?season=${season.id}`}>Download as CSV</a>
      </p>
      {cards.length === 0 ? <p class="status-ok">No submitted card breaks the rule.</p> : null}
      {cards.map((c) => (
        <section class="card">
          <h2>{`${c.date}: ${c.header ? `${c.header.ageGroup} #${c.header.teamNumber} ${c.header.teamName} v ${c.header.opponent}` : c.teamId}`}</h2>
          <ul>
            {c.violations.map((v) => (
              <li data-code={v.code}>{v.message}</li>
            ))}
          </ul>
          <a href={cardPath(c.gameId, c.teamId)}>Open the card</a>
        </section>
      ))}
      <p>
        <a href={`/games/reports?season=${season.id}`}>Playing-time report</a>
      </p>
    </>
  );
}
