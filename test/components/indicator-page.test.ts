// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import type {IndicatorPage} from "../../pipelines/exports/indicator-pages.ts";
import {absentText, bottomRows, coverageText, periodsText, factSheet, landBundSources, landBundSummary, mapRows, rankRows, statusText, topRows} from "../../src/components/indicator-page.ts";

const source = (id: string, publisher: string) => ({id, title: `Titel ${id}`, publisher, producer: publisher, licence: "dl-de/by-2-0", licence_url: "https://www.govdata.de/dl-de/by-2-0", attribution: `© ${publisher}`, url: "https://example.org", reference: "2024", via: "", role: "snapshot" as const});

// A small invented page document in the export's shape.
const page: IndicatorPage = {
  indicator: {
    id: "quote", name: "Testquote", short_name: "Quote", definition: "Anteil der Getesteten.", unit: "%", decimals: 1,
    area: "Frühkindliche Bildung", topic: "Test", levels: ["kreis", "land", "bund"],
    source: {publisher: "Testamt", title: "Teststatistik", table: "12345-01", inkar_code: null, source_id: "a", producer: "Testamt"},
    further_sources: [{source_id: "b", table: "EW 2024 Strukturdaten, Spalte 32", inkar_code: null, applies_to: "2023: Kreise", producer: "Wahlamt"}],
    precedence: "a bis 2020, b für 2023.", reference_date: "31.12.", comparability: [{source_id: null, from: null, to: null, reference: "reference_date", reference_at: "31.12.", precision: 0.1, basis: null}], numerator: "Getestete", denominator: null,
    range: {min: 0, max: 100}, polarity: "higher_worse", caveats: ["Erster Hinweis."], aggregation: {method: "weighted", weight: "kinder", note: "Gewichtet mit der Kinderzahl."},
    licence: "dl-de/by-2-0", attribution: "© Testamt", coverage: []
  },
  sources: {a: source("a", "Testamt"), b: source("b", "Wahlamt"), geo: source("geo", "BKG")},
  flag_labels: {".": "unbekannt oder geheim"},
  coverage: [
    {level: "kreis", period: "2019", year: 2019, with_value: 3, without_value: 0, expected: 4, sources: ["a"]},
    {level: "kreis", period: "2020", year: 2020, with_value: 4, without_value: 0, expected: 4, sources: ["a"]},
    {level: "kreis", period: "2023", year: 2023, with_value: 3, without_value: 1, expected: 4, sources: ["b"]}
  ],
  maps: [{
    level: "kreis",
    regions: {id: ["01001", "01002", "05315", "05111"], name: ["Flensburg", "Kiel", "Köln", "Düsseldorf"], type: ["", "", "", ""], parent_name: ["Schleswig-Holstein", "Schleswig-Holstein", "Nordrhein-Westfalen", "Nordrhein-Westfalen"]},
    period: {period: "2023", year: 2023, value: [20, 30, 20, null], flags: {"05111": "."}, source: "b", other_sources: {"05315": "a"}, n: 3},
    stats: {n: 3, min: 20, q1: 20, median: 20, q3: 25, max: 30},
    geometry_sources: ["geo"]
  }],
  land_bund: [
    {region: "DG", region_name: "Deutschland", level: "bund", period: "2023", year: 2023, value: null, flag: null, status: "absent", method: "weighted", source: "b", kreise_with_value: 3, kreise_expected: 4, note: "Nicht berechnet: 3 von 4 Kreisen."},
    {region: "01", region_name: "Schleswig-Holstein", level: "land", period: "2023", year: 2023, value: 25.5, flag: null, status: "computed", method: "weighted", source: "b", kreise_with_value: 2, kreise_expected: 2, note: null},
    {region: "05", region_name: "Nordrhein-Westfalen", level: "land", period: "2023", year: 2023, value: 21, flag: null, status: "published", method: "published", source: "a", kreise_with_value: 1, kreise_expected: 2, note: null}
  ],
  land_bund_absent_periods: ["2019", "2020"]
};

describe("ranking", () => {
  const rows = mapRows(page.maps[0]!);
  it("map rows carry value, flag and the source of each region", () => {
    expect(rows[2]).toEqual({id: "05315", name: "Köln", parent_name: "Nordrhein-Westfalen", value: 20, flag: null, source: "a"});
    expect(rows[3]).toMatchObject({value: null, flag: ".", source: "b"});
  });

  it("highest first, equal values share the smallest rank, no number no rank", () => {
    expect(rankRows(rows).map((r) => [r.rank, r.name])).toEqual([[1, "Kiel"], [2, "Flensburg"], [2, "Köln"]]);
  });

  it("top and bottom lists keep ties at their edge", () => {
    const ranked = rankRows([5, 4, 3, 3, 3, 1].map((value, i) => ({id: String(i), name: `R${i}`, value, flag: null})));
    expect(topRows(ranked, 3).map((r) => r.value)).toEqual([5, 4, 3, 3, 3]);
    expect(bottomRows(ranked, 2).map((r) => r.value)).toEqual([1, 3, 3, 3]);
    expect(topRows(ranked, 10)).toHaveLength(6);
  });
});

describe("fact sheet", () => {
  it("lists definition, unit, numerator, sources with code and licence link, polarity, caveats", () => {
    const dl = factSheet(page);
    const terms = [...dl.querySelectorAll("dt")].map((dt) => dt.textContent);
    expect(terms).toEqual(["Definition", "Einheit", "Zähler", "Nenner", "Bereich", "Stichtag", "Gebiete und Jahre", "Quellen", "Vorrang der Quellen", "Richtung", "Land und Bund", "Hinweise"]);
    const text = dl.textContent!;
    expect(text).toContain("Testamt: Titel a (Tabelle 12345-01). Lizenz: dl-de/by-2-0. Namensnennung: © Testamt.");
    expect(text).toContain("Wahlamt: Titel b (EW 2024 Strukturdaten, Spalte 32) – gilt für 2023: Kreise.");
    expect(text).toContain("Höhere Werte gelten als ungünstiger.");
    // The boundaries' source is not a source of the values.
    expect(text).not.toContain("BKG");
    expect(dl.querySelector("a")?.getAttribute("href")).toBe("https://www.govdata.de/dl-de/by-2-0");
    expect(coverageText(page)).toBe("Kreise 2019–2020, 2023 (3 bis 4 von 4 mit Wert)");
  });
});

describe("Land and Bund", () => {
  it("status in words, a summary, the sources of the values shown", () => {
    expect(page.land_bund.map(statusText)).toEqual(["fehlt", "berechnet (gewichtetes Mittel der Kreise)", "veröffentlicht"]);
    expect(landBundSummary(page)).toBe("1 veröffentlichter Wert (2023) und 1 aus vollständigen Kreiswerten berechneter (2023). Für 2019–2020 gibt es keine Land- und Bundeswerte.");
    expect(landBundSources(page).map((s) => s.id)).toEqual(["b", "a"]);
    expect(absentText(page)).toBe("Ohne Wert (weder veröffentlicht noch aus vollständigen Kreiswerten berechenbar): Deutschland 2023.");
    expect(absentText({...page, land_bund: page.land_bund.slice(1)})).toBe("");
    expect(periodsText(["2015", "2013", "2014", "2014", "2023"])).toBe("2013–2015, 2023");
    expect(periodsText(["2022-06-30"])).toBe("30.06.2022");
  });
});
