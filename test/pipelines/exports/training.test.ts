/**
 * The training exports against the warehouse: built from the committed snapshot in a temp dir
 * (real values) and from the hand-written fixture (flags, ties, missing rows). Expected values
 * come from SQL over the same warehouse, not from the export code.
 */
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readRows} from "../../support/real-warehouse.ts";
import {BERLIN_INDICATORS, trainingBerlin, type BerlinTrainingData} from "../../../pipelines/exports/training-berlin.ts";
import {trainingPitfalls, type PitfallData} from "../../../pipelines/exports/training-pitfalls.ts";
import {TRAINING_EXAMPLES, trainingDirectory, trainingExample, trainingSeries, trainingStats, type TrainingDirectory, type TrainingExample, type TrainingSlug} from "../../../pipelines/exports/training.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {withWarehouse} from "../../../pipelines/warehouse/open.ts";
import {writeFixture, type FixtureDirs} from "../warehouse/fixture.ts";

const SNAPSHOT = resolve(import.meta.dirname, "../../../data/snapshot");
let dir: string;
let target: string;
let instance: DuckDBInstance;
let sql: DuckDBConnection;
const examples = {} as Record<TrainingSlug, TrainingExample>;
let directory: TrainingDirectory;
let berlin: BerlinTrainingData;
let pitfalls: PitfallData;

const rows = (query: string, params?: Record<string, string | number>) => readRows(sql, query, params);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kbm-training-"));
  target = join(dir, "warehouse.duckdb");
  await buildWarehouse({snapshotDir: SNAPSHOT, target, updatesDir: null});
  await withWarehouse(target, async (c) => {
    for (const slug of Object.keys(TRAINING_EXAMPLES) as TrainingSlug[]) examples[slug] = await trainingExample(c, slug);
    directory = await trainingDirectory(c);
    berlin = await trainingBerlin(c);
    pitfalls = await trainingPitfalls(c);
  });
  instance = await DuckDBInstance.create(target, {access_mode: "READ_ONLY"});
  sql = await instance.connect();
}, 120_000);

afterAll(() => {
  sql?.closeSync();
  instance?.closeSync();
  rmSync(dir, {recursive: true, force: true});
});

describe("registry texts on the training pages", () => {
  it("name other indicators instead of showing their ids (the registry cross-references mss_kinderarmut ↔ kinderarmut_sgb2_u15)", async () => {
    const ids = new Set((await rows("SELECT id FROM indicators")).map((r) => String(r.id)));
    const all = [...Object.values(examples), berlin, pitfalls].flatMap((d) => Object.values(d.indicators));
    const shown = all.flatMap((i) => i.caveats.flatMap((c) => c.match(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g) ?? [])).filter((t) => ids.has(t));
    expect(shown).toEqual([]);
    const poverty = all.find((i) => i.id === "kinderarmut_sgb2_u15")!;
    const [{name}] = (await rows("SELECT name FROM indicators WHERE id = 'mss_kinderarmut'")) as [{name: string}];
    expect(poverty.caveats.some((c) => c.includes(`„${name}“`))).toBe(true);
  });
});

