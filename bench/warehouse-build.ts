/**
 * warehouse_build_s: the whole `kbm data` on the committed snapshot (plus data/updates if
 * present), as a user runs it: a fresh process (Node + tsx start-up included), into a temp
 * target so the working warehouse is not touched. Median of `repeat` runs.
 */
import {spawnSync} from "node:child_process";
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {median, round, type Measurement} from "./types.ts";

export const warehouseBuild: Measurement = {
  keys: ["warehouse_build_s"],
  async run({root, tmp, repeat, log}) {
    const cwd = join(tmp, "kbm-data");
    mkdirSync(cwd, {recursive: true});
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      const child = spawnSync(process.execPath, [join(root, "bin/kbm.js"), "data", "--snapshot", join(root, "data/snapshot"), "--updates", join(root, "data/updates"), "--out", join(cwd, "warehouse.duckdb")], {
        cwd,
        encoding: "utf-8"
      });
      if (child.status !== 0) throw new Error(`kbm data fehlgeschlagen: ${child.stderr}`);
      times.push((performance.now() - started) / 1000);
      if (i === 0) log(child.stderr.split("\n")[0] ?? "");
    }
    return [{key: "warehouse_build_s", value: round(median(times)), unit: "s", target: "≤ 5", note: `kbm data in a fresh process (incl. start-up), median of ${repeat}`}];
  }
};
