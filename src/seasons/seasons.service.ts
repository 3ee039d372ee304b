import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { isUniqueViolation } from '../platform/db/transactions.js';
import { AppError } from '../platform/errors.js';
import type { Deps } from '../platform/feature.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { isRole, type Role } from '../platform/roles.js';
import { allSeasons, findDivision, regionToday, type RegionConfig, type Season } from '../region/index.js';
import { grantInTransaction } from '../people/index.js';
import { carryOverWindows, windowsToCarry } from '../practice/index.js';
import { offerQuestion, offersToMake, OFFERED_ROLES, pickNextSeason, windowWords, type HeldRole, type StartSummary } from './seasons.rules.js';
import { answerOffer, findOffer, findStart, insertOffers, insertStart, offeredFor, pendingOffers, rolesOfSeason, type OfferRow, type SeasonStart } from './seasons.store.js';
import { notifyRoleOffer } from './seasons.mail.js';

/** What "Start the next season" would do, or why it cannot, or what it did already. */
export type NextSeasonPreview =
  | { state: 'no-season' }
  | { state: 'no-next'; from: Season }
  | { state: 'ready'; from: Season; to: Season; offers: HeldRole[]; windows: StartSummary['windows']; stays: string[] }
  | { state: 'started'; from: Season; to: Season; start: SeasonStart };

/** What stays as it is when a season starts: said on the page so nobody wonders. */
export const STAYS = [
  "Last season's player ratings feed the draw of the new teams, as always.",
  "The region's fields, divisions and policies stay as configured.",
  "Last season's roles, teams, bookings and records stay with last season.",
];

const span = (s: Season) => `${s.name} (${s.startDate} to ${s.endDate})`;
const divisionName = (config: RegionConfig, code: string) => findDivision(config, code)?.name ?? code;

async function plan(db: Db, config: RegionConfig, from: Season, to: Season) {
  const [held, there, offered, windows] = await Promise.all([
    rolesOfSeason(db, from.id, OFFERED_ROLES),
    rolesOfSeason(db, to.id, OFFERED_ROLES),
    offeredFor(db, to.id),
    windowsToCarry(db, from.id, to.id),
  ]);
  const fieldName = (id: string) => config.fields.find((f) => f.id === id)?.name ?? id;
  return {
    offers: offersToMake(held, [...there, ...offered]),
    windows: windows.map((w) => ({ words: windowWords(w, fieldName), from: span(from), to: span(to) })),
  };
}

function choose(config: RegionConfig, deps: Pick<Deps, 'clock'>) {
  return pickNextSeason(allSeasons(config), regionToday(config, deps.clock));
}

/** The preview the page and GET /api/v1/seasons/next/preview show; writes nothing. */
export async function previewNextSeason(deps: Deps, config: RegionConfig): Promise<NextSeasonPreview> {
  const pick = choose(config, deps);
  if (!pick) return { state: 'no-season' };
  const { from, to } = pick;
  if (!to) return { state: 'no-next', from };
  const start = await findStart(deps.db, to.id);
  if (start) return { state: 'started', from, to, start };
  return { state: 'ready', from, to, ...(await plan(deps.db, config, from, to)), stays: STAYS };
}

export interface StartResult {
  alreadyStarted: boolean;
  start: SeasonStart;
}

/**
 * Starts the next season in one transaction: offers last season's coaching roles again (one mail
 * each, queued in the same transaction), carries the practice windows over as drafts, records the
 * start and audits it. Idempotent: a season started already answers what its first start did.
 */
