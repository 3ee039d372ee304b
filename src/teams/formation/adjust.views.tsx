/** The forms of a move or a swap on published teams, and its effect on balance before confirming. */
import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors, Input, Select } from '../../platform/views/components.js';
import { EffectTable } from './figures.views.js';
import { divisionHref, type DivisionModel, type DivisionState } from './division.views.js';

export function AdjustForms({ ctx, m, state }: { ctx: ViewCtx; m: DivisionModel; state: DivisionState }) {
  const action = `/teams/formations/${encodeURIComponent(m.formation!.id)}/adjust`;
  const v = state.form === 'adjust' ? (state.values ?? {}) : {};
  return (
    <section class="card" aria-labelledby="adjust">
      <h2 id="adjust">Move or swap players</h2>
      <p class="hint">You see the effect on balance before you confirm; confirming needs a reason, is kept in the audit log and mailed to the coaches.</p>
      {state.form === 'adjust' ? <Errors errors={state.errors} /> : null}
      <form method="post" action={action} class="grid">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="kind" value="move" />
        <Select label="Player to move" name="playerId" value={v.playerId} options={m.playerOptions} />
        <Select label="To team" name="toTeamId" value={v.toTeamId} options={m.teamOptions} />
        <button type="submit" class="secondary">
          Show the effect of the move
        </button>
      </form>
      <form method="post" action={action} class="grid">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="kind" value="swap" />
        <Select label="Swap this player" name="playerId" value={v.playerId} options={m.playerOptions} />
        <Select label="With this player" name="otherPlayerId" value={v.otherPlayerId} options={m.playerOptions} />
        <button type="submit" class="secondary">
          Show the effect of the swap
        </button>
      </form>
    </section>
  );
}

export function Effect({ ctx, m, state }: { ctx: ViewCtx; m: DivisionModel; state: DivisionState }) {
  const e = state.effect!;
  const a = e.adjustment;
  return (
    <section class="card" aria-labelledby="effect">
      <h2 id="effect">{e.description}</h2>
      <EffectTable before={e.before} after={e.after} teamIds={e.teamIds} labels={m.labels} />
      <form method="post" action={`/teams/formations/${encodeURIComponent(e.formationId)}/adjust/confirm`}>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="kind" value={a.kind} />
        <input type="hidden" name="playerId" value={a.playerId} />
        {a.kind === 'move' ? <input type="hidden" name="toTeamId" value={a.toTeamId} /> : <input type="hidden" name="otherPlayerId" value={a.otherPlayerId} />}
        <Input label="Reason" name="reason" required />
        <button type="submit">Confirm the change</button>
      </form>
      <p>
        <a href={divisionHref(m)}>Cancel</a>
      </p>
    </section>
  );
}
