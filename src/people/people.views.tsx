import { Checkbox, Csrf, Errors, Input, Table } from '../platform/views/components.js';
import type { ViewCtx } from '../platform/views/layout.js';
import { ROLE_LABELS, type Role } from '../platform/roles.js';

export type { FormState } from '../platform/views/components.js';
import type { FormState } from '../platform/views/components.js';

export function LoginView({ ctx, next, state }: { ctx: ViewCtx; next: string; state: FormState }) {
  return (
    <section class="narrow">
      <h1>Log in</h1>
      <Errors errors={state.errors} />
      <form method="post" action={`/login?next=${encodeURIComponent(next)}`}>
        <Csrf token={ctx.csrf} />
        <Input label="Email" name="email" type="email" autocomplete="username" required value={state.values?.email} />
        <Input label="Password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Log in</button>
      </form>
      <p>
        <a href="/forgot">Forgot your password?</a> · New here? <a href="/signup">Create an account</a>
      </p>
    </section>
  );
}

function PersonFields({ v }: { v?: Record<string, string> }) {
  return (
    <>
      <Input label="First name" name="firstName" required autocomplete="given-name" value={v?.firstName} />
      <Input label="Last name" name="lastName" required autocomplete="family-name" value={v?.lastName} />
      <Input label="Email" name="email" type="email" required autocomplete="email" value={v?.email} />
    </>
  );
}

export function SignupView({ ctx, state }: { ctx: ViewCtx; state: FormState }) {
  return (
    <section class="narrow">
      <h1>Create your account</h1>
      <p>Volunteers, coaches and parents: one account for everything you do with the region.</p>
      <Errors errors={state.errors} />
      <form method="post" action="/signup">
        <Csrf token={ctx.csrf} />
        <PersonFields v={state.values} />
        <Input label="Password" name="password" type="password" required autocomplete="new-password" hint="At least 10 characters." />
        <button type="submit">Create account</button>
      </form>
      <p>
        Already have an account? <a href="/login">Log in</a>
      </p>
    </section>
  );
}

/** The sign-up answer for an address whose account has no password yet: the link to set it went to that address. */
export function SignupLinkSentView({ email }: { email: string }) {
  return (
    <section class="narrow">
      <h1>Set your password</h1>
      <p role="status">
        We sent a link to {email} to set your password. The region already had an account for this address, made for you (for instance when a player was registered with it); open
        the link within one hour to choose its password, then log in.
      </p>
    </section>
  );
}

export function SetupView({ ctx, token, state }: { ctx: ViewCtx; token: string; state: FormState }) {
  return (
    <section class="narrow">
      <h1>Set up the region administrator</h1>
      <p>This one-time link makes you the first administrator of this Touchline. Afterwards you can invite the rest of the board.</p>
      <Errors errors={state.errors} />
      <form method="post" action={`/setup/${token}`}>
        <Csrf token={ctx.csrf} />
        <PersonFields v={state.values} />
        <Input label="Password" name="password" type="password" required autocomplete="new-password" hint="At least 10 characters." />
        <button type="submit">Become administrator</button>
      </form>
    </section>
  );
}

export function ForgotView({ ctx, sent, state }: { ctx: ViewCtx; sent: boolean; state: FormState }) {
  return (
    <section class="narrow">
      <h1>Reset your password</h1>
      {sent ? (
        <p role="status">If an account uses that address, we have sent it a link to choose a new password. The link works for one hour.</p>
      ) : (
        <>
          <Errors errors={state.errors} />
          <form method="post" action="/forgot">
            <Csrf token={ctx.csrf} />
            <Input label="Email" name="email" type="email" required autocomplete="email" value={state.values?.email} />
            <button type="submit">Send me a link</button>
          </form>
        </>
      )}
    </section>
  );
}

export function ResetView({ ctx, token, state }: { ctx: ViewCtx; token: string; state: FormState }) {
  return (
    <section class="narrow">
      <h1>Choose a new password</h1>
      <Errors errors={state.errors} />
      <form method="post" action={`/reset/${token}`}>
        <Csrf token={ctx.csrf} />
        <Input label="New password" name="password" type="password" required autocomplete="new-password" hint="At least 10 characters." />
        <button type="submit">Save password</button>
      </form>
    </section>
  );
}

export interface ProfileModel {
  person: { firstName: string; lastName: string; email: string | null; phone: string | null; birthDate: string | null };
  roles: { role: string; season: string; division: string }[];
  tokens: { id: string; name: string; created_at: string; last_used_at: string | null; revoked_at: string | null }[];
  newToken?: string | null;
}

