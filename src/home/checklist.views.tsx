import { README_SECTION, setupProgress, type SetupStep } from './checklist.rules.js';

function Step({ s }: { s: SetupStep }) {
  return (
    <li>
      <p>
        <strong>{s.title}</strong>: {s.done ? <span class="status-ok">✓ done</span> : <span class="status-warn">to do</span>}
        <br />
        {s.detail}
        {s.setting && !s.done ? (
          <>
            <br />
            Set <code>{s.setting.variable}</code> (for example <code>{s.setting.example}</code>) where Touchline is started, then restart it. See the README, section “
            {README_SECTION}”.
          </>
        ) : null}
        {s.link ? (
          <>
            <br />
            <a href={s.link.href}>{s.link.label}</a>
          </>
        ) : null}
      </p>
    </li>
  );
}

/**
 * The region administrator's set-up card: every step with its state and where it is done; folded
 * away (still one click from view) once every step is done.
 */
export function SetupChecklist({ steps }: { steps: SetupStep[] }) {
  const p = setupProgress(steps);
  const list = (
    <ol>
      {steps.map((s) => (
        <Step s={s} />
      ))}
    </ol>
  );
  if (p.complete) {
    return (
      <details>
        <summary>All {p.total} set-up steps are done.</summary>
        {list}
      </details>
    );
  }
  return (
    <>
      <p>
        {p.done} of {p.total} set-up steps done. Each step says what is missing and where to do it.
      </p>
      {list}
    </>
  );
}
