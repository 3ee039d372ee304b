/** A team's page: staff, players with their parents' contacts, jersey numbers, and ratings. */
import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors, Input, Select, Table } from '../../platform/views/components.js';
import type { RosterLine } from './roster.service.js';
import type { RatingWindow, TeamRating } from '../ratings/ratings.service.js';
import type { StaffMember } from '../staff.store.js';

export interface RosterModel {
  teamId: string;
  name: string;
  subtitle: string;
  staff: StaffMember[];
  players: RosterLine[];
  canJersey: boolean;
  canRate: boolean;
  canOverride: boolean;
  window: RatingWindow;
  ratings: TeamRating[];
  scale: { value: string; label: string }[];
}

export interface RosterState {
  form?: 'jerseys' | 'ratings' | 'override';
  errors?: string[];
}

const roleLabel = (r: string) => (r === 'head-coach' ? 'Head coach' : 'Assistant coach');

function Contacts({ p }: { p: RosterLine }) {
  return (
    <ul class="changes">
      {p.guardians.map((g) => (
        <li>
          {`${g.firstName} ${g.lastName}`}
          {g.email ? (
            <>
              {' · '}
              <a href={`mailto:${g.email}`}>{g.email}</a>
            </>
          ) : null}
          {g.phone ? (
            <>
              {' · '}
              <a href={`tel:${g.phone.replace(/[^\d+]/g, '')}`}>{g.phone}</a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Jerseys({ ctx, m, state }: { ctx: ViewCtx; m: RosterModel; state: RosterState }) {
  return (
    <section class="card" aria-labelledby="jerseys">
      <h2 id="jerseys">Jersey numbers</h2>
      <p class="hint">Set once for the season: 0 to 99, a different number for each player.</p>
      {state.form === 'jerseys' ? <Errors errors={state.errors} /> : null}
      <form method="post" action={`/teams/${encodeURIComponent(m.teamId)}/jerseys`} class="grid">
        <Csrf token={ctx.csrf} />
        {m.players.map((p) => (
          <Input label={`Jersey of ${p.firstName} ${p.lastName}`} name={`jersey.${p.playerId}`} type="number" min={0} max={99} inputmode="numeric" value={p.jersey} />
        ))}
        <button type="submit">Save jersey numbers</button>
      </form>
    </section>
  );
}

function Ratings({ ctx, m, state }: { ctx: ViewCtx; m: RosterModel; state: RosterState }) {
  const rated = m.ratings.filter((r) => r.rating !== null).length;
  return (
    <section class="card" aria-labelledby="rate">
      <h2 id="rate">Rate your players</h2>
      <p>{`Ratings are open. Rate every player on the region's scale; next season's teams are balanced on them. ${rated} of ${m.ratings.length} rated.`}</p>
      {state.form === 'ratings' ? <Errors errors={state.errors} /> : null}
      <form method="post" action={`/teams/${encodeURIComponent(m.teamId)}/ratings`} class="grid">
        <Csrf token={ctx.csrf} />
        {m.ratings.map((r) => (
          <Select
            label={`Rating of ${r.name}${r.overrideReason ? ' (set by the coach administrator)' : ''}`}
            name={`rating.${r.playerId}`}
            value={r.rating === null ? '' : String(r.rating)}
            options={[{ value: '', label: 'Not rated yet' }, ...m.scale]}
          />
        ))}
        <button type="submit">Save ratings</button>
      </form>
    </section>
  );
}

function Override({ ctx, m, state }: { ctx: ViewCtx; m: RosterModel; state: RosterState }) {
  return (
    <section class="card" aria-labelledby="override">
      <h2 id="override">Ratings of this season</h2>
      <Table caption="Ratings given by the coaches" head={['Player', 'Rating', 'By']}>
        {m.ratings.map((r) => (
          <tr>
            <td>{r.name}</td>
            <td>{r.rating ?? 'not rated'}</td>
            <td>{r.ratedBy ? `${r.ratedBy}${r.overrideReason ? ` (override: ${r.overrideReason})` : ''}` : ''}</td>
          </tr>
        ))}
      </Table>
      {state.form === 'override' ? <Errors errors={state.errors} /> : null}
      <form method="post" action={`/teams/${encodeURIComponent(m.teamId)}/ratings/override`} class="grid">
        <Csrf token={ctx.csrf} />
        <Select label="Player" name="playerId" options={m.ratings.map((r) => ({ value: r.playerId, label: r.name }))} />
        <Select label="Rating" name="rating" options={m.scale} />
        <Input label="Reason for the override" name="reason" required />
        <button type="submit" class="secondary">
          Override the rating
        </button>
      </form>
    </section>
  );
}

export function RosterPage({ ctx, m, state }: { ctx: ViewCtx; m: RosterModel; state: RosterState }) {
  return (
    <>
      <h1>{m.name}</h1>
      <p>
        {m.subtitle} · <a href={`/teams/${encodeURIComponent(m.teamId)}/print`}>Printable roster</a> ·{' '}
        <a href={`/teams/${encodeURIComponent(m.teamId)}/export.csv`}>Team upload file (CSV)</a>
      </p>
      <section class="card" aria-labelledby="staff">
        <h2 id="staff">Coaches</h2>
        <ul>
          {m.staff.map((s) => (
            <li>{`${roleLabel(s.role)}: ${s.firstName} ${s.lastName}${s.email ? `, ${s.email}` : ''}${s.phone ? `, ${s.phone}` : ''}`}</li>
          ))}
        </ul>
      </section>
      <Table caption={`Players of ${m.name} (${m.players.length})`} head={['#', 'Player', 'Born', 'Parents']}>
        {m.players.map((p) => (
          <tr>
            <td>{p.jersey ?? ''}</td>
            <td>{`${p.firstName} ${p.lastName}${p.goalkeeper ? ' (GK)' : ''}`}</td>
            <td class="nowrap">{p.birthDate}</td>
            <td>
              <Contacts p={p} />
            </td>
          </tr>
        ))}
      </Table>
      {m.canRate && m.window.open ? <Ratings ctx={ctx} m={m} state={state} /> : null}
      {m.canJersey ? <Jerseys ctx={ctx} m={m} state={state} /> : null}
      {m.canOverride ? <Override ctx={ctx} m={m} state={state} /> : null}
    </>
  );
}
