import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps, Feature } from '../platform/feature.js';
import { flash, fragment, page, viewCtx } from '../platform/http/pages.js';
import { formBody, handleForm } from '../platform/http/forms.js';
import { safeNext, SESSION_COOKIE } from '../platform/http/security.js';
import {
  checkCredentials,
  checkLink,
  completeSetup,
  createApiToken,
  endSession,
  requestPasswordReset,
  resetPassword,
  revokeApiToken,
  signUp,
  startSession,
  accountDeps,
} from './accounts.service.js';
import { changePassword, loadProfile, updateProfile } from './profile.service.js';
import { ForgotView, LoginView, ProfileView, ResetView, SetupView, SignupLinkSentView, SignupView, TokenList, type FormState } from './people.views.js';
import { peopleApi, withRetryAfter } from './people.api.js';

const PUBLIC = { access: 'public' as const };
const AUTH = { access: 'authenticated' as const };
const hidden = { hide: true };

export async function logIn(deps: Deps, reply: FastifyReply, personId: string): Promise<void> {
  const token = await startSession(accountDeps(deps), personId);
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, maxAge: 30 * 86400 });
}

function authRoutes(app: App, deps: Deps) {
  const acc = accountDeps(deps);
  const loginPage = (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) =>
    page(req, reply, 'Log in', (ctx) => <LoginView ctx={ctx} next={safeNext((req.query as { next?: string }).next)} state={state} />, { status });
  app.get('/login', { config: PUBLIC, schema: hidden }, (req, reply) => loginPage(req, reply, {}));
  app.post('/login', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const person = await withRetryAfter(reply, () => checkCredentials(acc, f.email ?? '', f.password ?? '', req.ip));
        await logIn(deps, reply, person.id);
        return reply.redirect(safeNext((req.query as { next?: string }).next), 303);
      },
      (errors, status) => loginPage(req, reply, { values: { email: f.email ?? '' }, errors }, status),
    );
  });
  app.post('/logout', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    if (req.auth?.sessionHash) await endSession(deps.db, req.auth.sessionHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });
  const signupPage = (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) =>
    page(req, reply, 'Create an account', (ctx) => <SignupView ctx={ctx} state={state} />, { status });
  app.get('/signup', { config: PUBLIC, schema: hidden }, (req, reply) => signupPage(req, reply, {}));
  app.post('/signup', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const done = await signUp(acc, { firstName: f.firstName ?? '', lastName: f.lastName ?? '', email: f.email ?? '' }, f.password ?? '');
        if ('linkSentTo' in done) return page(req, reply, 'Set your password', () => <SignupLinkSentView email={done.linkSentTo} />);
        await logIn(deps, reply, done.created.id);
        flash(reply, `Welcome, ${done.created.firstName}! Your account is ready.`);
        return reply.redirect('/', 303);
      },
      (errors, status) => signupPage(req, reply, { values: f, errors }, status),
    );
  });
}

function resetRoutes(app: App, deps: Deps) {
  const acc = accountDeps(deps);
  app.get('/forgot', { config: PUBLIC, schema: hidden }, (req, reply) => page(req, reply, 'Reset your password', (ctx) => <ForgotView ctx={ctx} sent={false} state={{}} />));
  app.post('/forgot', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    if (!/^[^@\s]+@[^@\s]+$/.test(f.email ?? '')) {
      return page(req, reply, 'Reset your password', (ctx) => <ForgotView ctx={ctx} sent={false} state={{ values: f, errors: ['Write the email address of your account.'] }} />, {
        status: 422,
      });
    }
    await requestPasswordReset(acc, f.email!);
    return page(req, reply, 'Reset your password', (ctx) => <ForgotView ctx={ctx} sent state={{}} />);
  });
  app.get('/reset/:token', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const { token } = req.params as { token: string };
    await checkLink(acc, 'reset', token);
    return page(req, reply, 'Choose a new password', (ctx) => <ResetView ctx={ctx} token={token} state={{}} />);
  });
  app.post('/reset/:token', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        await resetPassword(acc, token, f.password ?? '');
        flash(reply, 'Your password is changed. Log in with the new one.');
        return reply.redirect('/login', 303);
      },
      (errors, status) => page(req, reply, 'Choose a new password', (ctx) => <ResetView ctx={ctx} token={token} state={{ errors }} />, { status }),
    );
  });
  app.get('/setup/:token', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const { token } = req.params as { token: string };
    await checkLink(acc, 'setup', token);
    return page(req, reply, 'Set up', (ctx) => <SetupView ctx={ctx} token={token} state={{}} />);
  });
  app.post('/setup/:token', { config: PUBLIC, schema: hidden }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const person = await completeSetup(acc, token, { firstName: f.firstName ?? '', lastName: f.lastName ?? '', email: f.email ?? '' }, f.password ?? '');
        await logIn(deps, reply, person.id);
        flash(reply, 'You are the region administrator. Start by checking the region configuration.');
        return reply.redirect('/', 303);
      },
      (errors, status) => page(req, reply, 'Set up', (ctx) => <SetupView ctx={ctx} token={token} state={{ values: f, errors }} />, { status }),
    );
  });
}

