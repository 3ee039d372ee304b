import { describe, expect, it } from 'vitest';
import { markdownWarnings, renderMarkdown } from './markdown.rules.js';

/** Nothing an author writes can run in a visitor's browser: the allowlist keeps text and safe markup only. */
describe('renderMarkdown neutralizes script', () => {
  const cases: [string, string][] = [
    ['a script tag, with its content', '<script>alert(1)</script>Hello'],
    ['a script tag in a paragraph', 'Before <script src="/x.js"></script> after'],
    ['an onerror attribute', '<img src="/a.png" onerror="alert(1)">'],
    ['an onclick attribute on a link', '<a href="/ok" onclick="alert(1)">ok</a>'],
    ['a javascript: Markdown link', '[click](javascript:alert(1))'],
    ['a javascript: link with odd case and entities', '<a href="JaVaScRiPt:alert(1)">x</a> <a href="java&#x09;script:alert(1)">y</a>'],
    ['a data: HTML link', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['a data: URL of HTML in an image', '![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a data: URL of SVG in an image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
    [
      'style, iframe, object and form',
      '<style>*{}</style><iframe src="https://evil.example"></iframe><object data="x"></object><form action="https://evil.example"><input></form>',
    ],
    ['an inline style attribute', '<p style="background:url(javascript:alert(1))">text</p>'],
    ['svg with a script', '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>'],
    ['a protocol-relative link', '<a href="//evil.example/x">x</a>'],
  ];
  it.each(cases)('removes %s', (_what, markdown) => {
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<script|<style|<iframe|<object|<form|<input|<svg/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/(href|src)="data:(?!image\/(png|jpeg|gif|webp);base64)/i);
    expect(html).not.toMatch(/style=/i);
    expect(html).not.toMatch(/href="\/\//);
  });

  it('keeps the text around what it removes', () => {
    expect(renderMarkdown('<script>alert(1)</script>Hello')).toContain('Hello');
    expect(renderMarkdown('<a href="/ok" onclick="alert(1)">ok</a>')).toContain('<a href="/ok">ok</a>');
  });

  it('keeps images of this site and inline images of image types', () => {
    expect(renderMarkdown('![Field map](/coaches/resources/files/abc)')).toContain('<img alt="Field map" src="/coaches/resources/files/abc" />');
    expect(renderMarkdown('![dot](data:image/png;base64,iVBORw0KGgo=)')).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(renderMarkdown('![far](https://elsewhere.example/x.png)')).not.toContain('<img');
  });

  it('keeps ordinary Markdown: headings, emphasis, lists, safe links, tables in a scrolling box', () => {
    const html = renderMarkdown(
      '## Practice\n\n**Bring** water.\n\n- one\n- two\n\n[Mail us](mailto:a@b.example) [Site](https://ayso.example/x)\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<h2>Practice</h2>');
    expect(html).toContain('<strong>Bring</strong>');
    expect(html).toContain('<li>two</li>');
    expect(html).toContain('href="mailto:a@b.example"');
    expect(html).toContain('href="https://ayso.example/x"');
    expect(html).toContain('<div class="table-wrap" tabindex="0" role="region" aria-label="Table"><table>');
    expect(html).toContain('<th scope="col">a</th>');
  });
});

describe('markdownWarnings', () => {
  it('tells the editor what will not be shown, and about exposed email addresses', () => {
    const w = markdownWarnings('<script>x</script> <img onerror=1> [a](javascript:x) ![i](https://x.example/i.png) write to coach@region.example');
    expect(w).toHaveLength(5);
    expect(w.join(' ')).toContain('/contact');
    expect(markdownWarnings('## Plain text\n\n[Contact](/contact)')).toEqual([]);
  });
});
