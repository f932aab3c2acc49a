/**
 * `npm run bench`: every measurement side by side in one run; writes bench/results.json and
 * prints a table. Goals are printed next to the figures; they are never test assertions.
 *
 *   npm run bench                                  all figures (ffcsv: 5 million rows, ≈ 900 MB)
 *   npm run bench -- --only warehouse_build_s,ffcsv_rows_per_s
 *   npm run bench -- --only ffcsv_rows_per_s --rows 200000
 *   npm run bench -- --repeat 5                    repetitions of the short measurements (median)
 */
import {bundleCli} from "../pipelines/cli/bundle.ts";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {cpus, tmpdir, totalmem} from "node:os";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {cliStart} from "./cli-start.ts";
import {ffcsv} from "./ffcsv.ts";
import {hostileInputs} from "./hostile-inputs.ts";
import {ownCheck} from "./own-check.ts";
import {profilePage} from "./profile-page.ts";
import {report} from "./report.ts";
import {profileScale} from "./profile-scale.ts";
import {similarPeers} from "./similar-peers.ts";
import {siteBuild} from "./site-build.ts";
import type {BenchContext, Figure, Measurement} from "./types.ts";
import {warehouseBuild} from "./warehouse-build.ts";
import {warehouseLoad} from "./warehouse-load.ts";

/** In the order they run: the quick ones first, then the site build (which rewrites dist/) and what measures the built site. */
const MEASUREMENTS: Measurement[] = [cliStart, warehouseBuild, similarPeers, warehouseLoad, ffcsv, hostileInputs, ownCheck, report, siteBuild, profilePage, profileScale];
const ALL_KEYS = MEASUREMENTS.flatMap((m) => m.keys);

const {values} = parseArgs({
  options: {only: {type: "string"}, rows: {type: "string"}, repeat: {type: "string"}, out: {type: "string"}},
  allowPositionals: false
});
const only = typeof values.only === "string" ? values.only.split(",").map((k) => k.trim()).filter(Boolean) : ALL_KEYS;
const unknown = only.filter((k) => !ALL_KEYS.includes(k));
if (unknown.length > 0) {
  process.stderr.write(`bench: unbekannte Kennzahl(en) ${unknown.join(", ")}; bekannt: ${ALL_KEYS.join(", ")}\n`);
  process.exit(2);
}
const rows = values.rows === undefined ? 5_000_000 : Number(values.rows);
const repeat = values.repeat === undefined ? 3 : Number(values.repeat);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(repeat) || repeat < 1) {
  process.stderr.write("bench: --rows und --repeat erwarten ganze Zahlen ≥ 1\n");
  process.exit(2);
}

const root = resolve(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "kbm-bench-"));
const log = (m: string) => process.stderr.write(`  ${m}\n`);
const context: BenchContext = {root, tmp, rows, repeat, log};
const figures: Figure[] = [];
const started = new Date();
// Every measurement that runs kbm runs it as a user does after `npm ci`: from the fresh bundle
// (a stale one falls back to tsx, which adds about 0.6 s of start-up).
await bundleCli();
try {
  for (const measurement of MEASUREMENTS) {
    if (!measurement.keys.some((k) => only.includes(k))) continue;
    process.stderr.write(`${measurement.keys.join(", ")} …\n`);
    try {
      figures.push(...(await measurement.run(context)).filter((f) => only.includes(f.key)));
    } catch (error) {
      const note = `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
      log(note);
      figures.push(...measurement.keys.filter((k) => only.includes(k)).map((key) => ({key, value: null, unit: "", note})));
    }
  }
} finally {
  rmSync(tmp, {recursive: true, force: true});
}

const results = {
  generated: started.toISOString(),
  machine: {cpus: cpus().length, cpu: cpus()[0]?.model ?? "", memory_gb: Math.round(totalmem() / 1e9), node: process.version, platform: `${process.platform}-${process.arch}`},
  options: {only, rows, repeat},
  figures: Object.fromEntries(figures.map((f) => [f.key, {value: f.value, unit: f.unit, target: f.target ?? null, note: f.note}]))
};
const out = typeof values.out === "string" ? resolve(values.out) : join(root, "bench", "results.json");
writeFileSync(out, JSON.stringify(results, null, 2) + "\n");

const table = figures.map((f) => [f.key, f.value === null ? "–" : `${f.value.toLocaleString("de-DE")} ${f.unit}`.trim(), f.target ?? "", f.note]);
const widths = [0, 1, 2].map((i) => Math.max(["Kennzahl", "Wert", "Ziel"][i]!.length, ...table.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join("  ");
process.stdout.write([line(["Kennzahl", "Wert", "Ziel", "Messung"]), ...table.map(line)].join("\n") + `\n\nErgebnisse: ${out}\n`);
