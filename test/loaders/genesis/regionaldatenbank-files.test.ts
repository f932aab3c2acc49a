/**
 * The parser on the Regionaldatenbank downloads of ../shared/data/regionaldatenbank (SOURCES.md §6):
 * the "Tabelle:" title line, and all-"-" rows that are real zeros for regions the caller knows.
 */
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {parseGenesisFile, parseGenesisText} from "../../../loaders/genesis/index.ts";
import type {GenesisRecord, SetAsideRow} from "../../../loaders/genesis/index.ts";
import {dissolvedBy} from "../../../loaders/kreise/territory.ts";
import {find, table} from "./helpers.ts";

const dir = resolve(import.meta.dirname, "../../../../shared/data/regionaldatenbank");
const describeData = existsSync(dir) || process.env.CI ? describe : describe.skip;

async function parse(name: string, regionExisted?: (region: string, period: string) => boolean) {
  const records: GenesisRecord[] = [];
  const setAside: SetAsideRow[] = [];
  const summary = await parseGenesisFile(resolve(dir, name), {onRecord: (r) => records.push(r), onSetAside: (r) => setAside.push(r), ...(regionExisted ? {regionExisted} : {})});
  return {summary, records, setAside};
}

describeData("Regionaldatenbank downloads", () => {
  it("reads a table whose first line is 'Tabelle:' (leavers 2024, renamed categories)", async () => {
    const {summary, records, setAside} = await parse("21111-02-06-4_schulabgaenger_2024.csv");
    expect(summary).toMatchObject({layout: "table", encoding: "windows-1252", table: "21111-02-06-4", setAsideRows: 79});
    // Every all-"-" row is a Kreis dissolved by a known reform or an abolished Regierungsbezirk (the table keeps their codes).
    expect(setAside.filter((r) => r.reason === "all-dash").every((r) => dissolvedBy(r.region!) !== undefined || /^1[45]\d$/.test(r.region!))).toBe(true);
    const base = "Absolvierende/Abgehende allgemeinbildender Schulen nach dem Abschluss";
    expect(find(records, {region: "11008008", variable: `${base} / Insgesamt / Insgesamt`}).value).toBe(2744);
    expect(find(records, {region: "11008008", variable: `${base} / ohne Ersten Schulabschluss / Insgesamt`}).value).toBe(376);
    // Baden-Württemberg: suppressed, never 0.
    expect(find(records, {region: "08117", variable: `${base} / ohne Ersten Schulabschluss / Insgesamt`})).toMatchObject({value: null, flag: "."});
  });

  it("reads unemployment 2025 ('Tabelle:', Windows-1252, unit row)", async () => {
    const {summary, records} = await parse("13211-02-05-4_arbeitslose_2025.csv");
    expect(summary.table).toBe("13211-02-05-4");
    const koeln = records.filter((r) => r.region === "05315");
    expect(koeln.find((r) => r.variable === "Arbeitslosenquote bez. auf alle zivile Erwerbsp.")).toMatchObject({value: 9.1, unit: "Prozent"});
    expect(koeln.find((r) => r.variable === "Arbeitslosenquote bez. auf alle zivile Erwerbsp. / 15 bis unter 25 Jahre")?.value).toBe(6);
  });

  it("keeps the all-'-' rows of current Kreise as zeros (no vocational school) when the caller knows them", async () => {
    const dashRegions = (rows: SetAsideRow[]) => rows.filter((r) => r.reason === "all-dash" && /^\d{5}$/.test(r.region!) && dissolvedBy(r.region!) === undefined).map((r) => r.region);
    const without = await parse("21121-02-02-4_berufliche_schulen_abschluesse_2023.csv");
    expect(dashRegions(without.setAside).sort()).toEqual(["09471", "09473", "09573", "09671", "16068"]);
    const current = new Set(["09471", "09473", "09573", "09671", "16068"]);
    const known = await parse("21121-02-02-4_berufliche_schulen_abschluesse_2023.csv", (region) => current.has(region));
    expect(dashRegions(known.setAside)).toEqual([]);
    const bamberg = known.records.filter((r) => r.region === "09471");
    expect(bamberg).toHaveLength(12);
    expect(bamberg.every((r) => r.value === 0 && r.flag === "-")).toBe(true);
    expect(known.summary.recordRows).toBe(without.summary.recordRows + 5);
  });
});

describe("table layout: title line and all-'-' rows", () => {
  it("accepts 'Tabelle: CODE' as the first line and takes the code from it", async () => {
    const text = table(["2015;05315;Köln;10;-"]).replace("GENESIS-Tabelle: 21111-02-06-4", "Tabelle: 13211-02-05-4");
    const records: GenesisRecord[] = [];
    const summary = await parseGenesisText(text, {file: "t.csv", onRecord: (r) => records.push(r)});
    expect(summary).toMatchObject({layout: "table", table: "13211-02-05-4"});
    expect(records.map((r) => r.value)).toEqual([10, 0]);
  });

  it("asks per region and period: a current key in a year before it existed is still set aside", async () => {
    const text = table(["2015;03159;Göttingen;-;-", "2017;03159;Göttingen;-;-"]);
    const setAside: SetAsideRow[] = [];
    const records: GenesisRecord[] = [];
    await parseGenesisText(text, {file: "t.csv", onRecord: (r) => records.push(r), onSetAside: (r) => setAside.push(r), regionExisted: (_region, period) => period >= "2017"});
    expect(setAside.filter((r) => r.reason === "all-dash").map((r) => r.period)).toEqual(["2015"]);
    expect(records.map((r) => [r.period, r.value, r.flag])).toEqual([
      ["2017", 0, "-"],
      ["2017", 0, "-"]
    ]);
  });
});
