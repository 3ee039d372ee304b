import type { DemoContext } from '../platform/demo.js';
import { addDays } from '../platform/time/time.rules.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { longDate } from '../training/index.js';
import { addResource } from './resources.service.js';
import { currentPage, savePage } from './site.service.js';

/** The demo's coach resources: links only (videos and documents of the demo's own making are not needed). */
const RESOURCES = [
  {
    category: 'template',
    title: 'One-hour practice plan (blank)',
    note: 'Warm-up, two activities, a game: print one for each practice.',
    url: 'https://coaches.demo.touchline.invalid/plans/blank-60',
  },
  {
    category: 'practice-plan',
    title: '10U week 1: first touch',
    note: 'Receiving across the body, with a 4v4 to finish.',
    url: 'https://coaches.demo.touchline.invalid/plans/10u-week-1',
  },
  {
    category: 'practice-plan',
    title: '12U week 1: passing in pairs',
    note: 'Pass, move, receive: three progressions.',
    url: 'https://coaches.demo.touchline.invalid/plans/12u-week-1',
  },
  { category: 'video', title: 'Running a small-sided game', note: 'Six minutes: set-up, rules, when to stop play.', url: 'https://video.demo.touchline.invalid/small-sided-games' },
  {
    category: 'video',
    title: 'Substitutions so everyone plays three quarters',
    note: 'Filling in the game card as you go.',
    url: 'https://video.demo.touchline.invalid/substitutions',
  },
  {
    category: 'meeting-notes',
    title: 'Season opening coach meeting: notes',
    note: 'Dates, fields, badges and the game card.',
    url: 'https://coaches.demo.touchline.invalid/meetings/opening',
  },
  { category: 'other', title: 'Field map of the region', note: 'Where each field is and where to park.', url: 'https://coaches.demo.touchline.invalid/field-map' },
] as const;

/**
 * The demo's public site: coach resources on the resources page, and the FAQ with this season's
 * own questions added above the region's default answers (a first revision, as an administrator
 * would save it).
 */
export async function demoSite(ctx: DemoContext): Promise<string> {
  const { db, clock } = ctx.deps;
  const config = await getRegionConfig(db);
  const accounts = (ctx.facts.get('accounts') ?? {}) as Record<string, string>;
  const actor = { id: accounts.admin ?? null, name: 'demo' };
  for (const r of RESOURCES) await addResource(ctx.deps, actor, { ...r, file: null });
  const today = regionToday(config, clock);
  const faq = await currentPage(db, config, 'faq');
  const season = `## When is the next coach meeting?

On ${longDate(addDays(today, 10))} at 7 pm at the region office. Bring your questions about the game card and practice bookings.

## My badge is not printed yet. Why?

A badge is printed once you are certified and your photo is approved. Your [home page](/) says what is still missing; the coach administrator prints a sheet of badges every week.

`;
  await savePage(ctx.deps, actor, 'faq', { title: faq.title, description: faq.description, markdown: `${season}${faq.markdown}` }, faq.revision);
  return `Site: ${RESOURCES.length} coach resources; the FAQ with this season's questions.`;
}
