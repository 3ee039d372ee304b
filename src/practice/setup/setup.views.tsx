import type { ViewCtx } from '../../platform/views/layout.js';
import { Checkbox, Csrf, Errors, Input, Select, Table } from '../../platform/views/components.js';
import type { RegionConfig, Season } from '../../region/index.js';
import type { SignupSettings } from '../booking/signup.store.js';
import type { StoredWindow } from './windows.store.js';
import { instantToLocal } from './signup.rules.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';
import { fieldNameOf } from '../practice.rules.js';

const days = (list: number[]) => list.map((d) => WEEKDAY_NAMES[d]!.slice(0, 3)).join(', ');
const seasonQ = (s: Season) => `?season=${encodeURIComponent(s.id)}`;

export function SeasonPicker({ seasons, current, path }: { seasons: Season[]; current: Season; path: string }) {
  if (seasons.length < 2) return null;
  return (
    <p>
      Season:{' '}
      {seasons.map((s, i) => (
        <>
          {i ? ' · ' : ''}
          <a href={`${path}?season=${encodeURIComponent(s.id)}`} aria-current={s.id === current.id ? 'page' : undefined}>
            {s.name}
          </a>
        </>
      ))}
    </p>
  );
}

export interface AdminOverview {
  season: Season;
  seasons: Season[];
  signup: SignupSettings;
  windows: StoredWindow[];
  slotCount: number;
  seatCount: number;
  unbooked: number;
  teamCount: number;
}

function SignupForm({ ctx, config, o, values }: { ctx: ViewCtx; config: RegionConfig; o: AdminOverview; values?: Record<string, string> }) {
  const tz = config.region.timeZone;
  const v = (name: string, fallback: string) => values?.[name] ?? fallback;
  return (
    <section class="card" aria-labelledby="signup-h">
      <h2 id="signup-h">Sign-up</h2>
      <form method="post" action={`/practice/admin/signup${seasonQ(o.season)}`}>
        <Csrf token={ctx.csrf} />
        <div class="grid">
          <Input
            label={`Opens (${tz})`}
            name="opensAt"
            type="datetime-local"
            value={v('opensAt', instantToLocal(o.signup.opensAt, tz))}
            hint="Coaches pick slots from then on, first come, first served."
          />
          <Input
            label={`Change deadline (${tz})`}
            name="closesAt"
            type="datetime-local"
            value={v('closesAt', instantToLocal(o.signup.closesAt, tz))}
            hint="After it only the coach administrator changes slots. Empty: no deadline."
          />
        </div>
        <details open={Object.keys(o.signup.divisionOpensAt).length > 0 || undefined}>
          <summary>Divisions that open at another time (optional)</summary>
          <div class="grid">
            {config.divisions
              .filter((d) => d.practice.perWeek > 0)
              .map((d) => (
                <Input label={d.code} name={`opens_${d.code}`} type="datetime-local" value={v(`opens_${d.code}`, instantToLocal(o.signup.divisionOpensAt[d.code] ?? null, tz))} />
              ))}
          </div>
        </details>
        <label for="f-blackouts">
          Blackout dates (no practice)
          <textarea id="f-blackouts" name="blackouts" rows={3} aria-describedby="f-blackouts-hint">
            {v('blackouts', o.signup.blackouts.join('\n'))}
          </textarea>
          <small id="f-blackouts-hint" class="hint">
            One date per line, YYYY-MM-DD. Calendar feeds leave them out.
          </small>
        </label>
        <button type="submit">Save sign-up settings</button>
      </form>
    </section>
  );
}

