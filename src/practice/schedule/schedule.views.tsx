import type { ViewCtx } from '../../platform/views/layout.js';
import { Table } from '../../platform/views/components.js';
import type { RegionConfig } from '../../region/index.js';
import type { GridDay } from './grid.service.js';
import type { TeamSchedule } from './schedule.service.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';
import { fieldNameOf } from '../practice.rules.js';

const longDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' });

/** Subscribe links for a feed: webcal:// opens the phone's calendar app, https:// for copying. */
export function FeedLinks({ url, what }: { url: string; what: string }) {
  return (
    <p>
      <a class="button" href={url.replace(/^https?:\/\//, 'webcal://')}>
        Add {what} to your calendar
      </a>{' '}
      <span class="hint">
        Or copy this address into your calendar app: <code class="secret">{url}</code>
      </span>
    </p>
  );
}

export function TeamSchedulePage({ config, s, feedUrl, canBook }: { ctx: ViewCtx; config: RegionConfig; s: TeamSchedule; feedUrl: string | null; canBook: boolean }) {
  const head = s.staff.filter((x) => x.role === 'head-coach').map((x) => x.name);
  return (
    <>
      <h1>{s.team.name}: practice schedule</h1>
      <p>
        {s.team.division} · {s.season.name}
        {head.length ? ` · Head coach ${head.join(', ')}` : ''}. Teams practise only in their registered slots.
      </p>
      {s.bookings.length ? (
        <Table caption="Weekly practices" head={['Day', 'Time', 'Field']}>
          {s.bookings.map((b) => (
            <tr>
              <td>{WEEKDAY_NAMES[b.slot.weekday]}</td>
              <td>
                {b.slot.start}-{b.slot.end}
              </td>
              <td>
                {fieldNameOf(config, b.slot.fieldId)}
                <span class="hint">{config.fields.find((f) => f.id === b.slot.fieldId)?.address ?? ''}</span>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p class="status-warn">
          No practice booked yet ({s.perWeek} a week for {s.team.division}).
        </p>
      )}
      {s.bookings.length > 0 && s.bookings.length < s.perWeek ? <p class="status-warn">{s.perWeek - s.bookings.length} more weekly practice(s) to book.</p> : null}
      {canBook ? (
        <p>
          <a href={`/practice#team-${s.team.id}`}>Book or change practices</a>
        </p>
      ) : null}
      {s.upcoming.length ? (
        <>
          <h2>Next practices</h2>
          <ul>
            {s.upcoming.map((u) => (
              <li>
                <time datetime={u.date}>{longDate(u.date)}</time> {u.booking.slot.start}-{u.booking.slot.end}, {fieldNameOf(config, u.booking.slot.fieldId)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {feedUrl ? (
        <>
          <h2>Calendar</h2>
          <FeedLinks url={feedUrl} what="the team's practices" />
          <p class="hint">Share it with the team's families: the address is private to this team, and the calendar updates when a practice moves.</p>
        </>
      ) : null}
    </>
  );
}

/** The field marshal's grid: one weekday, every field's slots with the teams that may be there. */
export function GridPage({ g, baseUrl }: { ctx: ViewCtx; config: RegionConfig; g: GridDay; baseUrl: string }) {
  const isToday = g.weekday === g.clock.weekday;
  return (
    <>
      <h1>Practice fields: {WEEKDAY_NAMES[g.weekday]}</h1>
      <p>
        {g.season.name}. Region time now: {WEEKDAY_NAMES[g.clock.weekday]} {g.clock.time}.
        {isToday && g.today === 'blackout' ? <strong class="status-bad"> No practice today (blackout date).</strong> : null}
        {isToday && g.today === 'off-season' ? <strong class="status-warn"> Today is outside the season.</strong> : null}
      </p>
      <nav aria-label="Weekdays">
        <p>
          {WEEKDAY_NAMES.map((name, d) => (
            <>
              {d ? ' · ' : ''}
              <a href={`/practice/grid?day=${d}`} aria-current={d === g.weekday ? 'page' : undefined}>
                <abbr title={name}>{d === g.weekday ? <strong>{name.slice(0, 3)}</strong> : name.slice(0, 3)}</abbr>
              </a>
            </>
          ))}
        </p>
      </nav>
      {g.fields.length === 0 ? <p>No practice slots on {WEEKDAY_NAMES[g.weekday]}s.</p> : null}
      {g.fields.map((f) => (
        <section class="card" aria-labelledby={`field-${f.field.id}`}>
          <h2 id={`field-${f.field.id}`}>{f.field.name}</h2>
          <Table caption={`${f.field.name} on ${WEEKDAY_NAMES[g.weekday]}s`} head={['Time', 'Teams', 'Places']}>
            {f.slots.map((s) => (
              <tr class={s.now ? 'now' : undefined} aria-current={s.now ? 'time' : undefined}>
                <td>
                  {s.now ? <strong class="status-ok">Now </strong> : null}
                  {s.slot.start}-{s.slot.end}
                </td>
                <td>{s.teams.length ? s.teams.map((t) => `${t.name} (${t.division})`).join(', ') : <span class="hint">none</span>}</td>
                <td>
                  {s.teams.length} of {s.slot.capacity}
                </td>
              </tr>
            ))}
          </Table>
          {f.feedUrl ? <FeedLinks url={`${baseUrl}${f.feedUrl}`} what={`${f.field.name}'s practices`} /> : null}
        </section>
      ))}
    </>
  );
}
