/**
 * site_build_s and dist_mb: `npm run build` cold (it removes dist/ and Framework's cache
 * itself, rebuilds the warehouse, runs every loader) in a child process; then the size of dist/.
 */
import {spawnSync} from "node:child_process";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {round, type Measurement} from "./types.ts";

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(path) : statSync(path).size;
  }
  return total;
}

export const siteBuild: Measurement = {
  keys: ["site_build_s", "site_loaders_s", "site_render_s", "dist_mb"],
  async run({root, log}) {
    const started = performance.now();
    const child = spawnSync("npm", ["run", "build"], {cwd: root, encoding: "utf-8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}, maxBuffer: 64 << 20});
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) {
      const tail = `${child.stdout}\n${child.stderr}`.trim().split("\n").slice(-5).join(" | ");
      log(`npm run build fehlgeschlagen: ${tail}`);
      return [
        {key: "site_build_s", value: null, unit: "s", note: `npm run build failed (exit ${child.status}): ${tail.slice(0, 300)}`},
        {key: "site_loaders_s", value: null, unit: "s", note: "build failed"},
        {key: "site_render_s", value: null, unit: "s", note: "build failed"},
        {key: "dist_mb", value: null, unit: "MB", note: "no dist/ (build failed)"}
      ];
    }
    const mb = directoryBytes(join(root, "dist")) / 1e6;
    // The build writes the time of its phases (pipelines/site/build-site.ts).
    const phases = JSON.parse(readFileSync(join(root, "build", "site-phases.json"), "utf-8")) as {warehouse_s: number; loaders_s: number; render_s: number};
    return [
      {key: "site_build_s", value: round(seconds, 1), unit: "s", target: "≤ 60", note: `npm run build, cold (dist/ and Framework cache removed by the build), child process; warehouse ${phases.warehouse_s} s`},
      {key: "site_loaders_s", value: phases.loaders_s, unit: "s", note: "every data loader, compiled and run ahead in parallel (pipelines/site/loaders.ts)"},
      {key: "site_render_s", value: phases.render_s, unit: "s", note: "observable build with every loader output fresh in its cache, and finalize-dist"},
      {key: "dist_mb", value: round(mb, 1), unit: "MB", note: "size of dist/ after the build"}
    ];
  }
};
