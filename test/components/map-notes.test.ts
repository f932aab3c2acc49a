// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import type {Indicator} from "../../pipelines/snapshot/format.ts";
import {flagNoteText, geometryNoteText, mapNotes, mapStyles, periodSources} from "../../src/components/map-notes.ts";

const source = (id: string, attribution: string, licence = "dl-de/by-2-0") => ({id, title: id, publisher: id, producer: id, licence, licence_url: "https://www.govdata.de/dl-de/by-2-0", attribution, url: "https://example.org", reference: "", via: "", role: "snapshot" as const});
const sources = {
  inkar: source("inkar", "Datenquelle: INKAR, BBSR Bonn"),
  ew24: source("ew24", "© Die Bundeswahlleiterin, Wiesbaden 2024"),
  geo: source("geo", "© GeoBasis-DE / BKG 2021 (Daten verändert)")
};
// Invented registry entry in the snapshot's shape.
const indicator = {
  id: "quote", name: "Quote", short_name: "Quote", definition: "", unit: "%", decimals: 1, area: "Frühkindliche Bildung", topic: "", levels: ["kreis"],
  source: {publisher: "BBSR", title: "INKAR", table: "22543-01-02-4", inkar_code: "a_betr", source_id: "inkar", producer: "Statistische Ämter des Bundes und der Länder, Tabelle 22543-01-02-4"},
  further_sources: [{source_id: "ew24", table: "EW 2024 Strukturdaten, Spalte 32", inkar_code: null, applies_to: "2023", producer: "Strukturdaten der Bundeswahlleiterin, nach Daten der Statistischen Ämter des Bundes und der Länder"}],
  precedence: "", reference_date: "01.03. des Jahres", comparability: [{source_id: null, from: null, to: null, reference: "reference_date", reference_at: "01.03.", precision: 0.1, basis: null}], numerator: null, denominator: null, range: {min: 0, max: 100}, polarity: "neutral",
  caveats: ["Am Ort der Betreuung gezählt."], aggregation: {method: "published", weight: null, note: ""}, licence: "dl-de/by-2-0", attribution: "", coverage: []
} as Indicator;

describe("map notes", () => {
  it("name the sources of the values shown, the most frequent first", () => {
    expect(periodSources({source: "ew24", other_sources: {"05315": "inkar", "05111": "inkar"}}, sources).map((s) => s.id)).toEqual(["ew24", "inkar"]);
    expect(() => periodSources({source: "gibtsnicht", other_sources: {}}, sources)).toThrow(/gibtsnicht/);
  });

  it("source with code, reference date and licence; boundaries; flags; caveats", () => {
    const div = mapNotes({indicator, period: {period: "2023", source: "ew24", other_sources: {}, flags: {a: ".", b: ".", c: "s"}}, sources, geometrySources: ["geo"], flagLabels: {".": "unbekannt oder geheim", s: "geschätzt"}, regionsLabel: "Kreise"});
    const lines = [...div.querySelectorAll("p")].map((p) => p.textContent);
    expect(lines[0]).toBe("Quelle: Strukturdaten der Bundeswahlleiterin, nach Daten der Statistischen Ämter des Bundes und der Länder – © Die Bundeswahlleiterin, Wiesbaden 2024 (EW 2024 Strukturdaten, Spalte 32) · Stand: 2023 (Stichtag: 01.03. des Jahres) · Lizenz: dl-de/by-2-0");
    expect(lines[1]).toBe("Grenzen: © GeoBasis-DE / BKG 2021 (Daten verändert) · Lizenz: dl-de/by-2-0");
    expect(lines[2]).toBe("Kennzeichen der amtlichen Statistik: „.“ = unbekannt oder geheim (2 Kreise); „s“ = geschätzt (1 Kreise).");
    expect([...div.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["Am Ort der Betreuung gezählt."]);
    const short = mapNotes({indicator, period: {period: "2019", source: "inkar", other_sources: {}, flags: {}}, sources, geometrySources: [], flagLabels: {}, regionsLabel: "Kreise", caveats: false});
    expect(short.textContent).toBe("Quelle: Statistische Ämter des Bundes und der Länder, Tabelle 22543-01-02-4 – Datenquelle: INKAR, BBSR Bonn (INKAR a_betr) · Stand: 2019 (Stichtag: 01.03. des Jahres) · Lizenz: dl-de/by-2-0");
  });

  it("texts of their own", () => {
    expect(flagNoteText({}, {}, "Kreise")).toBe("");
    expect(geometryNoteText([sources.geo, source("lor", "Geoportal Berlin / LOR", "CC BY 3.0 DE")])).toBe("Grenzen: © GeoBasis-DE / BKG 2021 (Daten verändert); Geoportal Berlin / LOR · Lizenz: dl-de/by-2-0; CC BY 3.0 DE");
  });

  it("styles go into the head once", () => {
    mapStyles();
    mapStyles();
    expect(document.querySelectorAll("style#kbm-map-styles")).toHaveLength(1);
  });
});
