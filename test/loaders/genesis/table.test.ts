import {describe, expect, it} from "vitest";
import {collect, collectFile, countBy, describeFixtures, find, fixture, table, type Collected} from "./helpers.ts";

describeFixtures("table layout: 21111-02-06-4.csv (Windows-1252, school leavers 1995–2015)", () => {
  let result: Collected;
  const column = (degree: string, sex: "Insgesamt" | "weiblich") => `Schulabschluss / ${degree} / ${sex}`;

  it("parses with layout, encoding and table code", async () => {
    result = await collectFile(fixture("21111-02-06-4.csv"));
    expect(result.summary).toMatchObject({layout: "table", encoding: "windows-1252", table: "21111-02-06-4", headerLines: 9, footerLines: 110, headerOnly: false});
  });

  it("builds the column labels from the three header rows", () => {
    expect(result.header?.variables).toEqual([
      column("Insgesamt", "Insgesamt"),
      column("Insgesamt", "weiblich"),
      column("ohne Hauptschulabschluss", "Insgesamt"),
      column("ohne Hauptschulabschluss", "weiblich"),
      column("mit Hauptschulabschluss", "Insgesamt"),
      column("mit Hauptschulabschluss", "weiblich"),
      column("mit Mittlerem Abschluss", "Insgesamt"),
      column("mit Mittlerem Abschluss", "weiblich"),
      column("dar. schulischer Teil der Fachhochschulreife", "Insgesamt"),
      column("dar. schulischer Teil der Fachhochschulreife", "weiblich"),
      column("mit Fachhochschulreife", "Insgesamt"),
      column("mit Fachhochschulreife", "weiblich"),
      column("mit allgemeiner Hochschulreife", "Insgesamt"),
      column("mit allgemeiner Hochschulreife", "weiblich")
    ]);
    expect(result.header?.dimensions).toEqual([]);
  });

  it("reads Köln 2015: 10,106 leavers, 517 without Hauptschulabschluss, unit from the title", () => {
    const koeln = (variable: string) => find(result.records, {period: "2015", region: "05315", variable});
    expect(koeln(column("Insgesamt", "Insgesamt"))).toEqual({
      table: "21111-02-06-4",
      period: "2015",
      region: "05315",
      region_name: "Köln, Kreisfreie Stadt",
      variable: column("Insgesamt", "Insgesamt"),
      dimensions: {},
      value: 10106,
      unit: "Anzahl",
      flag: null
    });
    expect(koeln(column("ohne Hauptschulabschluss", "Insgesamt")).value).toBe(517);
    expect(koeln(column("mit allgemeiner Hochschulreife", "Insgesamt")).value).toBe(4184);
    // "-" is exactly zero: value 0 with its flag.
    expect(koeln(column("mit Fachhochschulreife", "weiblich"))).toMatchObject({value: 0, flag: "-"});
  });

  it("keeps Dresden's locked Fachhochschulreife cells as null with flag x, never 0", () => {
    for (const degree of ["dar. schulischer Teil der Fachhochschulreife", "mit Fachhochschulreife"]) {
      for (const sex of ["Insgesamt", "weiblich"] as const) {
        expect(find(result.records, {period: "2015", region: "14612", variable: column(degree, sex)})).toMatchObject({value: null, flag: "x"});
      }
    }
    expect(find(result.records, {period: "2015", region: "14612", variable: column("Insgesamt", "Insgesamt")}).value).toBe(3451);
  });

  it("sets aside the 735 rows of regions that did not exist (all '-') and accounts for every data row", () => {
    const {summary} = result;
    expect(summary.dataRows).toBe(11046);
    expect(summary.setAsideRows).toBe(735);
    expect(summary.recordRows + summary.setAsideRows).toBe(summary.dataRows);
    expect(summary.records).toBe(summary.recordRows * 14);
    expect(result.records).toHaveLength(summary.records);
    const rows = result.setAside.filter((row) => row.reason === "all-dash");
    expect(rows).toHaveLength(735);
    expect(rows[0]).toEqual({reason: "all-dash", line: 41, lines: 1, period: "2015", region: "03159", region_name: "Göttingen, Landkreis", message: 'alle Werte "-": Region 03159 Göttingen, Landkreis bestand 2015 nicht'});
    expect(result.records.some((r) => r.period === "2015" && r.region === "03159")).toBe(false);
    expect(result.setAside.at(-1)).toEqual({reason: "footnotes", line: 11056, lines: 110, message: "Fußnoten, Quellenangabe und Stand (110 Zeilen)"});
  });

  it("counts the special values cell by cell", () => {
    expect(countBy(result.records, (r) => String(r.flag))).toEqual({null: result.summary.records - 2216 - 165 - (33861 - 735 * 14), ".": 2216, x: 165, "-": 33861 - 735 * 14});
    expect(result.records.filter((r) => r.flag === "." || r.flag === "x").every((r) => r.value === null)).toBe(true);
  });

  it("decodes Windows-1252 names and passes region keys of every level through", () => {
    expect(find(result.records, {period: "2015", region: "01003", variable: column("Insgesamt", "Insgesamt")}).region_name).toBe("Lübeck, Hansestadt, Kreisfreie Stadt");
    const regions = new Set(result.records.map((r) => r.region));
    for (const key of ["DG", "05", "051", "16056", "11", "02"]) expect(regions, key).toContain(key);
    expect(find(result.records, {period: "2015", region: "16056", variable: column("Insgesamt", "Insgesamt")})).toMatchObject({region_name: "Eisenach, krsfr. Stadt", value: 386});
  });

  it("reads negative counts", () => {
    expect(find(result.records, {period: "1995", region: "06432", variable: column("mit Fachhochschulreife", "weiblich")}).value).toBe(-56);
  });
});

