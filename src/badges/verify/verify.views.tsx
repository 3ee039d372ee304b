import type { ComponentChildren } from 'preact';
import { longDate } from '../../training/index.js';
import type { Verification } from './verify.service.js';

/**
 * The public page a referee or parent opens from a badge's QR code: a page of its own (no menu, no
 * account links), phone first, the status in large words, never indexed.
 */

/** Styles of this page only (the app's stylesheet holds no page-specific rules). */
export const VERIFY_CSS = `
.verify main { max-width: 26rem; text-align: center; padding-top: 1.25rem; }
.verify-region { color: var(--muted); margin: 0 0 .5rem; font-size: 1rem; }
.verify-status { font-size: 3rem; line-height: 1.05; margin: .25rem 0 .5rem; letter-spacing: .02em; text-transform: uppercase; border-radius: var(--radius); padding: .6rem .5rem; border: 4px solid currentColor; }
.verify-status.ok { color: var(--ok); background: #e9f6ec; }
.verify-status.bad { color: var(--bad); background: #fdecea; }
.verify-since { font-size: 1.35rem; font-weight: 700; color: var(--bad); margin: 0 0 .75rem; }
.verify-photo { display: block; margin: .75rem auto; width: 12rem; max-width: 70%; height: auto; border-radius: 6px; border: 1px solid var(--line); }
.verify-name { font-size: 1.9rem; font-weight: 700; line-height: 1.2; margin: .25rem 0; }
.verify-roles { list-style: none; padding: 0; margin: .25rem 0; font-size: 1.35rem; }
.verify-season { font-size: 1.2rem; margin: .25rem 0 1rem; }
`;

const SHELL_CSS = ['/assets/app.css', '/badges/verify.css'];

function Shell({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{title}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {SHELL_CSS.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
      </head>
      <body class="verify">
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

export function VerifyPage({ v }: { v: Verification }) {
  const ok = v.status === 'valid';
  return (
    <Shell title={`Coach badge check: ${ok ? 'valid' : 'not valid'} · ${v.region}`}>
      <p class="verify-region">{v.region} · coach badge check</p>
      <h1 class={`verify-status ${ok ? 'ok' : 'bad'}`}>{ok ? 'Valid' : 'Not valid'}</h1>
      {!ok && v.since ? <p class="verify-since">since {longDate(v.since)}</p> : null}
      {v.note ? <p>{v.note}</p> : null}
      <img class="verify-photo" src={v.photoUrl} width={300} height={400} alt={`Photo on the badge of ${v.name}`} />
      <p class="verify-name">{v.name}</p>
      <ul class="verify-roles">
        {v.roles.map((r) => (
          <li>
            {r.label} · {r.division}
          </li>
        ))}
      </ul>
      <p class="verify-season">{v.season.name}</p>
      <p class="hint">
        {ok
          ? 'This coach is certified by the region right now: compare the photo with the person wearing the badge.'
          : 'Do not accept this badge: ask the coach to contact the coach administrator.'}{' '}
        Checked {v.checkedAt.slice(0, 16).replace('T', ' ')} UTC.
      </p>
    </Shell>
  );
}

export function NotABadgePage({ message }: { message: string }) {
  return (
    <Shell title="Coach badge check: unknown badge">
      <p class="verify-region">Coach badge check</p>
      <h1 class="verify-status bad">Unknown badge</h1>
      <p>{message}</p>
    </Shell>
  );
}
