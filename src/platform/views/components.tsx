import type { ComponentChildren } from 'preact';

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A list of problems at the top of a form, announced to screen readers. */
export function Errors({ errors }: { errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div class="errors" role="alert">
      {errors.length === 1 ? (
        <p>{errors[0]}</p>
      ) : (
        <>
          <p>Please fix these {errors.length} problems:</p>
          <ul>
            {errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export interface InputProps {
  label: string;
  name: string;
  type?: string;
  value?: string | number | null;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  pattern?: string;
  inputmode?: string;
}

/**
 * The frame of a form field: its label (with a mark when required), the control, and the hint the
 * control names in aria-describedby (see hintId).
 */
function Field(p: { id: string; label: string; required?: boolean; hint?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={p.id}>
        {p.label}
        {p.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {p.children}
      {p.hint ? (
        <small id={`${p.id}-hint`} class="hint">
          {p.hint}
        </small>
      ) : null}
    </div>
  );
}

/** The id of a field's hint, for the control's aria-describedby; undefined without a hint. */
const hintId = (id: string, hint?: string) => (hint ? `${id}-hint` : undefined);

/** A labelled input; the hint is tied to it with aria-describedby. */
export function Input(p: InputProps) {
  const id = `f-${p.name}`;
  return (
    <Field id={id} label={p.label} required={p.required} hint={p.hint}>
      <input
        id={id}
        name={p.name}
        // biome-ignore lint/suspicious/noExplicitAny: Preact types `type` as a closed union; ours is checked by InputProps
        type={(p.type ?? 'text') as any}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        min={p.min}
        max={p.max}
        step={p.step}
        pattern={p.pattern}
        // biome-ignore lint/suspicious/noExplicitAny: the same for inputMode
        inputMode={p.inputmode as any}
        aria-describedby={hintId(id, p.hint)}
      />
    </Field>
  );
}

export function Select(p: { label: string; name: string; value?: string; options: { value: string; label: string }[]; required?: boolean }) {
  const id = `f-${p.name}`;
  return (
    <label for={id}>
      {p.label}
      <select id={id} name={p.name} required={p.required}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Checkbox(p: { label: string; name: string; checked?: boolean; value?: string }) {
  return (
    <label class="check">
      <input type="checkbox" name={p.name} value={p.value ?? 'on'} checked={p.checked} /> {p.label}
    </label>
  );
}

export function Card({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A table that scrolls sideways on a phone instead of overflowing the page. */
export function Table({ caption, head, children, hideCaption }: { caption?: string; head: string[]; children: ComponentChildren; hideCaption?: boolean }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption ?? head.join(', ')}>
      <table>
        {caption ? <caption class={hideCaption ? 'sr-only' : undefined}>{caption}</caption> : null}
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col">{h || <span class="sr-only">Actions</span>}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A multi-line text input with its label and hint (as Input does for one line). */
export function TextArea(p: { label: string; name: string; value?: string; required?: boolean; rows?: number; hint?: string; maxLength?: number }) {
  const id = `f-${p.name}`;
  return (
    <Field id={id} label={p.label} required={p.required} hint={p.hint}>
      <textarea id={id} name={p.name} rows={p.rows ?? 4} required={p.required} maxLength={p.maxLength} aria-describedby={hintId(id, p.hint)}>
        {p.value ?? ''}
      </textarea>
    </Field>
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

/** A form's submitted values and its problems, for re-rendering it after a refusal. */
export interface FormState {
  values?: Record<string, string>;
  errors?: string[];
}
