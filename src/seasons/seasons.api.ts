/** /api/v1/seasons/next (preview, start) and /api/v1/me/role-offers (the offers a person answers). */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import type { Season } from '../region/index.js';
import { STARTERS } from './seasons.access.js';
import { OfferSchema, PreviewSchema, StartBody, StartSchema, type PreviewJson } from './seasons.schemas.js';
import { acceptOffer, declineOffer, myOffers, previewNextSeason, startNextSeason, STAYS, type NextSeasonPreview, type StartResult } from './seasons.service.js';
import type { StartSummary } from './seasons.rules.js';

const tags = ['seasons'];
const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };
const seasonJson = (s: Season) => ({ id: s.id, name: s.name, startDate: s.startDate, endDate: s.endDate });
const windowsJson = (w: StartSummary['windows']) => w.map((x) => ({ window: x.words, from: x.from, to: x.to }));

/** The words every answer of the preview carries (the page says the same). */
export function previewMessage(p: NextSeasonPreview): string {
  switch (p.state) {
    case 'no-season':
      return 'No season has begun yet, so there is no last season to start from.';
    case 'no-next':
      return `No season follows ${p.from.name} in the region's configuration: the region administrator adds it under Region, membership years and seasons (/admin/region), then you start it here.`;
    case 'ready':
      return `Starting ${p.to.name} offers ${p.offers.length} role(s) of ${p.from.name} again and carries ${p.windows.length} practice window(s) over as drafts.`;
    case 'started':
      return `${p.to.name} was already started on ${p.start.startedAt.slice(0, 10)} by ${p.start.startedByName}.`;
  }
}

export function previewJson(p: NextSeasonPreview): PreviewJson {
  const base = { state: p.state, message: previewMessage(p), stays: STAYS };
  if (p.state === 'no-season') return { ...base, from: null, to: null, offers: [], windows: [], started: null };
  if (p.state === 'no-next') return { ...base, from: seasonJson(p.from), to: null, offers: [], windows: [], started: null };
  if (p.state === 'ready') return { ...base, from: seasonJson(p.from), to: seasonJson(p.to), offers: p.offers, windows: windowsJson(p.windows), started: null };
  const s = p.start;
  return {
    ...base,
    from: seasonJson(p.from),
    to: seasonJson(p.to),
    offers: s.summary.offers,
    windows: windowsJson(s.summary.windows),
    started: { at: s.startedAt, by: s.startedByName },
  };
}

const startJson = (r: StartResult) => ({
  alreadyStarted: r.alreadyStarted,
  seasonId: r.start.seasonId,
  fromSeasonId: r.start.fromSeasonId,
  startedAt: r.start.startedAt,
  startedBy: r.start.startedByName,
  offers: r.start.summary.offers,
  windows: windowsJson(r.start.summary.windows),
});

export function seasonsApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/seasons/next/preview',
    {
      config: { access: STARTERS },
      schema: {
        tags,
        summary: 'What starting the next season would do (or did): roles offered again, practice windows carried over as drafts, what stays',
        description:
          'The next season is the one configured right after the last season that has begun. Nothing is written. Once started, the answer says when and by whom, and lists what the start did.',
        response: { 200: PreviewSchema, 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (req) => previewJson(await previewNextSeason(deps, await req.regionConfig())),
  );
  app.post(
    '/api/v1/seasons/next/start',
    {
      config: { access: STARTERS },
      schema: {
        tags,
        summary: 'Start the next season in one transaction (audited): offer roles again, mail each offer, carry practice windows over as drafts',
        description:
          'seasonId must be the season the preview names as next. 201 when started now; 200 with alreadyStarted true when it was started before (nothing is done again): the answer lists what the first start did.',
        body: StartBody,
        response: { 200: StartSchema, 201: StartSchema, ...errors },
      },
    },
    async (req, reply) => {
      const r = await startNextSeason(deps, await req.regionConfig(), { id: req.auth!.personId, name: req.auth!.name }, req.body.seasonId);
      return reply.code(r.alreadyStarted ? 200 : 201).send(startJson(r));
    },
  );
  app.get(
    '/api/v1/me/role-offers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "The asker's roles of last season offered again, waiting for an answer",
        response: { 200: Type.Array(OfferSchema), 401: ErrorSchema },
      },
    },
    async (req) => myOffers(deps, await req.regionConfig(), req.auth!.personId),
  );
  for (const verb of ['accept', 'decline'] as const) {
    app.post(
      `/api/v1/me/role-offers/:id/${verb}`,
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: verb === 'accept' ? 'Accept an offer: the role is granted for the new season at once' : 'Decline an offer (recorded for the coach administrator)',
          params: Type.Object({ id: Type.String({ maxLength: 80 }) }),
          response: { 200: Type.Object({ id: Type.String(), state: Type.String() }), ...errors },
        },
      },
      async (req) => {
        const actor = { id: req.auth!.personId, name: req.auth!.name };
        await (verb === 'accept' ? acceptOffer : declineOffer)(deps, await req.regionConfig(), actor, req.params.id);
        return { id: req.params.id, state: verb === 'accept' ? 'accepted' : 'declined' };
      },
    );
  }
}
