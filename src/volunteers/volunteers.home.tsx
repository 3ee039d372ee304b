import type { FastifyRequest } from 'fastify';
import type { Deps, HomeCard } from '../platform/feature.js';
import { hasAnyRole } from '../platform/http/access.js';
import { seasonNow } from '../region/index.js';
import { countPendingChecks, countSealedPending, findApplicationRow, toApplication } from './applications.store.js';
import { rolesText } from './applications.service.js';
import { screeningStatus } from './screening.service.js';
import { requestsOfApplication } from './decisions/requests.store.js';
import { waitingCount } from './decisions/decisions.service.js';
import { roleText } from './decisions/decisions.rules.js';
import { DECIDERS } from './decisions/decisions.access.js';

/** What the volunteers feature puts on the home page: set-up, checks waiting, one's own application. */

function keySetupCard(): HomeCard {
  return {
    title: 'Background checks: set up the screening key',
    order: 6,
    body: (
      <>
        <p>Adults can apply, but cannot give their social security number until the region has a screening key: numbers are sealed with it so that this server cannot read them.</p>
        <p>
          <a href="/safety/key">Make the key in your browser</a>: you download the private key file (protected by a passphrase) and only the public key is sent. On the server,{' '}
          <code>touchline screening keygen --out screening-key.json --passphrase '…'</code> does the same.
        </p>
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
  const waiting = row ? (await requestsOfApplication(deps.db, row.id)).filter((r) => r.status === 'requested') : [];
  const body = a ? (
    <>
      <p>
        Received for {rolesText(a.roles)}; background check: {a.adult ? a.backgroundCheck : 'not needed'}. <a href="/volunteer">See your application</a>
      </p>
      {waiting.length ? (
        <ul>
          {waiting.map((r) => (
            <li>{roleText(r)}: waiting for the board's decision</li>
          ))}
        </ul>
      ) : null}
    </>
  ) : (
    <p>
      Coach, help on the field or volunteer as a youth: <a href="/volunteer">apply for {ref.season.name}</a>.
    </p>
  );
  return [{ title: a ? `Your volunteer application (${ref.season.name})` : `Volunteer for ${ref.season.name}`, order: 10, body }];
}

/** The board's count of role requests waiting for them (coach administrator, registrar, region administrator). */
async function decisionsCard(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!hasAnyRole(req.auth, DECIDERS)) return [];
  const n = await waitingCount(deps.db, [...new Set(req.auth!.roles.map((r) => r.role))]);
  return [
    {
      title: 'Role requests',
      order: 14,
      body: (
        <p>
          {n === 0 ? 'No role request waits for your decision.' : `${n} role request(s) wait for your decision.`} <a href="/role-requests">Decide</a>
        </p>
      ),
    },
  ];
}

/** The feature's home cards for the person looking. */
export async function volunteersHome(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!req.auth) return [];
  const cards = [...(await ownCard(req, deps)), ...(await decisionsCard(req, deps))];
  // The region administrator's set-up checklist (home feature) already has the screening key step,
  // linking to the same page: the card is for the safety director, who makes the key.
  const safety = hasAnyRole(req.auth, ['safety-director']);
  if (safety && !(await screeningStatus(deps.db)).ready) cards.push(keySetupCard());
  else if (safety) cards.push(await safetyCard(deps));
  return cards;
}

/** The name the brief asks for: the feature's home function. */
export const home = volunteersHome;