describe("trainingExample on the real snapshot", () => {
  it.each([
    ["kita-u3", "betreuungsquote_u3", "05315"],
    ["kita-u3", "betreuungsquote_u3", "09471"],
    ["kita-u3", "betreuungsquote_u3", "11000"],
    ["ohne-abschluss", "schulabgaenger_ohne_hsa", "05315"],
    ["ohne-abschluss", "schulabgaenger_ohne_hsa", "03159"],
    ["abitur-g8-g9", "schulabgaenger_allg_hochschulreife", "03255"],
    ["uebergang-beruf", "jugendarbeitslosenquote", "16063"],
    ["uebergang-beruf", "auszubildende_je_100_15_25", "02000"]
  ] as const)("%s: %s of %s equals facts, year by year", async (slug, indicator, region) => {
    const series = examples[slug].series[indicator]!;
    const expected = await rows("SELECT year, value, flag FROM facts WHERE indicator = $i AND region = $r ORDER BY year", {i: indicator, r: region});
    const got = series.years.map((year, i) => ({year, value: series.values[region]?.[i] ?? null, flag: series.flags[region]?.[i] ?? null})).filter((p) => p.value !== null || p.flag !== null);
    expect(got).toEqual(expected);
  });

  it("keeps the gap of the under-3 rate: no Kreis row for 2021 and 2022, never a 0", () => {
    const s = examples["kita-u3"].series.betreuungsquote_u3!;
    expect(s.years).not.toContain(2021);
    expect(s.years).not.toContain(2022);
    expect(s.sources.kreis![2020]).toEqual(["inkar"]);
    expect(s.sources.kreis![2023]).toEqual(["ew24_strukturdaten"]);
  });

  it("Land and Bund values as published (Nordrhein-Westfalen 2023)", async () => {
    const s = examples["kita-u3"].series.betreuungsquote_u3!;
    const [nrw] = await rows("SELECT value FROM facts WHERE indicator = 'betreuungsquote_u3' AND region = '05' AND year = 2023");
    expect(s.values["05"]![s.years.indexOf(2023)]).toBe(nrw!.value);
    expect(s.values["05"]![s.years.indexOf(2020)]).toBeNull();
  });

  it.each(["grossstaedte", "land_03", "landkreise"])("peer statistics of %s equal peer_stats", async (group) => {
    const s = examples["abitur-g8-g9"].series.schulabgaenger_allg_hochschulreife!;
    const stats = examples["abitur-g8-g9"].stats.schulabgaenger_allg_hochschulreife![group]!;
    const expected = await rows("SELECT year, n, round(median, 6) AS median, round(q1, 6) AS q1 FROM peer_stats WHERE indicator = 'schulabgaenger_allg_hochschulreife' AND group_id = $g ORDER BY year", {g: group});
    for (const e of expected) {
      const i = s.years.indexOf(Number(e.year));
      expect({year: e.year, n: stats.n[i], median: stats.median[i], q1: stats.q1[i]}).toEqual(e);
    }
  });

  it("names every source it uses", () => {
    for (const example of Object.values(examples)) {
      const used = new Set(Object.values(example.series).flatMap((s) => Object.values(s.sources).flatMap((byYear) => Object.values(byYear).flat())));
      expect(new Set(example.sources.map((s) => s.id))).toEqual(used);
    }
  });

  it("stays small (JSON under 200 KB per example)", () => {
    for (const example of Object.values(examples)) expect(JSON.stringify(example).length).toBeLessThan(200_000);
  });
});

describe("trainingDirectory", () => {
  it("400 Kreise with their peer groups in the warehouse's order", async () => {
    expect(directory.regions).toHaveLength(400);
    const expected = await rows("SELECT list(group_id ORDER BY sort, group_id) AS groups FROM region_peer_groups WHERE region = '05315'");
    expect(directory.regions.find((r) => r.id === "05315")!.groups).toEqual(expected[0]!.groups);
    expect(directory.regions.find((r) => r.id === "05315")!.groups[0]).toBe("grossstaedte");
    expect(directory.places.DG).toBe("Deutschland");
    expect(directory.groups.find((g) => g.id === "grossstaedte")!.members).toBe(25);
  });
});

