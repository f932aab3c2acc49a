import {describe, expect, it} from "vitest";
import type {Indicator, Source} from "../../pipelines/snapshot/format.ts";
import {sourceCode, sourceNoteText} from "../../src/components/source-note.ts";

const inkar = {id: "inkar", attribution: "Datenquelle: INKAR, BBSR Bonn", licence: "dl-de/by-2-0"} as Source;
const ew24 = {id: "ew24_strukturdaten", attribution: "© Die Bundeswahlleiterin, Wiesbaden 2024", licence: "dl-de/by-2-0"} as Source;
const indicator = {
  reference_date: "01.03. des Jahres",
  source: {source_id: "inkar", table: "22543-01-02-4", inkar_code: "a_betr0003_bev0003"},
  further_sources: [{source_id: "ew24_strukturdaten", table: "EW 2024 Strukturdaten, Spalte 32", inkar_code: null, applies_to: "2023"}]
} as unknown as Indicator;

describe("source note", () => {
  it("names the table of the source that delivered the values", () => {
    expect(sourceCode(indicator, "inkar")).toBe("Tabelle 22543-01-02-4, INKAR a_betr0003_bev0003");
    expect(sourceCode(indicator, "ew24_strukturdaten")).toBe("EW 2024 Strukturdaten, Spalte 32");
    expect(sourceCode(indicator, "unbekannt")).toBe("");
  });

  it("prints attribution, code, reference date and licence, with 'Quelle:' only where the attribution lacks it", () => {
    expect(sourceNoteText(indicator, [ew24], "2023")).toBe("Quelle: © Die Bundeswahlleiterin, Wiesbaden 2024 (EW 2024 Strukturdaten, Spalte 32) · Stand: 2023 (Stichtag: 01.03. des Jahres) · Lizenz: dl-de/by-2-0");
    expect(sourceNoteText(indicator, inkar, "2020-03-01")).toBe("Datenquelle: INKAR, BBSR Bonn (Tabelle 22543-01-02-4, INKAR a_betr0003_bev0003) · Stand: 01.03.2020 (Stichtag: 01.03. des Jahres) · Lizenz: dl-de/by-2-0");
  });

  it("lists every source of a mixed series once", () => {
    expect(sourceNoteText(indicator, [inkar, ew24], "2023")).toMatch(/^Datenquelle: INKAR.*; Quelle: © Die Bundeswahlleiterin.* · Lizenz: dl-de\/by-2-0$/);
  });
});
