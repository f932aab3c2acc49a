// `npm start` on a busy port: one German line that names PORT, no stack trace, exit 1.
import {spawnSync} from "node:child_process";
import {createServer, type Server} from "node:net";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const BUSY = 4113;
let blocker: Server;

beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((done) => blocker.listen(BUSY, "127.0.0.1", done));
});
afterAll(() => new Promise<void>((done) => blocker.close(() => done())));

describe("npm start", () => {
  it("says in one line that the port is taken and how to choose another", () => {
    const child = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "pipelines/site/preview.ts"], {
      cwd: ROOT,
      encoding: "utf-8",
      env: {...process.env, PORT: String(BUSY)},
      timeout: 60_000
    });
    expect(child.status).toBe(1);
    expect(child.stdout).toBe("");
    expect(child.stderr).toBe(`Port ${BUSY} ist belegt – mit PORT einen anderen wählen, z. B. PORT=${BUSY + 1} npm start\n`);
  });
});
