// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {csvButton, dataTable, profileHref, profileLink, tableCsv, tableView, type TableColumn} from "../../src/components/indicator-table.ts";

interface Row {
  id: string;
  name: string;
  value: number | null;
}
const rows: Row[] = [
  {id: "05315", name: "Köln, Stadt", value: 1234.5},
  {id: "11001001", name: "=HYPERLINK(\"x\")", value: -0.25},
  {id: "01100101", name: "Stülerstraße", value: null}
];
const columns: TableColumn<Row>[] = [
  {label: "Schlüssel", csv: (d) => d.id, csvOnly: true},
  {label: "Region", csv: (d) => d.name, html: (d) => profileLink(d.id, d.name, d.id.length === 5 ? "kreis" : d.id.startsWith("110") ? "bezirk" : "planungsraum")},
  {label: "Wert", csv: (d) => d.value, html: (d) => (d.value === null ? "keine Angabe" : String(d.value)), numeric: true},
  {label: "Nur auf der Seite", csv: () => "x", pageOnly: true}
];

describe("tableCsv", () => {
  it("German CSV: BOM, ';', decimal comma, CRLF, formulas neutralised, empty for null, page-only columns left out", () => {
    expect(tableCsv(rows, columns)).toBe(
      "\uFEFFSchlüssel;Region;Wert\r\n05315;Köln, Stadt;1234,5\r\n11001001;\"'=HYPERLINK(\"\"x\"\")\";-0,25\r\n01100101;Stülerstraße;\r\n"
    );
  });
});

describe("dataTable and tableView", () => {
  it("a table with header cells, numbers right-aligned, links to profiles where a region has one", () => {
    const table = dataTable(rows, columns, {caption: "Test"});
    expect(table.caption?.textContent).toBe("Test");
    expect([...table.querySelectorAll("thead th")].map((th) => [th.textContent, th.getAttribute("scope"), th.className])).toEqual([
      ["Region", "col", ""],
      ["Wert", "col", "num"],
      ["Nur auf der Seite", "col", ""]
    ]);
    expect([...table.querySelectorAll("tbody a")].map((a) => a.getAttribute("href"))).toEqual(["/profil/05315", "/profil/11001001"]);
    expect(table.querySelectorAll("tbody tr")[2]!.textContent).toBe("Stülerstraßekeine Angabex");
  });

  it("the table view: closed details, a keyboard-reachable scrolling region, a CSV button", () => {
    const view = tableView(rows, columns, {summary: "Tabelle: alle", caption: "Werte", filename: "werte.csv"});
    expect(view.tagName).toBe("DETAILS");
    expect(view.open).toBe(false);
    expect(view.querySelector("summary")?.textContent).toBe("Tabelle: alle");
    const region = view.querySelector(".table-scroll")!;
    expect([region.getAttribute("tabindex"), region.getAttribute("role"), region.getAttribute("aria-label")]).toEqual(["0", "region", "Werte"]);
    const button = view.querySelector("button")!;
    expect([button.textContent, button.getAttribute("aria-label")]).toEqual(["Daten als CSV", "Daten als CSV: Werte"]);
  });

  it("a CSV button with its own label", () => {
    const button = csvButton(rows, columns, "x.csv", "Verteilung", "Kennzahlen als CSV");
    // The accessible name starts with the visible text (WCAG 2.5.3).
    expect([button.textContent, button.getAttribute("aria-label")]).toEqual(["Kennzahlen als CSV", "Kennzahlen als CSV: Verteilung"]);
  });
});

describe("profile links", () => {
  it("Kreise and Bezirke have profiles, Planungsräume none", () => {
    expect(profileHref("05315", "kreis")).toBe("/profil/05315");
    expect(profileHref("11008008", "bezirk")).toBe("/profil/11008008");
    expect(profileHref("01100101", "planungsraum")).toBeNull();
    expect(profileLink("01100101", "Stülerstraße", "planungsraum").nodeType).toBe(Node.TEXT_NODE);
  });
});
