import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown of the public pages to HTML that cannot run anything: marked turns Markdown into HTML
 * (raw HTML included), then sanitize-html keeps only an allowlist of tags and attributes. No
 * script, style, iframe, form or event attribute survives; links may go to http(s), mailto and tel
 * and to paths of this site; images only to paths of this site or inline data of a real image type
 * (the Content-Security-Policy would refuse other sites' images anyway).
 */
const marked = new Marked({ gfm: true, breaks: false });

const IMAGE_DATA = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'a',
    'strong',
    'em',
    'b',
    'i',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
    'abbr',
    'sup',
    'sub',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], th: ['align', 'scope'], td: ['align'], ol: ['start'], abbr: ['title'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside these is dropped with the tag (the rest of a removed tag's text is kept).
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'title'],
  transformTags: {
    img: (tagName, attribs) => {
      const src = (attribs.src ?? '').trim();
      const ok = src.startsWith('/') ? !src.startsWith('//') : IMAGE_DATA.test(src);
      const { src: _drop, ...rest } = attribs;
      return { tagName, attribs: ok ? { ...rest, src, alt: attribs.alt ?? '' } : { ...rest, alt: attribs.alt ?? '' } };
    },
    th: (tagName, attribs) => ({ tagName, attribs: { ...attribs, scope: 'col' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Sanitizes HTML with the pages' allowlist (used for Markdown output). */
function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/**
 * Markdown to safe HTML. Tables are wrapped in a focusable box that scrolls sideways on a phone
 * instead of widening the page (the wrapper is added after sanitizing, so it is ours, not the author's).
 */
export function renderMarkdown(markdown: string): string {
  const html = sanitize(marked.parse(markdown, { async: false }));
  return html.replace(/<table>/g, '<div class="table-wrap" tabindex="0" role="region" aria-label="Table"><table>').replace(/<\/table>/g, '</table></div>');
}

/** Things an editor should know about what they wrote (shown with the preview; the text is saved anyway). */
export function markdownWarnings(markdown: string): string[] {
  const out: string[] = [];
  if (/<\s*(script|style|iframe|object|embed|form)\b/i.test(markdown)) out.push('Scripts, styles, frames and forms are removed from public pages: they are not shown.');
  if (/\son[a-z]+\s*=/i.test(markdown)) out.push('Event attributes (onclick, onerror...) are removed from public pages.');
  if (/javascript\s*:/i.test(markdown)) out.push('Links starting with javascript: are removed.');
  if (/!\[[^\]]*\]\(\s*(https?:)?\/\//i.test(markdown))
    out.push('Images from other sites are not shown: upload the image on the resources page and use its address (starting with /).');
  if (/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i.test(markdown))
    out.push('The text shows an email address, which spam robots collect: link to /contact instead, where visitors write through a form.');
  return out;
}
