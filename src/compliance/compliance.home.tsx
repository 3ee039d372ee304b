import type { HomeCard } from '../platform/feature.js';
import type { ComplianceElement, MissingItem } from './compliance.rules.js';
import type { HomePersonSummary, HomeRole } from './compliance.service.js';
import { ELEMENTS, ELEMENT_TITLES, roleLabel } from './dashboard.rules.js';

/** Where a volunteer completes each element (pages of the volunteers and training features). */
const ELEMENT_LINKS: Record<ComplianceElement, { href: string; text: string }> = {
  1: { href: '/volunteer', text: 'Open your volunteer application' },
  2: { href: '/training', text: 'Open your trainings and classes' },
  3: { href: '/training', text: 'Open your trainings and classes' },
};

function MissingByElement({ missing }: { missing: readonly MissingItem[] }) {
  return (
    <>
      {ELEMENTS.map((e) => {
        const items = missing.filter((m) => m.element === e);
        if (!items.length) return null;
        return (
          <>
            <h3>{`${e}. ${ELEMENT_TITLES[e]}`}</h3>
            <ul>
              {items.map((m) => (
                <li>{m.message}</li>
              ))}
            </ul>
            <p>
              <a href={ELEMENT_LINKS[e].href}>{ELEMENT_LINKS[e].text}</a>
            </p>
          </>
        );
      })}
    </>
  );
}

const WAITING = "waiting for the board's decision";

function roleCard(r: HomeRole, seasonName: string, order: number): HomeCard {
  const name = `${roleLabel(r.role)}, ${r.division}${r.waiting ? ` (${WAITING})` : ''}`;
  if (r.waiting) {
    const title = `${name}: ${r.certified ? 'nothing missing' : 'still missing elements'}`;
    const body = r.certified ? (
      <p>
        You asked for this role on your application; it is {WAITING}. Application, safety trainings and age-level certification are complete for {seasonName}.
      </p>
    ) : (
      <>
        <p>
          You asked for this role on your application; it is {WAITING}. <span class="status-bad">Not certified</span> for {seasonName}. Still missing, by element:
        </p>
        <MissingByElement missing={r.missing} />
      </>
    );
    return { title, body, order };
  }
  const title = `${name}: ${r.certified ? 'certified' : 'not certified yet'}`;
  const body = r.certified ? (
    <p>
      <span class="status-ok">Certified</span> for {seasonName}: application, safety trainings and age-level certification are complete.
    </p>
  ) : (
    <>
      <p>
        <span class="status-bad">Not certified</span> for {seasonName}. Still missing, by element:
      </p>
      <MissingByElement missing={r.missing} />
    </>
  );
  return { title, body, order };
}

/** The home page cards: one per division role held or waiting for the board this season, and what expires soon. */
export function homeCards(seasonName: string, s: HomePersonSummary): HomeCard[] {
  const cards = s.roles.map((r, i) => roleCard(r, seasonName, 10 + i / 100));
  if (s.expiringSoon.length) {
    cards.push({
      title: 'Trainings expiring soon',
      order: 11,
      body: (
        <>
          <ul>
            {s.expiringSoon.map((x) => (
              <li>{`${x.name} expires on ${x.expiresOn}: complete it again before then.`}</li>
            ))}
          </ul>
          <p>
            <a href="/training">Open your trainings and classes</a>
          </p>
        </>
      ),
    });
  }
  return cards;
}
