/**
 * `npm start` / `npm run dev`: builds the warehouse from the snapshot, fills the offline
 * module cache and serves the site with Framework's preview server (no network needed).
 */
import {spawn} from "node:child_process";
import {join, resolve} from "node:path";
import {buildWarehouse} from "../warehouse/build.ts";
import {prepareOfflineCache} from "./offline-cache.ts";

const root = resolve(import.meta.dirname, "../..");
const open = process.argv.includes("--open");

await buildWarehouse({snapshotDir: join(root, "data/snapshot"), target: join(root, "data/warehouse.duckdb"), log: (m) => process.stderr.write(m + "\n")});
await prepareOfflineCache(join(root, "src"));
const args = ["preview", "--host", "127.0.0.1", "--port", process.env.PORT ?? "3000", ...(open ? [] : ["--no-open"])];
const child = spawn(join(root, "node_modules/.bin/observable"), args, {cwd: root, stdio: "inherit", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}});
child.on("exit", (code) => (process.exitCode = code ?? 1));
