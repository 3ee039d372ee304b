import { Csrf, Errors, Table } from '../platform/views/components.js';
import type { ViewCtx } from '../platform/views/layout.js';
import type { DroppedRow, DuplicateGroup, MergeSummary } from './merge.rules.js';
import type { CandidatePerson } from './merge.service.js';

const LABELS: Record<string, string> = {
  'people.merged_into': 'accounts merged into it earlier',
  'role_grants.person_id': 'roles',
  'applications.person_id': 'volunteer applications',
  'completions.person_id': 'training completions',
  'class_registrations.person_id': 'class registrations',
  'class_sessions.instructor_id': 'classes taught',
  'certificate_requests.person_id': 'certificate uploads',
  'files.owner_id': 'files',
  'api_tokens.person_id': 'API tokens',
  'one_time_links.person_id': 'one-time links',
  'audit_log.actor_id': 'changes recorded in the audit log',
  'sessions.person_id': 'open sessions (logged out)',
  'team_staff.person_id': 'team staff places',
  'player_guardians.person_id': 'players (as guardian)',
  'mentoring_signups.person_id': 'mentoring sign-ups',
};

/** "roles", or "records in game cards (submitted by)" for a column without a label. */
export const columnLabel = (key: string) => LABELS[key] ?? `records in ${key.split('.')[0]!.replaceAll('_', ' ')} (${key.split('.')[1]!.replaceAll('_', ' ')})`;

const who = (p: { firstName: string; lastName: string; email: string | null }) => `${p.firstName} ${p.lastName}${p.email ? ` (${p.email})` : ''}`;

/** The account to offer as kept: the one holding most, then the oldest. */
const likelyKeep = (people: CandidatePerson[]) =>
  [...people].sort((a, b) => b.roles + b.applications + b.completions - (a.roles + a.applications + a.completions) || a.createdAt.localeCompare(b.createdAt))[0]!.id;

function GroupCard({ group, index }: { group: DuplicateGroup<CandidatePerson>; index: number }) {
  const keep = likelyKeep(group.people);
  const first = group.people[0]!;
  return (
    <section class="card">
      <h2>{`${first.firstName} ${first.lastName}: ${group.people.length} accounts`}</h2>
      <ul>
        {group.reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
      <form method="get" action="/admin/duplicates/review">
        {group.people.map((p) => (
          <input type="hidden" name="account" value={p.id} />
        ))}
        {/* a radio group rather than a fieldset: a fieldset grows to the longest email on a phone */}
        <p id={`keep-${index}`}>
          <strong>Which account to keep?</strong>
        </p>
        <div role="radiogroup" aria-labelledby={`keep-${index}`}>
          {group.people.map((p) => (
            <label>
              <input type="radio" name="keep" value={p.id} checked={p.id === keep} required />
              {` ${who(p)}`}
              <small class="hint">{`created ${p.createdAt.slice(0, 10)}${p.birthDate ? `, born ${p.birthDate}` : ''}; ${p.roles} role(s), ${p.applications} application(s), ${p.completions} training completion(s); ${p.canLogIn ? 'has a password' : 'no password'}`}</small>
            </label>
          ))}
        </div>
        <button type="submit" class="secondary" aria-label={`Review the merge of group ${index + 1}, ${first.firstName} ${first.lastName}`}>
          Review the merge
        </button>
      </form>
    </section>
  );
}

export interface MergeHistoryRow {
  at: string;
  kept: string;
  merged: string;
  by: string;
  moved: number;
  dropped: number;
}

export function DuplicatesView({ groups, history, errors }: { groups: DuplicateGroup<CandidatePerson>[]; history: MergeHistoryRow[]; errors?: string[] }) {
  return (
    <>
      <h1>Duplicate accounts</h1>
      <p>
        Accounts that look like one person: the same email, or the same name and date of birth. Pick the account to keep; everything the others hold (roles, applications,
        trainings, classes, history) moves to it.
      </p>
      <Errors errors={errors} />
      {groups.length === 0 ? <p>No duplicate accounts found.</p> : groups.map((g, i) => <GroupCard group={g} index={i} />)}
      <Table caption="Recent merges" head={['When (UTC)', 'Kept', 'Merged', 'By', 'Moved', 'Held by both']}>
        {history.map((h) => (
          <tr>
            <td>{h.at.slice(0, 16).replace('T', ' ')}</td>
            <td>{h.kept}</td>
            <td>{h.merged}</td>
            <td>{h.by}</td>
            <td>{h.moved}</td>
            <td>{h.dropped}</td>
          </tr>
        ))}
      </Table>
      {history.length === 0 ? <p>No merges yet.</p> : null}
    </>
  );
}

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '(none)' : String(v));
const keyText = (d: DroppedRow) =>
  Object.entries(d.key)
    .map(([k, v]) => `${k.replaceAll('_', ' ')} ${shown(v)}`)
    .join(', ');

function Preview({ person, summary }: { person: CandidatePerson; summary: MergeSummary }) {
  const moved = Object.entries(summary.moved);
  return (
    <>
      <label>
        <input type="checkbox" name="merge" value={person.id} checked /> {`Merge ${who(person)}`}
      </label>
      <ul>
        {moved.map(([k, n]) => (
          <li>{`${n} ${columnLabel(k)} move to the kept account`}</li>
        ))}
        {moved.length === 0 ? <li>It holds nothing to move.</li> : null}
        {summary.dropped.map((d) => (
          <li>
            {d.retired
              ? `Held by both: ${LABELS[`${d.table}.person_id`] ?? d.table.replaceAll('_', ' ')} (${keyText(d)}); the ${d.from} account's one stays on record but is no longer current (a badge: its QR code stops being valid).`
              : `Held by both, kept once: ${LABELS[`${d.table}.person_id`] ?? d.table.replaceAll('_', ' ')} (${keyText(d)}); the ${d.from} account's copy is recorded in the audit log.`}
          </li>
        ))}
        {summary.email.merged ? (
          <li>{`Its email ${summary.email.merged} is taken off it${summary.email.movedToKept ? ' and given to the kept account, which has none' : ''}.`}</li>
        ) : null}
        {Object.entries(summary.filled).map(([k, v]) => (
          <li>{`The kept account takes its ${k.replace('_', ' ')}: ${v}.`}</li>
        ))}
        <li>It can no longer log in.</li>
      </ul>
    </>
  );
}

export function ReviewView({ ctx, kept, previews }: { ctx: ViewCtx; kept: CandidatePerson; previews: { person: CandidatePerson; summary: MergeSummary }[] }) {
  return (
    <>
      <h1>Review the merge</h1>
      <p>{`Keep ${who(kept)}. The accounts ticked below are merged into it, all at once; this cannot be undone.`}</p>
      <form method="post" action="/admin/duplicates/merge">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="keep" value={kept.id} />
        {previews.map((p) => (
          <section class="card">
            <h2>{`${p.person.firstName} ${p.person.lastName}`}</h2>
            <Preview {...p} />
          </section>
        ))}
        <p>
          <button type="submit" class="danger">
            Merge now
          </button>{' '}
          <a href="/admin/duplicates">Cancel</a>
        </p>
      </form>
    </>
  );
}
