import {existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import type {QualityReport} from "../../../pipelines/warehouse/quality.ts";
import {captureIO} from "../../support/capture-io.ts";
import {OBSERVATIONS, writeFixture, type FixtureDirs} from "../warehouse/fixture.ts";

let dirs: FixtureDirs | undefined;
afterEach(() => dirs?.cleanup());

describe("kbm data", () => {
  it("builds the warehouse from data/snapshot and data/updates, writes data/reports/quality.json and a summary on stderr", async () => {
    dirs = writeFixture({updates: {"2024-01-01.csv": [["quote", "05162", "2020", 12, null, "live"]]}});
    mkdirSync(join(dirs.root, "data", "reports"), {recursive: true});
    writeFileSync(
      join(dirs.root, "data", "reports", "import.json"),
      JSON.stringify({counts: {}, setAside: [{file: "a.csv", line: 3, region: "16056", reason: "Kreis nicht im Gebietsstand 01.07.2021"}], disagreements: [{indicator: "quote", region: "16051", period: "2015", a: 1, b: 2}]})
    );
    const c = captureIO(dirs.root);
    expect(await runCli(["data"], c.io)).toBe(EXIT_OK);
    expect(existsSync(dirs.target)).toBe(true);
    expect(c.stdout()).toBe("");
    expect(c.stderr()).toContain(`observations=${OBSERVATIONS.length + 1}`);
    expect(c.stderr()).toContain("Abdeckung");
    expect(c.stderr()).toContain("Beim Import beiseitegelegt: 1");
    expect(c.stderr()).toContain("Abweichungen zwischen Quellen: 1");
    expect(c.stderr()).toContain("Qualitätsbericht: data/reports/quality.json");
    const report = JSON.parse(readFileSync(join(dirs.root, "data", "reports", "quality.json"), "utf-8")) as QualityReport;
    expect(Object.keys(report)).toEqual(["generated", "counts", "coverage", "flags", "stale", "overlay", "superseded", "aggregates", "set_aside", "overridden", "disagreements"]);
    expect(report.overlay).toContainEqual({origin: "updates/2024-01-01.csv", n: 1});
    expect(report.set_aside).toMatchObject({available: true, total: 1, by_reason: [{reason: "Kreis nicht im Gebietsstand 01.07.2021", n: 1}]});
    expect(report.disagreements).toMatchObject({available: true, total: 1});
  });

  it("--no-updates ignores data/updates; a failed check exits 1 and names the check", async () => {
    dirs = writeFixture({updates: {"a.csv": [["quote", "09999", "2020", 1, null]]}});
    const ok = captureIO(dirs.root);
    expect(await runCli(["data", "--no-updates"], ok.io)).toBe(EXIT_OK);
    const bad = captureIO(dirs.root);
    expect(await runCli(["data"], bad.io)).toBe(EXIT_DATA_ERROR);
    expect(bad.stderr()).toContain('Prüfung "observation_unknown_region" fehlgeschlagen');
    expect(existsSync(dirs.target)).toBe(true);
  });

  it("an unwritable data/reports stops kbm data before it builds: exit 1, the old warehouse stays", async () => {
    dirs = writeFixture();
    const first = captureIO(dirs.root);
    expect(await runCli(["data"], first.io)).toBe(EXIT_OK);
    const before = readFileSync(dirs.target);
    rmSync(join(dirs.root, "data", "reports"), {recursive: true, force: true});
    // A file where the folder should be (tests run as root, so a read-only mode would not stop them).
    writeFileSync(join(dirs.root, "data", "reports"), "kein Ordner");
    mkdirSync(dirs.updatesDir, {recursive: true});
    writeFileSync(join(dirs.updatesDir, "b.csv"), "indicator,region,period,value,flag,source\nquote,05162,2020,99,,live\n");
    const c = captureIO(dirs.root);
    expect(await runCli(["data"], c.io)).toBe(EXIT_DATA_ERROR);
    expect(c.stderr()).toContain('kbm data: data/reports: erwartet: ein beschreibbarer Ordner für den Qualitätsbericht (vor dem Bau geprüft; das bisherige Warehouse bleibt), gefunden: "nicht beschreibbar (EEXIST)"');
    expect(readFileSync(dirs.target)).toEqual(before);
  });

  it("an update file that is a symlink loop: the usual message, nothing built", async () => {
    dirs = writeFixture();
    mkdirSync(dirs.updatesDir, {recursive: true});
    symlinkSync(join(dirs.updatesDir, "loop-b.csv"), join(dirs.updatesDir, "loop-a.csv"));
    symlinkSync(join(dirs.updatesDir, "loop-a.csv"), join(dirs.updatesDir, "loop-b.csv"));
    const c = captureIO(dirs.root);
    expect(await runCli(["data"], c.io)).toBe(EXIT_DATA_ERROR);
    expect(c.stderr()).toContain('erwartet: lesbare Datei, gefunden: "Symlink-Schleife (der Verweis zeigt auf sich selbst zurück)"');
    expect(c.stderr()).toContain("loop-a.csv");
    expect(existsSync(dirs.target)).toBe(false);
  });

  it("rejects a bad --stale-years with exit 2", async () => {
    const c = captureIO();
    expect(await runCli(["data", "--stale-years", "drei"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain("--stale-years");
  });
});
