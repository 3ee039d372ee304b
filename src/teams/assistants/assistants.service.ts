/**
 * Assistant coaches are found after teams are formed (spec "Team formation"): published teams
 * without an assistant are listed; the coach administrator assigns an assistant-coach volunteer of
 * the division, or offers them the team to accept or decline. No player ever moves for it: an
 * assistant's own child stays where the draw put them.
 */
import { newId } from '../../platform/clock.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import type { Auth } from '../../platform/http/access.js';
import { findTeam, type TeamRow } from '../teams.store.js';
import { addStaff, nameOf, publishedTeams, staffOf } from '../staff.store.js';
import {
  activePerson,
  answerOfferRow,
  assistantCoachGrant,
  assistantCoachGrantees,
  findOffer,
  insertOffer,
  openOffer,
  openOffersOfTeams,
  openOffersTo,
  teamCoachedInSeason,
  teamsAssistedBy,
  withdrawOpenOffers,
} from './assistants.store.js';

export interface OpenTeam {
  id: string;
  division: string;
  program: string;
  name: string;
  headCoach: string | null;
  /** Volunteers with an open offer for this team. */
  offered: { offerId: string; personId: string; name: string }[];
}

export interface AssistantVolunteer {
  personId: string;
  name: string;
  email: string | null;
  /** The team they already assist this season, if any. */
  team: string | null;
}

/** Published teams of a season without an assistant coach, with open offers. */
export async function teamsWithoutAssistant(db: Db, seasonId: string, division?: string): Promise<OpenTeam[]> {
  const teams = await publishedTeams(db, seasonId, division ? { division } : {});
  const staff = await staffOf(
    db,
    teams.map((t) => t.id),
  );
  const open = teams.filter((t) => !(staff.get(t.id) ?? []).some((s) => s.role === 'assistant-coach'));
  const offers = open.length
    ? await openOffersOfTeams(
        db,
        open.map((t) => t.id),
      )
    : [];
  return open.map((t) => {
    const head = (staff.get(t.id) ?? []).find((s) => s.role === 'head-coach');
    return {
      id: t.id,
      division: t.division,
      program: t.program,
      name: t.name,
      headCoach: head ? nameOf(head) : null,
      offered: offers.filter((o) => o.team_id === t.id).map((o) => ({ offerId: o.id, personId: o.person_id, name: `${o.first_name} ${o.last_name}` })),
    };
  });
}

/** Assistant-coach volunteers of a division this season, with the team they assist if any. */
export async function assistantVolunteers(db: Db, seasonId: string, division: string): Promise<AssistantVolunteer[]> {
  const people = await assistantCoachGrantees(db, seasonId, division);
  const ids = people.map((p) => p.id);
  const teams = ids.length ? await teamsAssistedBy(db, seasonId, ids) : [];
  const teamOf = new Map(teams.map((t) => [t.person_id, t.name]));
  return people
    .map((p) => ({ personId: p.id, name: `${p.first_name} ${p.last_name}`, email: p.email, team: teamOf.get(p.id) ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.email ?? '').localeCompare(b.email ?? '', 'en') || (a.personId < b.personId ? -1 : 1));
}

async function checkVolunteer(db: Db, team: TeamRow, personId: string): Promise<{ first_name: string; last_name: string; email: string | null }> {
  if (!team.published) throw new AppError('NOT_FOUND', 'That team is not published yet.');
  const grant = await assistantCoachGrant(db, personId, team.seasonId, team.division);
  const person = await activePerson(db, personId);
  if (!grant || !person) throw new AppError('VALIDATION', `Only an assistant-coach volunteer of ${team.division} this season can assist ${team.name}.`);
  const already = await teamCoachedInSeason(db, personId, team.seasonId);
  if (already) throw new AppError('CONFLICT', `${person.first_name} ${person.last_name} already coaches ${already.name} this season.`);
  return person;
}

async function teamOrFail(db: Db, teamId: string): Promise<TeamRow> {
  const team = await findTeam(db, teamId);
  if (!team) throw new AppError('NOT_FOUND', 'That team was not found.');
  return team;
}

/** Makes a volunteer an assistant coach of a team at once (coach administrator; audited; both coaches told). */
export async function assignAssistant(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>, actor: Actor, teamId: string, personId: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const team = await teamOrFail(trx, teamId);
    const person = await checkVolunteer(trx, team, personId);
    await addStaff(trx, [{ team_id: teamId, person_id: personId, role: 'assistant-coach', added_at: at }]);
    await withdrawOpenOffers(trx, personId, at);
    await recordAudit(trx, {
      actor,
      at,
      action: 'team.assistant',
      entity: 'team',
      entityId: teamId,
      after: { personId, name: `${person.first_name} ${person.last_name}`, team: team.name },
    });
    if (person.email)
      await deps.mailer.queue(trx, {
        to: person.email,
        subject: `You assist ${team.name}`,
        text: `Hello ${person.first_name},\n\nThe coach administrator made you an assistant coach of ${team.name}.\nYour roster: ${deps.config.baseUrl}/teams/${encodeURIComponent(teamId)}`,
        kind: 'teams-assistant-assigned',
      });
  });
}

