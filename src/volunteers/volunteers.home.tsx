import type { FastifyRequest } from 'fastify';
import type { Deps, HomeCard } from '../platform/feature.js';
import { hasAnyRole } from '../platform/http/access.js';
import { seasonNow } from '../region/index.js';
import { countPendingChecks, countSealedPending, findApplicationRow, toApplication } from './applications.store.js';
import { rolesText } from './applications.service.js';
import { screeningStatus } from './screening.service.js';

/** What the volunteers feature puts on the home page: set-up, checks waiting, one's own application. */

function keySetupCard(): HomeCard {
  return {
    title: 'Background checks: set up the screening key',
    order: 6,
    body: (
      <>
        <p>Adults cannot apply to volunteer until the region has a screening key: their social security numbers are sealed with it so that this server cannot read them.</p>
        <ol>
          <li>
            On the server, run <code>touchline screening keygen --out screening-key.pem --passphrase '…'</code>. It prints the key's fingerprint.
          </li>
          <li>Give the file and its passphrase to the safety director only, and delete the server's copy; keep a backup offline.</li>
          <li>
            The safety director exports pending numbers with <code>touchline screening export --key screening-key.pem</code>.
          </li>
        </ol>
      </>
    ),
  };
}

async function safetyCard(deps: Deps): Promise<HomeCard> {
  const waiting = await countPendingChecks(deps.db);
  const sealed = await countSealedPending(deps.db);
  return {
    title: 'Background checks',
    order: 15,
    body: (
      <p>
        {waiting} application(s) wait for their background check ({sealed} sealed number(s) to export). <a href="/safety/checks">Record results</a>
      </p>
    ),
  };
}

async function ownCard(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  const ref = seasonNow(await req.regionConfig(), deps.clock);
  if (!ref) return [];
  const row = await findApplicationRow(deps.db, req.auth!.personId, ref.season.id);
  const a = row ? toApplication(row) : null;
  const body = a ? (
    <p>
      Received for {rolesText(a.roles)}; background check: {a.adult ? a.backgroundCheck : 'not needed'}. <a href="/volunteer">See your application</a>
    </p>
  ) : (
    <p>
      Coach, help on the field or volunteer as a youth: <a href="/volunteer">apply for {ref.season.name}</a>.
    </p>
  );
  return [{ title: a ? `Your volunteer application (${ref.season.name})` : `Volunteer for ${ref.season.name}`, order: 10, body }];
}

/** The feature's home cards for the person looking. */
export async function volunteersHome(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!req.auth) return [];
  const cards = await ownCard(req, deps);
  const board = hasAnyRole(req.auth, ['region-administrator', 'safety-director']);
  if (board && !(await screeningStatus(deps.db)).ready) cards.push(keySetupCard());
  else if (hasAnyRole(req.auth, ['safety-director'])) cards.push(await safetyCard(deps));
  return cards;
}

/** The name the brief asks for: the feature's home function. */
export const home = volunteersHome;
