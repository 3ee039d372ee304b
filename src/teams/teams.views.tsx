/** The Teams page: a coach's teams and offers; the board's divisions with their formation status. */
import type { ViewCtx } from '../platform/views/layout.js';
import { Csrf, Errors, Select, Table } from '../platform/views/components.js';
import type { MyOffer } from './assistants/assistants.service.js';
import type { RatingWindow } from './ratings/ratings.service.js';

export interface ProgramRow {
  label: string;
  href: string;
  players: number;
  status: string;
}

export interface TeamsHomeModel {
  seasonId: string;
  seasonName: string;
  seasons: { value: string; label: string }[];
  myTeams: { id: string; name: string; role: string }[];
  /** Holds a head or assistant coach role: the "Your teams" card shows even when empty. */
  isCoach: boolean;
  offers: MyOffer[];
  board: { rows: ProgramRow[]; window: RatingWindow; canForm: boolean; openAssistants: number; exportQuery: string } | null;
}

function Offers({ ctx, offers, errors }: { ctx: ViewCtx; offers: MyOffer[]; errors?: string[] }) {
  return (
    <section class="card" aria-labelledby="offers">
      <h2 id="offers">Offers to assist a team</h2>
      <Errors errors={errors} />
      <ul>
        {offers.map((o) => (
          <li>
            <p>{`${o.teamName}${o.headCoach ? `, head coach ${o.headCoach}` : ''}`}</p>
            <form method="post" action={`/teams/offers/${encodeURIComponent(o.id)}/accept`} class="inline">
              <Csrf token={ctx.csrf} />
              <button type="submit" aria-label={`Accept to assist ${o.teamName}`}>
                Accept
              </button>
            </form>
            <form method="post" action={`/teams/offers/${encodeURIComponent(o.id)}/decline`} class="inline">
              <Csrf token={ctx.csrf} />
              <button type="submit" class="secondary" aria-label={`Decline to assist ${o.teamName}`}>
                Decline
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Board({ ctx, m }: { ctx: ViewCtx; m: TeamsHomeModel }) {
  const b = m.board!;
  return (
    <>
      <Table caption={`Divisions of ${m.seasonName}`} head={['Division', 'Players', 'Teams', '']}>
        {b.rows.map((r) => (
          <tr>
            <td>{r.label}</td>
            <td>{r.players}</td>
            <td>{r.status}</td>
            <td>
              <a href={r.href} aria-label={`Open ${r.label}`}>
                Open
              </a>
            </td>
          </tr>
        ))}
      </Table>
      <section class="card" aria-labelledby="ratings">
        <h2 id="ratings">End-of-season ratings</h2>
        <p>
          {b.window.open
            ? `Coaches can rate their players now (open since ${b.window.openedAt!.slice(0, 10)}).`
            : b.window.closedAt
              ? `Closed on ${b.window.closedAt.slice(0, 10)}.`
              : 'Not opened yet this season.'}
        </p>
        {b.canForm ? (
          <form method="post" action="/teams/ratings-window">
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="season" value={m.seasonId} />
            <input type="hidden" name="open" value={b.window.open ? '0' : '1'} />
            <button type="submit" class={b.window.open ? 'secondary' : undefined}>
              {b.window.open ? 'Close ratings' : 'Open ratings to coaches'}
            </button>
          </form>
        ) : null}
      </section>
      <section class="card" aria-labelledby="all-exports">
        <h2 id="all-exports">Every published team</h2>
        <ul>
          <li>
            <a href={`/teams/export.csv?${b.exportQuery}`}>Team upload file (CSV) of the season</a>
          </li>
          <li>
            <a href={`/teams/print?${b.exportQuery}`}>Printable rosters of the season</a>
          </li>
          {b.canForm ? (
            <li>
              <a href={`/teams/assistants?${b.exportQuery}`}>{`Teams without an assistant coach (${b.openAssistants})`}</a>
            </li>
          ) : null}
        </ul>
      </section>
    </>
  );
}

export function TeamsHome({ ctx, m, errors }: { ctx: ViewCtx; m: TeamsHomeModel; errors?: string[] }) {
  return (
    <>
      <h1>Teams</h1>
      {m.offers.length ? <Offers ctx={ctx} offers={m.offers} errors={errors} /> : null}
      {m.isCoach || m.myTeams.length || !m.board ? (
        <section class="card" aria-labelledby="mine">
          <h2 id="mine">Your teams</h2>
          {m.myTeams.length ? (
            <ul>
              {m.myTeams.map((t) => (
                <li>
                  <a href={`/teams/${encodeURIComponent(t.id)}`}>{t.name}</a> ({t.role})
                </li>
              ))}
            </ul>
          ) : (
            <p>{`You coach no published team in ${m.seasonName}. Teams are formed by the coach administrator; you get a mail when yours is published.`}</p>
          )}
        </section>
      ) : null}
      {m.board ? (
        <>
          <form method="get" action="/teams" class="inline">
            <Select label="Season" name="season" value={m.seasonId} options={m.seasons} />
            <button type="submit" class="secondary">
              Show
            </button>
          </form>
          <Board ctx={ctx} m={m} />
        </>
      ) : null}
    </>
  );
}
