/** The import page: the CSV upload form and the report of what landed and what did not. */
import type { RowError } from '../../platform/csv.js';
import { Errors, Table } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/views/layout.js';
import { uploadAction } from '../../platform/http/uploads.js';
import type { ImportReport } from './import.service.js';

function Problems({ caption, list }: { caption: string; list: RowError[] }) {
  if (!list.length) return null;
  return (
    <Table caption={caption} head={['Line', 'Problem']}>
      {list.map((e) => (
        <tr>
          <td>{e.row}</td>
          <td>{e.message}</td>
        </tr>
      ))}
    </Table>
  );
}

export function ImportPage({ ctx, report, fileName, errors }: { ctx: ViewCtx; report?: ImportReport; fileName?: string; errors?: string[] }) {
  return (
    <>
      <h1>Import certifications</h1>
      <p>
        Upload the CSV export of the older certification system (columns AYSO ID, First Name, Last Name, Email, DOB, Certification, Completed). Lines are matched to people by
        email, then by name and date of birth. Good lines are recorded, the others are listed below with their line number; importing the same file again adds nothing.
      </p>
      <Errors errors={errors} />
      <form method="post" action={uploadAction('/training/import', ctx.csrf)} enctype="multipart/form-data" class="card">
        <label for="f-file">
          CSV file
          <input id="f-file" name="file" type="file" required accept=".csv,.txt,.tsv,text/csv,text/plain" />
        </label>
        <button type="submit">Import</button>
      </form>
      {report ? (
        <section aria-labelledby="result">
          <h2 id="result">Result{fileName ? ` for ${fileName}` : ''}</h2>
          <ul role="status">
            <li>{`${report.added} added (${report.completionsAdded} completions)`}</li>
            <li>{`${report.alreadyPresent} already present`}</li>
            <li>{`${report.unmatched.length} unmatched`}</li>
            <li>{`${report.unknownTraining.length} unknown training`}</li>
            {report.invalid.length ? <li>{`${report.invalid.length} with other problems`}</li> : null}
          </ul>
          <Problems caption="Lines that match nobody" list={report.unmatched} />
          <Problems caption="Lines with a training Touchline does not track" list={report.unknownTraining} />
          <Problems caption="Lines with other problems" list={report.invalid} />
        </section>
      ) : null}
    </>
  );
}
