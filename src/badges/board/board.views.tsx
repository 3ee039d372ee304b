import type { ViewCtx } from '../../platform/views/layout.js';
import { Checkbox, Csrf, Errors, Table } from '../../platform/views/components.js';
import { longDate } from '../../training/index.js';
import type { BoardStatus } from '../badges.rules.js';
import type { BoardRow, SeasonInfo } from '../badges.service.js';
import type { PrintRun, RunKind } from '../print/runs.store.js';
import { PhotoStatusText, roleText } from '../badges.views.js';

/** The board's list of coaches and their badges, with the print form and the runs of the season. */

export const STATUS_LABELS: Record<BoardStatus, string> = { eligible: 'Eligible, not printed', printed: 'Printed', blocked: 'Blocked' };
export const KIND_LABELS: Record<RunKind, string> = { sheet: 'Print sheet', reprint: 'Reprint', download: 'Single badge downloaded' };

export interface BoardProps {
  seasons: { id: string; name: string }[];
  season: SeasonInfo;
  status: BoardStatus | '';
  rows: BoardRow[];
  counts: Record<BoardStatus, number>;
  pendingPhotos: number;
  runs: PrintRun[];
  errors?: string[];
}

export const when = (iso: string) => `${longDate(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;

function BadgeCell({ r }: { r: BoardRow }) {
  const cls = r.status === 'blocked' ? 'status-bad' : r.status === 'printed' ? 'status-ok' : 'status-warn';
  return (
    <>
      <span class={cls}>{STATUS_LABELS[r.status]}</span>
      {r.current?.printedAt ? <small class="hint">printed {r.current.printedAt.slice(0, 10)}</small> : null}
      {r.check && !r.check.valid ? <small class="hint status-bad">badge not valid since {r.check.since}</small> : null}
    </>
  );
}

function Row({ r }: { r: BoardRow }) {
  const name = `${r.firstName} ${r.lastName}`.trim();
  return (
    <tr>
      <td>{r.status === 'blocked' ? null : <input type="checkbox" name="person" value={r.personId} aria-label={`Choose ${name}`} />}</td>
      <td>{name}</td>
      <td>{r.roles.length ? r.roles.map(roleText).join('; ') : 'no coaching role'}</td>
      <td>
        <PhotoStatusText photo={r.photo} />
      </td>
      <td>
        <BadgeCell r={r} />
      </td>
      <td>
        {r.eligibility.missing.length ? (
          <ul class="changes">
            {r.eligibility.missing.map((m) => (
              <li>{m.message}</li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}

function Filters({ p }: { p: BoardProps }) {
  return (
    <form method="get" action="/badges/board" class="inline">
      <label>
        Season
        <select name="season">
          {p.seasons.map((s) => (
            <option value={s.id} selected={s.id === p.season.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select name="status">
          <option value="">All coaches</option>
          {(['eligible', 'printed', 'blocked'] as const).map((s) => (
            <option value={s} selected={s === p.status}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">
        Show
      </button>
    </form>
  );
}

function Runs({ runs }: { runs: PrintRun[] }) {
  if (!runs.length) return <p>Nothing printed yet this season.</p>;
  return (
    <Table caption="Print runs, newest first" head={['When', 'What', 'Badges', 'By', '']}>
      {runs.map((r) => (
        <tr>
          <td>{when(r.printedAt)}</td>
          <td>{KIND_LABELS[r.kind]}</td>
          <td>{r.badgeCount}</td>
          <td>{r.printedByName}</td>
          <td>
            <a href={`/badges/runs/${r.id}`}>Open run</a>
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function BoardView({ ctx, p }: { ctx: ViewCtx; p: BoardProps }) {
  const q = new URLSearchParams({ season: p.season.id, ...(p.status ? { status: p.status } : {}) }).toString();
  return (
    <>
      <h1>Coach badges</h1>
      <Filters p={p} />
      <p>
        {p.season.name}: {p.counts.eligible} eligible and not printed, {p.counts.printed} printed, {p.counts.blocked} blocked.{' '}
        <a href="/badges/photos">{p.pendingPhotos === 1 ? '1 photo' : `${p.pendingPhotos} photos`} to check</a> ·{' '}
        <a href={`/badges/board/export.csv?${q}`}>Download this list as CSV</a>
      </p>
      <Errors errors={p.errors} />
      <form method="post" action="/badges/print">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="season" value={p.season.id} />
        <p>
          <button type="submit" name="scope" value="waiting" disabled={p.counts.eligible === 0}>
            Print every eligible coach not yet printed ({p.counts.eligible})
          </button>
        </p>
        {p.rows.length ? (
          <Table caption="Coaches and their badges" head={['Choose', 'Coach', 'Roles', 'Photo', 'Badge', 'Missing']}>
            {p.rows.map((r) => (
              <Row r={r} />
            ))}
          </Table>
        ) : (
          <p>No coach matches.</p>
        )}
        <Checkbox name="reissue" label="New badges with new QR codes (a badge was lost or stolen): the old ones stop being valid" />
        <p>
          <button type="submit" name="scope" value="chosen" class="secondary">
            Print the chosen coaches
          </button>
        </p>
      </form>
      <section class="card" aria-labelledby="runs-h">
        <h2 id="runs-h">What was printed</h2>
        <Runs runs={p.runs} />
      </section>
    </>
  );
}