export async function startNextSeason(deps: Deps, config: RegionConfig, actor: Actor, seasonId: string): Promise<StartResult> {
  const pick = choose(config, deps);
  if (!pick) throw new AppError('VALIDATION', 'No season has begun yet, so there is no last season to start from.');
  if (!pick.to) throw new AppError('VALIDATION', `No season follows ${pick.from.name}: add the next season to the region's configuration first.`);
  const { from, to } = pick;
  if (seasonId !== to.id) throw new AppError('VALIDATION', `The next season to start is ${to.name} ("${to.id}"), not "${seasonId.slice(0, 40)}".`);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const earlier = await findStart(trx, to.id);
      if (earlier) return { alreadyStarted: true, start: earlier };
      const at = deps.clock.now().toISOString();
      const { offers } = await plan(trx, config, from, to);
      const windows = await carryOverWindows(trx, from.id, to.id, at);
      const fieldName = (id: string) => config.fields.find((f) => f.id === id)?.name ?? id;
      const summary: StartSummary = {
        offers: offers.map((o) => ({ personId: o.personId, name: o.name, role: o.role, division: o.division })),
        windows: windows.map((w) => ({ words: windowWords(w, fieldName), from: span(from), to: span(to) })),
      };
      const start: SeasonStart = { seasonId: to.id, fromSeasonId: from.id, startedAt: at, startedBy: actor.id, startedByName: actor.name, summary };
      await insertStart(trx, start);
      const rows: OfferRow[] = offers.map((o) => ({
        id: newId(),
        season_id: to.id,
        from_season_id: from.id,
        person_id: o.personId,
        role: o.role,
        division: o.division,
        state: 'pending',
        offered_at: at,
        decided_at: null,
      }));
      await insertOffers(trx, rows);
      for (const o of offers) await notifyRoleOffer(trx, deps, o.personId, offerQuestion(o.role, divisionName(config, o.division), to.name), to.name);
      await recordAudit(trx, { actor, at, action: 'season.start', entity: 'season', entityId: to.id, after: { from: from.id, offers: offers.length, windows: windows.length } });
      return { alreadyStarted: false, start };
    });
  } catch (e) {
    // Two starts at once: the season's row refused the second; answer what the first did.
    const earlier = isUniqueViolation(e) ? await findStart(deps.db, to.id) : undefined;
    if (earlier) return { alreadyStarted: true, start: earlier };
    throw e;
  }
}

/** An offer as the person sees it. */
export interface OfferView {
  id: string;
  seasonId: string;
  seasonName: string;
  role: Role;
  division: string;
  question: string;
  offeredAt: string;
}

/** A person's offers still waiting for their answer, for seasons not over yet. */
export async function myOffers(deps: Deps, config: RegionConfig, personId: string): Promise<OfferView[]> {
  const today = regionToday(config, deps.clock);
  const seasons = new Map(allSeasons(config).map((s) => [s.season.id, s.season]));
  return (await pendingOffers(deps.db, personId)).flatMap((o) => {
    const season = seasons.get(o.season_id);
    if (!season || season.endDate < today || !isRole(o.role)) return [];
    const question = offerQuestion(o.role, divisionName(config, o.division), season.name);
    return [{ id: o.id, seasonId: o.season_id, seasonName: season.name, role: o.role, division: o.division, question, offeredAt: o.offered_at }];
  });
}

async function ownPendingOffer(deps: Deps, config: RegionConfig, personId: string, id: string): Promise<OfferRow> {
  const offer = await findOffer(deps.db, id);
  if (!offer || offer.person_id !== personId) throw new AppError('NOT_FOUND', 'That offer does not exist, or is not yours.');
  if (offer.state !== 'pending') throw new AppError('CONFLICT', `You ${offer.state} this offer already.`);
  const season = allSeasons(config).find((s) => s.season.id === offer.season_id)?.season;
  if (!season || season.endDate < regionToday(config, deps.clock))
    throw new AppError('CONFLICT', 'The season of this offer is over: ask the coach administrator about the coming season.');
  return offer;
}

/**
 * Accepts an offer: the board decided in advance, so the role is granted at once (a role the person
 * holds already is fine), in the same transaction as the answer: never a role without an accepted
 * offer, nor an accepted offer without its role.
 */
export async function acceptOffer(deps: Deps, config: RegionConfig, actor: Actor & { id: string }, id: string): Promise<void> {
  const offer = await ownPendingOffer(deps, config, actor.id, id);
  if (!isRole(offer.role) || (offer.division && !findDivision(config, offer.division)))
    throw new AppError('CONFLICT', 'The division of this offer no longer exists: ask the coach administrator.');
  const role = offer.role;
  await answer(deps, actor, offer, 'accepted', async (trx, at) => {
    await grantInTransaction(trx, at, actor, { personId: offer.person_id, role, seasonId: offer.season_id, division: offer.division });
  });
}

/** Declines an offer: recorded (and audited) so the coach administrator knows to find someone else. */
export async function declineOffer(deps: Deps, config: RegionConfig, actor: Actor & { id: string }, id: string): Promise<void> {
  await answer(deps, actor, await ownPendingOffer(deps, config, actor.id, id), 'declined');
}

async function answer(deps: Deps, actor: Actor, offer: OfferRow, state: 'accepted' | 'declined', alsoDo?: (trx: Db, at: string) => Promise<void>): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    if (!(await answerOffer(trx, offer.id, state, at))) throw new AppError('CONFLICT', 'You answered this offer already.');
    if (alsoDo) await alsoDo(trx, at);
    const after = { state, role: offer.role, season: offer.season_id, division: offer.division };
    await recordAudit(trx, { actor, at, action: `role-offer.${state === 'accepted' ? 'accept' : 'decline'}`, entity: 'role_offer', entityId: offer.id, after });
  });
}
