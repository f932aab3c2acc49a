import {describe, expect, it} from "vitest";
import {parseGenesisStream} from "../../../loaders/genesis/index.ts";
import {LEGACY_HEADER, chunks as chunksOf, collect, collectFile, describeFixtures, find, fixture, legacy, legacyRow} from "./helpers.ts";

describeFixtures("ffcsv until 2024: 12411-01-01-4_flat.csv", () => {
  it("parses the wide layout with DG, Länder and Regierungsbezirke, trimming indented labels", async () => {
    const result = await collectFile(fixture("12411-01-01-4_flat.csv"));
    expect(result.summary).toMatchObject({layout: "ffcsv-legacy", encoding: "utf-8", table: "12411-01-01-4", dataRows: 1614, headerLines: 1});
    expect(result.header).toMatchObject({dimensions: ["GES"], variables: ["BEVSTD"]});
    expect(find(result.records, {region: "DG", dimensions: {GES: ""}})).toEqual({
      table: "12411-01-01-4",
      period: "2022-12-31",
      region: "DG",
      region_name: "Deutschland",
      variable: "BEVSTD",
      dimensions: {GES: ""},
      value: 84358845,
      unit: "Anzahl",
      flag: null
    });
    expect(find(result.records, {region: "01", dimensions: {GES: ""}}).region_name).toBe("Schleswig-Holstein");
    expect(find(result.records, {region: "051", dimensions: {GES: "GESW"}})).toMatchObject({region_name: "Düsseldorf, Regierungsbezirk", value: 2695194});
    expect(find(result.records, {region: "05315", dimensions: {GES: "GESM"}})).toMatchObject({region_name: "Köln, kreisfreie Stadt", value: 526588});
    expect(find(result.records, {region: "03241001", dimensions: {GES: ""}}).value).toBe(545045);
    expect(result.records.every((r) => r.region_name === r.region_name.trim())).toBe(true);
  });

  it("keeps '.' as null and sets aside regions whose every cell is '-' (Göttingen 03152, Eisenach 16056)", async () => {
    const result = await collectFile(fixture("12411-01-01-4_flat.csv"));
    expect(find(result.records, {region: "11001001", dimensions: {GES: ""}})).toMatchObject({region_name: "Berlin-Mitte", value: null, flag: "."});
    expect(result.summary.setAsideRows).toBe(237);
    expect(result.summary.recordRows + result.summary.setAsideRows).toBe(result.summary.dataRows);
    expect(result.summary.records).toBe(1614 - 237);
    expect(result.records.some((r) => r.flag === "-")).toBe(false);
    expect(result.setAside.filter((row) => row.region === "03152").map((row) => row.line)).toEqual([74, 75, 76]);
    expect(result.setAside.find((row) => row.region === "16056")).toMatchObject({period: "2022-12-31", region_name: "Eisenach, kreisfreie Stadt", message: 'alle Werte "-": Region 16056 Eisenach, kreisfreie Stadt bestand 2022-12-31 nicht'});
  });
});

describe("ffcsv until 2024: odd but valid input", () => {
  it("emits a single '-' cell as zero: one cell alone does not show a region that did not exist", async () => {
    const header = LEGACY_HEADER.replace(";2_Merkmal_Code;2_Merkmal_Label;2_Auspraegung_Code;2_Auspraegung_Label", "");
    const result = await collect([header, "12411;B;STAG;Stichtag;31.12.2022;KREISE;Kreise;05315;Köln;-"].join("\n"));
    expect(result.records[0]).toMatchObject({region: "05315", value: 0, flag: "-"});
  });

  it("pairs __q columns with their value column and splits CODE__Label__Unit", async () => {
    const header = "Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;1_Auspraegung_Code;1_Auspraegung_Label;PREIS1__Verbraucherpreisindex__2020=100;PREIS1__Verbraucherpreisindex__q;FILM05__Filmbesuche__Mill._EUR;Verbraucherpreisindex__CH0004;Verbraucherpreisindex__CH0004__q";
    const row = "61111;VPI;JAHR;Jahr;2023;DINSG;Deutschland;DG;Deutschland;117,3;e;722;5,9;p";
    const result = await collect([header, row].join("\r\n"));
    expect(result.header?.variables).toEqual(["PREIS1", "FILM05", "Verbraucherpreisindex__CH0004"]);
    expect(result.records.map((r) => [r.variable, r.value, r.unit, r.flag, r.region])).toEqual([
      ["PREIS1", 117.3, "2020=100", "e", "DG"],
      ["FILM05", 722, "Mill. EUR", null, "DG"],
      ["Verbraucherpreisindex__CH0004", 5.9, "", "p", "DG"]
    ]);
  });

  it("states a header-only file", async () => {
    const result = await collect(LEGACY_HEADER + "\n");
    expect(result.summary).toMatchObject({layout: "ffcsv-legacy", headerOnly: true, records: 0});
    expect(result.header).toMatchObject({variables: ["BEVSTD"], dimensions: []});
  });

  it("emits a long group of one region and period while reading it, not at its end (bounded memory)", async () => {
    const rows = Array.from({length: 20_000}, (_, i) => legacyRow({value: i < 3 ? "-" : String(i), sex: `A${i}`}));
    const bytes = new TextEncoder().encode(legacy(...rows));
    let chunksRead = 0;
    let chunksAtFirstRecord = -1;
    const records: (number | null)[] = [];
    const chunks = chunksOf(bytes, 64 * 1024);
    async function* source() {
      for (const c of chunks) {
        chunksRead++;
        yield c;
      }
    }
    await parseGenesisStream(source(), {file: "t.csv", onRecord: (r) => {
      if (chunksAtFirstRecord === -1) chunksAtFirstRecord = chunksRead;
      records.push(r.value);
    }});
    // Before, the 20,000 rows were held until the region changed: the first record came after the last chunk.
    expect(chunksAtFirstRecord).toBeLessThan(chunks.length / 4);
    // The leading "-" rows are zeros of an existing region, in line order.
    expect(records.slice(0, 5)).toEqual([0, 0, 0, 3, 4]);
    expect(records).toHaveLength(20_000);
  });

  it("sets aside a group only while period and region stay the same", async () => {
    const result = await collect(legacy(legacyRow({value: "-", sex: ""}), legacyRow({value: "-", sex: "GESM"}), legacyRow({region: "05314", value: "-"}), legacyRow({region: "05314", value: "4", sex: "GESW"})));
    expect(result.setAside.map((row) => [row.line, row.region])).toEqual([
      [2, "05315"],
      [3, "05315"]
    ]);
    expect(result.records.map((r) => [r.region, r.value, r.flag])).toEqual([
      ["05314", 0, "-"],
      ["05314", 4, null]
    ]);
  });
});
