/** What the trainings feature puts on a person's home page. */
import type { FastifyRequest } from 'fastify';
import type { Deps, HomeCard } from '../platform/feature.js';
import { hasAnyRole } from '../platform/http/access.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { catalogOf } from './catalog.rules.js';
import { hasUncreditedRegistration, listSessions, registrationsOfPerson } from './classes/classes.store.js';
import { trainingOverview } from './completions/completions.service.js';
import { VERIFIERS } from './requests/requests.service.js';
import { countPendingRequests } from './requests/requests.store.js';
import { completionLabel, longDate } from './training.rules.js';

/** Trainings expiring soon (or expired) and the classes the person is registered for. */
async function volunteerCard(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  const personId = req.auth!.personId;
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const today = regionToday(config, deps.clock);
  const o = await trainingOverview(deps, personId);
  const expiring = o.lines.filter((l) => l.state === 'expires-soon' || l.state === 'expired');
  const classes = (await registrationsOfPerson(deps.db, personId, today)).filter((r) => !r.session.cancelledAt && !r.creditedAt);
  if (!expiring.length && !classes.length) return [];
  return [
    {
      title: 'Your trainings',
      order: 20,
      body: (
        <>
          {expiring.length ? (
            <ul>
              {expiring.map((l) => (
                <li>{`${l.name}: ${l.state === 'expired' ? 'expired' : 'expires'} on ${l.status.expiresOn}.`}</li>
              ))}
            </ul>
          ) : null}
          {classes.length ? (
            <ul>
              {classes.map((r) => (
                <li>{`Class: ${completionLabel(catalog, r.session.training, r.session.part)}, ${longDate(r.session.date)} at ${r.session.startTime}, ${r.session.place}.`}</li>
              ))}
            </ul>
          ) : null}
          <a href="/training">Open your trainings</a>
        </>
      ),
    },
  ];
}

async function registrarCard(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!hasAnyRole(req.auth, VERIFIERS)) return [];
  const n = await countPendingRequests(deps.db);
  if (!n) return [];
  return [
    {
      title: 'Certificates to check',
      order: 15,
      body: (
        <p>
          {`${n} uploaded certificate${n === 1 ? ' waits' : 's wait'} for a check. `}
          <a href="/training/requests">Check them</a>
        </p>
      ),
    },
  ];
}

/** An instructor's classes that took place and still have attendees to credit. */
async function instructorCard(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!hasAnyRole(req.auth, ['instructor'])) return [];
  const config = await getRegionConfig(deps.db);
  const today = regionToday(config, deps.clock);
  const held = (await listSessions(deps.db, { to: today, instructorId: req.auth!.personId, limit: 500 })).filter((s) => !s.cancelledAt && s.registered > 0);
  const todo = [];
  for (const s of held.slice(-20)) {
    if (await hasUncreditedRegistration(deps.db, s.id)) todo.push(s);
  }
  if (!todo.length) return [];
  const catalog = catalogOf(config);
  return [
    {
      title: 'Classes to credit',
      order: 16,
      body: (
        <ul>
          {todo.map((s) => (
            <li>
              <a href={`/training/classes/${s.id}`}>{`${completionLabel(catalog, s.training, s.part)}, ${longDate(s.date)}`}</a>
            </li>
          ))}
        </ul>
      ),
    },
  ];
}

export async function trainingHome(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!req.auth) return [];
  return [...(await volunteerCard(req, deps)), ...(await registrarCard(req, deps)), ...(await instructorCard(req, deps))];
}
