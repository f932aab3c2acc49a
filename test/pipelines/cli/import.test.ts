import {existsSync, mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {captureIO} from "../../support/capture-io.ts";
import {EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {describeShared, SHARED} from "../../loaders/shared-data.ts";

const capture = (cwd: string) => captureIO(cwd);

describe("kbm import usage", () => {
  it("exits 2 for a folder that does not exist", async () => {
    const c = capture(mkdtempSync(join(tmpdir(), "kbm-cli-")));
    expect(await runCli(["import", "--from", "gibt-es-nicht"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain("Ordner gibt-es-nicht gibt es nicht");
  });
});

describeShared("kbm import --from ../shared", () => {
  it("writes the snapshot and the report, summarises on stderr, prints nothing on stdout", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "kbm-cli-"));
    const c = capture(cwd);
    expect(await runCli(["import", "--from", SHARED, "--out", "snap"], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).toBe("");
    const err = c.stderr();
    expect(err).toContain("Snapshot geschrieben: snap (regions=974, kreise=400, bezirke=12, planungsraeume=542, indicators=53,");
    expect(err).toContain("16056 Eisenach, Stadt: aufgelöst am 01.07.2021");
    expect(err).toContain("Berlin: 4 Wahlkreise mit gemeinsamem Wert für mehrere Bezirke nicht übernommen (75, 77, 79, 82)");
    expect(err).toContain("inkar_vs_genesis_21111: 15748/16234 übereinstimmend (97.0 %), 486 Abweichungen; 59 Gruppen Land × Jahr");
    expect(existsSync(join(cwd, "snap", "observations.csv"))).toBe(true);
    const report = JSON.parse(readFileSync(join(cwd, "data", "reports", "import.json"), "utf-8")) as {counts: Record<string, number>; setAside: unknown[]; disagreements: unknown[]};
    expect(report.counts.kreise).toBe(400);
    expect(report.setAside.length).toBe(report.counts.set_aside_regions! + report.counts.set_aside_values!);
    expect(report.disagreements.length).toBe(report.counts.crosscheck_disagreements);
  });
});
