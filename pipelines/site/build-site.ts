/**
 * `npm run build`: warehouse from the snapshot, then the static site into dist/, with no
 * network. Loader output is never reused from an earlier build (Framework would serve it
 * stale even when the warehouse changed).
 */
import {spawnSync} from "node:child_process";
import {rm} from "node:fs/promises";
import {join, resolve} from "node:path";
import {bundleCli} from "../cli/bundle.ts";
import {buildWarehouse} from "../warehouse/build.ts";
import {finalizeDist} from "./finalize-dist.ts";
import {prepareOfflineCache} from "./offline-cache.ts";

const root = resolve(import.meta.dirname, "../..");
const log = (m: string) => process.stderr.write(m + "\n");

export async function buildSite({skipData = false} = {}): Promise<void> {
  const started = performance.now();
  await bundleCli();
  if (!skipData) await buildWarehouse({snapshotDir: join(root, "data/snapshot"), target: join(root, "data/warehouse.duckdb"), log});
  await rm(join(root, "src/.observablehq/cache"), {recursive: true, force: true});
  await rm(join(root, "dist"), {recursive: true, force: true});
  const bundled = await prepareOfflineCache(join(root, "src"));
  log(`Offline-Modulcache: ${bundled.length} Pakete aus node_modules`);
  const result = spawnSync(join(root, "node_modules/.bin/observable"), ["build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}
  });
  if (result.status !== 0) throw new Error(`observable build fehlgeschlagen (Exit-Code ${result.status ?? result.signal})`);
  const pages = await finalizeDist(join(root, "dist"));
  log(`Seite gebaut: ${pages} Seiten in dist/ (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildSite({skipData: process.argv.includes("--skip-data")}).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