export function TokenList({ ctx, m }: { ctx: ViewCtx; m: ProfileModel }) {
  return (
    <div id="tokens">
      {m.newToken ? (
        <p class="flash" role="status">
          Your new token (copy it now, it is shown only once): <code class="secret">{m.newToken}</code>
        </p>
      ) : null}
      {m.tokens.length ? (
        <Table caption="Your API tokens" head={['Name', 'Created', 'Last used', '']}>
          {m.tokens.map((t) => (
            <tr>
              <td>{t.name}</td>
              <td>{t.created_at.slice(0, 10)}</td>
              <td>{t.last_used_at?.slice(0, 16).replace('T', ' ') ?? 'never'}</td>
              <td>
                {t.revoked_at ? (
                  `revoked ${t.revoked_at.slice(0, 10)}`
                ) : (
                  <form method="post" action={`/profile/tokens/${t.id}/revoke`} hx-post={`/profile/tokens/${t.id}/revoke`} hx-target="#tokens" hx-swap="outerHTML">
                    <Csrf token={ctx.csrf} />
                    <button type="submit" class="secondary">
                      Revoke
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>You have no API tokens.</p>
      )}
      <form method="post" action="/profile/tokens" hx-post="/profile/tokens" hx-target="#tokens" hx-swap="outerHTML" class="inline">
        <Csrf token={ctx.csrf} />
        <Input label="New token name" name="name" hint="For example: the league's spreadsheet script." />
        <button type="submit">Create token</button>
      </form>
    </div>
  );
}

export function ProfileView({ ctx, m, state }: { ctx: ViewCtx; m: ProfileModel; state: FormState }) {
  const v = state.values ?? { firstName: m.person.firstName, lastName: m.person.lastName, phone: m.person.phone ?? '', birthDate: m.person.birthDate ?? '' };
  const activeTokens = m.tokens.filter((t) => !t.revoked_at).length;
  return (
    <>
      <h1>Your profile</h1>
      <section class="card">
        <h2>Details</h2>
        <Errors errors={state.errors} />
        <form method="post" action="/profile">
          <Csrf token={ctx.csrf} />
          <Input label="First name" name="firstName" required value={v.firstName} autocomplete="given-name" />
          <Input label="Last name" name="lastName" required value={v.lastName} autocomplete="family-name" />
          <Input label="Phone" name="phone" type="tel" value={v.phone} autocomplete="tel" />
          <Input label="Date of birth" name="birthDate" type="date" value={v.birthDate} autocomplete="bday" />
          <p>
            Email: <strong>{m.person.email}</strong>
          </p>
          <button type="submit">Save details</button>
        </form>
      </section>
      <section class="card">
        <h2>Change password</h2>
        <form method="post" action="/profile/password">
          <Csrf token={ctx.csrf} />
          <Input label="Current password" name="current" type="password" required autocomplete="current-password" />
          <Input label="New password" name="password" type="password" required autocomplete="new-password" hint="At least 10 characters." />
          <p class="hint">You stay logged in here; every other browser logged in to your account is logged out.</p>
          {activeTokens > 0 ? (
            <Checkbox
              label={`Also revoke my ${activeTokens === 1 ? 'API token' : `${activeTokens} API tokens`} (programs using ${activeTokens === 1 ? 'it' : 'them'} stop working until you make new ones)`}
              name="revokeTokens"
              value="yes"
            />
          ) : null}
          <button type="submit">Change password</button>
        </form>
      </section>
      <section class="card">
        <h2>Coach badge</h2>
        <p>
          <a href="/badges/photo">Badge photo</a>: upload or take the photo printed on your coach badge (<a href="/badges">see your badge</a>).
        </p>
      </section>
      <section class="card">
        <h2>Mail</h2>
        <p>
          <a href="/profile/notifications">Choose which mails you get</a>
        </p>
      </section>
      <section class="card">
        <h2>Your roles</h2>
        {m.roles.length ? (
          <ul>
            {m.roles.map((r) => (
              <li>
                {ROLE_LABELS[r.role as Role] ?? r.role}
                {r.division ? `, ${r.division}` : ''} {r.season ? `(${r.season})` : '(standing)'}
              </li>
            ))}
          </ul>
        ) : (
          <p>You hold no roles yet.</p>
        )}
      </section>
      <section class="card">
        <h2>API tokens</h2>
        <p>Tokens let programs use the Touchline API as you. Revoke any you no longer use.</p>
        <TokenList ctx={ctx} m={m} />
      </section>
    </>
  );
}
