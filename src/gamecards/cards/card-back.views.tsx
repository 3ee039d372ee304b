import { MAX_MISCONDUCT, SPORTSMANSHIP } from './card-state.rules.js';
import type { CardView } from './cards.service.js';
import { field } from './card-form.schemas.js';

/** The back of the game card: scores, cautions and send-offs, conditions, sportsmanship, referees. */

export function Text({ label, name, value, max = 120 }: { label: string; name: string; value: string | number | null; max?: number }) {
  return (
    <label for={`f-${name}`}>
      {label}
      <input id={`f-${name}`} name={name} value={value ?? ''} maxLength={max} />
    </label>
  );
}

export function Back({ v, off }: { v: CardView; off: boolean }) {
  const b = v.back;
  const slots = Math.min(MAX_MISCONDUCT, b.misconduct.length + 2);
  return (
    <fieldset disabled={off}>
      <legend>Back of the card</legend>
      <div class="grid">
        <Text label="Half-time score: us" name="halfUs" value={b.halfTime.us} max={2} />
        <Text label="Half-time score: them" name="halfThem" value={b.halfTime.them} max={2} />
        <Text label="Final score: us" name="finalUs" value={b.final.us} max={2} />
        <Text label="Final score: them" name="finalThem" value={b.final.them} max={2} />
      </div>
      {Array.from({ length: slots }, (_, i) => {
        const m = b.misconduct[i];
        return (
          <fieldset>
            <legend>{`Caution or send-off ${i + 1}`}</legend>
            <label for={`f-${field.misconduct(i, 'kind')}`}>
              Kind
              <select id={`f-${field.misconduct(i, 'kind')}`} name={field.misconduct(i, 'kind')}>
                <option value="caution" selected={m?.kind !== 'send-off'}>
                  Caution
                </option>
                <option value="send-off" selected={m?.kind === 'send-off'}>
                  Send-off
                </option>
              </select>
            </label>
            <Text label="Who (name or number)" name={field.misconduct(i, 'who')} value={m?.who ?? ''} />
            <Text label="Reason" name={field.misconduct(i, 'reason')} value={m?.reason ?? ''} max={300} />
          </fieldset>
        );
      })}
      <Text label="Playing conditions" name="conditions" value={b.conditions} max={300} />
      <label for="f-sportsmanship">
        Sportsmanship
        <select id="f-sportsmanship" name="sportsmanship">
          {SPORTSMANSHIP.map((s) => (
            <option value={s} selected={b.sportsmanship === s}>
              {s === '' ? 'Not rated' : s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <div class="grid">
        <Text label="Referee" name="ref" value={b.referees.center} />
        <Text label="Assistant referee 1" name="ar1" value={b.referees.assistant1} />
        <Text label="Assistant referee 2" name="ar2" value={b.referees.assistant2} />
      </div>
    </fieldset>
  );
}
