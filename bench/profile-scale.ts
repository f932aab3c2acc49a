/**
 * site_build_per_profile_ms: how the static build grows with the number of profile pages, to plan
 * the Gemeinde level (about 11,000 pages; docs/architecture.md). Renders the profile page for a
 * synthetic set of 2,000 regions and for 20 in a scratch copy of src/ (the page, its components,
 * the offline module cache and the built loader outputs as static files; the 2,000 profile files
 * are Köln's with new keys) the way `npm run build` does (Framework renders two, the rest are
 * cloned: pipelines/site/clone-pages.ts), and reports the slope: (t(2,000) − t(20)) / 1,980.
 *
 * Needs the outputs of a site build (runs after site_build_s). Bench only, never in CI: it takes
 * minutes.
 */
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {strFromU8, unzipSync} from "fflate";
import {cloneDynamicPages, pathsToRender} from "../pipelines/site/clone-pages.ts";
import {round, type Measurement} from "./types.ts";

const LARGE = 2000;
const SMALL = 20;
const TEMPLATE = "05315";

export function scratchSite(root: string, dir: string, count: number): string[] {
  const src = join(root, "src");
  const cache = join(src, ".observablehq", "cache");
  const out = join(dir, "src");
  for (const part of ["profil", "components", "shared", "style.css"]) cpSync(join(src, part), join(out, part), {recursive: true});
  // Framework resolves npm imports from its cache and bare imports from node_modules (_node).
  for (const part of ["_npm", "_node"]) if (existsSync(join(cache, part))) cpSync(join(cache, part), join(out, ".observablehq", "cache", part), {recursive: true});
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  mkdirSync(join(out, "data"), {recursive: true});
  for (const file of ["latest-values.json", "kreis-series.json", "profile-context.zip", "report-meta.json", "similar-context.json", "eigene-kennzahlen.json"]) cpSync(join(cache, "data", file), join(out, "data", file));
  const template = strFromU8(unzipSync(readFileSync(join(cache, "data", "profiles.zip")), {filter: (f) => f.name === `${TEMPLATE}.json`})[`${TEMPLATE}.json`]!);
  const ids = Array.from({length: count}, (_, i) => `9${String(i).padStart(4, "0")}`);
  mkdirSync(join(out, "data", "profiles"), {recursive: true});
  for (const id of ids) writeFileSync(join(out, "data", "profiles", `${id}.json`), template.replaceAll(`"${TEMPLATE}"`, `"${id}"`));
  const config = {title: "Skalierung", root: "src", output: "dist", preserveIndex: false, preserveExtension: false, globalStylesheets: [], style: "style.css", search: false, sidebar: false, pager: false, duckdb: {extensions: {json: null, parquet: null}}, dynamicPaths: pathsToRender(ids.map((id) => `/profil/${id}`), true), pages: []};
  writeFileSync(join(dir, "observablehq.config.js"), `export default ${JSON.stringify(config)};\n`);
  return ids;
}

export function renderSeconds(root: string, dir: string, ids: readonly string[]): number {
  const started = performance.now();
  const child = spawnSync(join(root, "node_modules/.bin/observable"), ["build"], {cwd: dir, encoding: "utf-8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}, maxBuffer: 256 << 20});
  if (child.status !== 0) throw new Error(`observable build (synthetic) failed: ${`${child.stdout}\n${child.stderr}`.trim().split("\n").slice(-3).join(" | ")}`);
  if (!cloneDynamicPages({srcRoot: join(dir, "src"), dist: join(dir, "dist")}, ids.map((id) => `/profil/${id}`))) throw new Error("synthetic profiles: the clone check failed");
  return (performance.now() - started) / 1000;
}

export const profileScale: Measurement = {
  keys: ["site_build_per_profile_ms"],
  async run({root, tmp, log}) {
    if (!existsSync(join(root, "src/.observablehq/cache/data/profiles.zip"))) throw new Error("no loader outputs: run the site build first (site_build_s)");
    const seconds: Record<number, number> = {};
    for (const count of [SMALL, LARGE]) {
      const dir = join(tmp, `profiles-${count}`);
      const ids = scratchSite(root, dir, count);
      seconds[count] = renderSeconds(root, dir, ids);
      log(`${count} synthetische Profile: ${seconds[count]!.toFixed(1)} s`);
    }
    const perProfile = ((seconds[LARGE]! - seconds[SMALL]!) / (LARGE - SMALL)) * 1000;
    return [
      {
        key: "site_build_per_profile_ms",
        value: round(perProfile, 1),
        unit: "ms",
        note: `observable build of the profile page alone, two rendered and the rest cloned as in npm run build: ${LARGE} synthetic profiles ${round(seconds[LARGE]!, 1)} s, ${SMALL} profiles ${round(seconds[SMALL]!, 1)} s; 11,000 Gemeinde pages ≈ ${round((perProfile * 11000) / 1000 / 60, 1)} min`
      }
    ];
  }
};
