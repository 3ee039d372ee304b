import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors, Table } from '../../platform/views/components.js';
import { longDate } from '../../training/index.js';
import type { QueuedPhoto } from '../badges.store.js';
import type { PrintRun } from '../print/runs.store.js';
import { KIND_LABELS, when } from './board.views.js';

/** The board's photo approval queue and the page of one print run. */

export interface QueueState {
  photoId?: string;
  errors?: string[];
  reason?: string;
}

export function PhotoQueueView({ ctx, photos, state }: { ctx: ViewCtx; photos: QueuedPhoto[]; state: QueueState }) {
  return (
    <>
      <h1>Badge photos to check</h1>
      <p>
        {photos.length ? `${photos.length} waiting, oldest first.` : 'No photo is waiting.'} Approve a photo that shows the coach's face clearly; reject it with a reason the coach
        reads otherwise.
      </p>
      {state.errors && !state.photoId ? <Errors errors={state.errors} /> : null}
      {photos.map((p) => {
        const name = `${p.firstName} ${p.lastName}`.trim();
        const mine = state.photoId === p.id;
        return (
          <section class="card" aria-labelledby={`ph-${p.id}`}>
            <h2 id={`ph-${p.id}`}>{name}</h2>
            <img src={`/badges/photos/${p.id}/image`} width={150} height={200} alt={`Photo uploaded by ${name}`} />
            <p class="hint">Uploaded {when(p.uploadedAt)}</p>
            {mine ? <Errors errors={state.errors} /> : null}
            <form method="post" action={`/badges/photos/${p.id}/decision`} class="inline">
              <Csrf token={ctx.csrf} />
              <input type="hidden" name="decision" value="approve" />
              <button type="submit">Approve {name}</button>
            </form>
            <form method="post" action={`/badges/photos/${p.id}/decision`} class="inline">
              <Csrf token={ctx.csrf} />
              <input type="hidden" name="decision" value="reject" />
              <label for={`reason-${p.id}`}>
                Reason for rejecting
                <input id={`reason-${p.id}`} name="reason" maxLength={300} value={mine ? (state.reason ?? '') : ''} />
              </label>
              <button type="submit" class="secondary">
                Reject {name}
              </button>
            </form>
          </section>
        );
      })}
      <p>
        <a href="/badges/board">Back to coach badges</a>
      </p>
    </>
  );
}

export interface RunProps {
  run: PrintRun;
  items: { name: string; roles: string; note: string | null }[];
}

export function RunView({ ctx, p }: { ctx: ViewCtx; p: RunProps }) {
  return (
    <>
      <h1>Print run of {longDate(p.run.printedAt.slice(0, 10))}</h1>
      <p>
        {KIND_LABELS[p.run.kind]}: {p.run.badgeCount} badge{p.run.badgeCount === 1 ? '' : 's'}, printed by {p.run.printedByName} on {when(p.run.printedAt)}.
        {p.run.reprintOf ? (
          <>
            {' '}
            Reprint of <a href={`/badges/runs/${p.run.reprintOf}`}>an earlier run</a>.
          </>
        ) : null}
      </p>
      <p>
        <a class="button" href={`/badges/runs/${p.run.id}/sheet.pdf`}>
          Download the print sheet (PDF)
        </a>
      </p>
      <p class="hint">Print at actual size (100 %, no "fit to page") on letter paper, then cut along the crop marks.</p>
      <form method="post" action={`/badges/runs/${p.run.id}/reprint`}>
        <Csrf token={ctx.csrf} />
        <button type="submit" class="secondary">
          Print these badges again
        </button>
      </form>
      <Table caption="Badges of this run, in sheet order" head={['#', 'Coach', 'Roles', 'Now']}>
        {p.items.map((i, n) => (
          <tr>
            <td>{n + 1}</td>
            <td>{i.name}</td>
            <td>{i.roles}</td>
            <td>{i.note ?? 'current'}</td>
          </tr>
        ))}
      </Table>
      <p>
        <a href="/badges/board">Back to coach badges</a>
      </p>
    </>
  );
}
