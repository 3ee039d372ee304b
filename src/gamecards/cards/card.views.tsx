import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors } from '../../platform/views/components.js';
import type { Violation } from '../playing-time/card.rules.js';
import { MARK_LABELS, MARKS, markOf, type CardRow } from './card-state.rules.js';
import { Back, Text } from './card-back.views.js';
import type { CardView } from './cards.service.js';
import { field } from './card-form.schemas.js';
import { cardPath } from '../gamecards.views.js';

/** The part of the card the server re-renders after every save: revision, save id, status, violations. */
export function CardLive({ v, saveId, message, errors }: { v: CardView; saveId: string; message?: string; errors?: string[] }) {
  return (
    <div id="card-live">
      <input type="hidden" name="revision" value={v.revision} />
      <input type="hidden" name="saveId" value={saveId} />
      <Errors errors={errors} />
      <p class="hint" role="status" aria-live="polite" data-revision={v.revision}>
        {message ??
          (v.status === 'submitted'
            ? `Submitted (revision ${v.revision}).`
            : v.revision === 0
              ? 'Not saved yet: every change is saved as you make it.'
              : `Saved (revision ${v.revision}).`)}
      </p>
      <Violations list={v.violations} />
    </div>
  );
}

export function Violations({ list }: { list: Violation[] | null }) {
  return (
    <section class="card" aria-labelledby="violations-h" id="violations">
      <h2 id="violations-h">Playing time</h2>
      {list === null ? (
        <p>Problems with playing time show here as you fill in the card.</p>
      ) : list.length === 0 ? (
        <p class="status-ok">No problems: every player got the time the rule asks for.</p>
      ) : (
        <>
          <p class="status-bad">{list.length === 1 ? '1 problem' : `${list.length} problems`} with the playing-time rule:</p>
          <ul>
            {list.map((x) => (
              <li data-code={x.code} data-player={x.playerId ?? ''}>
                {x.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AttendanceSelect({ row, name, quarters, off }: { row: CardRow; name: string; quarters: number; off: boolean }) {
  const value = row.attended ? String(row.arrivedQuarter) : 'no';
  return (
    <select name={field.att(row.playerId)} aria-label={`${name}: here from`} disabled={off}>
      {Array.from({ length: quarters }, (_, i) => (
        <option value={String(i + 1)} selected={value === String(i + 1)}>{`Q${i + 1}`}</option>
      ))}
      <option value="no" selected={value === 'no'}>
        Absent
      </option>
    </select>
  );
}

/** One player: a full-width name row, then arrival and a mark per quarter (five selects fit a phone). */
function PlayerRows({ v, row, off }: { v: CardView; row: CardRow; off: boolean }) {
  const p = v.roster.find((r) => r.playerId === row.playerId)!;
  const owed = v.owed[row.playerId];
  return (
    <tbody>
      <tr>
        <th scope="rowgroup" colSpan={v.ctx.quarters + 1}>
          {`${p.jersey ?? '–'} · ${p.name}`}
          {row.attended && owed !== undefined ? <span class="hint">{`owed ${owed} quarter${owed === 1 ? '' : 's'}`}</span> : null}
        </th>
      </tr>
      <tr>
        <td>
          <AttendanceSelect row={row} name={p.name} quarters={v.ctx.quarters} off={off} />
        </td>
        {row.quarters.map((cell, i) => (
          <td>
            <select name={field.quarter(i + 1, row.playerId)} aria-label={`${p.name}: quarter ${i + 1}`} disabled={off}>
              {MARKS.map((m) => (
                <option value={m} selected={markOf(cell) === m}>
                  {MARK_LABELS[m]}
                </option>
              ))}
            </select>
          </td>
        ))}
      </tr>
    </tbody>
  );
}

/** Goals per half, per player: a separate small table, since most rows stay empty. */
function Goals({ v, off }: { v: CardView; off: boolean }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label="Goals">
      <table class="gamecard">
        <caption>Goals by half</caption>
        <thead>
          <tr>
            <th scope="col">Player</th>
            <th scope="col">1st half</th>
            <th scope="col">2nd half</th>
          </tr>
        </thead>
        <tbody>
          {v.rows.map((row) => {
            const p = v.roster.find((r) => r.playerId === row.playerId)!;
            return (
              <tr>
                <th scope="row">{`${p.jersey ?? '–'} · ${p.name}`}</th>
                {row.goals.map((g, h) => (
                  <td>
                    <input
                      name={field.goals(h + 1, row.playerId)}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={99}
                      value={g === 0 ? '' : g}
                      aria-label={`${p.name}: goals, half ${h + 1}`}
                      disabled={off}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Header({ v }: { v: CardView }) {
  const h = v.header;
  return (
    <dl class="card facts">
      <dt>Region</dt>
      <dd>{h.region}</dd>
      <dt>Age group</dt>
      <dd>{h.ageGroup}</dd>
      <dt>Team</dt>
      <dd>{`#${h.teamNumber} ${h.teamName}`}</dd>
      <dt>Coach</dt>
      <dd>{h.coach || '—'}</dd>
      <dt>Assistant</dt>
      <dd>{h.assistant || '—'}</dd>
      <dt>Date</dt>
      <dd>{`${h.date} ${h.time}`}</dd>
      <dt>Opponent</dt>
      <dd>{`${h.opponent}, ${h.side === 'home' ? 'we are home' : 'we are away'}`}</dd>
      <dt>Field</dt>
      <dd>{h.field}</dd>
    </dl>
  );
}

/** The game card page: a plain form that works without JavaScript; with htmx every change is saved at once. */
export function CardPage({ ctx, v, saveId, errors }: { ctx: ViewCtx; v: CardView; saveId: string; errors?: string[] }) {
  const path = cardPath(v.ctx.game.id, v.ctx.team.id);
  const submitted = v.status === 'submitted';
  const editable = submitted ? v.access.canCorrect : v.access.canEdit;
  const autosave = editable && !submitted ? { 'hx-post': path, 'hx-trigger': 'change', 'hx-target': '#card-live', 'hx-swap': 'outerHTML', 'hx-sync': 'this:queue last' } : {};
  return (
    <>
      <h1>{`Game card: #${v.header.teamNumber} ${v.header.teamName} v ${v.header.opponent}`}</h1>
      <p>
        {submitted ? <strong class="status-ok">{`Submitted ${v.submittedAt?.slice(0, 10) ?? ''}: the card is locked.`}</strong> : <strong class="status-warn">Draft</strong>}{' '}
        <a href={`${path}/card.pdf`}>Printable card (PDF)</a>
        {!submitted ? (
          <>
            {' '}
            · <a href={`/games/${v.ctx.game.id}/plan/${v.ctx.team.id}`}>Plan the rotation</a>
          </>
        ) : null}
        {' · '}
        <a href={`/games/teams/${v.ctx.team.id}/jerseys`}>Jersey numbers</a>
      </p>
      <Header v={v} />
      <form method="post" action={path} id="card-form" {...autosave}>
        <Csrf token={ctx.csrf} />
        <CardLive v={v} saveId={saveId} errors={errors} />
        <section aria-labelledby="players-h">
          <h2 id="players-h">Players and quarters</h2>
          <p class="hint">For each player: the quarter they arrived in (or absent), then each quarter: Play (on the field), Sat, GK (kept goal) or Inj (left injured).</p>
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Roster">
            <table class="gamecard">
              <caption>Roster in jersey-number order</caption>
              <thead>
                <tr>
                  <th scope="col">Here from</th>
                  {Array.from({ length: v.ctx.quarters }, (_, i) => (
                    <th scope="col">{`Q${i + 1}`}</th>
                  ))}
                </tr>
              </thead>
              {v.rows.map((row) => (
                <PlayerRows v={v} row={row} off={!editable} />
              ))}
            </table>
          </div>
          <Goals v={v} off={!editable} />
          <Back v={v} off={!editable} />
          {submitted && v.access.canCorrect ? <Text label="Reason for the correction (kept in the audit log)" name="reason" value="" max={500} /> : null}
        </section>
        {editable ? (
          <p>
            <button type="submit">{submitted ? 'Save correction' : 'Save'}</button>{' '}
            {!submitted ? (
              <button type="submit" class="secondary" formaction={`${path}/submit`}>
                Submit card
              </button>
            ) : null}
          </p>
        ) : null}
      </form>
      <p>
        <a href="/games">Back to games</a>
      </p>
    </>
  );
}
