/** Small form pieces the mentoring pages share (the platform has no textarea or radio group yet). */

export function TextArea(p: { label: string; name: string; value?: string; required?: boolean; rows?: number; hint?: string; maxLength?: number }) {
  const id = `f-${p.name}`;
  return (
    <div class="field">
      <label for={id}>
        {p.label}
        {p.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <textarea id={id} name={p.name} rows={p.rows ?? 4} required={p.required} maxLength={p.maxLength} aria-describedby={p.hint ? `${id}-hint` : undefined}>
        {p.value ?? ''}
      </textarea>
      {p.hint ? (
        <small id={`${id}-hint`} class="hint">
          {p.hint}
        </small>
      ) : null}
    </div>
  );
}

/** A fieldset of radio buttons: one choice, announced with its legend. */
export function RadioGroup(p: { legend: string; name: string; value?: string; options: { value: string; label: string }[]; required?: boolean }) {
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <label class="check">
          <input type="radio" name={p.name} value={o.value} checked={p.value === o.value} required={p.required} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export interface FormState {
  values?: Record<string, string>;
  errors?: string[];
}
