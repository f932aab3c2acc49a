import {describe, expect, it} from "vitest";
import {csvCell, germanCsv, germanNumber} from "../../src/components/download.ts";
import {reachCsv, reachRows} from "../../src/shared/programme-figures.ts";
import {loadProgramme} from "../../loaders/programme/load.ts";
import {publishReach} from "../../pipelines/programme/published.ts";
import {EXAMPLE_DIR} from "../pipelines/programme/count-sheets.ts";

describe("German CSV for downloads", () => {
  it("writes BOM, semicolons, CRLF and decimal commas", () => {
    expect(germanCsv(["a", "b"], [["x", 1.5], ["y", -2]])).toBe("\uFEFFa;b\r\nx;1,5\r\ny;-2\r\n");
  });

  it("never writes an exponent", () => {
    expect([germanNumber(1e-7), germanNumber(1234567.89), germanNumber(-0), germanNumber(1e21)]).toEqual(["0,0000001", "1234567,89", "0", "1000000000000000000000"]);
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(["=SUM(A1)", "+1", "-1", "@x", "\tx", "\rx", "ok"].map(csvCell)).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@x", "'\tx", "\"'\rx\"", "ok"]);
  });

  it("quotes separators, quotes and line breaks; empty for null", () => {
    expect([csvCell("a;b"), csvCell('sagt "ja"'), csvCell("a\nb"), csvCell(null), csvCell(undefined), csvCell(true)]).toEqual(['"a;b"', '"sagt ""ja"""', '"a\nb"', "", "", "ja"]);
  });
});

describe("reach figures as rows", () => {
  const reach = publishReach(loadProgramme(EXAMPLE_DIR), "2015-08-28");
  it("has one row per figure, each with the as-of date", () => {
    const rows = reachRows(reach);
    expect(rows.every((r) => r[0] === "2015-08-28")).toBe(true);
    expect(rows).toContainEqual(["2015-08-28", "Kommunen im Austausch", "Berliner Bezirke", 10]);
    expect(rows).toContainEqual(["2015-08-28", "Veranstaltungen geplant", "Analyseworkshop", 10]);
    // Without over_time and by_agency as before: 4 + 6 + 18 + 12 + 1 + 14 figure rows, plus the people's counting date.
    const months = reach.over_time.length;
    expect(months).toBe(15);
    expect(rows).toHaveLength(4 + 6 + 18 + 1 + 12 + 1 + 14 + months * 6 + 3 * (6 + 3 + 2 + 7));
    expect(rows).toContainEqual(["2015-08-28", "Kommunen je Stufe im Monat", "2015-08 im Austausch", 21]);
    expect(rows).toContainEqual(["2015-08-28", "Agentur Hamburg: Kommunen je Stufe", "förderfähig", 3]);
  });
  it("writes a hidden people figure as verborgen, never as 0", () => {
    const early = publishReach(loadProgramme(EXAMPLE_DIR), "2014-06-30");
    expect(reachRows(early)).toContainEqual(["2014-06-30", "kommunale Teilnehmende nach Bereich (Personen)", "Soziales", "verborgen"]);
  });
  it("is German CSV", () => {
    expect(reachCsv(reach)).toContain("2015-08-28;kommunale Teilnehmende nach Bereich (Anteil);Koordinierung Bildung;0,32\r\n");
  });
});
