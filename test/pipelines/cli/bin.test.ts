// The installed entry point as a user runs it: a real process, a real pipe.
import {spawn} from "node:child_process";
import {utimesSync} from "node:fs";
import {join, resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {bundleCli, CLI_BUNDLE_DIR} from "../../../pipelines/cli/bundle.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const BIN = join(ROOT, "bin/kbm.js");

function run(args: string[], {closeAfterFirstChunk = false, env = {}}: {closeAfterFirstChunk?: boolean; env?: NodeJS.ProcessEnv} = {}) {
  return new Promise<{code: number | null; stdout: string; stderr: string}>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {cwd: ROOT, env: {...process.env, ...env}});
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      // Like `| head -1`: read the first bytes, then close the pipe while kbm still writes.
      if (closeAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => done({code, stdout, stderr}));
  });
}

describe("bin/kbm.js", () => {
  beforeAll(async () => {
    await bundleCli();
  }, 60_000);

  it("ends quietly with exit 0 when the reader closes the pipe", async () => {
    const {code, stdout, stderr} = await run(["regions", "--format", "json"], {closeAfterFirstChunk: true});
    expect(stdout.startsWith("[")).toBe(true);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("runs the bundle, and tsx when a source is newer than the bundle", async () => {
    const fresh = await run(["--version"], {env: {NODE_DEBUG: "esm"}});
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/^kbm \d+\.\d+\.\d+\n$/);
    expect(fresh.stderr).toContain(join(CLI_BUNDLE_DIR, "main.js"));
    expect(fresh.stderr).not.toContain("pipelines/cli/main.ts");
    // A later edit of a source makes the bundle stale: the same call now runs the TypeScript.
    const source = join(ROOT, "pipelines/cli/suggest.ts");
    const later = new Date(Date.now() + 60_000);
    utimesSync(source, later, later);
    try {
      const stale = await run(["--version"], {env: {NODE_DEBUG: "esm"}});
      expect(stale.stdout).toBe(fresh.stdout);
      expect(stale.stderr).toContain("pipelines/cli/main.ts");
    } finally {
      const now = new Date();
      utimesSync(source, now, now);
      await bundleCli();
    }
  }, 60_000);
});
