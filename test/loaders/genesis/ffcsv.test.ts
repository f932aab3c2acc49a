import {describe, expect, it} from "vitest";
import {tableFromFileName} from "../../../loaders/genesis/ffcsv.ts";
import {V5_HEADER, collect, collectFile, countBy, describeFixtures, find, fixture, v5, v5Row} from "./helpers.ts";

describeFixtures("ffcsv since 2025: real files", () => {
  it("12411-01-01-4: population 2024-12-31, Insgesamt as an empty attribute code", async () => {
    const result = await collectFile(fixture("12411-01-01-4_1773175772751_de_flat.csv"));
    expect(result.summary).toMatchObject({layout: "ffcsv", encoding: "utf-8-bom", table: "12411-01-01-4", records: 1467, dataRows: 1467, recordRows: 1467, setAsideRows: 0, headerLines: 1, headerOnly: false});
    expect(result.header).toEqual({file: fixture("12411-01-01-4_1773175772751_de_flat.csv"), layout: "ffcsv", table: "12411-01-01-4", dimensions: ["GES"], variables: []});
    expect(find(result.records, {region: "05315", dimensions: {GES: ""}})).toEqual({
      table: "12411-01-01-4",
      period: "2024-12-31",
      region: "05315",
      region_name: "Köln, kreisfreie Stadt",
      variable: "BEVSTD",
      dimensions: {GES: ""},
      value: 1024621,
      unit: "Anzahl",
      flag: null
    });
    expect(find(result.records, {region: "05315", dimensions: {GES: "GESM"}}).value).toBe(498050);
    expect(find(result.records, {region: "05315", dimensions: {GES: "GESW"}}).value).toBe(526571);
    expect(countBy(result.records, (r) => r.dimensions.GES!)).toEqual({"": 489, GESM: 489, GESW: 489});
  });

  it("12211-Z-11 with quality=on: '/' and '-' in value, 'e' and '()' in value_q", async () => {
    const result = await collectFile(fixture("12211-Z-11_1773175349407_de_flat.csv"));
    expect(result.summary).toMatchObject({layout: "ffcsv", table: "12211-Z-11", records: 1956, dataRows: 1956});
    expect(countBy(result.records, (r) => String(r.flag))).toEqual({"-": 1020, "/": 29, e: 893, "()": 14});
    expect(find(result.records, {region: "05554", dimensions: {LBFORM01: "LB-INS"}})).toMatchObject({value: 166, unit: "1000", flag: "e", variable: "LBFMZ01", period: "2019"});
    expect(find(result.records, {region: "05120", dimensions: {LBFORM01: "FAMILIEN"}})).toMatchObject({value: 14, flag: "()"});
    expect(find(result.records, {region: "03455", dimensions: {LBFORM01: "ALLEINST"}})).toMatchObject({value: null, flag: "/"});
    expect(find(result.records, {region: "09564", dimensions: {LBFORM01: "LB-INS"}})).toMatchObject({value: 0, flag: "-"});
    // A dissolved Kreis (Aschersleben-Staßfurt, 2007) is passed through, not judged.
    expect(find(result.records, {region: "15352", dimensions: {LBFORM01: "LB-INS"}}).region_name).toBe("Aschersleben-Staßfurt, Kreis");
  });

  it("61511-01-03-4: decimal commas, '.' and '-', four value variables with their units", async () => {
    const result = await collectFile(fixture("61511-01-03-4_1773175078131_de_flat.csv"));
    expect(result.summary).toMatchObject({layout: "ffcsv", table: "61511-01-03-4", records: 3912});
    const koeln = (variable: string, attribute: string) => find(result.records, {region: "05315", variable, dimensions: {BAUNW2: attribute}});
    expect(koeln("BAU004", "")).toMatchObject({value: 778.43, unit: "EUR", period: "2024"});
    expect(koeln("BAU004", "BAUNW101")).toMatchObject({value: 1060.08, unit: "EUR"});
    expect(koeln("BAU003", "")).toMatchObject({value: 147155, unit: "Tsd. EUR"});
    expect(koeln("BAU002", "")).toMatchObject({value: 189, unit: "1000 qm"});
    expect(find(result.records, {region: "09474", variable: "BAU004", dimensions: {BAUNW2: ""}}).value).toBe(191.67);
    expect(countBy(result.records, (r) => String(r.flag))).toEqual({null: 3912 - 644 - 172, "-": 644, ".": 172});
    expect(result.records.filter((r) => r.flag === ".").every((r) => r.value === null)).toBe(true);
    expect(result.records.filter((r) => r.flag === "-").every((r) => r.value === 0)).toBe(true);
  });
});

