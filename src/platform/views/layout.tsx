import type { ComponentChildren } from 'preact';
import type { Auth } from '../http/access.js';

export interface NavLink {
  href: string;
  label: string;
}

/** What every page needs from the request: who is looking, their menu, the CSRF token. */
export interface ViewCtx {
  auth: Auth | null;
  csrf: string;
  regionName: string;
  path: string;
  nav: NavLink[];
  flash?: string | null;
}

export interface PageProps {
  ctx: ViewCtx;
  title: string;
  description?: string;
  /** Public pages may be indexed; every other page says noindex. */
  indexable?: boolean;
  children: ComponentChildren;
}

/** The menu entry of the current page: the longest href the path starts with. */
function currentHref(nav: NavLink[], path: string): string | undefined {
  return nav.filter((n) => path === n.href || (n.href !== '/' && path.startsWith(`${n.href}/`))).sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

export function Layout({ ctx, title, description, indexable, children }: PageProps) {
  const current = currentHref(ctx.nav, ctx.path);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${ctx.regionName} · Touchline`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {indexable ? null : <meta name="robots" content="noindex, nofollow" />}
        <meta
          name="htmx-config"
          content='{"includeIndicatorStyles":false,"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},{"code":"[45]..","swap":true,"error":true}]}'
        />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/htmx.min.js" defer></script>
      </head>
      <body hx-headers={JSON.stringify({ 'x-csrf-token': ctx.csrf })}>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href="/">
            Touchline <span>{ctx.regionName}</span>
          </a>
          <nav aria-label="Main">
            <ul>
              {ctx.nav.map((n) => (
                <li>
                  <a href={n.href} aria-current={n.href === current ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="who">
            {ctx.auth ? (
              <form method="post" action="/logout">
                <input type="hidden" name="_csrf" value={ctx.csrf} />
                <a href="/profile">{ctx.auth.name}</a>{' '}
                <button type="submit" class="link">
                  Log out
                </button>
              </form>
            ) : (
              <a href="/login">Log in</a>
            )}
          </div>
        </header>
        <main id="main">
          {ctx.flash ? (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          ) : null}
          {children}
        </main>
        <footer>
          Touchline · <a href="/coaches">For coaches</a> · <a href="/coaches/faq">Questions</a> · <a href="/coaches/resources">Resources</a> · <a href="/contact">Contact</a> ·{' '}
          <a href="/api/docs">API</a>
        </footer>
      </body>
    </html>
  );
}