describeFixtures("table layout: 13211-02-05-4_00.csv (UTF-8, unemployment, decimal comma)", () => {
  let result: Collected;

  it("parses as UTF-8 and takes units from the unit header row", async () => {
    result = await collectFile(fixture("13211-02-05-4_00.csv"));
    expect(result.summary).toMatchObject({layout: "table", encoding: "utf-8", table: "13211-02-05-4", dataRows: 8416, setAsideRows: 678, headerLines: 8, footerLines: 41});
    expect(result.summary.records).toBe(result.summary.recordRows * 13);
    expect(result.header?.variables.slice(0, 2)).toEqual(["Arbeitslose", "Arbeitslose / Ausländer"]);
    expect(result.header?.variables[8]).toBe("Arbeitslosenquote bez. auf alle zivile Erwerbsp.");
    expect(result.header?.variables[9]).toBe("Arbeitslosenquote bez. auf alle zivile Erwerbsp. / Männer");
  });

  it("reads decimal commas and units per column", () => {
    expect(find(result.records, {period: "2016", region: "05315", variable: "Arbeitslose"})).toMatchObject({value: 49596, unit: "Anzahl"});
    expect(find(result.records, {period: "2016", region: "05315", variable: "Arbeitslosenquote bez. abh. zivile Erwerbspers."})).toMatchObject({value: 9.6, unit: "Prozent", flag: null});
    expect(find(result.records, {period: "2016", region: "DG", variable: "Arbeitslosenquote bez. auf alle zivile Erwerbsp. / 15 bis unter 25 Jahre"}).value).toBe(5.3);
  });

  it("flags unknown values and sets aside the dissolved Kreise", () => {
    expect(result.records.filter((r) => r.flag === ".").length).toBe(4190);
    expect(result.records.filter((r) => r.flag === ".").every((r) => r.value === null)).toBe(true);
    expect(result.setAside.find((row) => row.region === "03159" && row.period === "2016")?.line).toBe(40);
  });
});

describeFixtures("table layout: 22543-01-02-4_00.csv (childcare, extra row-label column, reference dates)", () => {
  it("turns the extra row-label column into a dimension and dates into ISO", async () => {
    const result = await collectFile(fixture("22543-01-02-4_00.csv"));
    expect(result.summary).toMatchObject({layout: "table", encoding: "utf-8", table: "22543-01-02-4", dataRows: 9468});
    expect(result.summary.recordRows + result.summary.setAsideRows).toBe(9468);
    expect(result.header?.dimensions).toEqual(["stub_1"]);
    expect(result.header?.variables).toEqual([
      "Betreute Kinder",
      "Betreute Kinder / Altersgruppe / unter 3 Jahre",
      "Betreute Kinder / Altersgruppe / 3 bis unter 6 Jahre",
      "Betreute Kinder / Altersgruppe / 6 bis unter 14 Jahre",
      "Kinder, Herkunft mind. 1 Elternteil ausländisch",
      "Kinder mit Mittagsverpflegung"
    ]);
    expect(find(result.records, {period: "2016-03-01", region: "05315", variable: "Betreute Kinder", dimensions: {stub_1: "Tageseinrichtung"}})).toMatchObject({value: 38394, unit: "Anzahl", region_name: "Köln, Kreisfreie Stadt"});
    expect(find(result.records, {period: "2016-03-01", region: "05315", variable: "Betreute Kinder / Altersgruppe / unter 3 Jahre", dimensions: {stub_1: "Insgesamt (ohne Doppelzählungen)"}}).value).toBe(9545);
    // Göttingen's three rows (one per kind of care) each have only "-".
    expect(result.setAside.filter((row) => row.region === "03159" && row.period === "2016-03-01").map((row) => row.line)).toEqual([103, 104, 105]);
  });
});

