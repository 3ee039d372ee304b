/** The public "How these teams were drawn" pages: a division's draw record, and the season's list. No names. */
import { Table } from '../../platform/views/components.js';
import type { PublicDraw } from './draw-record.service.js';
import { CountCells } from './figures.views.js';
import type { DrawFigures } from './draw.rules.js';

const fmt = (x: number) => (Math.round(x * 1000) / 1000).toString();

export const drawHref = (d: { season: { id: string } | string; division: string; program: string }) =>
  `/teams/draws/${encodeURIComponent(typeof d.season === 'string' ? d.season : d.season.id)}/${encodeURIComponent(d.division)}/${encodeURIComponent(d.program)}`;

function balanceText(f: DrawFigures): string {
  const what = f.objective === 'sum' ? 'team rating sums' : 'team mean ratings';
  const verdict = f.reachesBound
    ? 'on the lower bound: no way of forming these teams could be more balanced'
    : f.provenOptimal
      ? `${fmt(f.spread - f.lowerBound)} above the lower bound, and an exhaustive search proved nothing better exists`
      : `${fmt(f.spread - f.lowerBound)} above the lower bound`;
  return `Spread of the ${what} (largest minus smallest): ${fmt(f.spread)}. The best any formation of these players could reach: ${fmt(f.lowerBound)}. This draw is ${verdict}.`;
}

function Figures({ f, coed }: { f: DrawFigures; coed: boolean }) {
  const years = Object.keys(f.counts.birthYears);
  const head = ['Team', 'Players', 'Mean rating', ...(coed ? ['Girls'] : []), 'New players', 'Goalkeepers', ...years.map((y) => `Born ${y}`)];
  return (
    <Table caption="Every team's figures (teams by number)" head={head}>
      {f.teams.map((t) => (
        <tr>
          <td>{`Team ${t.number}`}</td>
          <td>{t.size}</td>
          <td>{fmt(t.ratingMean)}</td>
          <CountCells t={t} coed={coed} years={years} />
        </tr>
      ))}
    </Table>
  );
}

export function DrawPage({ d }: { d: PublicDraw }) {
  const coed = d.program === 'coed';
  return (
    <>
      <p>
        <a href={`/teams/draws?season=${encodeURIComponent(d.season.id)}`}>{`Every published draw of ${d.season.name}`}</a>
      </p>
      <h1>{`How these teams were drawn: ${d.label}, ${d.season.name}`}</h1>
      <p>
        {`The ${d.figures.teams.length} teams of ${d.label} were formed by the system alone, published on ${d.publishedAt.slice(0, 10)}: each head coach's own child on their team, then a random draw from the seed below, balanced first on last season's ratings (a new player counts as ${fmt(d.figures.unratedCountsAs)}), then on ${coed ? 'girls, ' : ''}new players, goalkeepers and birth years. Nobody chose who plays where.`}
      </p>
      <section class="card" aria-labelledby="record">
        <h2 id="record">The draw record</h2>
        <dl>
          <dt>Seed</dt>
          <dd>
            <code>{d.seed}</code>
          </dd>
          <dt>Digest of the inputs (sha256 of P.csv then T.csv)</dt>
          <dd>
            <code class="digest">{d.digest}</code>
          </dd>
          <dt>Engine version</dt>
          <dd>{d.engineVersion}</dd>
          <dt>Players and teams</dt>
          <dd>{`${d.figures.players} players, ${d.figures.teams.length} teams`}</dd>
          <dt>Rating scale</dt>
          <dd>{`${d.scale.min} to ${d.scale.max}, in steps of ${d.scale.step}`}</dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="balance">
        <h2 id="balance">How balanced the teams are</h2>
        <p>{balanceText(d.figures)}</p>
        <p>{`Largest difference between teams in new players: ${d.figures.counts.unrated}, goalkeepers: ${d.figures.counts.keepers}${coed ? `, girls: ${d.figures.counts.girls}` : ''}${d.figures.countsEven ? ' (as even as the coaches’ children allow)' : ''}.`}</p>
        <Figures f={d.figures} coed={coed} />
        <p class="hint">
          These are the teams as drawn. The coach administrator may move a player afterwards for a reason (every move is recorded); the draw record does not change.
        </p>
      </section>
      <section class="card" aria-labelledby="check">
        <h2 id="check">Check it yourself</h2>
        <p>
          The same inputs and seed always give the same teams. The coach administrator holds the draw's input files (P.csv: the players with their ratings, T.csv: the teams) and
          the published assignment (A.csv). With them, anyone can re-run the draw with Touchline's command line and see that it gives exactly these teams:
        </p>
        <pre>
          <code>{d.verify}</code>
        </pre>
        <p>
          Check that the files are the ones drawn from: their digest must be the one above (for example <code>cat P.csv T.csv | sha256sum</code>).
        </p>
      </section>
    </>
  );
}

export function DrawsIndex({ season, draws }: { season: { id: string; name: string }; draws: PublicDraw[] }) {
  return (
    <>
      <h1>{`How the teams of ${season.name} were drawn`}</h1>
      <p>
        Every division's teams are formed by a seeded random draw that anyone can re-run. Choose a division to see its seed, the digest of its inputs and how balanced its teams
        are.
      </p>
      {draws.length ? (
        <ul>
          {draws.map((d) => (
            <li>
              <a href={drawHref(d)}>{d.label}</a>
              {` (seed ${d.seed}, published ${d.publishedAt.slice(0, 10)})`}
            </li>
          ))}
        </ul>
      ) : (
        <p>{`No teams of ${season.name} are published yet.`}</p>
      )}
    </>
  );
}
