import { PrintButton } from '@/components/ui/PrintButton';

/**
 * What a dashboard offers to take to a meeting: the figures as CSV, and the
 * page printed (or saved as PDF) in its print layout. Neither is printed.
 */
export function ReportTools({ csvHref }: { csvHref: string }) {
  return (
    <div className="report-tools print-hidden">
      <PrintButton fallback="To print this page or save it as a PDF, use your browser’s Print command: the navigation and buttons are left out." />
      <a href={csvHref} download className="button button--secondary">
        Download these figures (CSV)
      </a>
    </div>
  );
}

/**
 * The first lines of a printed dashboard, and only of a printed one: whose
 * figures, and when they were printed (a day in the organisation's zone).
 * The page's own heading and text say the rest once.
 */
export function PrintHeading({ organisation, printedOn }: { organisation: string; printedOn: string }) {
  return (
    <p className="print-only report-heading">
      {organisation} · Tend dashboard, printed on {printedOn}
    </p>
  );
}
