import { Csrf, Errors, Table } from '../platform/views/components.js';
import type { ViewCtx } from '../platform/views/layout.js';
import type { SafetyListRow } from './applications.store.js';
import { rolesText } from './applications.service.js';
import type { ScreeningStatus } from './screening.service.js';

/** The safety director's page: applications, their last four digits and the check to record. */

export interface SafetyModel {
  rows: SafetyListRow[];
  status: 'pending' | 'all';
  season: string;
  seasons: { id: string; name: string }[];
  screening: ScreeningStatus;
  errors?: string[];
}

const STATUS_CLASS: Record<string, string> = { clear: 'status-ok', flagged: 'status-bad', pending: 'status-warn' };

function KeyState({ s }: { s: ScreeningStatus }) {
  if (!s.ready) {
    return (
      <div class="errors" role="note">
        <p>
          No screening key is set up, so adults cannot apply yet. The region administrator makes one on the server with{' '}
          <code>touchline screening keygen --out FILE --passphrase …</code> and gives you the private key file.
        </p>
      </div>
    );
  }
  return (
    <p>
      Screening key in use: <code class="secret">{s.fingerprint}</code>. {s.pendingSealed} sealed number(s) wait for the background check: export them with{' '}
      <code>touchline screening export --key FILE --out checks.csv</code>, then record each result here (that erases the sealed number).
    </p>
  );
}

function Filter({ m }: { m: SafetyModel }) {
  return (
    <form method="get" action="/safety/checks" class="inline">
      <label for="f-status">
        Show
        <select id="f-status" name="status">
          <option value="pending" selected={m.status === 'pending'}>
            Pending checks
          </option>
          <option value="all" selected={m.status === 'all'}>
            All applications
          </option>
        </select>
      </label>
      <label for="f-season">
        Season
        <select id="f-season" name="season">
          <option value="" selected={m.season === ''}>
            Every season
          </option>
          {m.seasons.map((s) => (
            <option value={s.id} selected={m.season === s.id}>
              {s.name}
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

function RecordForm({ ctx, r, m }: { ctx: ViewCtx; r: SafetyListRow; m: SafetyModel }) {
  if (!r.adult) return <>No check (youth volunteer)</>;
  return (
    <form method="post" action={`/safety/checks/${encodeURIComponent(r.id)}`} class="inline">
      <Csrf token={ctx.csrf} />
      <input type="hidden" name="back" value={`status=${m.status}&season=${encodeURIComponent(m.season)}`} />
      <button type="submit" name="result" value="clear" class="secondary" aria-label={`Record clear for ${r.name}`}>
        Clear
      </button>
      <button type="submit" name="result" value="flagged" class="secondary" aria-label={`Record flagged for ${r.name}`}>
        Flagged
      </button>
    </form>
  );
}

export function SafetyChecksView({ ctx, m }: { ctx: ViewCtx; m: SafetyModel }) {
  const caption = m.status === 'pending' ? 'Applications waiting for the background check' : 'Volunteer applications';
  return (
    <>
      <h1>Background checks</h1>
      <KeyState s={m.screening} />
      <Errors errors={m.errors} />
      <Filter m={m} />
      {m.rows.length === 0 ? (
        <p>{m.status === 'pending' ? 'No background check is waiting.' : 'No applications yet.'}</p>
      ) : (
        <Table caption={caption} head={['Name', 'Season', 'Roles', 'SSN (last four)', 'Status', 'Record the result']}>
          {m.rows.map((r) => (
            <tr>
              <td>{r.name}</td>
              <td>{r.season}</td>
              <td>{rolesText(r.roles)}</td>
              <td>{r.ssnLast4 ?? '—'}</td>
              <td>
                <span class={STATUS_CLASS[r.backgroundCheck]}>{r.backgroundCheck}</span>
                {r.checkRecordedAt ? ` (${r.checkRecordedAt.slice(0, 10)})` : ''}
              </td>
              <td>
                <RecordForm ctx={ctx} r={r} m={m} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
