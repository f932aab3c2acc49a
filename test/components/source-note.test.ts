import {describe, expect, it} from "vitest";
import type {Indicator, Source} from "../../pipelines/snapshot/format.ts";
import {sourceCode, sourceNoteText} from "../../src/components/source-note.ts";
import {sourceLabelParts} from "../../src/shared/source-label.ts";

const inkar = {id: "inkar", attribution: "Datenquelle: INKAR, BBSR Bonn", licence: "dl-de/by-2-0", producer: "BBSR Bonn (INKAR)"} as Source;
const ew24 = {id: "ew24_strukturdaten", attribution: "© Die Bundeswahlleiterin, Wiesbaden 2024", licence: "dl-de/by-2-0", producer: "Strukturdaten der Bundeswahlleiterin, nach Daten der Statistischen Ämter des Bundes und der Länder"} as Source;
const indicator = {
  reference_date: "01.03. des Jahres",
  source: {source_id: "inkar", table: "22543-01-02-4", inkar_code: "a_betr0003_bev0003", producer: "Statistische Ämter des Bundes und der Länder, Tabelle 22543-01-02-4"},
  further_sources: [{source_id: "ew24_strukturdaten", table: "EW 2024 Strukturdaten, Spalte 32", inkar_code: null, applies_to: "2023"}]
} as unknown as Indicator;

describe("source note (src/shared/source-label.ts)", () => {
  it("names the code of the source that delivered the values, not a table the producer already names", () => {
    expect(sourceCode(indicator, "inkar")).toBe("INKAR a_betr0003_bev0003");
    expect(sourceCode(indicator, "ew24_strukturdaten")).toBe("EW 2024 Strukturdaten, Spalte 32");
    expect(sourceCode(indicator, "unbekannt")).toBe("");
    const noProducer = {...indicator, source: {...indicator.source, producer: undefined}} as unknown as Indicator;
    expect(sourceCode(noProducer, "inkar")).toBe("Tabelle 22543-01-02-4, INKAR a_betr0003_bev0003");
  });

  it("producer first, then the publication with its code, reference date and licence", () => {
    expect(sourceNoteText(indicator, inkar, "2020-03-01")).toBe(
      "Quelle: Statistische Ämter des Bundes und der Länder, Tabelle 22543-01-02-4 – Datenquelle: INKAR, BBSR Bonn (INKAR a_betr0003_bev0003) · Stand: 01.03.2020 (Stichtag: 01.03. des Jahres) · Lizenz: dl-de/by-2-0"
    );
    // A further source without its own producer takes the catalogue's: never the relay, never "Rohdaten … BA" for Kita values.
    expect(sourceNoteText(indicator, [ew24], "2023")).toBe(
      "Quelle: Strukturdaten der Bundeswahlleiterin, nach Daten der Statistischen Ämter des Bundes und der Länder – © Die Bundeswahlleiterin, Wiesbaden 2024 (EW 2024 Strukturdaten, Spalte 32) · Stand: 2023 (Stichtag: 01.03. des Jahres) · Lizenz: dl-de/by-2-0"
    );
  });

  it("lists every source of a mixed series once; the parts serve separate CSV columns", () => {
    expect(sourceNoteText(indicator, [inkar, ew24], "2023")).toMatch(/^Quelle: Statistische Ämter.*INKAR.*; Strukturdaten der Bundeswahlleiterin.* · Lizenz: dl-de\/by-2-0$/);
    expect(sourceLabelParts(indicator, [inkar, ew24], "2023")).toEqual({
      quelle: expect.stringMatching(/^Statistische Ämter des Bundes und der Länder, Tabelle 22543-01-02-4 – Datenquelle: INKAR/),
      stand: "2023 (Stichtag: 01.03. des Jahres)",
      lizenz: "dl-de/by-2-0"
    });
  });
});