describe("trainingBerlin", () => {
  it("542 Planungsräume and 12 Bezirke, values as in facts", async () => {
    expect(berlin.planungsraeume.id).toHaveLength(542);
    expect(berlin.bezirke.id).toHaveLength(12);
    for (const id of ["01100101", "08100102", "06400843"]) {
      const i = berlin.planungsraeume.id.indexOf(id);
      expect(i).toBeGreaterThanOrEqual(0);
      for (const indicator of ["mss_kinderarmut", "kitas_anzahl", "einwohner_melderegister", "anteil_unter_6"] as const) {
        const expected = await rows("SELECT value, flag FROM facts WHERE indicator = $i AND region = $r", {i: indicator, r: id});
        expect({value: berlin.planungsraeume.value[indicator]![i], flag: berlin.planungsraeume.flag[indicator]![i]}).toEqual(expected[0] ?? {value: null, flag: null});
      }
    }
  });

  it("keeps the six Planungsräume without a child-poverty value as null with their flag", () => {
    const missing = berlin.planungsraeume.id.filter((_, i) => berlin.planungsraeume.value.mss_kinderarmut![i] === null);
    expect(missing).toHaveLength(6);
    for (const id of missing) expect(berlin.planungsraeume.flag.mss_kinderarmut![berlin.planungsraeume.id.indexOf(id)]).toBe(".");
  });

  it("Bezirk values of the latest period, Bezirk sources named", () => {
    expect(berlin.bezirke.period.kita_plaetze_je_100_u6).toBe("2023");
    expect(berlin.bezirke.period.mss_kinderarmut).toBe("2020");
    expect(Object.keys(berlin.indicators).sort()).toEqual([...BERLIN_INDICATORS].sort());
    expect(berlin.sources.map((s) => s.id)).toContain("mss2021");
  });
});

describe("trainingPitfalls", () => {
  it("one row per Kreis with an estimated number of leavers", async () => {
    expect(pitfalls.leavers).toHaveLength(400);
    const [koeln] = await rows("SELECT round(je.value * ew.value / 1000, 6) AS n FROM facts je JOIN facts ew ON ew.region = je.region AND ew.indicator = 'bevoelkerung' AND ew.year = 2022 WHERE je.indicator = 'schulabgaenger_je_1000_ew' AND je.region = '05315' AND je.year = 2022");
    expect(pitfalls.leavers.find((r) => r.id === "05315")!.leavers).toBe(koeln!.n);
  });

  it("the school-location pairs, reform spans and no dissolved key left", () => {
    expect(pitfalls.school_location.map((r) => [r.landkreis, r.city])).toEqual([["09471", "09461"], ["09678", "09662"]]);
    expect(pitfalls.dissolved_present).toEqual([]);
    const goettingen = pitfalls.spans.find((s) => s.id === "03159")!;
    expect(goettingen).toMatchObject({first_year: 1995, last_year: 2024, missing: [2001]});
    expect(pitfalls.childcare_years.filter((y) => y.kreise === 0).map((y) => y.year)).toEqual([2021, 2022, 2024]);
  });
});

describe("training exports on the fixture (flags, ties, missing rows)", () => {
  let fixture: FixtureDirs;
  beforeAll(async () => {
    fixture = writeFixture();
    await buildWarehouse({snapshotDir: fixture.snapshotDir, target: fixture.target, updatesDir: null});
  });
  afterAll(() => fixture.cleanup());

  it("a flag without a number stays null with its flag; a Kreis without a row has no value at all", async () => {
    const series = await withWarehouse(fixture.target, (c) => trainingSeries(c, "quote", "kreis"));
    const i = series.years.indexOf(2020);
    expect(series.values["05111"]![i]).toBeNull();
    expect(series.flags["05111"]).toEqual({[i]: "."});
    expect(series.values["05162"]).toBeUndefined();
    // "-" is exactly zero: a number with its flag.
    expect(series.values["01002"]![series.years.indexOf(2015)]).toBe(0);
    expect(series.flags["01002"]![series.years.indexOf(2015)]).toBe("-");
  });

  it("statistics only where the group has numbers", async () => {
    const series = await withWarehouse(fixture.target, (c) => trainingSeries(c, "quote", "kreis"));
    const stats = await withWarehouse(fixture.target, (c) => trainingStats(c, "quote", "kreis", series.years));
    const i = series.years.indexOf(2020);
    expect(stats.kreise!.median[i]).toBe(17.5);
    expect(stats.kreise!.n[i]).toBe(6);
  });
});
