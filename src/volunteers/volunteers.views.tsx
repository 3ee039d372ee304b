import { Checkbox, Csrf, Errors, Input } from '../platform/views/components.js';
import type { ViewCtx } from '../platform/views/layout.js';
import { ROLE_LABELS, type Role } from '../platform/roles.js';
import type { Application, BackgroundCheck } from './applications.store.js';
import { rolesText } from './applications.service.js';

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

function ssnState(a: Application): string {
  if (!a.adult) return 'not needed for youth volunteers';
  return a.ssnSealed ? 'sealed for the background check (nobody can read it here)' : 'erased after the background check';
}

export function ApplicationStatus({ a, seasonName }: { a: Application; seasonName: string }) {
  const [check, cls] = CHECK_FOR_APPLICANT[a.backgroundCheck];
  return (
    <section class="card" aria-labelledby="application-status">
      <h2 id="application-status">Your application for {seasonName}</h2>
      <ul>
        <li>Roles: {rolesText(a.roles)}</li>
        <li>Received: {a.submittedAt.slice(0, 10)}</li>
        <li>Signed: {a.signatureName && a.signedAt ? `as ${a.signatureName} on ${a.signedAt.slice(0, 10)}` : 'not signed'}</li>
        <li>Social security number: {ssnState(a)}</li>
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

function NotReady() {
  return (
    <div class="errors" role="note">
      <p>
        The region is not accepting volunteer applications from adults yet: the background-check key is not set up. Contact the safety director and apply again once it is ready.
        Youth volunteers (12 to 17) can apply now.
      </p>
    </div>
  );
}

export function VolunteerView({ ctx, m }: { ctx: ViewCtx; m: VolunteerModel }) {
  const locked = m.application?.checkRecordedAt != null;
  return (
    <section class="narrow">
      <h1>Volunteer for {m.season.name}</h1>
      {m.application ? <ApplicationStatus a={m.application} seasonName={m.season.name} /> : <p>Apply once a season: choose your roles and divisions, and sign.</p>}
      {!m.screeningReady && m.adult !== false ? <NotReady /> : null}
      {locked ? (
        <p>Your background check is recorded, so this application can no longer be changed: ask the registrar to change your roles.</p>
      ) : m.application ? (
        <details class="card" open={!!m.errors?.length}>
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
      {m.adult !== false ? <SsnField /> : null}
      <Signature m={m} />
      <button type="submit">{m.application ? 'Send the changed application' : 'Submit application'}</button>
    </form>
  );
}
