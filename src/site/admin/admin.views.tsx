import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors, Input, Table } from '../../platform/views/components.js';
import { markdownWarnings } from '../markdown.rules.js';
import { LIMITS, PAGES, TOKENS, unknownTokens, type PageSlug } from '../site.rules.js';
import type { PageContent } from '../site.service.js';
import type { Revision } from '../site.store.js';
import { PageBody, type LiveParts } from '../site.views.js';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—');

export function SiteAdminView({ pages, resources }: { ctx: ViewCtx; pages: PageContent[]; resources: number }) {
  return (
    <>
      <h1>Public pages</h1>
      <p>These pages are open to everyone, without login. Every save keeps the earlier text in the page's history.</p>
      <Table caption="Public pages" head={['Page', 'Shows', 'Last saved', '']}>
        {pages.map((p) => (
          <tr>
            <td>
              <a href={PAGES[p.slug].path}>{PAGES[p.slug].name}</a>
            </td>
            <td>{p.revision ? `Revision ${p.revision}` : 'Default text'}</td>
            <td>{when(p.updatedAt)}</td>
            <td>
              <a href={`/admin/site/pages/${p.slug}`} aria-label={`Edit ${PAGES[p.slug].name}`}>
                Edit
              </a>{' '}
              ·{' '}
              <a href={`/admin/site/pages/${p.slug}/history`} aria-label={`History of ${PAGES[p.slug].name}`}>
                History
              </a>
            </td>
          </tr>
        ))}
      </Table>
      <p>
        <a href="/admin/site/resources">Coach resources</a> ({resources} listed): practice plans, the practice session template, meeting notes and videos.
      </p>
    </>
  );
}

export interface EditorState {
  values: { title: string; description: string; markdown: string; base: number };
  errors?: string[];
  preview?: boolean;
}

/** The preview of Markdown as the public will see it (logged out), with what the editor should know. */
export function Preview({ markdown, live }: { markdown: string; live: LiveParts }) {
  const warnings = [
    ...markdownWarnings(markdown),
    ...unknownTokens(markdown).map(
      (t) =>
        `{{${t}}} is not a live part: use one of ${Object.keys(TOKENS)
          .map((k) => `{{${k}}}`)
          .join(', ')}.`,
    ),
  ];
  return (
    <>
      {warnings.length ? (
        <ul class="status-warn">
          {warnings.map((w) => (
            <li>{w}</li>
          ))}
        </ul>
      ) : null}
      <PageBody markdown={markdown} live={live} />
    </>
  );
}

export function EditorView({ ctx, slug, state, live }: { ctx: ViewCtx; slug: PageSlug; state: EditorState; live: LiveParts }) {
  const v = state.values;
  return (
    <>
      <h1>Edit: {PAGES[slug].name}</h1>
      <p>
        Shown at <a href={PAGES[slug].path}>{PAGES[slug].path}</a>. {v.base ? `You are editing revision ${v.base}.` : 'The page shows its default text.'}{' '}
        <a href={`/admin/site/pages/${slug}/history`}>History</a>
      </p>
      <Errors errors={state.errors} />
      <form method="post" action={`/admin/site/pages/${slug}`}>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="base" value={String(v.base)} />
        <Input label="Title" name="title" value={v.title} required hint={`The page's main heading and browser title (at most ${LIMITS.title} characters).`} />
        <Input label="Description" name="description" value={v.description} required hint="One sentence that search engines show under the title." />
        <label for="f-markdown">
          Page text (Markdown)
          <textarea
            id="f-markdown"
            name="markdown"
            rows={22}
            class="code"
            aria-describedby="markdown-help"
            hx-post={`/admin/site/pages/${slug}/preview`}
            hx-trigger="input changed delay:600ms"
            hx-target="#preview"
            hx-swap="innerHTML"
          >
            {v.markdown}
          </textarea>
        </label>
        <details id="markdown-help">
          <summary>How to write the page</summary>
          <p>
            Markdown: <code>## Heading</code>, <code>**bold**</code>, <code>[link text](/address)</code>, lists starting with <code>-</code> or <code>1.</code>, tables with{' '}
            <code>|</code>. Scripts, styles and frames are removed.
          </p>
          <p>Live parts, each alone on its own line:</p>
          <ul>
            {Object.entries(TOKENS).map(([k, what]) => (
              <li>
                <code>{`{{${k}}}`}</code>: {what}
              </li>
            ))}
          </ul>
        </details>
        <p>
          <button type="submit" name="action" value="save">
            Save and publish
          </button>{' '}
          <button type="submit" name="action" value="preview" class="secondary">
            Preview
          </button>
        </p>
      </form>
      <section class="card" aria-labelledby="preview-title">
        <h2 id="preview-title">Preview</h2>
        <div id="preview" aria-live="polite">
          {state.preview ? <Preview markdown={v.markdown} live={live} /> : <p class="hint">Press Preview (or type: the preview follows) to see the page as visitors will.</p>}
        </div>
      </section>
    </>
  );
}

