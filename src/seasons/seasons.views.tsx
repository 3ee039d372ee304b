/** The "Start the next season" page and the offer card of a person's home page. */
import type { ViewCtx } from '../platform/views/layout.js';
import { Csrf, Errors, Table } from '../platform/views/components.js';
import { ROLE_LABELS, type Role } from '../platform/roles.js';
import type { PreviewJson } from './seasons.schemas.js';
import type { OfferView } from './seasons.service.js';

const roleCell = (role: string) => ROLE_LABELS[role as Role] ?? role;

function Lists({ p, done }: { p: PreviewJson; done: boolean }) {
  return (
    <>
      <section class="card" aria-labelledby="offers-h">
        <h2 id="offers-h">
          {p.offers.length} role(s) {done ? 'offered' : 'to offer'} again
        </h2>
        <p class="hint">
          Each person {done ? 'was' : 'is'} mailed and answers with one click on their home page; accepting grants the role for {p.to?.name}.
        </p>
        {p.offers.length ? (
          <Table caption="Roles offered again" head={['Name', 'Role', 'Division']}>
            {p.offers.map((o) => (
              <tr>
                <td>{o.name}</td>
                <td>{roleCell(o.role)}</td>
                <td>{o.division || '-'}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>
            Nobody coached in {p.from?.name}, or everyone holds their role for {p.to?.name} already.
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="windows-h">
        <h2 id="windows-h">
          {p.windows.length} practice window(s) {done ? 'carried over' : 'to carry over'} as drafts
        </h2>
        <p class="hint">
          Drafts are not bookable: adjust them on <a href={`/practice/admin?season=${encodeURIComponent(p.to?.id ?? '')}`}>practice set-up</a>, then publish them.
        </p>
        {p.windows.length ? (
          <Table caption="Practice windows carried over" head={['Window', 'From', 'To (draft)']}>
            {p.windows.map((w) => (
              <tr>
                <td>{w.window}</td>
                <td>{w.from}</td>
                <td>{w.to}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>No practice window to carry over.</p>
        )}
      </section>
      <section class="card" aria-labelledby="stays-h">
        <h2 id="stays-h">What stays</h2>
        <ul>
          {p.stays.map((s) => (
            <li>{s}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function NextSeasonPage({ ctx, p, errors }: { ctx: ViewCtx; p: PreviewJson; errors?: string[] }) {
  return (
    <>
      <h1>Start the next season</h1>
      <Errors errors={errors} />
      <p id="next-season-state">{p.message}</p>
      {p.state === 'no-next' ? (
        <p>
          <a href="/admin/region">Set the seasons in the region's configuration</a>
        </p>
      ) : null}
      {p.state === 'ready' || p.state === 'started' ? <Lists p={p} done={p.state === 'started'} /> : null}
      {p.state === 'ready' ? (
        <form method="post" action="/seasons/next/start">
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="seasonId" value={p.to!.id} />
          <button type="submit">Start {p.to!.name}</button>
        </form>
      ) : null}
    </>
  );
}

/** One offer on the home page: the question and one-click answers (htmx swaps in the outcome). */
/** Accept and Decline are plain form posts (a redirect home with a message), answered in place with htmx. */
export function OfferCard({ o, csrf }: { o: OfferView; csrf: string }) {
  const id = `offer-${o.id}`;
  const url = (verb: string) => `/me/role-offers/${encodeURIComponent(o.id)}/${verb}`;
  return (
    <div id={id}>
      <p>{o.question}</p>
      <div class="actions">
        <form class="inline" method="post" action={url('accept')} hx-post={url('accept')} hx-target={`#${id}`} hx-swap="outerHTML">
          <Csrf token={csrf} />
          <button type="submit">Accept</button>
        </form>{' '}
        <form class="inline" method="post" action={url('decline')} hx-post={url('decline')} hx-target={`#${id}`} hx-swap="outerHTML">
          <Csrf token={csrf} />
          <button type="submit" class="secondary">
            Decline
          </button>
        </form>
      </div>
    </div>
  );
}

export function OfferAnswered({ id, text }: { id: string; text: string }) {
  return (
    <div id={`offer-${id}`} role="status">
      <p>{text}</p>
    </div>
  );
}
