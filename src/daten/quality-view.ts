/**
 * The coverage heat table of /daten/: one row per indicator, one column per year, each cell the
 * share of the level's regions with a number (in percent, as text, and shaded). The table is
 * its own text alternative; a sentence above it states the gist.
 */

export interface CoverageRow {
  indicator: string;
  level: string;
  first_year: number;
  expected: number;
  with_value: number[];
}

export interface Level {
  level: string;
  label: string;
  regions: number;
}

/** Percent shown in a cell: 100 only when every region has a value, 0 only when none has. */
export function sharePercent(withValue: number, expected: number): number {
  if (expected <= 0 || withValue <= 0) return 0;
  if (withValue >= expected) return 100;
  return Math.max(1, Math.min(99, Math.floor((withValue / expected) * 100)));
}

/** CSS class of a cell by its percent (the legend on the page names the bands). */
export function shareClass(percent: number): string {
  if (percent >= 100) return "share-full";
  if (percent >= 90) return "share-high";
  if (percent >= 50) return "share-mid";
  if (percent > 0) return "share-low";
  return "share-none";
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

export function coverageTable(rows: readonly CoverageRow[], level: Level, nameOf: (id: string) => string): HTMLElement {
  const first = Math.min(...rows.map((r) => r.first_year));
  const last = Math.max(...rows.map((r) => r.first_year + r.with_value.length - 1));
  const years = Array.from({length: last - first + 1}, (_, i) => first + i);
  const sorted = [...rows].sort((a, b) => nameOf(a.indicator).localeCompare(nameOf(b.indicator), "de"));

  const table = element("table", undefined, {class: "coverage-table"});
  table.append(element("caption", `Abdeckung ${level.label}: Anteil der ${level.regions.toLocaleString("de-DE")} Regionen mit Wert, in Prozent, ${first}–${last}`));
  const head = element("tr");
  head.append(element("th", "Indikator", {scope: "col"}));
  for (const year of years) head.append(element("th", String(year), {scope: "col"}));
  table.appendChild(element("thead")).append(head);
  const body = table.appendChild(element("tbody"));
  for (const row of sorted) {
    const tr = body.appendChild(element("tr"));
    const name = nameOf(row.indicator);
    tr.append(element("th", name, {scope: "row", title: name}));
    for (const year of years) {
      const i = year - row.first_year;
      if (i < 0 || i >= row.with_value.length) {
        tr.append(element("td", "", {class: "share-out"}));
        continue;
      }
      const percent = sharePercent(row.with_value[i]!, row.expected);
      tr.append(element("td", String(percent), {class: shareClass(percent), title: `${name}, ${year}: ${row.with_value[i]} von ${row.expected}`}));
    }
  }
  const scroll = element("div", undefined, {class: "coverage-scroll", role: "region", tabindex: "0", "aria-label": `Abdeckung ${level.label}, Tabelle`});
  scroll.append(table);
  return scroll;
}

/** One sentence: how many indicators are complete in their latest year, and which have gaps. */
export function coverageSummary(rows: readonly CoverageRow[], level: Level, nameOf: (id: string) => string): string {
  const complete = rows.filter((r) => r.with_value.at(-1)! >= r.expected).length;
  const gaps = rows.filter((r) => r.with_value.some((n) => n === 0)).map((r) => nameOf(r.indicator)).sort((a, b) => a.localeCompare(b, "de"));
  const parts = [`${complete} von ${rows.length} Indikatoren haben im letzten Jahr ihrer Reihe für alle ${level.label} einen Wert.`];
  if (gaps.length > 0) parts.push(`Jahre ohne jeden Wert (Lücken) bei: ${gaps.join(", ")}.`);
  else parts.push("Keine Reihe hat eine Lücke.");
  return parts.join(" ");
}
