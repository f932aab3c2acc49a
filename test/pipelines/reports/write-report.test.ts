import {describe, expect, it} from "vitest";
import {mkdtempSync, readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {writeReport} from "../../../pipelines/reports/write-report.ts";

describe("writeReport", () => {
  it("many writes at once leave one whole report (one of them) and no temp file", async () => {
    const repo = mkdtempSync(join(tmpdir(), "kbm-report-"));
    // Large enough that a write takes several chunks: a shared temp name would interleave or vanish before its rename.
    const reports = Array.from({length: 12}, (_, i) => ({run: i, rows: Array.from({length: 20_000}, (_, k) => ({k, text: `Zeile ${k} von Lauf ${i}`}))}));
    const paths = await Promise.all(reports.map((r) => writeReport(repo, "quality", r)));
    expect(new Set(paths)).toEqual(new Set([join(repo, "data", "reports", "quality.json")]));
    const written = JSON.parse(readFileSync(paths[0]!, "utf-8")) as {run: number};
    expect(written).toEqual(reports[written.run]);
    expect(readdirSync(join(repo, "data", "reports"))).toEqual(["quality.json"]);
  });
});
