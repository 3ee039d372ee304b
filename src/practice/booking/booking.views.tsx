import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors } from '../../platform/views/components.js';
import type { RegionConfig, Season } from '../../region/index.js';
import type { SlotChoice } from './alternatives.rules.js';
import type { SignupState } from './countdown.rules.js';
import type { TeamCard } from './cards.service.js';
import type { TeamBookingRow } from './bookings.store.js';
import type { WeeklySlot } from '../slots.rules.js';
import { fieldNameOf } from '../practice.rules.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';
import { describeInstant } from '../../platform/time/zone.rules.js';

export const slotText = (config: RegionConfig, s: WeeklySlot) => `${WEEKDAY_NAMES[s.weekday]} ${s.start}-${s.end} at ${fieldNameOf(config, s.fieldId)}`;

/** Where sign-up stands, server-rendered: a countdown and the exact time in the region's zone. */
export function SignupBanner({ state, timeZone, division }: { state: SignupState; timeZone: string; division: string }) {
  switch (state.state) {
    case 'unscheduled':
      return <p class="status-warn">Practice sign-up for {division} has not been scheduled yet. The region will announce when it opens.</p>;
    case 'not-yet':
      return (
        <p class="status-warn">
          Sign-up for {division} opens in {state.countdown}: <time datetime={state.opensAt}>{describeInstant(state.opensAt, timeZone)}</time>. Come back then: first come, first
          served.
        </p>
      );
    case 'closed':
      return (
        <p class="status-bad">
          Sign-up closed <time datetime={state.closesAt}>{describeInstant(state.closesAt, timeZone)}</time>. Ask the coach administrator to change your practice slots.
        </p>
      );
    default:
      return (
        <p class="status-ok">
          Sign-up is open.
          {state.closesAt ? (
            <>
              {' '}
              Changes until <time datetime={state.closesAt}>{describeInstant(state.closesAt, timeZone)}</time> ({state.countdown} left).
            </>
          ) : null}
        </p>
      );
  }
}

const REFUSAL_TEXT: Record<string, string> = {
  SLOT_FULL: 'Full',
  SAME_DAY: 'Your team already practises this day',
  ALREADY_BOOKED: 'Booked by your team',
  ALLOTMENT_USED: 'All your practices are booked',
};

function placesText(c: SlotChoice): string {
  return c.free === 0 ? 'no place left' : `${c.free} of ${c.slot.capacity} place${c.slot.capacity === 1 ? '' : 's'} left`;
}

/** One slot a team may pick, with a button: htmx swaps the team's card, a plain form post works too. */
function ChoiceItem({
  ctx,
  config,
  teamId,
  c,
  action,
  verb,
  open,
  suggested,
  htmx,
}: {
  ctx: ViewCtx;
  config: RegionConfig;
  teamId: string;
  c: SlotChoice;
  action: string;
  verb: string;
  open: boolean;
  suggested: boolean;
  htmx: boolean;
}) {
  const label = `${verb} ${slotText(config, c.slot)}`;
  return (
    <li class={suggested ? 'suggested' : undefined}>
      <span>
        <strong>
          {c.slot.start}-{c.slot.end}
        </strong>{' '}
        {fieldNameOf(config, c.slot.fieldId)} · {placesText(c)}
        {suggested ? <strong> · Suggested</strong> : null}
      </span>
      {c.refusal ? (
        <span class="hint"> {REFUSAL_TEXT[c.refusal] ?? c.refusal}</span>
      ) : open ? (
        <form method="post" action={action} class="inline" {...(htmx ? { 'hx-post': action, 'hx-target': `#team-${teamId}`, 'hx-swap': 'outerHTML' } : {})}>
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="slotId" value={c.slot.id} />
          <button type="submit" class="secondary" aria-label={label}>
            {verb}
          </button>
        </form>
      ) : null}
    </li>
  );
}

/** The slot choices grouped by weekday. */
export function ChoiceList(p: {
  ctx: ViewCtx;
  config: RegionConfig;
  teamId: string;
  choices: SlotChoice[];
  action: string;
  verb: string;
  open: boolean;
  suggested?: string[];
  headingLevel?: 3 | 2;
  htmx?: boolean;
}) {
  const days = [...new Set(p.choices.map((c) => c.slot.weekday))];
  if (!days.length) return <p>No practice slots are open to this division yet. The coach administrator generates them before sign-up opens.</p>;
  const H = p.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {days.map((d) => (
        <>
          <H>{WEEKDAY_NAMES[d]}</H>
          <ul class="slots">
            {p.choices
              .filter((c) => c.slot.weekday === d)
              .map((c) => (
                <ChoiceItem
                  ctx={p.ctx}
                  config={p.config}
                  teamId={p.teamId}
                  c={c}
                  action={p.action}
                  verb={p.verb}
                  open={p.open}
                  suggested={!!p.suggested?.includes(c.slot.id)}
                  htmx={p.htmx ?? true}
                />
              ))}
          </ul>
        </>
      ))}
    </>
  );
}

