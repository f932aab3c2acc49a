/**
 * Tables and CSV downloads for the map and indicator pages. One column list serves both:
 * the page shows German formats and links, the CSV keeps numbers as numbers (download.ts:
 * `;`, decimal comma, UTF-8 with BOM, formulas neutralised). Every chart gets its data as a
 * table (in a <details>, the chart's table view) and as a file.
 */
import {downloadButton, germanCsv, type CsvCell} from "./download.js";

export interface TableColumn<T> {
  /** Header on the page and in the CSV. */
  label: string;
  /** The CSV cell: numbers stay numbers, null stays empty. */
  csv: (row: T) => CsvCell;
  /** The page cell (default: the CSV cell as text). */
  html?: (row: T) => string | Node;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Only in the CSV (ids, flags as codes). */
  csvOnly?: boolean;
  /** Only on the page. */
  pageOnly?: boolean;
}

export function tableCsv<T>(rows: readonly T[], columns: readonly TableColumn<T>[]): string {
  const cols = columns.filter((c) => !c.pageOnly);
  return germanCsv(
    cols.map((c) => c.label),
    rows.map((r) => cols.map((c) => c.csv(r)))
  );
}

/** A button that saves the rows as German CSV; `what` names the data for screen readers. */
export function csvButton<T>(rows: readonly T[], columns: readonly TableColumn<T>[], filename: string, what: string, label = "Daten als CSV"): HTMLButtonElement {
  const button = downloadButton(label, filename, () => tableCsv(rows, columns));
  // The accessible name starts with the visible label (WCAG 2.5.3), then says which data.
  button.setAttribute("aria-label", `${label}: ${what}`);
  return button;
}

export function dataTable<T>(rows: readonly T[], columns: readonly TableColumn<T>[], {caption, className = "data-table"}: {caption?: string; className?: string} = {}): HTMLTableElement {
  const cols = columns.filter((c) => !c.csvOnly);
  const table = document.createElement("table");
  table.className = className;
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const c of cols) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c.label;
    if (c.numeric) th.className = "num";
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const c of cols) {
      const td = tr.insertCell();
      if (c.numeric) td.className = "num";
      const content = c.html ? c.html(r) : c.csv(r);
      if (content instanceof Node) td.append(content);
      else td.textContent = content === null || content === undefined ? "" : String(content);
    }
  }
  return table;
}

/**
 * The table view of a chart: a closed <details> ("Tabelle: …") with the table and the CSV
 * button inside; keyboard users reach every row and link through it.
 */
export function tableView<T>(rows: readonly T[], columns: readonly TableColumn<T>[], {summary, caption, filename}: {summary: string; caption?: string; filename: string}): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "table-view";
  const sum = document.createElement("summary");
  sum.textContent = summary;
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  // A scrolling region must be reachable by keyboard (WCAG 2.1.1).
  scroll.tabIndex = 0;
  scroll.setAttribute("role", "region");
  scroll.setAttribute("aria-label", caption ?? summary);
  scroll.append(dataTable(rows, columns, {caption}));
  details.append(sum, scroll, csvButton(rows, columns, filename, caption ?? summary));
  return details;
}

/** A link to a region's profile; a region without a profile (Planungsraum) stays plain text. */
export function profileLink(id: string, name: string, level: string): HTMLAnchorElement | Text {
  const href = profileHref(id, level);
  if (!href) return document.createTextNode(name);
  const a = document.createElement("a");
  a.href = href;
  a.textContent = name;
  return a;
}

/** Kreise (/profil/05315) and Berlin's Bezirke (/profil/11001001) have profiles; Planungsräume none. */
export function profileHref(id: string, level: string): string | null {
  return level === "kreis" || level === "bezirk" ? `/profil/${id}` : null;
}
