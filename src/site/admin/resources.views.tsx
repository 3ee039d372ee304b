import type { ViewCtx } from '../../platform/views/layout.js';
import { Csrf, Errors, Input, Select, Table } from '../../platform/views/components.js';
import { uploadAction } from '../../platform/http/uploads.js';
import { RESOURCE_CATEGORIES } from '../site.rules.js';
import type { Resource } from '../site.store.js';
import { resourceHref } from '../live-parts.views.js';

/** The region administrator's list of coach resources, with the form to add one (a link or an upload). */
export interface ResourceFormState {
  values?: Record<string, string>;
  errors?: string[];
}

export function ResourcesAdminView({ ctx, resources, state }: { ctx: ViewCtx; resources: Resource[]; state: ResourceFormState }) {
  const v = state.values ?? {};
  return (
    <>
      <h1>Coach resources</h1>
      <p>
        Listed on <a href="/coaches/resources">the resources page</a> for everyone. Upload a PDF, JPEG or PNG (up to 10 MB), or give a link (a video, say).
      </p>
      <form method="post" action={uploadAction('/admin/site/resources', ctx.csrf)} enctype="multipart/form-data" class="card">
        <h2>Add a resource</h2>
        <Errors errors={state.errors} />
        <Select label="Kind" name="category" value={v.category ?? 'practice-plan'} options={Object.entries(RESOURCE_CATEGORIES).map(([value, label]) => ({ value, label }))} />
        <Input label="Title" name="title" value={v.title} required />
        <Input label="Note (optional)" name="note" value={v.note} hint="A few words shown under the title: which division, which meeting..." />
        <Input label="Link" name="url" type="url" value={v.url} hint="A full address starting with https://. Leave it empty when you upload a file." />
        <label for="f-file">
          File
          <input id="f-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" aria-describedby="f-file-hint" />
        </label>
        <small id="f-file-hint" class="hint">
          PDF, JPEG or PNG, up to 10 MB. Leave it empty when you give a link.
        </small>
        <p>
          <button type="submit">Add the resource</button>
        </p>
      </form>
      <Table caption="Listed resources" head={['Resource', 'Kind', 'Added', '']}>
        {resources.map((r) => (
          <tr>
            <td>
              <a href={resourceHref(r)}>{r.title}</a>
            </td>
            <td>{RESOURCE_CATEGORIES[r.category as keyof typeof RESOURCE_CATEGORIES] ?? r.category}</td>
            <td>{r.createdAt.slice(0, 10)}</td>
            <td>
              <form method="post" action={`/admin/site/resources/${encodeURIComponent(r.id)}/remove`}>
                <Csrf token={ctx.csrf} />
                <button type="submit" class="link" aria-label={`Remove ${r.title}`}>
                  Remove
                </button>
              </form>
            </td>
          </tr>
        ))}
      </Table>
      {resources.length ? null : <p>No resources yet.</p>}
    </>
  );
}
