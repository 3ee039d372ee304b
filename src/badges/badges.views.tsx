import type { ViewCtx } from '../platform/views/layout.js';
import { Errors } from '../platform/views/components.js';
import { ROLE_LABELS, isRole } from '../platform/roles.js';
import type { RoleInDivision } from '../compliance/index.js';
import { longDate } from '../training/index.js';
import { uploadAction } from '../platform/http/uploads.js';
import { PHOTO_CODES, type PhotoState } from './badges.rules.js';
import type { CoachBadge } from './badges.service.js';
import type { BadgeCheck } from './validity.service.js';

/** The coach's pages: their badge (ready or what is missing) and the photo upload. */

export const roleText = (r: RoleInDivision) => `${isRole(r.role) ? ROLE_LABELS[r.role] : r.role}, ${r.division}`;

export function PhotoStatusText({ photo }: { photo: PhotoState | null }) {
  if (!photo) return <span class="status-bad">No photo yet</span>;
  if (photo.status === 'approved') return <span class="status-ok">Approved</span>;
  if (photo.status === 'pending') return <span class="status-warn">Waiting for approval</span>;
  return (
    <>
      <span class="status-bad">Rejected</span>
      {photo.reason ? `: ${photo.reason}` : ''}
    </>
  );
}

function BadgeCard({ c, check }: { c: CoachBadge; check: BadgeCheck | null }) {
  if (!c.eligibility.eligible) {
    return (
      <section class="card" aria-labelledby="badge-h">
        <h2 id="badge-h">Your badge: not ready yet</h2>
        <p>
          <span class="status-bad">Not ready</span>: a badge is printed once you are certified for every coaching role and your photo is approved. Still missing:
        </p>
        <ul>
          {c.eligibility.missing.map((m) => (
            <li>{m.message}</li>
          ))}
        </ul>
        {c.eligibility.missing.some((m) => m.code !== PHOTO_CODES.missing && m.code !== PHOTO_CODES.pending && m.code !== PHOTO_CODES.rejected) ? (
          <p>
            <a href="/training">Open your trainings</a> · <a href="/volunteer">Open your volunteer application</a>
          </p>
        ) : null}
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="badge-h">
      <h2 id="badge-h">Your badge: ready</h2>
      <p>
        <span class="status-ok">Ready</span>: {c.facts!.roles.map(roleText).join('; ')}.
      </p>
      {c.current?.printedAt ? (
        <p>The region printed your badge on {longDate(c.current.printedAt.slice(0, 10))}: pick it up from the coach administrator.</p>
      ) : (
        <p>The coach administrator prints the badges; you can also print yours.</p>
      )}
      {check && !check.valid ? <p class="status-bad">Your printed badge is no longer valid{check.since ? ` since ${longDate(check.since)}` : ''}: print the new one.</p> : null}
      <p>
        <a class="button" href={`/badges/badge.pdf?season=${encodeURIComponent(c.season.id)}`}>
          Download your badge (PDF)
        </a>
      </p>
    </section>
  );
}

export function CoachBadgeView({ c, check }: { c: CoachBadge; check: BadgeCheck | null }) {
  return (
    <>
      <h1>Your coach badge</h1>
      <p>
        Season: <strong>{c.season.name}</strong>. Wear the badge at every game: referees and families scan its code to see that you are a certified coach.
      </p>
      <BadgeCard c={c} check={check} />
      <section class="card" aria-labelledby="photo-h">
        <h2 id="photo-h">Your badge photo</h2>
        {c.photo ? <img src={`/badges/photos/${c.photo.id}/image`} width={150} height={200} alt="Your badge photo" /> : null}
        <p>
          Photo: <PhotoStatusText photo={c.photo} />
        </p>
        <p>
          <a class="button secondary" href="/badges/photo">
            {c.photo ? 'Upload a new photo' : 'Upload your photo'}
          </a>
        </p>
      </section>
    </>
  );
}

export function PhotoUploadView({ ctx, errors }: { ctx: ViewCtx; errors?: string[] }) {
  return (
    <section class="narrow">
      <h1>Your badge photo</h1>
      <p>Take a photo of your face looking at the camera, in good light, against a plain background; no sunglasses or hat. It is cropped to a portrait for the badge.</p>
      <p class="hint">
        JPEG, PNG or WebP, up to 10 MB. Location, camera and every other detail stored in the photo file are removed. The coach administrator checks the photo before it is printed.
      </p>
      <Errors errors={errors} />
      <form method="post" action={uploadAction('/badges/photo', ctx.csrf)} enctype="multipart/form-data">
        <div class="field">
          <label for="f-file">Photo</label>
          <input id="f-file" type="file" name="file" accept="image/*" capture="user" required aria-describedby="f-file-hint" />
          <small id="f-file-hint" class="hint">
            On a phone this opens the front camera.
          </small>
        </div>
        <button type="submit">Upload photo</button>
      </form>
      <p>
        <a href="/badges">Back to your badge</a>
      </p>
    </section>
  );
}
