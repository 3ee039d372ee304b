import type { ViewCtx } from '../platform/views/layout.js';
import type { RegionConfig } from '../region/index.js';
import type { ContactChoice } from './contact.service.js';
import { renderMarkdown } from './markdown.rules.js';
import { CoachCourses, ContactForm, PracticeRules, ResourceList, Steps } from './live-parts.views.js';
import { PAGES, splitTokens, type PageSlug, type Token } from './site.rules.js';
import type { Resource } from './site.store.js';
import type { Step } from './steps/steps.rules.js';

/** What the live parts of a page need (see TOKENS in site.rules.ts). */
export interface LiveParts {
  config: RegionConfig;
  steps: Step[];
  loggedIn: boolean;
  resources: Resource[];
  contacts: ContactChoice[];
  csrf: string;
  contactForm: { values: Record<string, string>; errors?: string[] };
}

export function CoachPagesNav({ current }: { current: PageSlug | null }) {
  const list = Object.values(PAGES);
  return (
    <nav aria-label="Coach pages">
      <p>
        {list.map((p, i) => (
          <>
            {i ? ' · ' : ''}
            <a href={p.path} aria-current={p.slug === current ? 'page' : undefined}>
              {p.name}
            </a>
          </>
        ))}
      </p>
    </nav>
  );
}

function LivePart({ token, live }: { token: Token; live: LiveParts }) {
  switch (token) {
    case 'steps':
      return <Steps steps={live.steps} loggedIn={live.loggedIn} />;
    case 'coach-courses':
      return <CoachCourses config={live.config} />;
    case 'practice-rules':
      return <PracticeRules config={live.config} />;
    case 'resources':
      return <ResourceList resources={live.resources} />;
    case 'contact-form':
      return <ContactForm live={live} />;
  }
}

/** A page's Markdown with its live parts in place. */
export function PageBody({ markdown, live }: { markdown: string; live: LiveParts }) {
  return (
    <>
      {splitTokens(markdown).map((s) =>
        'token' in s ? <LivePart token={s.token} live={live} /> : <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(s.markdown) }} />,
      )}
    </>
  );
}

export function PublicPageView({ slug, title, markdown, live, canEdit }: { ctx: ViewCtx; slug: PageSlug; title: string; markdown: string; live: LiveParts; canEdit: boolean }) {
  return (
    <article>
      <CoachPagesNav current={slug} />
      <h1>{title}</h1>
      <PageBody markdown={markdown} live={live} />
      {canEdit ? (
        <p>
          <a href={`/admin/site/pages/${slug}`}>Edit this page</a>
        </p>
      ) : null}
    </article>
  );
}
