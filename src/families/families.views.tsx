/** The family page: one card per child, with their team, coaches, practices, games and notices. */
import type { ViewCtx } from '../platform/views/layout.js';
import { Csrf, Errors, Table } from '../platform/views/components.js';
import { FeedLinks } from '../practice/index.js';
import { renderMarkdown } from '../site/index.js';
import type { ChildTeam, ChildView, FamilyView } from './families.service.js';

/** A date as people read it on a phone: "Tue, Sep 22". */
export const shortDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' });

const roleLabel = (role: string) => (role === 'head-coach' ? 'head coach' : 'assistant coach');

export interface ContactState {
  playerId: string;
  values?: { message?: string };
  errors?: string[];
}

export function FamilyPage({ ctx, view, email, contact }: { ctx: ViewCtx; view: FamilyView; email: string; contact?: ContactState }) {
  return (
    <>
      <h1>Your children{view.seasonName ? `, ${view.seasonName}` : ''}</h1>
      {view.children.length === 0 ? (
        <section class="card" id="no-children">
          <h2>No child found for {email}</h2>
          <p>
            No player registered this season names <strong>{email}</strong> as a parent or guardian. If your child is registered, the registration may carry another email address:
            log in with that one, or ask the registrar to correct it through the <a href="/contact">contact page</a>.
          </p>
        </section>
      ) : (
        view.children.map((c) => <ChildCard ctx={ctx} child={c} contact={contact?.playerId === c.playerId ? contact : undefined} />)
      )}
    </>
  );
}

function ChildCard({ ctx, child, contact }: { ctx: ViewCtx; child: ChildView; contact?: ContactState | undefined }) {
  return (
    <section class="card" id={`child-${child.playerId}`} aria-labelledby={`child-h-${child.playerId}`}>
      <h2 id={`child-h-${child.playerId}`}>
        {child.firstName} {child.lastName}
      </h2>
      <p>
        {child.division}
        {child.team ? (
          <>
            {' '}
            · <strong>{child.team.name}</strong>
          </>
        ) : null}
      </p>
      {child.team ? (
        <TeamParts ctx={ctx} child={child} team={child.team} contact={contact} />
      ) : (
        <p>Not on a team yet. You will get a mail when the teams of {child.division} are published.</p>
      )}
    </section>
  );
}

function TeamParts({ ctx, child, team, contact }: { ctx: ViewCtx; child: ChildView; team: ChildTeam; contact?: ContactState | undefined }) {
  return (
    <>
      <h3>Coaches</h3>
      {team.coaches.length ? (
        <ul>
          {team.coaches.map((k) => (
            <li>
              {k.name}, {roleLabel(k.role)}
            </li>
          ))}
        </ul>
      ) : (
        <p>No coach named yet.</p>
      )}
      {team.coaches.length ? <CoachForm ctx={ctx} child={child} contact={contact} /> : null}
      <h3>Practices</h3>
      {team.practices.length ? (
        <>
          <ul>
            {team.practices.map((p) => (
              <li>
                {p.day}s {p.start}-{p.end}, {p.field.name}
                {p.field.address ? ` (${p.field.address})` : ''}
                {p.next ? <span class="hint">Next: {shortDate(p.next)}</span> : null}
              </li>
            ))}
          </ul>
          {team.feedUrl ? <FeedLinks url={team.feedUrl} what="the practices" /> : null}
        </>
      ) : (
        <p>The coaches have not booked practice fields yet. You will get a mail when a practice moves.</p>
      )}
      <h3>Upcoming games</h3>
      {team.games.length ? (
        <Table caption={`Upcoming games of ${team.name}`} hideCaption head={['Date', 'Time', 'Opponent', 'Field']}>
          {team.games.map((g) => (
            <tr>
              <td>{shortDate(g.date)}</td>
              <td>{g.time}</td>
              <td>
                {g.opponent.name}
                {g.home ? '' : ' (away)'}
              </td>
              <td>{g.field.name}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>No game scheduled yet.</p>
      )}
      {team.teammates ? (
        <>
          <h3>Teammates</h3>
          <p>{team.teammates.join(', ')}</p>
        </>
      ) : null}
      <h3>Notices for the families</h3>
      {team.notices.length ? (
        team.notices.map((n) => (
          <article class="notice">
            <h4>{n.subject}</h4>
            <p class="hint">
              {n.senderName}, {shortDate(n.sentAt.slice(0, 10))}
            </p>
            <div dangerouslySetInnerHTML={{ __html: renderMarkdown(n.markdown) }} />
          </article>
        ))
      ) : (
        <p>No notice from the team yet.</p>
      )}
    </>
  );
}

function CoachForm({ ctx, child, contact }: { ctx: ViewCtx; child: ChildView; contact?: ContactState | undefined }) {
  // One form per child on the page: each field's id names the child.
  const id = `message-${child.playerId}`;
  return (
    <details open={!!contact}>
      <summary>Write to the coaches</summary>
      <form method="post" action={`/family/children/${encodeURIComponent(child.playerId)}/contact`}>
        <Csrf token={ctx.csrf} />
        <Errors errors={contact?.errors} />
        <div class="field">
          <label for={id}>
            Your message<span aria-hidden="true"> *</span>
          </label>
          <textarea id={id} name="message" rows={4} required maxLength={5000} aria-describedby={`${id}-hint`}>
            {contact?.values?.message ?? ''}
          </textarea>
          <small id={`${id}-hint`} class="hint">
            The coaches get your name and email to answer you; their addresses stay hidden.
          </small>
        </div>
        <button type="submit">Send to the coaches</button>
      </form>
    </details>
  );
}
