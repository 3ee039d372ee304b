import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors, Input, Select } from '../../platform/views/components.js';
import type { RegionConfig, Season } from '../../region/index.js';
import type { TeamRow } from '../../teams/index.js';
import type { GameListItem } from './games.service.js';
import type { Game } from './games.store.js';
import { cardPath } from '../gamecards.views.js';
import { uploadAction } from '../../platform/http/uploads.js';

const fieldName = (c: RegionConfig, id: string) => c.fields.find((f) => f.id === id)?.name ?? id;
const teamLabel = (t: { name: string; number: number }) => `#${t.number} ${t.name}`;

function CardLinks({ g, config }: { g: GameListItem; config: RegionConfig }) {
  const hasCard = config.divisions.find((d) => d.code === g.division)?.gameCard ?? false;
  if (!hasCard) return <p class="hint">{`${g.division} games have no game card.`}</p>;
  return (
    <>
      {g.myTeams.map((t) => {
        const c = g.cards[t];
        const team = t === g.home.id ? g.home : g.away;
        const state = !c ? 'not started' : c.status === 'submitted' ? (c.violations > 0 ? `submitted, ${c.violations} problem(s)` : 'submitted') : 'draft';
        return (
          <p>
            <a href={cardPath(g.id, t)}>{`Card of ${teamLabel(team)}`}</a>{' '}
            <span class={c?.status === 'submitted' ? (c.violations > 0 ? 'status-bad' : 'status-ok') : 'status-warn'}>({state})</span>
          </p>
        );
      })}
    </>
  );
}

export interface GamesListModel {
  season: Season;
  seasons: Season[];
  games: GameListItem[];
  board: boolean;
  canSchedule: boolean;
  division: string;
  config: RegionConfig;
}

/** The schedule: a coach's own games, or every game for the board, with each card's state. */
export function GamesList({ ctx, m }: { ctx: ViewCtx; m: GamesListModel }) {
  void ctx;
  return (
    <>
      <h1>{`Games: ${m.season.name}`}</h1>
      {m.canSchedule ? (
        <p>
          <a class="button" href={`/games/new?season=${m.season.id}`}>
            Add a game
          </a>{' '}
          <a class="button secondary" href={`/games/import?season=${m.season.id}`}>
            Import a schedule
          </a>
        </p>
      ) : null}
      <p>
        <a href={`/games/reports?season=${m.season.id}`}>Playing-time report</a>
        {m.board ? (
          <>
            {' '}
            · <a href={`/games/reports/violations?season=${m.season.id}`}>Cards with violations</a>
          </>
        ) : null}
      </p>
      <form method="get" action="/games" class="inline">
        <Select label="Season" name="season" value={m.season.id} options={m.seasons.map((s) => ({ value: s.id, label: s.name }))} />
        {m.board ? (
          <Select
            label="Division"
            name="division"
            value={m.division}
            options={[{ value: '', label: 'All' }, ...m.config.divisions.map((d) => ({ value: d.code, label: d.name }))]}
          />
        ) : null}
        <button type="submit" class="secondary">
          Show
        </button>
      </form>
      {m.games.length === 0 ? (
        <p>{m.board ? 'No games are scheduled for this season yet.' : 'Your teams have no games scheduled this season yet.'}</p>
      ) : (
        <div>
          {m.games.map((g) => (
            <section class="card">
              <h2>{`${g.date} ${g.time} · ${fieldName(m.config, g.fieldId)}`}</h2>
              <p>{`${g.division} ${g.program}: ${teamLabel(g.home)} (home) v ${teamLabel(g.away)}`}</p>
              <CardLinks g={g} config={m.config} />
              {m.canSchedule ? (
                <p>
                  <a href={`/games/${g.id}/edit`}>{`Change the game of ${g.date} ${g.time}`}</a>
                </p>
              ) : null}
            </section>
          ))}
        </div>
      )}
    </>
  );
}

export interface GameFormModel {
  season: Season;
  teams: TeamRow[];
  config: RegionConfig;
  game?: Game;
  values: Record<string, string>;
  errors?: string[];
}

/** Add or change one game: date, time, field, home and away team. */
export function GameForm({ ctx, m }: { ctx: ViewCtx; m: GameFormModel }) {
  const teamOptions = [{ value: '', label: 'Choose a team' }, ...m.teams.map((t) => ({ value: t.id, label: `${t.division} ${t.program} #${t.number} ${t.name}` }))];
  const action = m.game ? `/games/${m.game.id}/edit` : `/games/new?season=${m.season.id}`;
  return (
    <section class="narrow">
      <h1>{m.game ? 'Change a game' : `Add a game: ${m.season.name}`}</h1>
      <Errors errors={m.errors} />
      <form method="post" action={action}>
        <Csrf token={ctx.csrf} />
        <Input label="Date" name="date" type="date" value={m.values.date} required />
        <Input label="Kick-off time" name="time" type="time" value={m.values.time} required />
        <Select label="Field" name="field" value={m.values.field} options={m.config.fields.map((f) => ({ value: f.id, label: f.name }))} required />
        <Select label="Home team" name="home" value={m.values.home} options={teamOptions} required />
        <Select label="Away team" name="away" value={m.values.away} options={teamOptions} required />
        <button type="submit">{m.game ? 'Save the game' : 'Add the game'}</button>
      </form>
      {m.game ? (
        <form method="post" action={`/games/${m.game.id}/delete`}>
          <Csrf token={ctx.csrf} />
          <button type="submit" class="danger">
            Remove this game
          </button>
        </form>
      ) : null}
      <p>
        <a href={`/games?season=${m.season.id}`}>Back to games</a>
      </p>
    </section>
  );
}

/** Import a schedule file: all rows land, or none and every bad row is listed. */
export function ImportForm({ ctx, season, seasons, errors, text }: { ctx: ViewCtx; season: Season; seasons: Season[]; errors?: string[]; text?: string }) {
  return (
    <section class="narrow">
      <h1>Import a schedule</h1>
      <p>
        A CSV file with the columns <code>date, time, field, home, away</code> (and <code>division</code> when two teams share a name). Teams by name or id; dates as YYYY-MM-DD or
        M/D/YYYY; times as 9:30 or 2:00 PM. A file with any bad row is refused whole, with every problem listed.
      </p>
      <Errors errors={errors} />
      <form method="post" action={uploadAction('/games/import', ctx.csrf)} enctype="multipart/form-data">
        <Select label="Season" name="season" value={season.id} options={seasons.map((s) => ({ value: s.id, label: s.name }))} />
        <label for="f-file">
          CSV file
          <input id="f-file" name="file" type="file" accept=".csv,.tsv,.txt,text/csv" />
        </label>
        <label for="f-csv">
          Or paste the file's text
          <textarea id="f-csv" name="csv" rows={8}>
            {text ?? ''}
          </textarea>
        </label>
        <button type="submit">Import</button>
      </form>
      <p>
        <a href={`/games?season=${season.id}`}>Back to games</a>
      </p>
    </section>
  );
}
