import { Checkbox, Csrf, Errors, Input } from '../platform/views/components.js';
import type { ViewCtx } from '../platform/views/layout.js';
import { ROLE_LABELS, type Role } from '../platform/roles.js';
import type { Application, BackgroundCheck } from './applications.store.js';
import { rolesText } from './applications.service.js';
import { roleText, type RequestState } from './decisions/decisions.rules.js';

/** The volunteer's own page: their application for the current season, and the form to send it. */

export interface VolunteerModel {
  season: { id: string; name: string };
  name: string;
  /** From the person's record; the form asks for it only when missing. */
  birthDate: string | null;
  /** Known from the record: true adult, false youth, null unknown. */
  adult: boolean | null;
  roleOptions: Role[];
  divisions: string[];
  application: Application | null;
  /** Each role the application asks for and the board's decision on it. */
  requests?: RequestState[];
  screeningReady: boolean;
  /** Submitted values to show again (never the SSN: it is typed again). */
  values: { phone: string; birthDate: string; signature: string; roles: string[] };
  errors?: string[];
}

const CHECK_FOR_APPLICANT: Record<BackgroundCheck, [string, string]> = {
  'not-started': ['not needed for youth volunteers', ''],
  pending: ['pending: the safety director records the result', 'status-warn'],
  clear: ['clear', 'status-ok'],
  flagged: ['flagged: the safety director will contact you', 'status-bad'],
};

function ssnState(a: Application, screeningReady: boolean): string {
  if (!a.adult) return 'not needed for youth volunteers';
  if (a.ssnSealed) return 'sealed for the background check (nobody can read it here)';
  if (a.checkRecordedAt) return 'erased after the background check';
  return screeningReady
    ? 'not given yet: add it below (Change your application)'
    : 'not given yet: that step opens when the region finishes setting up background checks, and you will get a mail';
}

const REQUEST_FOR_APPLICANT: Record<string, [string, string]> = {
  requested: ["waiting for the board's decision", 'status-warn'],
  granted: ['granted', 'status-ok'],
  declined: ['declined', 'status-bad'],
};

