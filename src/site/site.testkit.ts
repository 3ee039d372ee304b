import type { TestApp } from '../testing/harness.js';

/** The CSRF token and cookies of an anonymous visitor who opened `url` (for public form posts). */
export async function anonymousForm(t: TestApp, url: string): Promise<{ cookie: string; csrf: string; body: string }> {
  const r = await t.app.inject({ method: 'GET', url });
  const cookies = [r.headers['set-cookie'] ?? []]
    .flat()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { cookie: cookies, csrf: /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1] ?? '', body: r.body };
}