describe("ffcsv since 2025: odd but valid input", () => {
  it("reads CRLF, a missing trailing newline and a BOM", async () => {
    const text = "\uFEFF" + v5(v5Row({value: "1"}), v5Row({value: "2", sex: "GESW"})).replace(/\n/g, "\r\n").trimEnd();
    const result = await collect(text, "12411-01-01-4_1_de_flat.csv");
    expect(result.summary.encoding).toBe("utf-8-bom");
    expect(result.records.map((r) => [r.table, r.value, r.unit, r.variable])).toEqual([
      ["12411-01-01-4", 1, "Anzahl", "BEVSTD"],
      ["12411-01-01-4", 2, "Anzahl", "BEVSTD"]
    ]);
  });

  it("reads quoted fields containing ';', quotes and line breaks, and counts physical lines", async () => {
    const row = v5Row({name: '"Köln; ""kreisfreie""\nStadt"'});
    const result = await collect(v5(row, v5Row({region: "05314", value: "x"})));
    expect(result.records[0]!.region_name).toBe('Köln; "kreisfreie"\nStadt');
    expect(result.records[1]).toMatchObject({region: "05314", value: null, flag: "x"});
    // The second data row starts on line 4 because the first one spans two lines.
    const error = await collect(v5(row, v5Row({value: "abc"}))).catch((e: Error) => e.message);
    expect(error).toBe('t.csv, Zeile 4, Feld "value": erwartet: Zahl (Dezimalkomma) oder Sonderzeichen (- . ... / x), gefunden: "abc"');
  });

  it("reads a single line of several megabytes (a 5 MB quoted label), also in small chunks", async () => {
    const label = "Ä".repeat(5 * 1024 * 1024);
    const text = v5(v5Row({name: `"${label};"`}), v5Row({region: "05314"}));
    for (const chunkSize of [undefined, 65536]) {
      const result = await collect(Buffer.from(text), "t.csv", chunkSize);
      expect(result.records).toHaveLength(2);
      expect(result.records[0]!.region_name).toHaveLength(label.length + 1);
      expect(result.records[1]!.region).toBe("05314");
    }
  });

  it("states a header-only file: zero records, header announced at the end", async () => {
    const result = await collect(V5_HEADER + "\n");
    expect(result.summary).toMatchObject({headerOnly: true, records: 0, dataRows: 0, headerLines: 1});
    expect(result.header).toMatchObject({layout: "ffcsv", dimensions: []});
  });

  it("passes region keys of other levels through (Regierungsbezirk, dissolved Kreis, Berlin district)", async () => {
    const result = await collect(v5(v5Row({region: "051"}), v5Row({region: "16056"}), v5Row({region: "11001001"}), v5Row({region: "DG"})));
    expect(result.records.map((r) => r.region)).toEqual(["051", "16056", "11001001", "DG"]);
  });

  it("parses value forms: decimal comma and point, negatives, (limited), quality suffix, long numbers", async () => {
    const values = ["191,67", "0,5", "-3", "-0,25", "(12)", "1234 p", "56r", "1234567890123456789", "0"];
    const result = await collect(v5(...values.map((value, i) => v5Row({value, region: String(i).padStart(5, "0"), unit: "Prozent"}))));
    expect(result.records.map((r) => [r.value, r.flag])).toEqual([
      [191.67, null],
      [0.5, null],
      [-3, null],
      [-0.25, null],
      [12, "()"],
      [1234, "p"],
      [56, "r"],
      [1234567890123456789, null],
      [0, null]
    ]);
  });

  it("reads a count as a whole number: 47.123 of unit Anzahl is refused, never 47.123 persons", async () => {
    await expect(collect(v5(v5Row({value: "1024621"}), v5Row({value: "47.123", region: "05314"})))).rejects.toThrow(
      't.csv, Zeile 3, Feld "value": erwartet: eine ganze Zahl (Einheit Anzahl; ein Punkt wäre ein Tausenderpunkt), gefunden: "47.123"'
    );
  });

  it("one file, one number format: a decimal point after decimal commas is refused", async () => {
    await expect(collect(v5(v5Row({value: "12,5", unit: "Prozent"}), v5Row({value: "47.123", region: "05314", unit: "Prozent"})))).rejects.toThrow(
      't.csv, Zeile 3, Feld "value": erwartet: eine Zahl im Format der übrigen Datei (ein Dezimaltrennzeichen je Datei, keine Tausenderpunkte), gefunden: "47.123"'
    );
    const points = await collect(v5(v5Row({value: "12.5", unit: "Prozent"}), v5Row({value: "47.123", region: "05314", unit: "Prozent"})));
    expect(points.records.map((r) => r.value)).toEqual([12.5, 47.123]);
  });

  it("keeps classifying variables in order and '' (Insgesamt) apart from absent", async () => {
    const header = V5_HEADER.replace(";value;", ";3_variable_code;3_variable_label;3_variable_attribute_code;3_variable_attribute_label;value;");
    const row = (age: string) => v5Row().replace(";123;", `;ALTX20;Altersgruppen;${age};Alter;123;`);
    const result = await collect([header, row(""), row("ALT000B03")].join("\n"));
    expect(result.header?.dimensions).toEqual(["GES", "ALTX20"]);
    expect(result.records.map((r) => r.dimensions)).toEqual([
      {GES: "GESM", ALTX20: ""},
      {GES: "GESM", ALTX20: "ALT000B03"}
    ]);
  });

  it("finds the regional variable in any position and has no region without one", async () => {
    const swapped = V5_HEADER;
    const row = "12411;B;STAG;Stichtag;2024-12-31;GES;Geschlecht;GESM;männlich;KREISE;Kreise;05315;Köln;5;Anzahl;BEVSTD;B";
    expect((await collect([swapped, row].join("\n"))).records[0]).toMatchObject({region: "05315", region_name: "Köln", dimensions: {GES: "GESM"}});
    const national = "61111;VPI;JAHR;Jahr;2023;CC13A2;Verwendungszwecke;CC13-01;Nahrungsmittel;WERT;Wert;IDX;Index;117,3;2020=100;PREIS1;Verbraucherpreisindex";
    const result = await collect([swapped, national].join("\n"), "61111-0003_de_flat.csv");
    expect(result.records[0]).toMatchObject({table: "61111-0003", region: "", region_name: "", dimensions: {CC13A2: "CC13-01", WERT: "IDX"}, value: 117.3});
  });
});

describe("tableFromFileName", () => {
  it.each([
    ["12211-Z-11_1773175349407_de_flat.csv", "12211", "12211-Z-11"],
    ["12411-01-01-4_flat.csv", "12411", "12411-01-01-4"],
    ["/data/raw/61111-0021_de_flat.csv", "61111", "61111-0021"],
    ["download.csv", "12411", "12411"],
    ["99999-01-01-4_flat.csv", "12411", "12411"]
  ])("%s with statistic %s → %s", (name, statistic, expected) => {
    expect(tableFromFileName(name, statistic)).toBe(expected);
  });
});
