/** The board's Players pages: counts per division, one division's players, import, add, move. */
import type { ViewCtx } from '../platform/views/layout.js';
import { Checkbox, Csrf, Errors, Input, Select, Table } from '../platform/views/components.js';
import { uploadAction } from '../platform/http/uploads.js';
import type { PlayerImportReport } from './import.service.js';
import type { PlayerLine } from './players.service.js';
import { IMPORTED_RATINGS, type Program, type StoredRating } from './players.rules.js';

export interface ProgramCount {
  division: string;
  program: Program;
  label: string;
  players: number;
}

export interface PlayersModel {
  seasonId: string;
  seasonName: string;
  seasons: { value: string; label: string }[];
  counts: ProgramCount[];
  selected: ProgramCount | null;
  lines: PlayerLine[];
  canImport: boolean;
}

export interface PlayersState {
  form?: 'import' | 'add';
  errors?: string[];
  values?: Record<string, string>;
  report?: PlayerImportReport;
}

const q = (o: Record<string, string>) => `?${new URLSearchParams(o).toString()}`;

export function ratingText(r: StoredRating | null): string {
  if (!r) return 'new (unrated)';
  return r.seasonId === IMPORTED_RATINGS ? `${r.rating} (export)` : `${r.rating} (${r.seasonId})`;
}

function Counts({ m }: { m: PlayersModel }) {
  return (
    <Table caption={`Players of ${m.seasonName} by division`} head={['Division', 'Players', '']}>
      {m.counts.map((c) => (
        <tr>
          <td>{c.label}</td>
          <td>{c.players}</td>
          <td>
            <a href={`/players${q({ season: m.seasonId, division: c.division, program: c.program })}`} aria-label={`List players of ${c.label}`}>
              List
            </a>
          </td>
        </tr>
      ))}
    </Table>
  );
}

function Lines({ m }: { m: PlayersModel }) {
  if (!m.selected) return null;
  return (
    <section class="card" aria-labelledby="list">
      <h2 id="list">{m.selected.label}</h2>
      {m.lines.length === 0 ? (
        <p>No players yet.</p>
      ) : (
        <Table caption={`${m.lines.length} players of ${m.selected.label}`} head={['Player', 'Born', 'Rating used', 'Parent', 'Team']}>
          {m.lines.map((p) => (
            <tr>
              <td>
                <a href={`/players/${encodeURIComponent(p.id)}${q({ season: m.seasonId })}`}>{`${p.lastName}, ${p.firstName}`}</a>
                {p.goalkeeper ? ' (GK)' : ''}
                {p.movedReason ? <small class="hint">moved: {p.movedReason}</small> : null}
              </td>
              <td class="nowrap">{p.birthDate}</td>
              <td>{ratingText(p.rating)}</td>
              <td>{p.guardians[0] ? `${p.guardians[0].firstName} ${p.guardians[0].lastName}` : ''}</td>
              <td>{p.team?.name ?? ''}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function ImportForm({ ctx, m, state }: { ctx: ViewCtx; m: PlayersModel; state: PlayersState }) {
  const r = state.report;
  return (
    <section class="card" aria-labelledby="import">
      <h2 id="import">Import the registration export</h2>
      <p class="hint">
        CSV or TSV from the registration system. A file with any bad line is refused whole, with every line and reason; importing the same file again updates players by their
        PlayerID and adds nobody twice. Its rating column is last season's rating.
      </p>
      {state.form === 'import' ? <Errors errors={state.errors} /> : null}
      <form method="post" action={uploadAction('/players/import', ctx.csrf)} enctype="multipart/form-data">
        <input type="hidden" name="season" value={m.seasonId} />
        <label for="f-file">
          Export file
          <input id="f-file" name="file" type="file" required accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values" />
        </label>
        <button type="submit">Import players</button>
      </form>
      {r ? (
        <div role="status">
          <p>{`${r.fileName}: ${r.rows} players: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged; ${r.guardiansCreated} parent(s) new to Touchline; ${r.ratingsImported} rating(s) imported.`}</p>
          {r.notes.length ? (
            <details>
              <summary>{`${r.notes.length} note(s) to look at`}</summary>
              <ul>
                {r.notes.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function AddForm({ ctx, m, state }: { ctx: ViewCtx; m: PlayersModel; state: PlayersState }) {
  const v = state.form === 'add' ? (state.values ?? {}) : {};
  return (
    <section class="card" aria-labelledby="add">
      <h2 id="add">Add a player by hand</h2>
      <p class="hint">The division comes from the date of birth and the season's age cut-off; the program from the gender.</p>
      {state.form === 'add' ? <Errors errors={state.errors} /> : null}
      <form method="post" action="/players" class="grid">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="season" value={m.seasonId} />
        <Input label="First name" name="firstName" value={v.firstName} required />
        <Input label="Last name" name="lastName" value={v.lastName} required />
        <Input label="Date of birth" name="birthDate" type="date" value={v.birthDate} required />
        <Select
          label="Gender"
          name="gender"
          value={v.gender}
          options={[
            { value: 'F', label: 'Girl (F)' },
            { value: 'M', label: 'Boy (M)' },
          ]}
        />
        <Input label="PlayerID (registration system, optional)" name="externalId" value={v.externalId} />
        <Checkbox label="Wants to play goalkeeper" name="goalkeeper" checked={v.goalkeeper === 'on'} />
        <Input label="Parent first name" name="parentFirstName" value={v.parentFirstName} required />
        <Input label="Parent last name" name="parentLastName" value={v.parentLastName} required />
        <Input label="Parent email" name="parentEmail" type="email" value={v.parentEmail} required autocomplete="off" />
        <Input label="Parent phone" name="parentPhone" type="tel" value={v.parentPhone} autocomplete="off" />
        <button type="submit">Add the player</button>
      </form>
    </section>
  );
}

export function PlayersPage({ ctx, m, state }: { ctx: ViewCtx; m: PlayersModel; state: PlayersState }) {
  return (
    <>
      <h1>Players</h1>
      <form method="get" action="/players" class="inline">
        <Select label="Season" name="season" value={m.seasonId} options={m.seasons} />
        <button type="submit" class="secondary">
          Show
        </button>
      </form>
      <Counts m={m} />
      <Lines m={m} />
      {m.canImport ? <ImportForm ctx={ctx} m={m} state={state} /> : null}
      {m.canImport ? <AddForm ctx={ctx} m={m} state={state} /> : null}
    </>
  );
}
