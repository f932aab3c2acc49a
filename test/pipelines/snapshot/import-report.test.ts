import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {EXIT_OK, runCli} from "../../../pipelines/cli/main.ts";
import {importReportSummary, reasonKind, type ImportReportSummary} from "../../../pipelines/snapshot/import-report.ts";
import {captureIO} from "../../support/capture-io.ts";
import {REPO, SHARED, describeShared} from "../../loaders/shared-data.ts";

describe("import report in short: kinds of set-aside reasons", () => {
  it("groups the reasons the importer writes", () => {
    expect(reasonKind('Zeilen nur mit "-" (Region bestand nicht) für 1995–2015')).toBe("Region bestand im Jahr nicht (Zeile nur mit „-“)");
    expect(reasonKind("aufgelöst am 01.07.2021 (Eingliederung …; heute 16063)")).toMatch(/^aufgelöster Kreis/);
    expect(reasonKind("Gemeindezeile (Stadt mit Sonderstatus in der Region Hannover)")).toBe("Gemeinde mit eigener Zeile, kein Kreis");
    expect(reasonKind("Kreis 03152 nicht im Gebietsstand 01.07.2021")).toBe("Kreis nicht im Gebietsstand 01.07.2021");
    expect(reasonKind("etwas Neues (mit Klammer); und mehr")).toBe("etwas Neues");
  });

  it("keeps every entry counted, three examples per kind, checks in their order", () => {
    const summary = importReportSummary({
      counts: {b: 2, a: 1},
      setAside: [1, 2, 3, 4].map((i) => ({kind: "region" as const, file: i < 4 ? "x.csv" : "y.csv", line: i, region: `0${i}`, name: `R${i}`, reason: `aufgelöst am 0${i}.01.2000 (…)`})),
      overridden: [],
      berlin: {joint_wahlkreise_set_aside: [], mss_weights: [], kitas_without_places: 2},
      crosscheck: {tolerance: 0.05, checks: []},
      disagreements: []
    } as never);
    expect(Object.keys(summary.counts)).toEqual(["a", "b"]);
    expect(summary.set_aside.total).toBe(4);
    expect(summary.set_aside.by_file).toEqual([{file: "x.csv", n: 3}, {file: "y.csv", n: 1}]);
    expect(summary.set_aside.by_reason).toHaveLength(1);
    expect(summary.set_aside.by_reason[0]!.n).toBe(4);
    expect(summary.set_aside.by_reason[0]!.examples.map((e) => e.region)).toEqual(["01", "02", "03"]);
  });
});

describeShared("kbm import writes data/snapshot/import-report.json", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, {recursive: true, force: true})));

  async function importInto(): Promise<Buffer> {
    const cwd = mkdtempSync(join(tmpdir(), "kbm-import-report-"));
    dirs.push(cwd);
    const c = captureIO(cwd);
    expect(await runCli(["import", "--from", SHARED, "--out", "snap"], c.io)).toBe(EXIT_OK);
    return readFileSync(join(cwd, "snap", "import-report.json"));
  }

  it("byte-identical on re-import, and identical to the committed file", async () => {
    const first = await importInto();
    const second = await importInto();
    expect(second.equals(first)).toBe(true);
    expect(first.equals(readFileSync(join(REPO, "data/snapshot/import-report.json"))), "data/snapshot/import-report.json ist veraltet: kbm import --from ../shared").toBe(true);
    const summary = JSON.parse(first.toString("utf-8")) as ImportReportSummary;
    expect(summary.set_aside.total).toBe(summary.counts.set_aside_regions! + summary.counts.set_aside_values!);
    expect(summary.set_aside.by_reason.reduce((s, r) => s + r.n, 0)).toBe(summary.set_aside.total);
    expect(summary.crosscheck.checks.map((c) => c.id)).toContain("inkar_vs_genesis_21111");
    expect(summary.top_disagreements.every((d) => summary.crosscheck.checks.some((c) => c.id === d.check))).toBe(true);
    // Two imports of about 20 source files each (seven Regionaldatenbank tables since issue 11).
  }, 300_000);
});
