/** A person's home page: one card per role of last season offered again, answered with one click. */
import type { FastifyRequest } from 'fastify';
import type { Deps, HomeCard } from '../platform/feature.js';
import { myOffers } from './seasons.service.js';
import { OfferCard } from './seasons.views.js';

export async function offerCards(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!req.auth) return [];
  const offers = await myOffers(deps, await req.regionConfig(), req.auth.personId);
  return offers.map((o, i) => ({ title: `${o.seasonName}: your role again?`, order: 1 + i / 100, body: (csrf: string) => <OfferCard o={o} csrf={csrf} /> }));
}
