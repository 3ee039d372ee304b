import { AppError } from '../platform/errors.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import type { RegionConfig } from '../region/index.js';
import { getRegionConfig } from '../region/index.js';
import { defaultPage } from './default-pages.rules.js';
import { checkPageInput, isPageSlug, PAGES, type PageInput, type PageSlug } from './site.rules.js';
import { findRevision, insertRevision, latestRevision, listRevisions, type Revision } from './site.store.js';
import { isUniqueViolation } from '../platform/db/transactions.js';

/** The public pages: what each shows now, saving a new revision, history and restore. */

export interface PageContent extends PageInput {
  slug: PageSlug;
  /** 0 while the page shows the default text built from the region configuration. */
  revision: number;
  updatedAt: string | null;
}

type SiteDeps = Pick<Deps, 'db' | 'clock'>;

export function pageSlug(v: string): PageSlug {
  if (!isPageSlug(v)) throw new AppError('NOT_FOUND', `There is no page "${v.slice(0, 40)}": the pages are ${Object.keys(PAGES).join(', ')}.`);
  return v;
}

const fromRevision = (slug: PageSlug, r: Revision): PageContent => ({
  slug,
  title: r.title,
  description: r.description,
  markdown: r.markdown,
  revision: r.number,
  updatedAt: r.createdAt,
});

/** What a page shows now: its latest revision, or the default text while it has none. */
export async function currentPage(db: Db, config: RegionConfig, slug: PageSlug): Promise<PageContent> {
  const r = await latestRevision(db, slug);
  return r ? fromRevision(slug, r) : { slug, ...defaultPage(config, slug), revision: 0, updatedAt: null };
}

/** One revision's content; number 0 is the default text. */
export async function revisionContent(db: Db, config: RegionConfig, slug: PageSlug, number: number): Promise<PageContent> {
  if (number === 0) return { slug, ...defaultPage(config, slug), revision: 0, updatedAt: null };
  const r = await findRevision(db, slug, number);
  if (!r) throw new AppError('NOT_FOUND', `The ${PAGES[slug].name} has no revision ${number}: open its history to see them all.`);
  return fromRevision(slug, r);
}

export const pageHistory = (db: Db, slug: PageSlug) => listRevisions(db, slug);

const STALE_MESSAGE = 'Someone else saved this page since you opened it. Copy your text, reload the page, and make your change again.';

/**
 * Saves a page as a new revision. `baseRevision` is the revision the editor opened: when someone
 * saved in between, nothing is saved (STALE). Two saves racing on the same number: the database's
 * unique (slug, number) lets one in, the other is STALE too.
 */
async function writeRevision(deps: SiteDeps, actor: Actor, slug: PageSlug, input: PageInput, baseRevision: number | null, restoredFrom: number | null): Promise<number> {
  const errors = checkPageInput(input);
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const before = await latestRevision(trx, slug);
      const current = before?.number ?? 0;
      if (baseRevision !== null && baseRevision !== current) throw new AppError('STALE', STALE_MESSAGE);
      const at = deps.clock.now().toISOString();
      const number = current + 1;
      await insertRevision(trx, { slug, number, ...input, restoredFrom, at, by: actor });
      const summary = (p: PageInput, n: number) => ({ revision: n, title: p.title, description: p.description, markdown: p.markdown });
      await recordAudit(trx, {
        actor,
        at,
        action: restoredFrom === null ? 'site.page.save' : 'site.page.restore',
        entity: 'site_page',
        entityId: slug,
        before: before ? summary(before, before.number) : { revision: 0 },
        after: summary(input, number),
      });
      return number;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('STALE', STALE_MESSAGE);
    throw e;
  }
}

export function savePage(deps: SiteDeps, actor: Actor, slug: PageSlug, input: PageInput, baseRevision: number | null): Promise<number> {
  return writeRevision(
    deps,
    actor,
    slug,
    { title: input.title.trim(), description: input.description.trim(), markdown: input.markdown.replace(/\r\n/g, '\n') },
    baseRevision,
    null,
  );
}

/** Restores an old revision (0: the default text) as a new revision: history is never rewritten. */
export async function restoreRevision(deps: SiteDeps, actor: Actor, slug: PageSlug, number: number): Promise<number> {
  const config = await getRegionConfig(deps.db);
  const old = await revisionContent(deps.db, config, slug, number);
  return writeRevision(deps, actor, slug, { title: old.title, description: old.description, markdown: old.markdown }, null, number);
}
