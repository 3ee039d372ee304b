/** The registrar's volunteer import page: the upload form and the report of what the import did. */
import { Errors, Table } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/views/layout.js';
import { uploadAction } from '../../platform/http/uploads.js';
import type { ImportSummary } from './import-plan.rules.js';

export interface ImportPageModel {
  seasons: { id: string; name: string }[];
  summary?: ImportSummary;
  fileName?: string;
  errors?: string[];
  season?: string;
}

function Report({ summary, fileName }: { summary: ImportSummary; fileName?: string }) {
  return (
    <section aria-labelledby="result">
      <h2 id="result">Result{fileName ? ` for ${fileName}` : ''}</h2>
      <div role="status">
        <ul>
          <li>{`${summary.created} people created`}</li>
          <li>{`${summary.updated} people updated`}</li>
          <li>{`${summary.unchanged} people unchanged`}</li>
          <li>{`${summary.skipped.length} lines skipped`}</li>
        </ul>
      </div>
      {summary.skipped.length ? (
        <Table caption="Lines left out" head={['Line', 'Reason']}>
          {summary.skipped.map((s) => (
            <tr>
              <td>{s.row}</td>
              <td>{s.reason}</td>
            </tr>
          ))}
        </Table>
      ) : null}
    </section>
  );
}

export function VolunteerImportPage({ ctx, m }: { ctx: ViewCtx; m: ImportPageModel }) {
  return (
    <>
      <h1>Import volunteers</h1>
      <p>
        Upload the volunteer export of the association's registration system (CSV or tab-separated, one line per role, with the columns AYSO Volunteer ID, Volunteer First Name,
        Volunteer Last Name, Volunteer Date Of Birth, Volunteer Role, Division Name and Program Name or Application Date). People are matched by volunteer id, then email, then name
        and date of birth; new people are created and each role lands on their season's application, marked as imported: compliance still asks each adult for the social security
        number and signature. Importing the same file again changes nothing.
      </p>
      <Errors errors={m.errors} />
      <form method="post" action={uploadAction('/people/import', ctx.csrf)} enctype="multipart/form-data" class="card">
        <label for="f-file">
          Volunteer export
          <input id="f-file" name="file" type="file" required accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values" />
        </label>
        <label for="f-season">
          Season
          <select id="f-season" name="season">
            <option value="">From each line (Program Name or Application Date)</option>
            {m.seasons.map((s) => (
              <option value={s.id} selected={m.season === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Import</button>
      </form>
      {m.summary ? <Report summary={m.summary} fileName={m.fileName} /> : null}
    </>
  );
}
