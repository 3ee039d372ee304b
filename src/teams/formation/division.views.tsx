/** The coach administrator's page of one division and program: draw, preview, publish, adjust. */
import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors, Input, Select } from '../../platform/views/components.js';
import type { AdjustResult } from './adjust.service.js';
import { BalanceSummary, FiguresTable, type TeamLabel } from './figures.views.js';
import { AdjustForms, Effect } from './adjust.views.js';
import type { Balance } from './adjust.rules.js';
import { drawHref } from './draw.views.js';

export interface TeamList {
  id: string;
  name: string;
  coach: string;
  link: string | null;
  players: { id: string; name: string; rating: string; coachChild: boolean }[];
}

export interface DivisionModel {
  seasonId: string;
  seasonName: string;
  label: string;
  division: string;
  program: string;
  coed: boolean;
  players: number;
  unrated: number;
  headCoaches: string[];
  canForm: boolean;
  status: 'none' | 'preview' | 'published';
  formation: { id: string; seed: number; objective: string; proven: boolean } | null;
  plannedTeams: number | null;
  planProblem: string | null;
  unusedCoaches: string[];
  balance: Balance | null;
  balanceProblem: string | null;
  labels: Map<string, TeamLabel>;
  teams: TeamList[];
  unassigned: { id: string; name: string }[];
  playerOptions: { value: string; label: string }[];
  teamOptions: { value: string; label: string }[];
  exportQuery: string;
}

export interface DivisionState {
  form?: 'preview' | 'publish' | 'adjust';
  errors?: string[];
  values?: Record<string, string>;
  effect?: AdjustResult;
}

export const divisionHref = (m: { seasonId: string; division: string; program: string }) =>
  `/teams/divisions/${encodeURIComponent(m.division)}/${m.program}?season=${encodeURIComponent(m.seasonId)}`;

function DrawForm({ ctx, m, state }: { ctx: ViewCtx; m: DivisionModel; state: DivisionState }) {
  const v = state.form === 'preview' ? (state.values ?? {}) : {};
  return (
    <section class="card" aria-labelledby="draw">
      <h2 id="draw">{m.status === 'preview' ? 'Draw again' : 'Draw the teams'}</h2>
      <p class="hint">
        The system alone forms the teams: each head coach's own child on their team, then a random draw balanced on last season's ratings, then on {m.coed ? 'girls, ' : ''}new
        players, goalkeepers and birth years. The same players and seed always give the same teams.
      </p>
      {m.planProblem ? (
        <p class="status-bad">{m.planProblem}</p>
      ) : m.plannedTeams !== null ? (
        <p>{`${m.plannedTeams} teams by default (rosters of this division's size).`}</p>
      ) : null}
      {state.form === 'preview' ? <Errors errors={state.errors} /> : null}
      <form method="post" action={`/teams/divisions/${encodeURIComponent(m.division)}/${m.program}/preview`} class="grid">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="season" value={m.seasonId} />
        <Input label="Seed (leave empty for a random one)" name="seed" inputmode="numeric" pattern="[0-9]*" value={v.seed} />
        <Input label="Number of teams (leave empty for the default)" name="teams" inputmode="numeric" pattern="[0-9]*" value={v.teams} />
        <Select
          label="Balance"
          name="objective"
          value={v.objective ?? m.formation?.objective}
          options={[
            { value: 'mean', label: 'Team mean ratings' },
            { value: 'sum', label: 'Team rating sums' },
          ]}
        />
        <button type="submit">Preview teams</button>
      </form>
    </section>
  );
}