/** What a password change did, in a sentence. */
function passwordChangedText(d: { sessionsEnded: number; tokensRevoked: number }): string {
  const ended = d.sessionsEnded ? ` ${d.sessionsEnded === 1 ? 'One other browser was' : `${d.sessionsEnded} other browsers were`} logged out.` : '';
  const revoked = d.tokensRevoked ? ` ${d.tokensRevoked === 1 ? 'Your API token is' : `Your ${d.tokensRevoked} API tokens are`} revoked.` : '';
  return `Your password is changed.${ended}${revoked}`;
}

function profileRoutes(app: App, deps: Deps) {
  const acc = accountDeps(deps);
  const me = (req: FastifyRequest) => req.auth!.personId;
  const show = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const m = await loadProfile(acc, me(req));
    return page(req, reply, 'Your profile', (ctx) => <ProfileView ctx={ctx} m={m} state={state} />, { status });
  };
  app.get('/profile', { config: AUTH, schema: hidden }, (req, reply) => show(req, reply, {}));
  app.post('/profile', { config: AUTH, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        await updateProfile(acc, me(req), { firstName: f.firstName ?? '', lastName: f.lastName ?? '', phone: f.phone, birthDate: f.birthDate });
        flash(reply, 'Your details are saved.');
        return reply.redirect('/profile', 303);
      },
      (errors, status) => show(req, reply, { values: f, errors }, status),
    );
  });
  app.post('/profile/password', { config: AUTH, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const done = await changePassword(acc, me(req), {
          current: f.current ?? '',
          password: f.password ?? '',
          revokeTokens: f.revokeTokens === 'yes',
          keepSession: req.auth!.sessionHash,
        });
        flash(reply, passwordChangedText(done));
        return reply.redirect('/profile', 303);
      },
      (errors, status) => show(req, reply, { errors }, status),
    );
  });
  const tokens = async (req: FastifyRequest, reply: FastifyReply, newToken: string | null) => {
    if (req.headers['hx-request'] !== 'true') {
      if (newToken) flash(reply, `Your new token (copy it now, it is shown only once): ${newToken}`);
      return reply.redirect('/profile', 303);
    }
    const m = { ...(await loadProfile(acc, me(req))), newToken };
    return fragment(reply, <TokenList ctx={await viewCtx(req, reply)} m={m} />);
  };
  app.post('/profile/tokens', { config: AUTH, schema: hidden }, async (req, reply) => {
    const created = await createApiToken(acc, me(req), formBody(req).name ?? '');
    return tokens(req, reply, created.token);
  });
  app.post('/profile/tokens/:id/revoke', { config: AUTH, schema: hidden }, async (req, reply) => {
    await revokeApiToken(acc, me(req), (req.params as { id: string }).id);
    return tokens(req, reply, null);
  });
}

export const peopleFeature: Feature = {
  name: 'people',
  nav: [],
  routes: (app, deps) => {
    authRoutes(app, deps);
    resetRoutes(app, deps);
    profileRoutes(app, deps);
    peopleApi(app, deps);
  },
};