function WindowForm({ ctx, config, season }: { ctx: ViewCtx; config: RegionConfig; season: Season }) {
  return (
    <form method="post" action={`/practice/admin/windows${seasonQ(season)}`}>
      <Csrf token={ctx.csrf} />
      <h3>Add a window</h3>
      <div class="grid">
        <Select label="Field" name="fieldId" options={config.fields.map((f) => ({ value: f.id, label: `${f.name} (${f.capacity} teams)` }))} />
        <Input label="From" name="startTime" type="time" required />
        <Input label="To" name="endTime" type="time" required />
        <Input label="Teams at once" name="capacity" type="number" min={1} max={50} hint="Empty: the field's capacity; never more than the field holds (beside its name)." />
      </div>
      <fieldset>
        <legend>Weekdays</legend>
        {WEEKDAY_NAMES.map((name, d) => (
          <Checkbox label={name} name="weekdays" value={String(d)} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Only for these divisions (none ticked: every division)</legend>
        {config.divisions
          .filter((d) => d.practice.perWeek > 0)
          .map((d) => (
            <Checkbox label={`${d.code} (${d.practice.minutes} min)`} name="divisions" value={d.code} />
          ))}
      </fieldset>
      <button type="submit">Add window</button>
    </form>
  );
}

function Windows({ ctx, config, o }: { ctx: ViewCtx; config: RegionConfig; o: AdminOverview }) {
  return (
    <section class="card" aria-labelledby="windows-h">
      <h2 id="windows-h">Practice windows</h2>
      <p class="hint">The field time the region offers every week. Slots are cut from them by each division's practice length and fields.</p>
      {o.windows.length ? (
        <Table caption="Windows" head={['Field', 'Days', 'Times', 'Teams at once', 'Divisions', '']}>
          {o.windows.map((w) => (
            <tr>
              <td>
                {fieldNameOf(config, w.fieldId)}
                {w.draft ? <strong> (draft: not bookable until published)</strong> : null}
              </td>
              <td>{days(w.weekdays)}</td>
              <td>
                {w.startTime}-{w.endTime}
              </td>
              <td>{w.capacity ?? `${config.fields.find((f) => f.id === w.fieldId)?.capacity ?? '?'} (field)`}</td>
              <td>{w.divisions?.join(', ') ?? 'all'}</td>
              <td>
                <form method="post" action={`/practice/admin/windows/${encodeURIComponent(w.id)}/delete${seasonQ(o.season)}`}>
                  <Csrf token={ctx.csrf} />
                  <button type="submit" class="link" aria-label={`Remove window ${fieldNameOf(config, w.fieldId)} ${days(w.weekdays)} ${w.startTime}-${w.endTime}`}>
                    Remove
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>No windows yet.</p>
      )}
      {o.windows.some((w) => w.draft) ? (
        <form method="post" action="/seasons/windows/publish">
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="season" value={o.season.id} />
          <p class="hint">Draft windows were carried over from last season: adjust them (remove and add again), then publish them so slots can be cut from them.</p>
          <button type="submit">Publish the draft windows</button>
        </form>
      ) : null}
      <WindowForm ctx={ctx} config={config} season={o.season} />
    </section>
  );
}

export function AdminPage({ ctx, config, o, errors, values }: { ctx: ViewCtx; config: RegionConfig; o: AdminOverview; errors?: string[]; values?: Record<string, string> }) {
  return (
    <>
      <h1>Practice sign-up administration</h1>
      <SeasonPicker seasons={o.seasons} current={o.season} path="/practice/admin" />
      <Errors errors={errors} />
      <section class="card" aria-labelledby="slots-h">
        <h2 id="slots-h">Slots and teams</h2>
        <p>
          {o.slotCount} weekly slots with {o.seatCount} places. {o.unbooked} of {o.teamCount} teams still have practices to book.
        </p>
        <form method="post" action={`/practice/admin/generate${seasonQ(o.season)}`} class="inline">
          <Csrf token={ctx.csrf} />
          <button type="submit">Generate slots from the windows</button>
        </form>
        <p class="hint">Generating again brings generated slots in line with the windows; slots added by hand stay, and a slot with bookings is never removed.</p>
        <p>
          <a href={`/practice/admin/slots${seasonQ(o.season)}`}>Edit slots</a> · <a href={`/practice/admin/teams${seasonQ(o.season)}`}>Teams, unbooked teams, moves</a> ·{' '}
          <a href="/practice/grid">Field schedule</a>
        </p>
      </section>
      <SignupForm ctx={ctx} config={config} o={o} values={values} />
      <Windows ctx={ctx} config={config} o={o} />
    </>
  );
}