function Teams({ m }: { m: DivisionModel }) {
  return (
    <section aria-labelledby="rosters">
      <h2 id="rosters">Teams</h2>
      {m.teams.map((t) => (
        <details class="card">
          <summary>{`${t.name}: ${t.players.length} players`}</summary>
          <p>
            Head coach: {t.coach}
            {t.link ? (
              <>
                {' · '}
                <a href={t.link}>Roster</a>
              </>
            ) : null}
          </p>
          <ul>
            {t.players.map((p) => (
              <li>{`${p.name} (${p.rating})${p.coachChild ? ", coach's child" : ''}`}</li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

export function DivisionPage({ ctx, m, state }: { ctx: ViewCtx; m: DivisionModel; state: DivisionState }) {
  const draw = m.canForm && m.status !== 'published';
  // The draw form leads when there is nothing to show yet, or when it comes back with problems.
  const drawFirst = m.status === 'none' || state.form === 'preview';
  return (
    <>
      <p>
        <a href={`/teams?season=${encodeURIComponent(m.seasonId)}`}>All divisions</a>
      </p>
      <h1>{`${m.label}, ${m.seasonName}`}</h1>
      <p>{`${m.players} players (${m.unrated} new, without a rating); head coaches of ${m.division}: ${m.headCoaches.length ? m.headCoaches.join(', ') : 'none yet'}.`}</p>
      {state.effect ? <Effect ctx={ctx} m={m} state={state} /> : null}
      {draw && drawFirst ? <DrawForm ctx={ctx} m={m} state={state} /> : null}
      {m.formation ? (
        <section class="card" aria-labelledby="balance">
          <h2 id="balance">{m.status === 'published' ? 'Published teams' : `Preview (seed ${m.formation.seed})`}</h2>
          {m.status === 'published' ? (
            <p>
              {`Drawn with seed ${m.formation.seed}. `}
              <a href={drawHref({ season: m.seasonId, division: m.division, program: m.program })}>How these teams were drawn</a> (public page, no names)
            </p>
          ) : null}
          {m.balance ? <BalanceSummary b={m.balance} coed={m.coed} proven={m.formation.proven} /> : <p class="status-warn">{m.balanceProblem}</p>}
          {m.balance ? <FiguresTable b={m.balance} labels={m.labels} coed={m.coed} caption={`Figures of every team of ${m.label}`} /> : null}
          {m.unusedCoaches.length ? <p class="hint">{`Head coaches without a team: ${m.unusedCoaches.join(', ')}.`}</p> : null}
          {m.status === 'preview' && m.canForm ? (
            <form method="post" action={`/teams/formations/${encodeURIComponent(m.formation.id)}/publish`}>
              <Csrf token={ctx.csrf} />
              {state.form === 'publish' ? <Errors errors={state.errors} /> : null}
              <button type="submit">Publish these teams</button>
            </form>
          ) : null}
        </section>
      ) : null}
      {m.teams.length ? <Teams m={m} /> : null}
      {draw && !drawFirst ? <DrawForm ctx={ctx} m={m} state={state} /> : null}
      {m.unassigned.length ? (
        <section class="card" aria-labelledby="unassigned">
          <h2 id="unassigned">Players without a team</h2>
          <p>{m.unassigned.map((p) => p.name).join(', ')}</p>
        </section>
      ) : null}
      {m.status === 'published' && m.canForm ? <AdjustForms ctx={ctx} m={m} state={state} /> : null}
      {m.status === 'published' ? (
        <section class="card" aria-labelledby="exports">
          <h2 id="exports">Exports</h2>
          <ul>
            <li>
              <a href={`/teams/export.csv?${m.exportQuery}`}>Team upload file (CSV) of {m.label}</a>
            </li>
            <li>
              <a href={`/teams/print?${m.exportQuery}`}>Printable rosters of {m.label}</a>
            </li>
            {m.canForm ? (
              <li>
                {"The draw's files, for "}
                <code>touchline teams verify</code>
                {': '}
                <a href={`/teams/formations/${encodeURIComponent(m.formation!.id)}/draw/P.csv`}>P.csv</a>
                {', '}
                <a href={`/teams/formations/${encodeURIComponent(m.formation!.id)}/draw/T.csv`}>T.csv</a>
                {', '}
                <a href={`/teams/formations/${encodeURIComponent(m.formation!.id)}/draw/A.csv`}>A.csv</a>
              </li>
            ) : null}
            {m.canForm ? (
              <li>
                <a href={`/teams/assistants?season=${encodeURIComponent(m.seasonId)}&division=${encodeURIComponent(m.division)}`}>Teams without an assistant coach</a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </>
  );
}