function BookingItem({ ctx, config, b, teamId, open }: { ctx: ViewCtx; config: RegionConfig; b: TeamBookingRow; teamId: string; open: boolean }) {
  const what = slotText(config, b.slot);
  const cancel = `/practice/bookings/${encodeURIComponent(b.id)}/cancel`;
  return (
    <li>
      <strong>{what}</strong>
      {open ? (
        <span class="actions">
          {' '}
          <a href={`/practice/bookings/${encodeURIComponent(b.id)}/change`} aria-label={`Change ${what}`}>
            Change
          </a>{' '}
          <form
            method="post"
            action={cancel}
            class="inline"
            hx-post={cancel}
            hx-target={`#team-${teamId}`}
            hx-swap="outerHTML"
            hx-confirm={`Cancel ${what}? Another team may take the place.`}
          >
            <Csrf token={ctx.csrf} />
            <button type="submit" class="link" aria-label={`Cancel ${what}`}>
              Cancel
            </button>
          </form>
        </span>
      ) : null}
    </li>
  );
}

/** A team's sign-up card: its bookings and, while it has practices to book, the slots with places left. */
export function TeamCardView({
  ctx,
  config,
  card,
  errors,
  suggested,
  admin,
  notice,
}: {
  ctx: ViewCtx;
  config: RegionConfig;
  card: TeamCard;
  errors?: string[];
  suggested?: string[];
  admin?: boolean;
  notice?: string;
}) {
  const { team, bookings, perWeek } = card;
  const open = admin || card.signup.state === 'open';
  const left = perWeek - bookings.length;
  return (
    <section class="card" id={`team-${team.id}`} aria-labelledby={`team-${team.id}-name`}>
      <h2 id={`team-${team.id}-name`}>
        {team.name} ({team.division})
      </h2>
      {notice ? (
        <p class="flash" role="status">
          {notice}
        </p>
      ) : null}
      <Errors errors={errors} />
      <SignupBanner state={card.signup} timeZone={config.region.timeZone} division={team.division} />
      <p>
        {bookings.length} of {perWeek} weekly practice{perWeek === 1 ? '' : 's'} booked. <a href={`/practice/teams/${encodeURIComponent(team.id)}`}>Team schedule and calendar</a>
      </p>
      {bookings.length ? (
        <ul aria-label={`Practices of ${team.name}`}>
          {bookings.map((b) => (
            <BookingItem ctx={ctx} config={config} b={b} teamId={team.id} open={open} />
          ))}
        </ul>
      ) : null}
      {admin && card.signup.state !== 'open' ? (
        <p class="hint">As coach administrator you may assign and move this team's practices outside the sign-up window (recorded in the audit log).</p>
      ) : null}
      {left > 0 && (open || card.signup.state !== 'closed') ? (
        <ChoiceList
          ctx={ctx}
          config={config}
          teamId={team.id}
          choices={card.choices}
          action={`/practice/teams/${encodeURIComponent(team.id)}/book`}
          verb="Book"
          open={open}
          suggested={suggested}
        />
      ) : null}
    </section>
  );
}

export function CoachPage({
  ctx,
  config,
  season,
  cards,
  errorsFor,
  suggested,
  admin,
}: {
  ctx: ViewCtx;
  config: RegionConfig;
  season: Season;
  cards: TeamCard[];
  errorsFor?: { teamId: string; errors: string[] };
  suggested?: string[];
  admin?: boolean;
}) {
  return (
    <>
      <h1>Practice sign-up</h1>
      <p>
        {season.name}. Pick each team's weekly practice slots: first come, first served. <a href="/practice/grid">Field schedule</a>
      </p>
      {cards.length === 0 ? <p>You coach no team in {season.name}. Once the region puts you on a team's staff, its practice sign-up appears here.</p> : null}
      {cards.map((c) => (
        <TeamCardView
          ctx={ctx}
          config={config}
          card={c}
          errors={errorsFor?.teamId === c.team.id ? errorsFor.errors : undefined}
          suggested={errorsFor?.teamId === c.team.id ? suggested : undefined}
          admin={admin}
        />
      ))}
    </>
  );
}

/** Moving one booking: the slots the team may take instead, each with a "Move here" button. */
export function ChangePage({
  ctx,
  config,
  card,
  booking,
  open,
  errors,
}: {
  ctx: ViewCtx;
  config: RegionConfig;
  card: TeamCard;
  booking: TeamBookingRow;
  open: boolean;
  errors?: string[];
}) {
  const action = `/practice/bookings/${encodeURIComponent(booking.id)}/move`;
  return (
    <>
      <h1>Change a practice of {card.team.name}</h1>
      <Errors errors={errors} />
      <p>
        Now: <strong>{slotText(config, booking.slot)}</strong>. The team keeps it until the new slot is confirmed. <a href="/practice">Back to practice sign-up</a>
      </p>
      <section class="card">
        <ChoiceList ctx={ctx} config={config} teamId={card.team.id} choices={card.choices} action={action} verb="Move to" open={open} headingLevel={2} htmx={false} />
      </section>
    </>
  );
}
