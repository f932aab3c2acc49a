/**
 * `npm run build`: the CLI bundle, the warehouse from the snapshot, every data loader (run
 * ahead, in parallel, pipelines/site/loaders.ts), then the static site into dist/, with no
 * network: Framework renders two pages of each page template, the others are cloned
 * (clone-pages.ts). Loader output is never reused from an earlier build (Framework would serve it
 * stale even when the warehouse changed). The time of each phase goes to build/site-phases.json
 * (read by the bench).
 */
import {spawnSync} from "node:child_process";
import {mkdirSync, writeFileSync} from "node:fs";
import {rm} from "node:fs/promises";
import {join, resolve} from "node:path";
import {bundleCli} from "../cli/bundle.ts";
import {buildWarehouse} from "../warehouse/build.ts";
import {finalizeDist} from "./finalize-dist.ts";
import {loadersNamedByPages, runLoaders} from "./loaders.ts";
import {cloneDynamicPages, SAMPLE_ENV} from "./clone-pages.ts";
import {pathToFileURL} from "node:url";
import {prepareOfflineCache} from "./offline-cache.ts";

const root = resolve(import.meta.dirname, "../..");
const log = (m: string) => process.stderr.write(m + "\n");

export interface BuildPhases {
  warehouse_s: number;
  loaders_s: number;
  render_s: number;
  total_s: number;
}

/** `observable build`; with `sample`, only the first pages of each template (clone-pages.ts). */
function observableBuild({sample}: {sample: boolean}): void {
  const result = spawnSync(join(root, "node_modules/.bin/observable"), ["build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", [SAMPLE_ENV]: sample ? "1" : ""}
  });
  if (result.status !== 0) throw new Error(`observable build fehlgeschlagen (Exit-Code ${result.status ?? result.signal})`);
}

/** The dynamic paths of the project's Framework config (all of them: this process sets no sample). */
async function configuredDynamicPaths(): Promise<string[]> {
  const config = ((await import(pathToFileURL(join(root, "observablehq.config.ts")).href)) as {default: {dynamicPaths?: unknown}}).default;
  const paths = config.dynamicPaths ?? [];
  if (!Array.isArray(paths)) throw new Error("observablehq.config.ts: dynamicPaths muss eine Liste sein");
  return paths.map(String);
}

export async function buildSite({skipData = false} = {}): Promise<BuildPhases> {
  const started = performance.now();
  const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(1));
  await bundleCli();
  const warehouseStarted = performance.now();
  if (!skipData) await buildWarehouse({snapshotDir: join(root, "data/snapshot"), target: join(root, "data/warehouse.duckdb"), log});
  const warehouse_s = seconds(warehouseStarted);
  await rm(join(root, "src/.observablehq/cache"), {recursive: true, force: true});
  await rm(join(root, "dist"), {recursive: true, force: true});
  const bundled = await prepareOfflineCache(join(root, "src"));
  log(`Offline-Modulcache: ${bundled.length} Pakete aus node_modules`);
  const loadersStarted = performance.now();
  // Only what the pages name: all of them for the site, a few for a trimmed copy.
  const runs = await runLoaders({root, only: loadersNamedByPages(join(root, "src")).map((l) => l.replace(/\.ts$/, ""))});
  const loaders_s = seconds(loadersStarted);
  log(`Datenlader: ${runs.length} in ${loaders_s} s (längster: ${runs.toSorted((a, b) => b.seconds - a.seconds)[0]?.target ?? "–"})`);
  const renderStarted = performance.now();
  observableBuild({sample: true});
  if (!cloneDynamicPages({srcRoot: join(root, "src"), dist: join(root, "dist")}, await configuredDynamicPaths(), log)) observableBuild({sample: false});
  const pages = await finalizeDist(join(root, "dist"));
  const phases = {warehouse_s, loaders_s, render_s: seconds(renderStarted), total_s: seconds(started)};
  mkdirSync(join(root, "build"), {recursive: true});
  writeFileSync(join(root, "build", "site-phases.json"), JSON.stringify(phases) + "\n");
  log(`Seite gebaut: ${pages} Seiten in dist/ (${phases.total_s} s: Warehouse ${warehouse_s} s, Datenlader ${loaders_s} s, Seiten ${phases.render_s} s)`);
  return phases;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildSite({skipData: process.argv.includes("--skip-data")}).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
