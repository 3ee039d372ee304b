import type { Deps } from '../platform/feature.js';
import type { RegionConfig } from '../region/index.js';
import { contactChoices } from './contact.service.js';
import { splitTokens } from './site.rules.js';
import { listResources } from './site.store.js';
import { stepsFor } from './steps/steps.service.js';
import type { LiveParts } from './site.views.js';

/** Reads what a page's live parts need (only the parts its Markdown uses); csrf is set by the view. */
export async function liveParts(
  deps: Pick<Deps, 'db' | 'clock'>,
  config: RegionConfig,
  markdown: string,
  personId: string | null,
  contactForm: LiveParts['contactForm'] = { values: {} },
): Promise<Omit<LiveParts, 'csrf'>> {
  const used = new Set(splitTokens(markdown).flatMap((s) => ('token' in s ? [s.token] : [])));
  const [steps, resources] = await Promise.all([
    used.has('steps') ? stepsFor(deps, config, personId) : Promise.resolve([]),
    used.has('resources') ? listResources(deps.db) : Promise.resolve([]),
  ]);
  return { config, steps, loggedIn: personId !== null, resources, contacts: contactChoices(config), contactForm };
}
