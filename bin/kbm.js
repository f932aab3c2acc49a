#!/usr/bin/env node
// Entry point of the kbm CLI. Runs the compiled bundle (build/cli/, see pipelines/cli/bundle.ts);
// when it is missing or older than one of its sources, runs the TypeScript through tsx instead,
// so an edit never runs stale code.
import {existsSync, readFileSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "build", "cli", "main.js");

function bundleIsFresh() {
  const inputs = join(root, "build", "cli", "inputs.json");
  if (!existsSync(bundle) || !existsSync(inputs)) return false;
  const built = statSync(bundle).mtimeMs;
  for (const file of JSON.parse(readFileSync(inputs, "utf-8"))) {
    const stat = statSync(join(root, file), {throwIfNoEntry: false});
    if (!stat || stat.mtimeMs > built) return false;
  }
  return true;
}

// A reader that stops early (`kbm export … | head`) closes the pipe: end quietly, with success.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

let runCli;
if (process.env.KBM_CLI_SOURCE !== "1" && bundleIsFresh()) {
  ({runCli} = await import(bundle));
} else {
  const {register} = await import("tsx/esm/api");
  register();
  ({runCli} = await import("../pipelines/cli/main.ts"));
}
process.exitCode = await runCli(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()});
