import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { makeActor } from '../testing/actors.js';
import { accountDeps, requestPasswordReset } from './accounts.service.js';

describe.each(testDialects())('the password reset mail and its link (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => t?.close());

  const links = (personId: string) => t.deps.db.selectFrom('one_time_links').select('purpose').where('person_id', '=', personId).execute();
  const mails = (to: string) => t.deps.db.selectFrom('outbox').select('kind').where('to_address', '=', to).execute();

  it('stores the link only with the mail that carries it: when queuing the mail fails, no link is left', async () => {
    const p = await makeActor(t.deps);
    vi.spyOn(t.deps.mailer, 'queue').mockRejectedValueOnce(new Error('injected: the outbox cannot be written'));
    await expect(requestPasswordReset(accountDeps(t.deps), p.email)).rejects.toThrow('injected');
    expect(await links(p.id)).toEqual([]);
    expect(await mails(p.email)).toEqual([]);

    await requestPasswordReset(accountDeps(t.deps), p.email);
    expect(await links(p.id)).toEqual([{ purpose: 'reset' }]);
    expect(await mails(p.email)).toEqual([{ kind: 'password-reset' }]);
  });
});