function RequestedRoles({ requests }: { requests: RequestState[] }) {
  return (
    <li>
      Roles:
      <ul>
        {requests.map((r) => {
          const [text, cls] = REQUEST_FOR_APPLICANT[r.status] ?? [r.status, ''];
          return (
            <li>
              {roleText(r)}: <span class={cls || undefined}>{text}</span>
              {r.status === 'declined' && r.reason ? ` (${r.reason})` : ''}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

export function ApplicationStatus({ a, seasonName, screeningReady = true, requests }: { a: Application; seasonName: string; screeningReady?: boolean; requests?: RequestState[] }) {
  const [check, cls] = CHECK_FOR_APPLICANT[a.backgroundCheck];
  return (
    <section class="card" aria-labelledby="application-status">
      <h2 id="application-status">Your application for {seasonName}</h2>
      <ul>
        {requests?.length ? <RequestedRoles requests={requests} /> : <li>Roles: {rolesText(a.roles)}</li>}
        <li>Received: {a.submittedAt.slice(0, 10)}</li>
        <li>Signed: {a.signatureName && a.signedAt ? `as ${a.signatureName} on ${a.signedAt.slice(0, 10)}` : 'not signed'}</li>
        <li>Social security number: {ssnState(a, screeningReady)}</li>
        <li>
          Background check: <span class={cls || undefined}>{check}</span>
        </li>
      </ul>
    </section>
  );
}

function RoleChoices({ m }: { m: VolunteerModel }) {
  return (
    <>
      <h2>Roles and divisions</h2>
      <p class="hint">
        Tick every role you want to take, in each division you can serve.{m.adult === null ? ' Youth volunteer is for ages 12 to 17; the other roles are for adults.' : ''}
      </p>
      {m.roleOptions.map((role) => (
        <fieldset>
          <legend>{ROLE_LABELS[role]}</legend>
          <div class="checks">
            {m.divisions.map((d) => (
              <Checkbox name="roles" value={`${role}:${d}`} label={d} checked={m.values.roles.includes(`${role}:${d}`)} />
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

function SsnField() {
  return (
    <>
      <h2>Social security number</h2>
      <p>Volunteers 18 and over must pass a background check, and the check needs your social security number. It is used for nothing else.</p>
      <p>
        How it is protected: the moment you submit, the number is sealed with a key only the region's safety director holds, so this website cannot read it. Nobody sees it again;
        only its last four digits are kept, for the safety director, and the sealed number is erased once the check is recorded.
      </p>
      <Input
        label="Social security number"
        name="ssn"
        type="password"
        inputmode="numeric"
        autocomplete="off"
        hint="Nine digits, with or without dashes (###-##-####). Leave empty if you are under 18."
      />
    </>
  );
}

function AboutYou({ m }: { m: VolunteerModel }) {
  return (
    <>
      <h2>About you</h2>
      {m.birthDate ? (
        <p>
          Date of birth: <strong>{m.birthDate}</strong> (from your profile; if it is wrong, ask the registrar to correct it).
        </p>
      ) : (
        <Input label="Date of birth" name="birthDate" type="date" required autocomplete="bday" value={m.values.birthDate} hint="Volunteers must be at least 12 years old." />
      )}
      <Input label="Phone" name="phone" type="tel" autocomplete="tel" value={m.values.phone} hint="So your division's coordinator can reach you." />
    </>
  );
}

function Signature({ m }: { m: VolunteerModel }) {
  return (
    <>
      <h2>Signature</h2>
      <p>
        By typing your full name you sign this application electronically: you confirm that what you wrote is true
        {m.adult === false ? '' : ' and you agree to the background check'}. Your name, the time and your internet address are recorded with it.
      </p>
      <Input
        label="Type your full name to sign"
        name="signature"
        autocomplete="off"
        value={m.values.signature}
        hint={`As on your account: ${m.name}.${m.adult === false ? ' Optional for volunteers under 18.' : ''}`}
      />
    </>
  );
}

/** The SSN step while the region has no screening key: said plainly, in the form's place for it. */
function SsnStepClosed() {
  return (
    <>
      <h2>Social security number</h2>
      <p class="status-warn" role="note">
        This step opens when the region finishes setting up background checks. You can send your application now without the number; we will mail you when you can add it.
      </p>
    </>
  );
}

export function VolunteerView({ ctx, m }: { ctx: ViewCtx; m: VolunteerModel }) {
  const locked = m.application?.checkRecordedAt != null;
  return (
    <section class="narrow">
      <h1>Volunteer for {m.season.name}</h1>
      {m.application ? (
        <ApplicationStatus a={m.application} seasonName={m.season.name} screeningReady={m.screeningReady} requests={m.requests} />
      ) : (
        <p>Apply once a season: choose your roles and divisions, and sign.</p>
      )}
      {locked ? (
        <p>Your background check is recorded, so this application can no longer be changed: ask the registrar to change your roles.</p>
      ) : m.application ? (
        <details class="card" open={!!m.errors?.length || (m.screeningReady && m.application.adult && !m.application.ssnSealed)}>
          <summary>Change your application</summary>
          <ApplicationForm ctx={ctx} m={m} />
        </details>
      ) : (
        <ApplicationForm ctx={ctx} m={m} />
      )}
    </section>
  );
}

function ApplicationForm({ ctx, m }: { ctx: ViewCtx; m: VolunteerModel }) {
  return (
    <form method="post" action="/volunteer">
      <Csrf token={ctx.csrf} />
      <Errors errors={m.errors} />
      <RoleChoices m={m} />
      <AboutYou m={m} />
      {m.adult === false ? null : m.screeningReady ? <SsnField /> : <SsnStepClosed />}
      <Signature m={m} />
      <button type="submit">{m.application ? 'Send the changed application' : 'Submit application'}</button>
    </form>
  );
}
