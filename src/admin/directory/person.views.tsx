import { Csrf, Errors, Input, Select, Table } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/views/layout.js';
import { ROLE_LABELS, isRole } from '../../platform/roles.js';
import type { PersonDetail } from './person.service.js';
import { diffJson } from '../audit.rules.js';

/** A person's page in the directory: every section the viewer may see, the contact form and the roles. */

export interface PersonModel {
  p: PersonDetail;
  seasons: { id: string; name: string }[];
  divisions: string[];
  /** The contact form's values and problems after a refusal. */
  values?: Record<string, string>;
  errors?: string[];
}

const roleName = (r: string) => (isRole(r) ? ROLE_LABELS[r] : r);
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function Contact({ ctx, m }: { ctx: ViewCtx; m: PersonModel }) {
  const p = m.p;
  const v = m.values ?? { firstName: p.firstName, lastName: p.lastName, email: p.email ?? '', phone: p.phone ?? '', associationId: p.associationId ?? '' };
  return (
    <section class="card" aria-labelledby="contact-h">
      <h2 id="contact-h">Contact</h2>
      <Errors errors={m.errors} />
      {p.rights.edit ? (
        <form method="post" action={`/admin/people/${encodeURIComponent(p.id)}`} class="grid">
          <Csrf token={ctx.csrf} />
          <Input label="First name" name="firstName" required value={v.firstName} autocomplete="off" />
          <Input label="Last name" name="lastName" required value={v.lastName} autocomplete="off" />
          <Input label="Email" name="email" type="email" value={v.email} autocomplete="off" hint={p.hasAccount ? 'They log in with it.' : 'No account yet.'} />
          <Input label="Phone" name="phone" type="tel" value={v.phone} autocomplete="off" />
          <Input label="Association id" name="associationId" value={v.associationId} inputmode="numeric" hint="6 to 12 digits, as on the association's records." />
          <button type="submit">Save contact details</button>
        </form>
      ) : (
        <dl>
          <dt>Email</dt>
          <dd>{p.email ?? '—'}</dd>
          <dt>Phone</dt>
          <dd>{p.phone ?? '—'}</dd>
          <dt>Association id</dt>
          <dd>{p.associationId ?? '—'}</dd>
          <dt>Account</dt>
          <dd>{p.hasAccount ? 'yes' : 'none yet'}</dd>
        </dl>
      )}
    </section>
  );
}