export function HistoryView({ slug, revisions, current }: { ctx: ViewCtx; slug: PageSlug; revisions: Omit<Revision, 'markdown'>[]; current: number }) {
  return (
    <>
      <h1>History: {PAGES[slug].name}</h1>
      <p>
        Every save is kept. Open a revision to read it, and restore it to publish it again as a new revision. <a href={`/admin/site/pages/${slug}`}>Edit the page</a>
      </p>
      <Table caption="Revisions, newest first" head={['Revision', 'Saved', 'By', 'Note', '']}>
        {revisions.map((r) => (
          <tr>
            <td>{r.number === current ? `${r.number} (shown now)` : r.number}</td>
            <td>{when(r.createdAt)}</td>
            <td>{r.createdByName}</td>
            <td>{r.restoredFrom === null ? '' : r.restoredFrom === 0 ? 'Default text restored' : `Revision ${r.restoredFrom} restored`}</td>
            <td>
              <a href={`/admin/site/pages/${slug}/revisions/${r.number}`} aria-label={`Open revision ${r.number}`}>
                Open
              </a>
            </td>
          </tr>
        ))}
        <tr>
          <td>{current === 0 ? '0 (shown now)' : '0'}</td>
          <td>—</td>
          <td>Touchline</td>
          <td>Default text, built from the region configuration</td>
          <td>
            <a href={`/admin/site/pages/${slug}/revisions/0`} aria-label="Open the default text">
              Open
            </a>
          </td>
        </tr>
      </Table>
    </>
  );
}

export function RevisionView({ ctx, slug, content, current, live }: { ctx: ViewCtx; slug: PageSlug; content: PageContent; current: number; live: LiveParts }) {
  const label = content.revision === 0 ? 'the default text' : `revision ${content.revision}`;
  return (
    <>
      <h1>
        {PAGES[slug].name}: {label}
      </h1>
      <p>
        {content.revision === current ? 'This is what the page shows now.' : `The page shows ${current === 0 ? 'the default text' : `revision ${current}`} now.`}{' '}
        <a href={`/admin/site/pages/${slug}/history`}>Back to the history</a>
      </p>
      {content.revision === current ? null : (
        <form method="post" action={`/admin/site/pages/${slug}/revisions/${content.revision}/restore`}>
          <Csrf token={ctx.csrf} />
          <button type="submit">Restore {label}</button>
          <small class="hint">It is published again as a new revision; nothing is deleted.</small>
        </form>
      )}
      <section class="card" aria-labelledby="rev-title">
        <h2 id="rev-title">{content.title}</h2>
        <p class="hint">Description: {content.description}</p>
        <PageBody markdown={content.markdown} live={live} />
      </section>
      <details>
        <summary>Markdown of {label}</summary>
        <pre>{content.markdown}</pre>
      </details>
    </>
  );
}
