import {mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {compareWithCurrent, formatNumber, readCurrentState} from "../../../pipelines/updates/changes.ts";
import type {PulledObservation} from "../../../pipelines/updates/map-records.ts";
import type {PullResult} from "../../../pipelines/updates/pull.ts";
import {changeReport, setAsideReport} from "../../../pipelines/updates/report.ts";
import {mappingFor, sourceEntryFor} from "../../../pipelines/updates/table-mappings.ts";
import {observationsCsv, readOverlaySourceFile, upsertOverlaySource, writeUpdateFile} from "../../../pipelines/updates/write-update.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
  dir = undefined;
});

const HEADER = "indicator,region,period,value,flag,source\n";
const SOURCE = "regionalstatistik_21111_02_06_4";
const pulled = (indicator: string, region: string, period: string, value: number | null, flag: PulledObservation["flag"] = null): PulledObservation => ({indicator, region, period, value, flag, source: SOURCE});

/** A snapshot with three values and one earlier update that revises one of them. */
function state() {
  dir = mkdtempSync(join(tmpdir(), "kbm-changes-"));
  const snapshot = join(dir, "snapshot");
  const updates = join(dir, "updates");
  mkdirSync(snapshot);
  mkdirSync(updates);
  writeFileSync(
    join(snapshot, "observations.csv"),
    HEADER +
      "bevoelkerung,05315,2022,1084800,,ew24_strukturdaten\n" +
      "schulabgaenger_hochschulreife_fhr,14612,2015,38.2,,ew24_strukturdaten\n" +
      "schulabgaenger_ohne_hsa,05315,2015,5.12,,inkar\n" +
      "schulabgaenger_ohne_hsa,05111,2015,4.5,,inkar\n" +
      "schulabgaenger_ohne_hsa,05111,2014,,.,inkar\n"
  );
  const earlier = join(updates, "2024-01-01-21111-02-06-4.csv");
  writeFileSync(earlier, HEADER + "schulabgaenger_ohne_hsa,05111,2015,4.6,,inkar\n");
  return {snapshot, updates, earlier};
}

