/**
 * cli_start_ms: how long `kbm --help` takes from process start to exit (the compiled bundle,
 * bin/kbm.js), against a bare `node -e 0` measured alternately in the same run. Goal: ≤ 4× node's own start.
 */
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {median, round, type Measurement} from "./types.ts";

function timed(args: string[], cwd: string): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, {cwd, stdio: "ignore"});
  if (child.status !== 0) throw new Error(`node ${args.join(" ")} endete mit ${child.status}`);
  return performance.now() - started;
}

export const cliStart: Measurement = {
  keys: ["cli_start_ms", "cli_start_vs_node_ratio"],
  async run({root, repeat}) {
    const runs = Math.max(repeat, 9);
    const kbm: number[] = [];
    const node: number[] = [];
    timed(["-e", "0"], root); // warm the file cache for both
    timed([join(root, "bin/kbm.js"), "--help"], root);
    for (let i = 0; i < runs; i++) {
      node.push(timed(["-e", "0"], root));
      kbm.push(timed([join(root, "bin/kbm.js"), "--help"], root));
    }
    const ratio = median(kbm) / median(node);
    return [
      {key: "cli_start_ms", value: round(median(kbm), 0), unit: "ms", note: `kbm --help (bundle), median of ${runs}; node -e 0 in the same run: ${round(median(node), 0)} ms`},
      {key: "cli_start_vs_node_ratio", value: round(ratio, 2), unit: "×", target: "≤ 4", note: "median kbm --help / median node -e 0, measured alternately"}
    ];
  }
};
