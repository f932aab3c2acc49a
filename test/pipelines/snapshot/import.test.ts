import {mkdtempSync, readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, expect, it} from "vitest";
import {buildSnapshot, type ImportReport} from "../../../pipelines/snapshot/import.ts";
import {readSnapshotIndicators, readSnapshotRegions} from "../../../pipelines/snapshot/read.ts";
import {writeSnapshot, type Snapshot} from "../../../pipelines/snapshot/write.ts";
import {describeShared, SHARED} from "../../loaders/shared-data.ts";

const EDUCATION = ["Frühkindliche Bildung", "Allgemeinbildende Schule", "Berufliche Bildung", "Hochschule"];

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

describeShared("kbm import from ../shared", () => {
  let snapshot: Snapshot;
  let report: ImportReport;
  let dirA: string;
  const value = (indicator: string, region: string, period: string) => snapshot.observations.find((o) => o.indicator === indicator && o.region === region && o.period === period);

  beforeAll(async () => {
    ({snapshot, report} = await buildSnapshot(SHARED));
    dirA = join(mkdtempSync(join(tmpdir(), "kbm-import-")), "snapshot");
    await writeSnapshot(dirA, snapshot);
  });

  it("writes a byte-identical snapshot on a second import", async () => {
    const second = await buildSnapshot(SHARED);
    const dirB = join(mkdtempSync(join(tmpdir(), "kbm-import-")), "snapshot");
    await writeSnapshot(dirB, second.snapshot);
    const files = listFiles(dirA);
    expect(files).toEqual(listFiles(dirB));
    expect(files).toEqual([
      "SOURCES.md",
      "geo/berlin-bezirke.topojson",
      "geo/berlin-planungsraeume.topojson",
      "geo/kreise.topojson",
      "geo/laender.topojson",
      "indicators.json",
      "observations.csv",
      "places.csv",
      "regions.csv",
      "sources.json"
    ]);
    for (const f of files) expect(readFileSync(join(dirB, f)).equals(readFileSync(join(dirA, f))), f).toBe(true);
  });

  it("has Bund, 16 Länder, 400 Kreise, 12 Bezirke and 542 Planungsräume, and reads back", () => {
    const regions = readSnapshotRegions(dirA);
    const count = (level: string) => regions.filter((r) => r.level === level).length;
    expect([count("bund"), count("land"), count("kreis"), count("bezirk"), count("planungsraum")]).toEqual([1, 16, 400, 12, 542]);
    expect(regions.find((r) => r.id === "11001001")).toEqual({id: "11001001", name: "Mitte", level: "bezirk", type: "Berliner Bezirk", parent: "11000", land: "11", kreisfrei: null, bbsr_kreistyp: null, population: 385692, population_date: "2021-12-31", area_km2: 39.4});
    expect(regions.find((r) => r.id === "11012012")?.name).toBe("Reinickendorf");
    expect(regions.find((r) => r.id === "01100101")).toMatchObject({level: "planungsraum", parent: "11001001", land: "11", population: 3503, population_date: "2022-06-30"});
    expect(regions.find((r) => r.id === "05315")).toMatchObject({type: "Kreisfreie Stadt", kreisfrei: true, bbsr_kreistyp: 1, land: "05", population: 1073096, area_km2: 405.01});
    expect(regions.find((r) => r.id === "DG")).toMatchObject({population: 83237124});
    expect(regions.some((r) => r.id === "16056")).toBe(false);
    for (const r of regions.filter((x) => x.level === "planungsraum")) expect(r.parent).toBe(`110${r.id.slice(0, 2)}0${r.id.slice(0, 2)}`);
  });

  it("holds the real values of the sources", () => {
    expect(value("schulabgaenger_ohne_hsa", "05315", "2015")).toEqual({indicator: "schulabgaenger_ohne_hsa", region: "05315", period: "2015", value: 5.12, flag: null, source: "inkar"});
    expect(value("schulabgaenger_allg_hochschulreife", "05315", "2015")?.value).toBe(41.4);
    expect(value("betreuungsquote_u3", "11000", "2023")).toMatchObject({value: 47.6, source: "ew24_strukturdaten"});
    expect(value("betreuungsquote_3_6", "13003", "2023")).toMatchObject({value: 103.2, source: "ew24_strukturdaten"});
    expect(value("betreuungsquote_u3", "DG", "2023")).toMatchObject({value: 36.4, source: "ew24_strukturdaten"});
    expect(value("betreuungsquote_3_6", "DG", "2023")?.value).toBe(90.9);
    expect(value("betreuungsquote_u3", "11", "2023")?.value).toBe(47.6); // Berlin has no Land row: the Kreis row is the Land
    expect(value("betreuungsquote_u3", "05315", "2020")).toMatchObject({source: "inkar"});
    expect(value("betreuungsquote_u3", "11001001", "2023")).toMatchObject({value: 66.5, source: "btw25_strukturdaten_berlin"});
    expect(value("betreuungsquote_3_6", "11001001", "2023")?.value).toBe(121.2);
    expect(value("betreuungsquote_u3", "11003003", "2023")).toBeUndefined(); // Pankow: joint Wahlkreis value, set aside
    expect(value("kinderarmut_sgb2_u15", "05513", "2022")?.value).toBe(37.1); // Gelsenkirchen
    expect(value("arbeitslosenquote", "DG", "2023")?.value).toBe(5.7);
    expect(value("schulabgaenger_hochschulreife_fhr", "09471", "2022")).toMatchObject({value: 0, flag: "-"});
    expect(value("bevoelkerung", "05315", "2022")?.value).toBe(1084800);
    expect(value("bevoelkerung_zensus2022", "11000", "2022")?.value).toBe(3596999);
    expect(value("einwohner_melderegister", "11000", "2023")?.value).toBe(3878100);
    expect(value("einwohner_melderegister", "03400831", "2022-06-30")).toMatchObject({value: 0, flag: "-"});
    expect(value("kita_plaetze", "11000", "2023")?.value).toBe(197817);
    expect(value("kitas_anzahl", "11000", "2022")?.value).toBe(2880);
    expect(value("schulen_anzahl", "11000", "2023")?.value).toBe(902);
    expect(value("mss_kinderarmut", "01100101", "2020")?.value).toBe(19.39799);
    expect(value("mss_kinderarmut", "06200418", "2020")).toMatchObject({value: null, flag: "."});
    expect(value("mss_kinderarmut", "11008008", "2020")).toMatchObject({flag: "s"});
  });

  it("sums Planungsräume to Bezirke and Bezirke to Berlin for counts", () => {
    for (const indicator of ["kitas_anzahl", "schulen_anzahl", "grundschulen_oeffentlich_anzahl"]) {
      const rows = snapshot.observations.filter((o) => o.indicator === indicator);
      const plr = rows.filter((o) => o.region.length === 8 && !o.region.startsWith("110")).reduce((a, o) => a + o.value!, 0);
      const bezirke = rows.filter((o) => /^110(\d\d)0\1$/.test(o.region)).reduce((a, o) => a + o.value!, 0);
      expect(bezirke, indicator).toBe(plr);
      expect(rows.find((o) => o.region === "11000")!.value, indicator).toBe(plr);
    }
  });

  it("registers at least 30 indicators, at least 15 on education, each with coverage", () => {
    const indicators = readSnapshotIndicators(dirA);
    expect(indicators.length).toBeGreaterThanOrEqual(30);
    expect(indicators.filter((i) => EDUCATION.includes(i.area)).length).toBeGreaterThanOrEqual(15);
    for (const i of indicators) expect(i.coverage.length, i.id).toBeGreaterThan(0);
    const ids = new Set(indicators.map((i) => i.id));
    for (const o of snapshot.observations) expect(ids.has(o.indicator)).toBe(true);
  });

  it("stores observations only for regions of the snapshot and never for dissolved Kreise", () => {
    const regionIds = new Set(snapshot.regions.map((r) => r.id));
    for (const o of snapshot.observations) expect(regionIds.has(o.region), o.region).toBe(true);
    expect(snapshot.observations.some((o) => o.region === "16056")).toBe(false);
    expect(report.setAside).toContainEqual(expect.objectContaining({kind: "region", region: "16056", file: "data/kreise/bbsr_kreistypen_2020_original_latin1.csv", reason: expect.stringContaining("aufgelöst am 01.07.2021")}));
    expect(report.setAside).toContainEqual(expect.objectContaining({region: "13051", file: "fixtures/genesis/21111-02-06-4.csv", reason: expect.stringContaining("Kreisgebietsreform Mecklenburg-Vorpommern")}));
  });

  it("reports which source lost where two carry the same value, and the joint Berlin Wahlkreise", () => {
    expect(report.overridden.map((o) => [o.indicator, o.winner, o.loser, o.count])).toEqual([
      ["auslaenderanteil", "inkar", "ew24_strukturdaten", 400],
      ["schulabgaenger_hsa", "inkar_2024", "ew24_strukturdaten", 400],
      ["schulabgaenger_mittlerer_abschluss", "inkar_2024", "ew24_strukturdaten", 400],
      ["schulabgaenger_ohne_hsa", "inkar", "ew24_strukturdaten", 400]
    ]);
    expect(report.berlin.joint_wahlkreise_set_aside.map((w) => w.wk_nr)).toEqual(["75", "77", "79", "82"]);
  });

  it("has one geometry per region of each mapped level", () => {
    const topo = (name: string) => snapshot.geo[name] as {objects: Record<string, {geometries: {id: string}[]}>};
    expect(topo("kreise.topojson").objects.kreise!.geometries).toHaveLength(400);
    expect(topo("laender.topojson").objects.laender!.geometries).toHaveLength(16);
    expect(topo("berlin-bezirke.topojson").objects.bezirke!.geometries.map((g) => g.id)).toContain("11001001");
    expect(topo("berlin-planungsraeume.topojson").objects.planungsraeume!.geometries).toHaveLength(542);
  });

  it("renders every source with licence and attribution into SOURCES.md", () => {
    for (const s of snapshot.sources) {
      expect(snapshot.sourcesDoc).toContain(`## ${s.title}`);
      expect(snapshot.sourcesDoc).toContain(s.attribution);
      expect(snapshot.sourcesDoc).toContain(s.licence);
    }
    expect(snapshot.sourcesDoc).toContain("CC BY 3.0 DE");
  });
});
