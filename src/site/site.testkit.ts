import type { Dialect } from '../platform/db/database.js';
import { openTestApp } from '../testing/harness.js';
import type { TestApp } from '../testing/harness.js';

/** The test app with the site and notifications features, whether or not src/features.ts lists them yet. */
export function openSiteApp(dialect: Dialect, now?: string): Promise<TestApp> {
  return openTestApp(dialect, { now });
}

/** The CSRF token and cookies of an anonymous visitor who opened `url` (for public form posts). */
export async function anonymousForm(t: TestApp, url: string): Promise<{ cookie: string; csrf: string; body: string }> {
  const r = await t.app.inject({ method: 'GET', url });
  const cookies = [r.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]!).join('; ');
  return { cookie: cookies, csrf: /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1] ?? '', body: r.body };
}