function Roles({ ctx, m }: { ctx: ViewCtx; m: PersonModel }) {
  const p = m.p;
  const seasonName = (id: string) => (id ? (m.seasons.find((s) => s.id === id)?.name ?? id) : 'Standing (every season)');
  return (
    <section class="card" aria-labelledby="roles-h">
      <h2 id="roles-h">Roles by season</h2>
      {p.roles.length ? (
        <Table caption="Roles" hideCaption head={['Season', 'Role', 'Division', '']}>
          {p.roles.map((r) => (
            <tr>
              <td>{seasonName(r.season)}</td>
              <td>{roleName(r.role)}</td>
              <td>{r.division || '—'}</td>
              <td>
                {isRole(r.role) && p.rights.grant.includes(r.role) ? (
                  <form method="post" action={`/admin/people/${encodeURIComponent(p.id)}/roles/${encodeURIComponent(r.id)}/revoke`} class="inline">
                    <Csrf token={ctx.csrf} />
                    <button type="submit" class="secondary" aria-label={`Remove ${roleName(r.role)}${r.division ? ` ${r.division}` : ''}, ${seasonName(r.season)}`}>
                      Remove
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>No roles.</p>
      )}
      {p.rights.grant.length ? (
        <form method="post" action={`/admin/people/${encodeURIComponent(p.id)}/roles`} class="inline" aria-label="Give a role">
          <Csrf token={ctx.csrf} />
          <Select label="Role to give" name="role" options={p.rights.grant.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          <Select
            label="Season"
            name="season"
            value={p.season}
            options={[{ value: '', label: 'Standing (every season)' }, ...m.seasons.map((s) => ({ value: s.id, label: s.name }))]}
          />
          <Select label="Division" name="division" options={[{ value: '', label: 'None' }, ...m.divisions.map((d) => ({ value: d, label: d }))]} />
          <button type="submit" class="secondary">
            Give role
          </button>
        </form>
      ) : null}
    </section>
  );
}

function Compliance({ p }: { p: PersonDetail }) {
  return (
    <section class="card" aria-labelledby="compliance-h">
      <h2 id="compliance-h">Trainings and certifications</h2>
      {p.compliance.length ? (
        <ul>
          {p.compliance.map((c) => (
            <li>
              <strong>
                {roleName(c.role)} {c.division}:
              </strong>{' '}
              {c.certified ? (
                <span class="status-ok">certified</span>
              ) : (
                <>
                  <span class="status-bad">not certified</span>
                  <ul>
                    {c.missing.map((x) => (
                      <li>
                        Element {x.element}: {x.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>No division role this season.</p>
      )}
      <h3>Trainings</h3>
      <ul aria-label="Trainings">
        {p.trainings.map((t) => (
          <li>
            <strong>{t.name}</strong>: {t.state.replace('-', ' ')}
            {t.completedOn ? `, completed ${day(t.completedOn)}` : ''}
            {t.expiresOn ? `, expires ${day(t.expiresOn)}` : ''}
            {t.next && t.state !== 'valid' ? <small class="hint"> Next: {t.next}</small> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Activity({ p }: { p: PersonDetail }) {
  return (
    <>
      <section class="card" aria-labelledby="application-h">
        <h2 id="application-h">Applications</h2>
        {p.applications.length ? (
          <ul>
            {p.applications.map((a) => (
              <li>
                {a.season}: {a.roles.map((r) => `${roleName(r.role)} ${r.division}`).join(', ')}, {a.state} ({day(a.submittedAt)})
                {a.backgroundCheck ? `; background check: ${a.backgroundCheck.replace('-', ' ')}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>No application.</p>
        )}
      </section>
      <section class="card" aria-labelledby="teams-h">
        <h2 id="teams-h">Teams and badge</h2>
        {p.teams.length ? (
          <ul>
            {p.teams.map((t) => (
              <li>
                {t.name} ({t.division}), {roleName(t.role)}
              </li>
            ))}
          </ul>
        ) : (
          <p>No team this season.</p>
        )}
        <p>
          Badge:{' '}
          {p.badge.state === 'none' ? 'none this season' : p.badge.state === 'valid' ? `issued ${day(p.badge.issuedAt)}` : `no longer valid (issued ${day(p.badge.issuedAt)})`}
          {p.badge.printedAt ? `, printed ${day(p.badge.printedAt)}` : ''}; photo: {p.badge.photo ?? 'none'}.
        </p>
      </section>
      {p.mentoring ? (
        <section class="card" aria-labelledby="mentoring-h">
          <h2 id="mentoring-h">Mentoring</h2>
          {p.mentoring.length ? (
            <ul>
              {p.mentoring.map((a) => (
                <li>
                  <a href={`/mentoring/assessments/${encodeURIComponent(a.id)}`}>
                    {a.date} {a.kind}
                  </a>{' '}
                  by {a.mentorName}, {a.teamName}
                  {a.acknowledged ? ' (read by the coach)' : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>No assessments.</p>
          )}
        </section>
      ) : null}
      <section class="card" aria-labelledby="audit-h">
        <h2 id="audit-h">Changes</h2>
        {p.audit.length ? (
          <ul aria-label="Changes, newest first" class="changes">
            {p.audit.map((a) => (
              <li>
                {a.at.slice(0, 16).replace('T', ' ')} · {a.actor} · <code>{a.action}</code>
                {diffJson(a.before ?? {}, a.after ?? {}, 10).map((c) => (
                  <>
                    {' '}
                    · {c.path}: {show(c.before)} → {show(c.after)}
                  </>
                ))}
              </li>
            ))}
          </ul>
        ) : (
          <p>No changes recorded.</p>
        )}
      </section>
    </>
  );
}

export function PersonView({ ctx, m }: { ctx: ViewCtx; m: PersonModel }) {
  return (
    <>
      <p>
        <a href="/admin/people">← People</a>
      </p>
      <h1>
        {m.p.firstName} {m.p.lastName}
      </h1>
      <Contact ctx={ctx} m={m} />
      <Roles ctx={ctx} m={m} />
      <Compliance p={m.p} />
      <Activity p={m.p} />
    </>
  );
}
