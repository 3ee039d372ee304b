import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors } from '../../platform/views/components.js';
import type { PlayingTimeResult } from '../playing-time/card.rules.js';
import { markOf, type CardRow, type SeasonLine } from '../cards/card-state.rules.js';
import type { CardView } from '../cards/cards.service.js';
import { field } from '../cards/card-form.schemas.js';
import { Violations } from '../cards/card.views.js';
import { cardPath } from '../gamecards.views.js';

export interface PlanModel {
  v: CardView;
  saveId: string;
  season: Record<string, SeasonLine>;
  canKeep: Record<string, boolean>;
  attendance: Record<string, { attended: boolean; arrivedQuarter: number }>;
  /** The plan as card rows (null before a plan is made). */
  grid: CardRow[] | null;
  check: PlayingTimeResult | null;
  warnings: string[];
  errors?: string[];
}

const PLAN_MARKS = [
  ['P', 'Play'],
  ['K', 'GK'],
  ['S', 'Sat'],
] as const;

/** One player: name, "can keep goal" and the season so far; then arrival and the plan's quarters. */
function PlayerRows({ m, playerId }: { m: PlanModel; playerId: string }) {
  const p = m.v.roster.find((r) => r.playerId === playerId)!;
  const a = m.attendance[playerId] ?? { attended: true, arrivedQuarter: 1 };
  const s = m.season[playerId];
  const planned = m.grid?.find((r) => r.playerId === playerId);
  return (
    <tbody>
      <tr>
        <th scope="rowgroup" colSpan={m.v.ctx.quarters + 1}>
          {`${p.jersey ?? '–'} · ${p.name}`}
          <label class="check">
            <input type="checkbox" name={field.keep(playerId)} value="on" checked={m.canKeep[playerId] ?? false} /> can keep goal
          </label>
          <span class="hint">{s ? `This season: sat ${s.sat}, played ${s.played} quarters` : 'No submitted games yet'}</span>
        </th>
      </tr>
      <tr>
        <td>
          <select name={field.att(playerId)} aria-label={`${p.name}: here from`}>
            {Array.from({ length: m.v.ctx.quarters }, (_, i) => (
              <option value={String(i + 1)} selected={a.attended && a.arrivedQuarter === i + 1}>{`Q${i + 1}`}</option>
            ))}
            <option value="no" selected={!a.attended}>
              Not coming
            </option>
          </select>
        </td>
        {m.grid
          ? Array.from({ length: m.v.ctx.quarters }, (_, q) => (
              <td>
                <select name={field.quarter(q + 1, playerId)} aria-label={`${p.name}: quarter ${q + 1}`} disabled={!planned?.attended}>
                  {PLAN_MARKS.map(([value, label]) => (
                    <option value={value} selected={planned ? markOf(planned.quarters[q]) === value : value === 'S'}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
            ))
          : null}
      </tr>
    </tbody>
  );
}

function Summary({ m }: { m: PlanModel }) {
  if (!m.grid) return null;
  const name = (id: string) => m.v.roster.find((r) => r.playerId === id)?.name ?? id;
  return (
    <section class="card" aria-labelledby="plan-summary-h">
      <h2 id="plan-summary-h">Quarter by quarter</h2>
      <ul>
        {Array.from({ length: m.v.ctx.quarters }, (_, q) => {
          const here = m.grid!.filter((r) => r.attended && r.arrivedQuarter <= q + 1);
          const keeper = here.filter((r) => r.quarters[q]?.keeper).map((r) => name(r.playerId));
          const sitting = here.filter((r) => !r.quarters[q]?.played).map((r) => name(r.playerId));
          return <li>{`Quarter ${q + 1}: keeper ${keeper.join(' and ') || 'none'}; sitting ${sitting.join(', ') || 'nobody'}.`}</li>;
        })}
      </ul>
    </section>
  );
}

/** The rotation planner: who is here and who can keep goal, then a plan to adjust, check and put on the card. */
export function PlanPage({ ctx, m }: { ctx: ViewCtx; m: PlanModel }) {
  const { v } = m;
  const path = `/games/${v.ctx.game.id}/plan/${v.ctx.team.id}`;
  const canUse = v.access.canEdit && v.status === 'draft';
  return (
    <>
      <h1>{`Rotation plan: #${v.header.teamNumber} ${v.header.teamName} v ${v.header.opponent}`}</h1>
      <p>{`${v.header.date} ${v.header.time} at ${v.header.field}. ${v.ctx.playersOnField} players on the field, keeper included. Players who sat most this season get extra time first. Play: on the field; GK: keeps goal; Sat: sits out.`}</p>
      <Errors errors={m.errors} />
      <form method="post" action={path}>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="saveId" value={m.saveId} />
        <input type="hidden" name="revision" value={v.revision} />
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Players for the plan">
          <table class="gamecard">
            <caption>Who is coming</caption>
            <thead>
              <tr>
                <th scope="col">Here from</th>
                {m.grid ? Array.from({ length: v.ctx.quarters }, (_, i) => <th scope="col">{`Q${i + 1}`}</th>) : null}
              </tr>
            </thead>
            {v.roster.map((p) => (
              <PlayerRows m={m} playerId={p.playerId} />
            ))}
          </table>
        </div>
        <p>
          <button type="submit" name="do" value="plan">
            {m.grid ? 'Make a new plan' : 'Make a plan'}
          </button>{' '}
          {m.grid ? (
            <button type="submit" class="secondary" name="do" value="check">
              Check my changes
            </button>
          ) : null}{' '}
          {m.grid && canUse ? (
            <button type="submit" class="secondary" name="do" value="use">
              Put this plan on the card
            </button>
          ) : null}
        </p>
      </form>
      {m.warnings.length > 0 ? (
        <ul>
          {m.warnings.map((w) => (
            <li>{w}</li>
          ))}
        </ul>
      ) : null}
      <Summary m={m} />
      {m.check ? <Violations list={m.check.violations} /> : null}
      <p>
        <a href={cardPath(v.ctx.game.id, v.ctx.team.id)}>Back to the card</a>
      </p>
    </>
  );
}
