/**
 * report_docx_ms: `kbm bericht --region 05315 --out …docx` in process, end to end (warehouse
 * open, profile file, figures in headless Chromium, DOCX written); median of `repeat` runs.
 * report_all_s: `kbm bericht --all --out DIR` (every region with a profile, DOCX with figures),
 * once. Both read a warehouse built from the snapshot into the run's temp folder.
 */
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {PassThrough} from "node:stream";
import {runCli} from "../pipelines/cli/main.ts";
import {buildWarehouse} from "../pipelines/warehouse/build.ts";
import {median, round, type Measurement} from "./types.ts";

async function bericht(args: string[], root: string, log: (m: string) => void): Promise<number> {
  const stderr = new PassThrough();
  let last = "";
  stderr.on("data", (b: Buffer) => (last = b.toString("utf-8").trim() || last));
  const started = performance.now();
  const code = await runCli(["bericht", ...args], {stdout: new PassThrough(), stderr, env: process.env, cwd: root});
  if (code !== 0) throw new Error(`kbm bericht ${args.join(" ")}: Exit-Code ${code} (${last})`);
  const ms = performance.now() - started;
  log(`kbm bericht ${args.join(" ")}: ${round(ms, 0)} ms`);
  return ms;
}

export const report: Measurement = {
  keys: ["report_docx_ms", "report_all_s"],
  async run({root, tmp, repeat, log}) {
    const warehouse = join(tmp, "report-warehouse.duckdb");
    await buildWarehouse({snapshotDir: join(root, "data/snapshot"), target: warehouse, updatesDir: join(root, "data/updates")});
    const one: number[] = [];
    for (let i = 0; i < repeat; i++) one.push(await bericht(["--region", "05315", "--out", join(tmp, `bericht-${i}.docx`), "--warehouse", warehouse], root, log));
    const dir = join(tmp, "berichte");
    const all = await bericht(["--all", "--out", dir, "--warehouse", warehouse], root, log);
    const files = readdirSync(dir).length;
    return [
      {key: "report_docx_ms", value: round(median(one), 0), unit: "ms", target: "≤ 3000", note: `median of ${repeat} runs, Köln (05315), DOCX with figures rendered in headless Chromium, in process (no CLI start)`},
      {key: "report_all_s", value: round(all / 1000, 1), unit: "s", note: `kbm bericht --all: ${files} DOCX with figures, one Chromium for all`}
    ];
  }
};
