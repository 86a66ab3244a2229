/**
 * Downloads of the person's own data. Plain links to the export routes, which
 * check the session and scope every row to the person themselves; this
 * component reads nothing.
 */
export function ExportSection() {
  return (
    <section className="panel" aria-labelledby="export">
      <h2 id="export">Download your data</h2>
      <p>
        Every check-in you have submitted (not drafts): its date, your 30 answers, the three scores and their bands, and the
        wording the questions were shown with, with the ProQOL’s licence credit. The CSV and JSON files also hold your private
        notes; the FHIR file, made for loading into health-records systems, leaves them out.
      </p>
      <ul className="plain-list">
        <li>
          <a href="/account/export/csv" download>
            Download as CSV (spreadsheet)
          </a>
        </li>
        <li>
          <a href="/account/export/json" download>
            Download as JSON
          </a>
        </li>
        <li>
          <a href="/account/export/fhir" download>
            Download as FHIR R4 (health records)
          </a>
        </li>
      </ul>
    </section>
  );
}
