// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {catalogColumns, indicatorLink, levelsText} from "../../src/components/indicator-catalog.ts";
import {tableCsv} from "../../src/components/indicator-table.ts";

// Invented catalogue entry in the export's shape.
const item = {
  id: "betreuungsquote_u3", name: "Betreuungsquote unter 3", short_name: "U3", definition: "Anteil …", unit: "%", area: "Frühkindliche Bildung", topic: "Kita", polarity: "neutral" as const, reference_date: "01.03.",
  levels: [
    {level: "bund" as const, first: "2023", last: "2023", periods: ["2023"], regions: 1, expected: 1},
    {level: "kreis" as const, first: "2006", last: "2023", periods: ["2006", "2007", "2008", "2023"], regions: 400, expected: 400},
    {level: "planungsraum" as const, first: "2022-06-30", last: "2022-06-30", periods: ["2022-06-30"], regions: 540, expected: 542}
  ],
  sources: [{id: "inkar", title: "INKAR", publisher: "BBSR"}, {id: "ew24", title: "Strukturdaten", publisher: "Bundeswahlleiterin"}]
};

describe("indicator catalogue", () => {
  it("levels with their years, gaps visible, dates in German", () => {
    expect(levelsText(item.levels)).toBe("Bund 2023; Kreise 2006–2008, 2023 (400 von 400); Planungsräume 30.06.2022 (540 von 542)");
  });

  it("the name links to the indicator page; the CSV carries id, area and full sources", () => {
    expect(indicatorLink(item).getAttribute("href")).toBe("/indikatoren/betreuungsquote_u3");
    const csv = tableCsv([item], catalogColumns({withArea: true}));
    expect(csv.split("\r\n")[0]).toBe("\uFEFFKennung;Indikator;Bereich;Kurzdefinition;Einheit;Gebiete und Jahre;Stichtag;Quelle");
    expect(csv.split("\r\n")[1]).toBe('betreuungsquote_u3;Betreuungsquote unter 3;Frühkindliche Bildung;Anteil …;%;"Bund 2023; Kreise 2006–2008, 2023 (400 von 400); Planungsräume 30.06.2022 (540 von 542)";01.03.;"BBSR: INKAR; Bundeswahlleiterin: Strukturdaten"');
    expect(catalogColumns({withArea: false}).map((c) => c.label)).not.toContain("Bereich");
  });
});
