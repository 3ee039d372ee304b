import { Csrf, Errors, Input, Table } from '../platform/views/components.js';
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
  /** The sealed number of each application that still holds one (base64), for the browser to open. */
  sealed: Record<string, string>;
  errors?: string[];
}

const STATUS_CLASS: Record<string, string> = { clear: 'status-ok', flagged: 'status-bad', pending: 'status-warn' };

function KeyState({ s }: { s: ScreeningStatus }) {
  if (!s.ready) {
    return (
      <div class="errors" role="note">
        <p>
          No screening key is set up, so adults cannot give their social security numbers yet{s.awaitingKey ? ` (${s.awaitingKey} application(s) wait for it)` : ''}.{' '}
          <a href="/safety/key">Make the key in your browser</a> (or on the server with <code>touchline screening keygen --out FILE --passphrase …</code>).
        </p>
      </div>
    );
  }
  return (
    <p>
      Screening key in use: <code class="secret">{s.fingerprint}</code> (<a href="/safety/key">screening key page</a>). {s.pendingSealed} sealed number(s) wait for the background
      check: open them below in this browser with your key file, or export them with <code>touchline screening export --key FILE --out checks.csv</code>; then record each result
      here (that erases the sealed number).
    </p>
  );
}

/** Opens the key file in the browser (public/screening-key.js) and shows the sealed numbers in place. */
function OpenNumbers({ ctx }: { ctx: ViewCtx }) {
  return (
    <section class="card" aria-labelledby="open-numbers">
      <h2 id="open-numbers">Read the pending numbers in this browser</h2>
      <p class="hint">
        Choose your screening key file and type its passphrase: the numbers are opened here, in your browser; neither the file, the passphrase nor any number is sent to Touchline.
      </p>
      <noscript>
        <p>This needs JavaScript; without it, export the numbers with the touchline command.</p>
      </noscript>
      <form id="unseal-form">
        <Csrf token={ctx.csrf} />
        <div class="field">
          <label for="f-keyfile">Screening key file</label>
          <input id="f-keyfile" name="keyfile" type="file" accept=".json,.pem,application/json" required />
        </div>
        <Input label="Passphrase" name="passphrase" type="password" autocomplete="off" hint="Leave empty only for a key file without a passphrase." />
        <button type="submit">Show the numbers</button>{' '}
        <button type="button" id="unseal-hide" class="secondary" hidden>
          Hide the numbers
        </button>
      </form>
      <p id="unseal-status" role="status" aria-live="polite"></p>
    </section>
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
      {m.screening.ready && Object.keys(m.sealed).length > 0 ? <OpenNumbers ctx={ctx} /> : null}
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
              {m.sealed[r.id] ? (
                <td data-sealed-ssn={m.sealed[r.id]} data-last4={r.ssnLast4 ?? ''}>
                  {r.ssnLast4 ?? '—'}
                </td>
              ) : (
                <td>{r.ssnLast4 ?? (r.adult && r.backgroundCheck === 'pending' ? 'not given yet' : '—')}</td>
              )}
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
      <script type="module" src="/assets/screening-key.js"></script>
    </>
  );
}

export interface KeyPageModel {
  screening: ScreeningStatus;
  /** Who sets the key up: the safety director, or the region administrator while there is none. */
  role: 'safety-director' | 'region-administrator';
}

/** The screening key page: the key pair is made in the browser (public/screening-key.js); only the public key is sent. */
export function ScreeningKeyView({ ctx, m }: { ctx: ViewCtx; m: KeyPageModel }) {
  const s = m.screening;
  return (
    <section class="narrow">
      <h1>Screening key</h1>
      <p>
        Adults' social security numbers are sealed with the region's screening key the moment they apply, so that Touchline, its database and its backups cannot read them. Only the
        private key file opens them, on the pending background checks page, for the background check.
      </p>
      {s.ready ? (
        <p>
          Key in use: <code class="secret">{s.fingerprint}</code>. {s.pendingSealed} pending number(s) are sealed with it: a new key cannot open them.
        </p>
      ) : (
        <p class="status-warn">
          No key yet: adults can apply, but not give their number{s.awaitingKey ? ` (${s.awaitingKey} application(s) wait for it; they are mailed once the key is set)` : ''}.
        </p>
      )}
      {m.role === 'region-administrator' ? (
        <p class="hint">The region has no safety director yet, so you set the key up: give the key file and its passphrase to the safety director once there is one.</p>
      ) : null}
      <h2>{s.ready ? 'Make a new key in this browser' : 'Make the key in this browser'}</h2>
      <ol>
        <li>Choose a passphrase (at least 12 characters) and make the key: it is made here, in your browser.</li>
        <li>Download the private key file, protected by the passphrase. Keep it, and a copy offline; Touchline never sees it and cannot make it again.</li>
        <li>Send the public key: from then on, adults can give their numbers.</li>
      </ol>
      <noscript>
        <p>
          This needs JavaScript; without it, use <code>touchline screening keygen</code> on the server.
        </p>
      </noscript>
      <form id="keygen-form" class="card">
        <Csrf token={ctx.csrf} />
        <Input label="Passphrase" name="passphrase" type="password" autocomplete="new-password" required hint="At least 12 characters: a few words you will remember." />
        <Input label="Passphrase again" name="passphrase2" type="password" autocomplete="new-password" required />
        <button type="submit">Make the key</button>
      </form>
      <div id="keygen-result" class="card" hidden>
        <p>
          New key: <code class="secret" id="keygen-fingerprint"></code>
        </p>
        <p>
          <a id="keygen-download" href="#keygen-result" download="touchline-screening-key.json">
            Download the private key file
          </a>
        </p>
        <button type="button" id="keygen-send" disabled>
          Send the public key to Touchline
        </button>
        <p id="keygen-replace" hidden>
          <button type="button" class="secondary">
            Replace it anyway
          </button>
        </p>
      </div>
      <p id="keygen-status" role="status" aria-live="polite"></p>
      {m.role === 'safety-director' ? (
        <p>
          <a href="/safety/checks">Pending background checks</a>
        </p>
      ) : null}
      <script type="module" src="/assets/screening-key.js"></script>
    </section>
  );
}
