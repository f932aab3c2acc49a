// @vitest-environment jsdom
/**
 * The components of /eigene-daten/ on the fixtures: names from a city's file are text on the
 * page and neutralised in the CSV download, small numbers stay hidden in both, problems list
 * what was found as text, and the Kreis value comes from the registry series.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {problemList, type Chosen} from "../../src/components/own-data-form.ts";
import {kreisValue, ownDataReport, valueColumns, type KreisReference} from "../../src/components/own-data-report.ts";
import {tableCsv} from "../../src/components/indicator-table.ts";
import {parseGermanCsv} from "../../src/shared/german-csv.ts";
import {checkOwnFiles, ownIndicators, type OwnFile} from "../../src/shared/own-data/index.ts";

const fixture = (name: string): OwnFile => ({name, bytes: new Uint8Array(readFileSync(join(import.meta.dirname, "../fixtures/own-data", name)))});
const reference: KreisReference = {
  kreis: {id: "05315", name: "Köln, Stadt"},
  series: {betreuungsquote_u3: {years: [2020, 2023], values: {"05315": [34.18, 36.2]}, flags: {}}},
  indicators: new Map([["betreuungsquote_u3", {id: "betreuungsquote_u3", name: "Betreuungsquote der Kinder unter 3 Jahren", unit: "%", decimals: 1, source: {source_id: "ew24"}}]]),
  sources: new Map([["ew24", {attribution: "© Die Bundeswahlleiterin", licence: "dl-de/by-2-0"}]])
};

describe("own data on the page", () => {
  it("the CSV download neutralises formulas in names; the page table shows HTML as text", () => {
    const result = checkOwnFiles({data: fixture("musterstadt-namen.csv")});
    const [indicator] = ownIndicators(result.dataset!);
    const csv = parseGermanCsv(tableCsv(indicator!.values.get(2023)!, valueColumns(indicator!, 2023, 3)));
    expect(csv[0]).toEqual(["gebiet_id", "Gebiet", "Kennzahl", "Jahr", "Wert", "Zähler", "Nenner", "Kennzeichen", "Bedeutung des Kennzeichens", "Hinweis"]);
    expect(csv.slice(1).map((r) => r[1])).toEqual(["<img src=x onerror=alert(1)>", `'=HYPERLINK("http://example.invalid";"klick")`, "'+49 Hafen", "'@SUMME(A1)"]);
    expect(csv.slice(1).map((r) => r[4])).toEqual(["10,5", "20", "30,25", "40"]);

    const report = ownDataReport(result.dataset!, {threshold: 3, reference, width: 900});
    expect(report.querySelector("img")).toBeNull();
    const names = [...report.querySelectorAll("table.data-table tbody tr")].map((tr) => tr.children[1]!.textContent);
    expect(names).toEqual(["<img src=x onerror=alert(1)>", '=HYPERLINK("http://example.invalid";"klick")', "+49 Hafen", "@SUMME(A1)"]);
  });

  it("hides small numbers in table and CSV, with the reason; special values are not 0", () => {
    const result = checkOwnFiles({data: fixture("musterstadt-zwei-jahre.csv"), meta: fixture("musterstadt-kennzahlen.csv"), geo: fixture("musterstadt-gebiete-25832.geojson")});
    const [sprache] = ownIndicators(result.dataset!);
    const csv = parseGermanCsv(tableCsv(sprache!.values.get(2022)!, valueColumns(sprache!, 2022, 3)));
    // SR03 has zaehler 2: value and zaehler empty; SR04 is "." (secret).
    expect(csv.slice(1).map((r) => [r[0], r[4], r[5], r[7], r[8]])).toEqual([
      ["SR01", "21,4", "45", "", ""],
      ["SR02", "34", "68", "", ""],
      ["SR03", "", "", "klein", "Fallzahl unter 3, ausgeblendet"],
      ["SR04", "", "", ".", "geheim oder unbekannt"]
    ]);
    const report = ownDataReport(result.dataset!, {threshold: 3, reference, width: 900});
    expect(report.querySelector("h3")!.textContent).toBe("Kinder mit Sprachförderbedarf (Einschulungsuntersuchung), 2023");
    expect(report.querySelectorAll(".own-map svg g[aria-label='geo'] path")).toHaveLength(4);
    expect(report.textContent).toContain("Veränderung 2022 → 2023");
  });

  it("shows the Kreis value where the kennzahl is a registry id, from the latest year up to the shown one", () => {
    expect(kreisValue(reference, "betreuungsquote_u3", 2022)).toMatchObject({year: 2020, value: 34.18});
    expect(kreisValue(reference, "betreuungsquote_u3", 2023)).toMatchObject({year: 2023, value: 36.2, note: "Quelle: © Die Bundeswahlleiterin · Lizenz: dl-de/by-2-0"});
    expect(kreisValue(reference, "sprachfoerderbedarf", 2023)).toBeNull();
    expect(kreisValue({...reference, kreis: null}, "betreuungsquote_u3", 2023)).toBeNull();
    const result = checkOwnFiles({data: fixture("musterstadt-zwei-jahre.csv"), meta: fixture("musterstadt-kennzahlen.csv")});
    const report = ownDataReport(result.dataset!, {threshold: 3, reference, width: 900});
    const select = report.querySelector<HTMLSelectElement>("select[name=kennzahl]")!;
    select.value = "betreuungsquote_u3";
    select.dispatchEvent(new Event("change"));
    expect(report.querySelector(".own-kreis strong")!.textContent).toBe("Zum Vergleich: Köln, Stadt, 2023: 36,2\u00a0%");
    // Without areas: no map, a sentence saying why.
    expect(report.querySelector(".own-map")!.textContent).toContain("Keine Karte: Wählen Sie zusätzlich die Gebiete als GeoJSON-Datei.");
  });

  it("lists problems with file, place, field, expected and found, as text", () => {
    const data = {name: "daten.csv", bytes: new TextEncoder().encode("gebiet_id;gebiet_name;kennzahl;jahr;wert\n01;A;x;2020;<b>viel</b>\n")};
    const chosen: Chosen = {files: {data, meta: null, geo: null}, threshold: 3, kreis: "", example: false};
    const list = problemList(checkOwnFiles({data}), chosen);
    expect(list.querySelector("b")).toBeNull();
    expect([...list.querySelectorAll("tbody td")].map((td) => td.textContent)).toEqual([
      "Fehler",
      "daten.csv",
      "Zeile 2",
      "wert",
      'Zahl in deutscher Schreibweise (1.234,5), "." (geheim), "-" (nichts) oder leer',
      "<b>viel</b>"
    ]);
    expect(list.querySelector(".own-status")!.textContent).toMatch(/^1 Fehler in daten.csv\./);
  });
});