describe("what a pull changes", () => {
  it("applies the overlay files in order over the snapshot, like the warehouse, and reads only the indicators asked for", () => {
    const {snapshot, earlier} = state();
    const current = readCurrentState(snapshot, [earlier], new Set(["schulabgaenger_ohne_hsa"]));
    expect(current.values.size).toBe(3);
    expect(current.values.get("schulabgaenger_ohne_hsa\u000005111\u00002015")).toEqual({value: 4.6, flag: null, source: "inkar", origin: "updates/2024-01-01-21111-02-06-4.csv"});
    expect(current.values.get("schulabgaenger_ohne_hsa\u000005111\u00002014")).toEqual({value: null, flag: ".", source: "inkar", origin: "snapshot"});
    expect([...current.periods.get("schulabgaenger_ohne_hsa")!].sort()).toEqual(["2014", "2015"]);
  });

  it("sorts each pulled value into new, revised, flag or unchanged and finds new periods", () => {
    const {snapshot, earlier} = state();
    const observations = [
      pulled("schulabgaenger_ohne_hsa", "05315", "2015", 5.12),
      pulled("schulabgaenger_ohne_hsa", "05111", "2015", 4.48),
      pulled("schulabgaenger_ohne_hsa", "05111", "2014", 3.9),
      pulled("schulabgaenger_ohne_hsa", "05315", "2016", 5.3),
      pulled("schulabgaenger_hochschulreife_fhr", "14612", "2015", null, "x"),
      pulled("schulabgaenger_hochschulreife_fhr", "14612", "2016", null, ".")
    ];
    const current = readCurrentState(snapshot, [earlier], new Set(observations.map((o) => o.indicator)));
    const summary = compareWithCurrent(observations, current);
    expect(summary.byIndicator).toEqual([
      {indicator: "schulabgaenger_hochschulreife_fhr", values: 2, new: 1, revised: 0, flag: 1, unchanged: 0, newPeriods: ["2016"]},
      {indicator: "schulabgaenger_ohne_hsa", values: 4, new: 1, revised: 1, flag: 1, unchanged: 1, newPeriods: ["2016"]}
    ]);
    expect(summary.changes.map((c) => [c.kind, c.observation.indicator, c.observation.region, c.observation.period])).toEqual([
      ["flag", "schulabgaenger_hochschulreife_fhr", "14612", "2015"],
      ["new", "schulabgaenger_hochschulreife_fhr", "14612", "2016"],
      ["flag", "schulabgaenger_ohne_hsa", "05111", "2014"],
      ["revised", "schulabgaenger_ohne_hsa", "05111", "2015"],
      ["new", "schulabgaenger_ohne_hsa", "05315", "2016"]
    ]);
  });

  it("prints the report: counts per indicator, new periods, revisions old → new with their origin, flags", () => {
    const {snapshot, updates, earlier} = state();
    const observations = [
      pulled("schulabgaenger_ohne_hsa", "05315", "2015", 5.12),
      pulled("schulabgaenger_ohne_hsa", "05111", "2015", 4.48),
      pulled("schulabgaenger_ohne_hsa", "05111", "2014", 3.9),
      pulled("schulabgaenger_ohne_hsa", "05315", "2016", 5.3),
      pulled("schulabgaenger_ohne_hsa", "05315", "2017", 5.4),
      pulled("schulabgaenger_ohne_hsa", "05315", "2018", 5.5),
      pulled("schulabgaenger_hochschulreife_fhr", "14612", "2015", null, "x"),
      pulled("schulabgaenger_hochschulreife_fhr", "14612", "2016", null, ".")
    ];
    const changes = compareWithCurrent(observations, readCurrentState(snapshot, [earlier], new Set(observations.map((o) => o.indicator))));
    const result: PullResult = {
      mapping: mappingFor("21111-02-06-4")!,
      source: "regionalstatistik",
      sourceId: SOURCE,
      retrievedAt: "2026-03-10T20:49:32.000Z",
      rawPath: join(dir!, "raw", "regionalstatistik", "21111-02-06-4_2026-03-10T20-49-32-000Z.zip"),
      updatePath: join(updates, "2026-03-10-21111-02-06-4.csv"),
      written: true,
      observations,
      setAside: [],
      missingIndicators: [],
      changes,
      baseline: [earlier],
      warnings: [],
      regionNames: new Map([
        ["05111", "Düsseldorf, Stadt"],
        ["05315", "Köln, Stadt"],
        ["14612", "Dresden, Stadt"]
      ])
    };
    expect(changeReport(result, {cwd: dir!, limit: 20}).join("\n")).toBe(
      [
        "Tabelle 21111-02-06-4 (Regionaldatenbank): Allgemeinbildende Schulen: Absolventen/Abgänger nach dem Schulabschluss, Schuljahr, Kreise",
        "Abgerufen: 2026-03-10T20:49:32.000Z; Rohantwort: raw/regionalstatistik/21111-02-06-4_2026-03-10T20-49-32-000Z.zip",
        "Aktualisierung: updates/2026-03-10-21111-02-06-4.csv (8 Werte, Quelle regionalstatistik_21111_02_06_4)",
        "Verglichen mit: Snapshot und 1 Aktualisierungsdatei(en) (updates/2024-01-01-21111-02-06-4.csv)",
        "",
        "Indikator                          Werte  neu  revidiert  Kennzeichen  unverändert  neue Zeiträume",
        "schulabgaenger_hochschulreife_fhr      2    1          0            1            0  2016",
        "schulabgaenger_ohne_hsa                6    3          1            1            1  2016–2018",
        "",
        "Revidierte Werte (alt → neu): 1",
        "  schulabgaenger_ohne_hsa  05111 Düsseldorf, Stadt  2015: 4.6 → 4.48  (bisher inkar, updates/2024-01-01-21111-02-06-4.csv)",
        "",
        "Neue oder geänderte Kennzeichen (alt → neu): 2",
        "  schulabgaenger_hochschulreife_fhr  14612 Dresden, Stadt  2015: 38.2 → x  (bisher ew24_strukturdaten, snapshot)",
        "  schulabgaenger_ohne_hsa  05111 Düsseldorf, Stadt  2014: . → 3.9  (bisher inkar, snapshot)",
        "",
        "Neue Werte mit Kennzeichen: 1",
        "  schulabgaenger_hochschulreife_fhr  14612 Dresden, Stadt  2016: — → .",
        "",
        "Übernehmen mit: kbm data (die Datei gewinnt über Snapshot und ältere Aktualisierungen; zurücknehmen: Datei löschen, dann kbm data)"
      ].join("\n")
    );
    // With a limit, the rest is counted, not listed.
    expect(changeReport(result, {cwd: dir!, limit: 1}).join("\n")).toContain("  … und 1 weitere (alle mit --all)");
  });

  it("summarises what was left out by reason, with distinct regions and examples", () => {
    const lines = setAsideReport(
      [
        {reason: "dissolved", region: "16056", regionName: "Eisenach, kreisfreie Stadt", period: "2024", detail: "aufgelöst am 01.07.2021, Eingliederung der kreisfreien Stadt Eisenach in den Wartburgkreis"},
        {reason: "gemeinde", region: "03241001", regionName: "Hannover, Landeshauptstadt", period: "2024"},
        {reason: "gemeinde", region: "03241001", regionName: "Hannover, Landeshauptstadt", period: "2023"},
        {reason: "regierungsbezirk", region: "053", regionName: "Köln, Regierungsbezirk", period: "2015"}
      ],
      ["betreute_kinder"]
    );
    expect(lines).toEqual([
      "Nicht im Register, übersprungen: betreute_kinder",
      "Nicht übernommen:",
      "  aufgelöste Kreise: 1 Region, 1 Fall (16056 Eisenach, kreisfreie Stadt – aufgelöst am 01.07.2021, Eingliederung der kreisfreien Stadt Eisenach in den Wartburgkreis)",
      "  Gemeinden (achtstellige Schlüssel ohne eigene Region im Snapshot): 1 Region, 2 Fälle (03241001 Hannover, Landeshauptstadt)",
      "  Regierungsbezirke und NUTS-2-Regionen: 1 Region, 1 Fall (053 Köln, Regierungsbezirk)"
    ]);
  });
});

