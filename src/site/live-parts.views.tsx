import { Csrf, Errors, Input, Select, Table } from '../platform/views/components.js';
import type { RegionConfig } from '../region/index.js';
import { listWords } from './default-pages.rules.js';
import { RESOURCE_CATEGORIES } from './site.rules.js';
import type { Resource } from './site.store.js';
import type { Step } from './steps/steps.rules.js';
import type { LiveParts } from './site.views.js';

/** The live parts of the public pages (see TOKENS in site.rules.ts): drawn from data, not from the page's Markdown. */

const STATE_CLASS = { done: 'status-ok', missing: 'status-bad', todo: 'status-warn' } as const;

export function Steps({ steps, loggedIn }: { steps: Step[]; loggedIn: boolean }) {
  return (
    <>
      {loggedIn ? null : (
        <p>
          <a href="/login?next=%2Fcoaches">Log in</a> to see your own status beside each step.
        </p>
      )}
      <ol class="steps">
        {steps.map((s) => (
          <li>
            <strong>{s.title}</strong>
            {s.status ? (
              <>
                {' '}
                <span class="sr-only">Your status: </span>
                <span class={STATE_CLASS[s.status.state]}>{s.status.text}</span>
              </>
            ) : null}
            <br />
            {s.text} <a href={s.href}>{s.link}</a>
          </li>
        ))}
      </ol>
    </>
  );
}

const modeOf = (c: RegionConfig, code: string) => {
  const t = c.trainings.find((x) => x.code === code);
  if (!t) return '';
  const modes = new Set(t.parts.map((p) => p.mode));
  return modes.size > 1 ? 'Online part and in-person session' : modes.has('online') ? 'Online' : 'In person';
};

export function CoachCourses({ config }: { config: RegionConfig }) {
  const byCourse = new Map<string, string[]>();
  for (const d of config.divisions) byCourse.set(d.coachCertification, [...(byCourse.get(d.coachCertification) ?? []), d.code]);
  return (
    <Table caption="The course each division needs" head={['Divisions', 'Course', 'How']}>
      {[...byCourse].map(([code, divisions]) => (
        <tr>
          <td>{listWords(divisions)}</td>
          <td>{config.trainings.find((t) => t.code === code)?.name ?? code}</td>
          <td>{modeOf(config, code)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function PracticeRules({ config }: { config: RegionConfig }) {
  const fieldName = (id: string) => config.fields.find((f) => f.id === id)?.name ?? id;
  const rows = new Map<string, { divisions: string[]; perWeek: number; minutes: number; fields: string }>();
  for (const d of config.divisions) {
    const p = d.practice;
    const fields = p.fieldIds === null ? 'Any field' : listWords(p.fieldIds.map(fieldName));
    const key = `${p.perWeek}|${p.minutes}|${fields}`;
    const row = rows.get(key) ?? { divisions: [], perWeek: p.perWeek, minutes: p.minutes, fields };
    row.divisions.push(d.code);
    rows.set(key, row);
  }
  return (
    <Table caption="Practice rules by division" head={['Divisions', 'Practices a week', 'Length', 'Fields']}>
      {[...rows.values()].map((r) => (
        <tr>
          <td>{listWords(r.divisions)}</td>
          <td>{r.perWeek}</td>
          <td>{`${r.minutes} minutes`}</td>
          <td>{r.fields}</td>
        </tr>
      ))}
    </Table>
  );
}

const sizeLabel = (n: number | null) => (n === null ? '' : n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const typeLabel = (t: string | null) => (t === 'application/pdf' ? 'PDF' : t === 'image/png' ? 'PNG image' : t === 'image/jpeg' ? 'JPEG image' : 'file');

export function resourceHref(r: Resource): string {
  return r.fileId ? `/coaches/resources/files/${encodeURIComponent(r.fileId)}` : (r.url ?? '#');
}

export function ResourceList({ resources }: { resources: Resource[] }) {
  if (!resources.length) return <p>No resources have been added yet.</p>;
  return (
    <>
      {(Object.keys(RESOURCE_CATEGORIES) as (keyof typeof RESOURCE_CATEGORIES)[]).map((cat) => {
        const list = resources.filter((r) => r.category === cat);
        if (!list.length) return null;
        return (
          <section>
            <h2>{RESOURCE_CATEGORIES[cat]}</h2>
            <ul>
              {list.map((r) => (
                <li>
                  <a href={resourceHref(r)}>{r.title}</a>{' '}
                  <span class="hint">{r.fileId ? `(${typeLabel(r.contentType)}, ${sizeLabel(r.size)})` : `(${cat === 'video' ? 'video on ' : ''}${hostOf(r.url)})`}</span>
                  {r.note ? <span class="hint">{r.note}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}

export function ContactForm({ live }: { live: LiveParts }) {
  const v = live.contactForm.values;
  return (
    <form method="post" action="/contact" class="card">
      <h2>Write to us</h2>
      <Errors errors={live.contactForm.errors} />
      <Csrf token={live.csrf} />
      <Select label="To" name="to" value={v.to} required options={live.contacts.map((c) => ({ value: String(c.index), label: c.label }))} />
      <Input label="Your name" name="name" value={v.name} required autocomplete="name" />
      <Input label="Your email" name="email" type="email" value={v.email} required autocomplete="email" hint="The answer comes to this address." />
      <label for="f-message">
        Your message<span aria-hidden="true"> *</span>
        <textarea id="f-message" name="message" rows={7} required>
          {v.message ?? ''}
        </textarea>
      </label>
      <div class="sr-only" aria-hidden="true">
        <label for="f-website">Leave this field empty</label>
        <input id="f-website" name="website" type="text" tabIndex={-1} autocomplete="off" value="" />
      </div>
      <button type="submit">Send the message</button>
    </form>
  );
}
