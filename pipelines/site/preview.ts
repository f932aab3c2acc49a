/**
 * `npm start` / `npm run dev`: builds the warehouse from the snapshot, fills the offline
 * module cache, runs every data loader ahead (so the first profile opens at once), and serves
 * the site with Framework's preview server on 127.0.0.1:$PORT (default 3000), no network needed.
 * The terminal gets one line per page opened, not every request.
 */
import {spawn} from "node:child_process";
import {createServer} from "node:net";
import {join, resolve} from "node:path";
import {createInterface} from "node:readline";
import {buildWarehouse} from "../warehouse/build.ts";
import {runLoaders} from "./loaders.ts";
import {prepareOfflineCache} from "./offline-cache.ts";
import {previewLine} from "./preview-log.ts";

const root = resolve(import.meta.dirname, "../..");
const open = process.argv.includes("--open");
const host = "127.0.0.1";
const port = Number(process.env.PORT ?? "3000");
const say = (m: string) => process.stderr.write(m + "\n");

/** Resolves false when something already listens on the port. */
function portIsFree(p: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(p, host, () => probe.close(() => done(true)));
  });
}

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  say(`PORT=${process.env.PORT} ist keine Portnummer (1–65535).`);
  process.exit(2);
}
if (!(await portIsFree(port))) {
  say(`Port ${port} ist belegt – mit PORT einen anderen wählen, z. B. PORT=${port === 3000 ? 3001 : port + 1} npm start`);
  process.exit(1);
}

const started = performance.now();
await buildWarehouse({snapshotDir: join(root, "data/snapshot"), target: join(root, "data/warehouse.duckdb"), log: () => {}});
await prepareOfflineCache(join(root, "src"));
const runs = await runLoaders({root});
say(`Warehouse und ${runs.length} Datenlader bereit (${((performance.now() - started) / 1000).toFixed(0)} s)`);

const args = ["preview", "--host", host, "--port", String(port), ...(open ? [] : ["--no-open"])];
const child = spawn(join(root, "node_modules/.bin/observable"), args, {cwd: root, stdio: ["ignore", "pipe", "pipe"], env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}});
for (const stream of [child.stdout, child.stderr]) {
  createInterface({input: stream}).on("line", (line) => {
    const shown = previewLine(line);
    if (shown !== null) say(shown);
  });
}
child.on("exit", (code) => (process.exitCode = code ?? 1));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
