/**
 * The public pages as data, and the pure rules of editing them: which pages exist and where they
 * are served, the tokens a page's Markdown may hold on a line of their own (parts the product draws
 * from live data: the steps with the visitor's status, the practice rules of the configuration...),
 * and the checks of a page save.
 */

export const PAGE_SLUGS = ['coaches', 'faq', 'resources', 'contact'] as const;
export type PageSlug = (typeof PAGE_SLUGS)[number];

export interface PageInfo {
  slug: PageSlug;
  path: string;
  /** The page's short name (the coach pages' menu and the editor's list). */
  name: string;
}

export const PAGES: Record<PageSlug, PageInfo> = {
  coaches: { slug: 'coaches', path: '/coaches', name: 'For coaches' },
  faq: { slug: 'faq', path: '/coaches/faq', name: 'Questions and answers' },
  resources: { slug: 'resources', path: '/coaches/resources', name: 'Resources' },
  contact: { slug: 'contact', path: '/contact', name: 'Contact' },
};

export const isPageSlug = (v: string): v is PageSlug => (PAGE_SLUGS as readonly string[]).includes(v);

/** Live parts a page may show: `{{name}}` alone on a line. */
export const TOKENS = {
  steps: 'the certification steps, each linked to where it is done, with a logged-in visitor’s own status',
  'coach-courses': 'the table of which course each division needs (from the region configuration)',
  'practice-rules': 'the practice rules of each division: sessions per week, length, fields (from the region configuration)',
  resources: 'the list of resources (templates, practice plans, meeting notes, videos)',
  'contact-form': 'the contact form (visitors write to the coach administrator or registrar without seeing their address)',
} as const;
export type Token = keyof typeof TOKENS;

export type Segment = { markdown: string } | { token: Token };

const TOKEN_LINE = /^[ \t]*\{\{\s*([a-z-]+)\s*\}\}[ \t]*$/;

/** Splits Markdown at token lines; an unknown token stays as text (and is reported by `unknownTokens`). */
export function splitTokens(markdown: string): Segment[] {
  const out: Segment[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (buf.join('').trim()) out.push({ markdown: buf.join('\n') });
    buf = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const m = TOKEN_LINE.exec(line);
    if (m && m[1]! in TOKENS) {
      flush();
      out.push({ token: m[1] as Token });
    } else buf.push(line);
  }
  flush();
  return out;
}

export function unknownTokens(markdown: string): string[] {
  return [...markdown.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!).filter((t) => !(t in TOKENS));
}

export const LIMITS = { title: 120, description: 300, markdown: 60_000 };

export interface PageInput {
  title: string;
  description: string;
  markdown: string;
}

/** Checks a page save; answers every problem (empty when it can be saved). */
export function checkPageInput(p: PageInput): string[] {
  const errors: string[] = [];
  if (!p.title.trim()) errors.push('Give the page a title.');
  if (p.title.length > LIMITS.title) errors.push(`Shorten the title to ${LIMITS.title} characters (it has ${p.title.length}).`);
  if (!p.description.trim()) errors.push('Give a one-sentence description: search engines show it under the title.');
  if (p.description.length > LIMITS.description) errors.push(`Shorten the description to ${LIMITS.description} characters (it has ${p.description.length}).`);
  if (!p.markdown.trim()) errors.push('The page text is empty: write something, or restore an earlier revision.');
  if (p.markdown.length > LIMITS.markdown) errors.push(`The page text is too long (${p.markdown.length} characters; at most ${LIMITS.markdown}): move some of it to another page.`);
  return errors;
}

export const RESOURCE_CATEGORIES = {
  template: 'Practice session template',
  'practice-plan': 'Practice plans',
  'meeting-notes': 'Coach meeting notes',
  video: 'Videos',
  other: 'Other resources',
} as const;
export type ResourceCategory = keyof typeof RESOURCE_CATEGORIES;
export const isResourceCategory = (v: string): v is ResourceCategory => v in RESOURCE_CATEGORIES;

export interface ResourceInput {
  category: string;
  title: string;
  note: string;
  url: string;
  hasFile: boolean;
}

/** Checks a new resource: a link (http or https) or a file, not both, not neither. */
export function checkResourceInput(r: ResourceInput): string[] {
  const errors: string[] = [];
  if (!isResourceCategory(r.category)) errors.push(`Choose what kind of resource it is: ${Object.values(RESOURCE_CATEGORIES).join(', ')}.`);
  if (!r.title.trim()) errors.push('Give the resource a title.');
  if (r.title.length > 160) errors.push('Shorten the title to 160 characters.');
  if (r.note.length > 500) errors.push('Shorten the note to 500 characters.');
  const url = r.url.trim();
  if (url && r.hasFile) errors.push('Give either a link or a file, not both.');
  if (!url && !r.hasFile) errors.push('Give a link (a video, say) or choose a file to upload.');
  if (url && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) errors.push('The link must be a full web address starting with https:// (or http://).');
  if (url.length > 1000) errors.push('The link is too long.');
  return errors;
}
