import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../../region/region.testkit.js';
import { prepareCompliance, summarizePerson } from '../compliance.rules.js';
import { reminderMail } from './reminder.rules.js';

describe('reminder wording', () => {
  it('lists what is missing by element with how to do it, and links to the steps', () => {
    const config = defaultRegionConfig('2026-09-15');
    const summary = summarizePerson(
      prepareCompliance(config),
      { application: null, roles: [], held: [{ role: 'head-coach', division: '8U' }], completions: [], backgroundCheck: 'not-started' },
      '2026-09-15',
    );
    const m = reminderMail('Sam', 'Fall 2026', summary, 'https://portal.example');
    expect(m.subject).toBe(`Still to do for Fall 2026: ${summary.missing.length} items`);
    expect(m.text).toContain('You are down as head coach (8U) for Fall 2026.');
    expect(m.text).toContain('1. Volunteer application');
    expect(m.text).toContain('2. Safety trainings');
    expect(m.text).toContain('3. Age-level certification');
    expect(m.text).toContain('https://portal.example/coaches');
  });
});
