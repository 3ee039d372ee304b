import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors, Input, Select, Table } from '../../platform/views/components.js';
import type { RegionConfig, Season } from '../../region/index.js';
import type { TeamRow } from '../../teams/index.js';
import type { StoredSlot } from '../slots.store.js';
import type { UnbookedTeam } from '../booking/cards.service.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';
import { fieldNameOf } from '../practice.rules.js';
import { SeasonPicker } from './setup.views.js';

const seasonQ = (s: Season) => `?season=${encodeURIComponent(s.id)}`;

/** The coach administrator's slot list (capacity edits, removals, a slot added by hand). */
export function SlotsPage({
  ctx,
  config,
  season,
  slots,
  booked,
  errors,
}: {
  ctx: ViewCtx;
  config: RegionConfig;
  season: Season;
  slots: StoredSlot[];
  booked: Map<string, number>;
  errors?: string[];
}) {
  return (
    <>
      <h1>Practice slots: {season.name}</h1>
      <p>
        <a href={`/practice/admin${seasonQ(season)}`}>Back to practice administration</a>
      </p>
      <Errors errors={errors} />
      <Table caption="Slots" head={['Day', 'Time', 'Field', 'Divisions', 'Teams', 'Capacity', '']}>
        {slots.map((s) => {
          const n = booked.get(s.id) ?? 0;
          const name = `${WEEKDAY_NAMES[s.weekday]} ${s.start} ${fieldNameOf(config, s.fieldId)}`;
          return (
            <tr>
              <td>{WEEKDAY_NAMES[s.weekday]!.slice(0, 3)}</td>
              <td>
                {s.start}-{s.end}
              </td>
              <td>
                {fieldNameOf(config, s.fieldId)}
                {s.origin === 'manual' ? <span class="hint">added by hand</span> : null}
              </td>
              <td>{s.divisions.join(', ')}</td>
              <td>{n}</td>
              <td>
                <form method="post" action={`/practice/admin/slots/${encodeURIComponent(s.id)}/capacity${seasonQ(season)}`} class="inline">
                  <Csrf token={ctx.csrf} />
                  <input name="capacity" type="number" min={Math.max(1, n)} max={50} value={s.capacity} aria-label={`Capacity of ${name}`} />
                  <button type="submit" class="link">
                    Save
                  </button>
                </form>
              </td>
              <td>
                {n === 0 ? (
                  <form method="post" action={`/practice/admin/slots/${encodeURIComponent(s.id)}/delete${seasonQ(season)}`}>
                    <Csrf token={ctx.csrf} />
                    <button type="submit" class="link" aria-label={`Remove ${name}`}>
                      Remove
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          );
        })}
      </Table>
      <section class="card" aria-labelledby="add-slot-h">
        <h2 id="add-slot-h">Add a slot by hand</h2>
        <form method="post" action={`/practice/admin/slots${seasonQ(season)}`}>
          <Csrf token={ctx.csrf} />
          <div class="grid">
            <Select label="Field" name="fieldId" options={config.fields.map((f) => ({ value: f.id, label: f.name }))} />
            <Select label="Day" name="weekday" options={WEEKDAY_NAMES.map((n, d) => ({ value: String(d), label: n }))} />
            <Input label="From" name="start" type="time" required />
            <Input label="To" name="end" type="time" required />
            <Input label="Teams at once" name="capacity" type="number" min={1} max={50} value={2} required />
          </div>
          <button type="submit">Add slot</button>
        </form>
      </section>
    </>
  );
}

/** Teams still to book and every team, each opening its assign-and-move page. */
export function TeamsAdminPage({
  season,
  seasons,
  teams,
  unbooked,
  counts,
}: {
  ctx: ViewCtx;
  season: Season;
  seasons: Season[];
  teams: TeamRow[];
  unbooked: UnbookedTeam[];
  counts: Map<string, number>;
}) {
  const link = (t: TeamRow) => `/practice/admin/teams/${encodeURIComponent(t.id)}`;
  return (
    <>
      <h1>Practice: teams of {season.name}</h1>
      <SeasonPicker seasons={seasons} current={season} path="/practice/admin/teams" />
      <p>
        <a href={`/practice/admin${seasonQ(season)}`}>Back to practice administration</a>
      </p>
      <h2>Teams still to book ({unbooked.length})</h2>
      {unbooked.length ? (
        <Table caption="Teams still to book" head={['Team', 'Division', 'Booked']}>
          {unbooked.map((u) => (
            <tr>
              <td>
                <a href={link(u.team)}>{u.team.name}</a>
              </td>
              <td>{u.team.division}</td>
              <td>
                {u.booked} of {u.perWeek}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p class="status-ok">Every team has all its practices.</p>
      )}
      <h2>All teams ({teams.length})</h2>
      <p class="hint">Open a team to assign it a slot or move one of its practices: administrators may do so at any time, and it is recorded in the audit log.</p>
      <Table caption="All teams" head={['Team', 'Division', 'Practices']}>
        {teams.map((t) => (
          <tr>
            <td>
              <a href={link(t)}>{t.name}</a>
            </td>
            <td>{t.division}</td>
            <td>{counts.get(t.id) ?? 0}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