/** Offers a team to an assistant-coach volunteer (coach administrator; audited; the volunteer is mailed). */
export async function offerAssistant(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>, actor: Actor, teamId: string, personId: string): Promise<string> {
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const team = await teamOrFail(trx, teamId);
    const person = await checkVolunteer(trx, team, personId);
    const open = await openOffer(trx, teamId, personId);
    if (open) throw new AppError('CONFLICT', `${person.first_name} ${person.last_name} already has an offer for ${team.name}.`);
    const id = newId();
    await insertOffer(trx, { id, team_id: teamId, person_id: personId, status: 'offered', offered_at: at, offered_by: actor.id, answered_at: null });
    await recordAudit(trx, { actor, at, action: 'team.assistant-offer', entity: 'team', entityId: teamId, after: { offerId: id, personId, team: team.name } });
    if (person.email)
      await deps.mailer.queue(trx, {
        to: person.email,
        subject: `Would you assist ${team.name}?`,
        text: `Hello ${person.first_name},\n\nThe coach administrator offers you to be an assistant coach of ${team.name}. Accept or decline on your Teams page: ${deps.config.baseUrl}/teams`,
        kind: 'teams-assistant-offer',
      });
    return id;
  });
}

export interface MyOffer {
  id: string;
  teamId: string;
  teamName: string;
  headCoach: string | null;
  offeredAt: string;
}

/** Open offers to a person. */
export async function offersFor(db: Db, personId: string): Promise<MyOffer[]> {
  const rows = await openOffersTo(db, personId);
  const staff = await staffOf(
    db,
    rows.map((r) => r.team_id),
  );
  return rows.map((r) => {
    const head = (staff.get(r.team_id) ?? []).find((s) => s.role === 'head-coach');
    return { id: r.id, teamId: r.team_id, teamName: r.name, headCoach: head ? nameOf(head) : null, offeredAt: r.offered_at };
  });
}

/** The volunteer accepts (joins the team's staff; players stay where they are) or declines an offer. */
export async function answerOffer(
  deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>,
  auth: Auth | null,
  offerId: string,
  accept: boolean,
): Promise<{ teamId: string; teamName: string }> {
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Log in first.');
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const offer = await findOffer(trx, offerId);
    if (!offer || offer.person_id !== auth.personId) throw new AppError('NOT_FOUND', 'That offer was not found.');
    if (offer.status !== 'offered') throw new AppError('CONFLICT', `This offer was already ${offer.status}.`);
    const team = await teamOrFail(trx, offer.team_id);
    if (accept) {
      await checkVolunteer(trx, team, auth.personId);
      await addStaff(trx, [{ team_id: team.id, person_id: auth.personId, role: 'assistant-coach', added_at: at }]);
      await withdrawOpenOffers(trx, auth.personId, at, offerId);
    }
    await answerOfferRow(trx, offerId, accept ? 'accepted' : 'declined', at);
    const head = (await staffOf(trx, [team.id])).get(team.id)?.find((s) => s.role === 'head-coach');
    if (head?.email) {
      const text = `Hello ${head.firstName},\n\n${auth.name} ${accept ? 'accepted' : 'declined'} to be an assistant coach of ${team.name}.${accept ? `\nYour roster: ${deps.config.baseUrl}/teams/${encodeURIComponent(team.id)}` : ''}`;
      await deps.mailer.queue(trx, { to: head.email, subject: `Assistant coach ${accept ? 'joined' : 'declined'}: ${team.name}`, text, kind: 'teams-assistant-answer' });
    }
    return { teamId: team.id, teamName: team.name };
  });
}
