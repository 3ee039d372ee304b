import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../region/region.testkit.js';
import { defaultPage } from './default-pages.rules.js';
import { checkPageInput, checkResourceInput, PAGE_SLUGS, splitTokens, unknownTokens } from './site.rules.js';

const config = defaultRegionConfig('2026-09-15');

describe('splitTokens', () => {
  it('cuts the Markdown at live-part lines and leaves unknown tokens as text', () => {
    expect(splitTokens('# A\n\n{{steps}}\ntext\n  {{ practice-rules }}  \n{{nope}}')).toEqual([
      { markdown: '# A\n' },
      { token: 'steps' },
      { markdown: 'text' },
      { token: 'practice-rules' },
      { markdown: '{{nope}}' },
    ]);
    expect(splitTokens('inline {{steps}} is text')).toEqual([{ markdown: 'inline {{steps}} is text' }]);
    expect(unknownTokens('{{steps}} {{nope}} {{ contact-form }}')).toEqual(['nope']);
  });
});

describe('checks', () => {
  it('lists every problem of a page save', () => {
    expect(checkPageInput({ title: '', description: '', markdown: ' ' })).toHaveLength(3);
    expect(checkPageInput({ title: 'x'.repeat(121), description: 'd', markdown: 'm' })[0]).toContain('120');
    expect(checkPageInput({ title: 'T', description: 'D', markdown: 'M' })).toEqual([]);
  });
  it('wants a resource with a web link or a file, not both', () => {
    const base = { category: 'video', title: 'Build-out line', note: '', url: '', hasFile: false };
    expect(checkResourceInput(base)).toEqual(['Give a link (a video, say) or choose a file to upload.']);
    expect(checkResourceInput({ ...base, url: 'javascript:alert(1)' })[0]).toContain('https://');
    expect(checkResourceInput({ ...base, url: 'https://video.example/watch?v=1', hasFile: true })).toEqual(['Give either a link or a file, not both.']);
    expect(checkResourceInput({ ...base, url: 'https://video.example/watch?v=1' })).toEqual([]);
    expect(checkResourceInput({ ...base, category: 'poster', hasFile: true })[0]).toContain('Choose what kind');
  });
});

describe('default pages', () => {
  it('are filled in from the configuration and show no email address', () => {
    const c = structuredClone(config);
    c.region.name = 'Lakeside';
    c.region.number = '404';
    c.playingTime.minQuarters = 2;
    for (const slug of PAGE_SLUGS) {
      const p = defaultPage(c, slug);
      expect(checkPageInput(p), slug).toEqual([]);
      expect(`${p.markdown} ${p.description}`, slug).not.toMatch(/@/);
      expect(unknownTokens(p.markdown), slug).toEqual([]);
    }
    const coaches = defaultPage(c, 'coaches');
    expect(coaches.description).toContain('Region 404 Lakeside');
    expect(coaches.markdown).toContain('{{steps}}');
    expect(coaches.markdown).toContain('{{practice-rules}}');
    expect(coaches.markdown).toContain('10U, 12U and 14U teams fill in');
    expect(coaches.markdown).toContain('at least 2 of its 4 quarters');
    expect(defaultPage(c, 'faq').markdown).toContain('There is no draft in Region 404 Lakeside');
    expect(defaultPage(c, 'contact').markdown).toContain('{{contact-form}}');
    expect(defaultPage(c, 'resources').markdown).toContain('{{resources}}');
  });
});