describe("the update file and the overlay's sources", () => {
  it("writes sorted rows in the observations format, values as plain decimals, flags as they are", async () => {
    dir = mkdtempSync(join(tmpdir(), "kbm-update-file-"));
    const path = await writeUpdateFile(join(dir, "updates"), "2026-03-10-21111-02-06-4.csv", [
      pulled("schulabgaenger_ohne_hsa", "05315", "2015", 5.12),
      pulled("schulabgaenger_hochschulreife_fhr", "14612", "2015", null, "x"),
      pulled("schulabgaenger_ohne_hsa", "05111", "2015", 0, "-")
    ]);
    expect(readFileSync(path, "utf-8")).toBe(
      HEADER +
        `schulabgaenger_hochschulreife_fhr,14612,2015,,x,${SOURCE}\n` +
        `schulabgaenger_ohne_hsa,05111,2015,0,-,${SOURCE}\n` +
        `schulabgaenger_ohne_hsa,05315,2015,5.12,,${SOURCE}\n`
    );
    expect(observationsCsv([])).toBe(HEADER);
    expect(formatNumber(84358845)).toBe("84358845");
    expect(formatNumber(0.0000001)).toBe("0.0000001");
  });

  it("keeps one entry per source id in sources.json, replacing it on the next pull", async () => {
    dir = mkdtempSync(join(tmpdir(), "kbm-update-sources-"));
    const updates = join(dir, "updates");
    const mapping = mappingFor("21111-02-06-4")!;
    await upsertOverlaySource(updates, sourceEntryFor(mappingFor("12411-01-01-4")!, "regionalstatistik", "2025-01-02T10:00:00.000Z"));
    await upsertOverlaySource(updates, sourceEntryFor(mapping, "regionalstatistik", "2025-01-02T10:00:00.000Z"));
    await upsertOverlaySource(updates, sourceEntryFor(mapping, "regionalstatistik", "2026-03-10T10:00:00.000Z"));
    const entries = readOverlaySourceFile(join(updates, "sources.json"));
    expect(entries.map((e) => e.id)).toEqual(["regionalstatistik_12411_01_01_4", "regionalstatistik_21111_02_06_4"]);
    expect(entries[1]!.reference).toContain("zuletzt am 2026-03-10");
    expect(entries[1]!.attribution).toBe("© Statistische Ämter des Bundes und der Länder, Deutschland, 2026");
  });
});
