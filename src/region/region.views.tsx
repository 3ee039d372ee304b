import { Checkbox, Csrf, Errors, Input, Select, Table } from '../platform/views/components.js';
import type { ViewCtx } from '../platform/views/layout.js';
import type { Division, Field, RegionConfig } from './region.schemas.js';
import { birthRange, cutoffDate } from './region.rules.js';
import { ROLE_LABELS, type Role } from '../platform/roles.js';

export function RegionOverview({ ctx, c, version, canEdit, errors }: { ctx: ViewCtx; c: RegionConfig; version: number; canEdit: boolean; errors?: string[] }) {
  const year = c.membershipYears.at(-1)!;
  return (
    <>
      <h1>Region configuration</h1>
      <p>
        Everything that makes this region different from another lives here. <a href="/admin/region/export">Download as JSON</a>
        {canEdit ? (
          <>
            {' '}
            · <a href="/admin/region/json">Edit or import the whole file</a>
          </>
        ) : null}
      </p>
      <Errors errors={errors} />
      <section class="card">
        <h2>Region</h2>
        {canEdit ? <DetailsForm ctx={ctx} c={c} version={version} /> : <p>{`Region ${c.region.number} ${c.region.name}, ${c.region.state} (${c.region.timeZone})`}</p>}
      </section>
      <section class="card">
        <h2>Fields</h2>
        <Table caption="Fields" hideCaption head={['Field', 'Address', 'Teams at once', '']}>
          {c.fields.map((f) => (
            <tr>
              <td>{f.name}</td>
              <td>{f.address}</td>
              <td>{f.capacity}</td>
              <td>
                {canEdit ? (
                  <a href={`/admin/region/fields/${f.id}`} aria-label={`Edit ${f.name}`}>
                    Edit
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
        {canEdit ? (
          <p>
            <a class="button" href="/admin/region/fields/new">
              Add a field
            </a>
          </p>
        ) : null}
      </section>
      <section class="card">
        <h2>Membership years and seasons</h2>
        <Table caption="Seasons" hideCaption head={['Membership year', 'Season', 'From', 'To', 'Ages measured on']}>
          {c.membershipYears.flatMap((y) =>
            y.seasons.map((s) => (
              <tr>
                <td>{y.name}</td>
                <td>{s.name}</td>
                <td class="nowrap">{s.startDate}</td>
                <td class="nowrap">{s.endDate}</td>
                <td class="nowrap">{cutoffDate(y)}</td>
              </tr>
            )),
          )}
        </Table>
        {canEdit ? (
          <form method="post" action="/admin/region/years">
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="version" value={version} />
            <button type="submit" class="secondary">
              Add the next membership year
            </button>
          </form>
        ) : null}
      </section>
      <section class="card">
        <h2>Divisions ({year.name})</h2>
        <Table caption="Divisions" hideCaption head={['Division', 'Born', 'Programs', 'Coach course', 'Roster', 'Practice', '']}>
          {c.divisions.map((d) => {
            const r = birthRange(d, year);
            return (
              <tr>
                <td>{d.name}</td>
                <td>
                  <span class="nowrap">{r.from}</span> to <span class="nowrap">{r.to}</span>
                </td>
                <td>{d.programs.join(', ')}</td>
                <td>{c.trainings.find((t) => t.code === d.coachCertification)?.name ?? d.coachCertification}</td>
                <td>
                  {d.rosterSize} ({d.playersOnField} on field)
                </td>
                <td>
                  {d.practice.perWeek} × {d.practice.minutes} min,{' '}
                  {d.practice.fieldIds ? d.practice.fieldIds.map((id) => c.fields.find((f) => f.id === id)?.name ?? id).join(', ') : 'any field'}
                </td>
                <td>
                  {canEdit ? (
                    <a href={`/admin/region/divisions/${encodeURIComponent(d.code)}`} aria-label={`Edit ${d.name}`}>
                      Edit
                    </a>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </Table>
      </section>
      <section class="card">
        <h2>Policies</h2>
        <ul>
          {c.roleRequirements.map((r) => (
            <li>
              {ROLE_LABELS[r.role as Role] ?? r.role}
              {r.divisions ? ` (${r.divisions.join(', ')})` : ''}: application,{' '}
              {r.trainings.map((t) => c.trainings.find((x) => x.code === t)?.name ?? t).join(', ') || 'no trainings'}
              {r.ageLevel ? ', age-level coach certification' : ''}
            </li>
          ))}
          <li>
            Player ratings from {c.ratingScale.min} to {c.ratingScale.max} in steps of {c.ratingScale.step},{' '}
            {c.ratingScale.higherIsStronger ? 'higher is stronger' : 'lower is stronger'}; teams balanced on the {c.formation.objective}.
          </li>
          <li>
            Playing time: every attending player plays at least {c.playingTime.minQuarters} of {c.playingTime.quarters} quarters; at most {c.playingTime.keeperMaxQuarters} in goal.
          </li>
        </ul>
      </section>
    </>
  );
}

function DetailsForm({ ctx, c, version }: { ctx: ViewCtx; c: RegionConfig; version: number }) {
  const contact = (role: string) => c.region.contacts.find((k) => k.role === role);
  return (
    <form method="post" action="/admin/region/details" class="grid">
      <Csrf token={ctx.csrf} />
      <input type="hidden" name="version" value={version} />
      <Input label="Region name" name="name" required value={c.region.name} />
      <Input label="Region number" name="number" required value={c.region.number} />
      <Input label="State" name="state" required value={c.region.state} />
      <Input label="Time zone" name="timeZone" required value={c.region.timeZone} hint="For example America/Los_Angeles." />
      <Input label="Address" name="address" value={c.region.address} />
      <Input label="Coach administrator's name" name="coachAdminName" value={contact('coach-administrator')?.name} />
      <Input label="Coach administrator's email" name="coachAdminEmail" type="email" value={contact('coach-administrator')?.email} />
      <Input label="Registrar's name" name="registrarName" value={contact('registrar')?.name} />
      <Input label="Registrar's email" name="registrarEmail" type="email" value={contact('registrar')?.email} />
      <button type="submit">Save region details</button>
    </form>
  );
}

export function FieldForm({ ctx, f, version, errors }: { ctx: ViewCtx; f: Partial<Omit<Field, 'capacity'>> & { capacity?: number | string }; version: number; errors?: string[] }) {
  const editing = !!f.id;
  return (
    <section class="narrow">
      <h1>{editing ? `Edit ${f.name}` : 'Add a field'}</h1>
      <Errors errors={errors} />
      <form method="post" action={editing ? `/admin/region/fields/${f.id}` : '/admin/region/fields'}>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="version" value={version} />
        <Input label="Name" name="name" required value={f.name} />
        <Input label="Address" name="address" value={f.address} />
        <Input label="Teams that fit at once" name="capacity" type="number" min={1} max={20} required value={f.capacity ?? 2} />
        <button type="submit">{editing ? 'Save field' : 'Add field'}</button> <a href="/admin/region">Cancel</a>
      </form>
      {editing ? (
        <form method="post" action={`/admin/region/fields/${f.id}/delete`}>
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="version" value={version} />
          <button type="submit" class="danger">
            Remove this field
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function DivisionForm({ ctx, d, c, version, errors }: { ctx: ViewCtx; d: Division; c: RegionConfig; version: number; errors?: string[] }) {
  return (
    <section class="narrow">
      <h1>Edit {d.name}</h1>
      <Errors errors={errors} />
      <form method="post" action={`/admin/region/divisions/${encodeURIComponent(d.code)}`}>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="version" value={version} />
        <Input label="Name" name="name" required value={d.name} />
        <Input label="Youngest age on the cut-off date" name="ageMin" type="number" min={2} max={25} value={d.ageMin} />
        <Input label="Oldest age on the cut-off date" name="ageMax" type="number" min={2} max={25} value={d.ageMax} />
        <fieldset>
          <legend>Programs</legend>
          {(['boys', 'girls', 'coed'] as const).map((p) => (
            <Checkbox label={p} name="programs" value={p} checked={d.programs.includes(p)} />
          ))}
        </fieldset>
        <Select label="Coach certification" name="coachCertification" value={d.coachCertification} options={c.trainings.map((t) => ({ value: t.code, label: t.name }))} />
        <Input label="Roster size" name="rosterSize" type="number" min={3} max={30} value={d.rosterSize} />
        <Input label="Players on the field" name="playersOnField" type="number" min={3} max={11} value={d.playersOnField} />
        <Checkbox label="Fills in game cards" name="gameCard" checked={d.gameCard} />
        <Input label="Practices per week" name="perWeek" type="number" min={0} max={7} value={d.practice.perWeek} />
        <Input label="Practice length (minutes)" name="minutes" type="number" min={15} max={240} value={d.practice.minutes} />
        <fieldset>
          <legend>Practice fields (none ticked: any field)</legend>
          {c.fields.map((f) => (
            <Checkbox label={f.name} name="fieldIds" value={f.id} checked={d.practice.fieldIds?.includes(f.id) ?? false} />
          ))}
        </fieldset>
        <Checkbox label="Practices on different days" name="differentDays" checked={d.practice.differentDays} />
        <button type="submit">Save division</button> <a href="/admin/region">Cancel</a>
      </form>
    </section>
  );
}

export function JsonEditor({ ctx, text, version, errors }: { ctx: ViewCtx; text: string; version: number; errors?: string[] }) {
  return (
    <section>
      <h1>Edit the whole configuration</h1>
      <p>Paste a region file exported from Touchline, or edit policies not covered by the forms. The file is checked whole: nothing is saved while any problem remains.</p>
      <Errors errors={errors} />
      <form method="post" action="/admin/region/json">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="version" value={version} />
        <label for="f-doc">Configuration (JSON)</label>
        <textarea id="f-doc" name="doc" rows={24} spellcheck={false} class="code">
          {text}
        </textarea>
        <button type="submit">Check and save</button> <a href="/admin/region">Cancel</a>
      </form>
    </section>
  );
}