describe("table layout: odd but valid input", () => {
  it("parses a small table, its footnote with quoted ';' and line breaks, and reports the footer", async () => {
    const result = await collect(table(["2015;05315;      Köln, Kreisfreie Stadt;10106;5035", "2015;051;    Düsseldorf, Regierungsbezirk;1;(2)"]));
    expect(result.records).toEqual([
      {table: "21111-02-06-4", period: "2015", region: "05315", region_name: "Köln, Kreisfreie Stadt", variable: "Schulabschluss / Insgesamt", dimensions: {}, value: 10106, unit: "Anzahl", flag: null},
      {table: "21111-02-06-4", period: "2015", region: "05315", region_name: "Köln, Kreisfreie Stadt", variable: "Schulabschluss / weiblich", dimensions: {}, value: 5035, unit: "Anzahl", flag: null},
      {table: "21111-02-06-4", period: "2015", region: "051", region_name: "Düsseldorf, Regierungsbezirk", variable: "Schulabschluss / Insgesamt", dimensions: {}, value: 1, unit: "Anzahl", flag: null},
      {table: "21111-02-06-4", period: "2015", region: "051", region_name: "Düsseldorf, Regierungsbezirk", variable: "Schulabschluss / weiblich", dimensions: {}, value: 2, unit: "Anzahl", flag: "()"}
    ]);
    expect(result.summary).toMatchObject({headerLines: 5, footerLines: 4, dataRows: 2, recordRows: 2});
    expect(result.setAside).toEqual([{reason: "footnotes", line: 8, lines: 4, message: "Fußnoten, Quellenangabe und Stand (4 Zeilen)"}]);
  });

  it("reads CRLF line ends and a table without footer", async () => {
    const text = table(["2015;05315;Köln;1;2"], {footer: false}).replace(/\n/g, "\r\n");
    const result = await collect(text);
    expect(result.records.map((r) => [r.region_name, r.value, r.unit])).toEqual([
      ["Köln", 1, "Anzahl"],
      ["Köln", 2, "Anzahl"]
    ]);
    expect(result.summary.footerLines).toBe(0);
  });

  it("states a header-only table: zero records", async () => {
    const result = await collect(table([]));
    expect(result.summary).toMatchObject({headerOnly: true, records: 0, dataRows: 0, footerLines: 4});
    expect(result.header?.variables).toEqual(["Schulabschluss / Insgesamt", "Schulabschluss / weiblich"]);
  });

  it("keeps a row of zeros written as '0' (only '-' everywhere means the region did not exist)", async () => {
    const result = await collect(table(["2015;01001;Flensburg;0;0", "2015;01002;Kiel;-;3"]));
    expect(result.records.map((r) => [r.region, r.value, r.flag])).toEqual([
      ["01001", 0, null],
      ["01001", 0, null],
      ["01002", 0, "-"],
      ["01002", 3, null]
    ]);
    expect(result.summary.setAsideRows).toBe(0);
  });

  it("uses the title unit when there is no unit row, and school years as labelled", async () => {
    const text = ["GENESIS-Tabelle: 21111-02-06-4", "Absolventen/Abgänger (Anzahl);;;;", ";;;Insgesamt;weiblich", "2015/16;05315;Köln;1;2", ""].join("\n");
    const result = await collect(text);
    expect(result.records.map((r) => [r.period, r.variable, r.unit])).toEqual([
      ["2015/16", "Insgesamt", "Anzahl"],
      ["2015/16", "weiblich", "Anzahl"]
    ]);
  });
});
