import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {request} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {resolveRequestPath, serveStatic, type StaticServer} from "../../../pipelines/site/serve-dist.ts";

/** A raw GET: fetch() would normalise the malformed paths this test sends. */
function get(url: string, path: string): Promise<{status: number; body: string}> {
  return new Promise((done, fail) => {
    const req = request(url + path, {method: "GET"}, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => done({status: res.statusCode ?? 0, body}));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the local static server", () => {
  const parent = mkdtempSync(join(tmpdir(), "kbm-serve-"));
  const root = join(parent, "dist");
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(join(root, "profil"), {recursive: true});
    writeFileSync(join(root, "index.html"), "start");
    writeFileSync(join(root, "profil", "05315.html"), "Köln");
    // A sibling whose name starts like the root: never reachable.
    mkdirSync(join(parent, "dist-old"));
    writeFileSync(join(parent, "dist-old", "secret.txt"), "geheim");
    server = await serveStatic(root);
  });
  afterAll(() => server?.close());

  it("answers a malformed %-escape with 404 and keeps serving", async () => {
    expect((await get(server.url, "/%E0%A4%A")).status).toBe(404);
    expect((await get(server.url, "/%")).status).toBe(404);
    expect(await get(server.url, "/profil/05315")).toEqual({status: 200, body: "Köln"});
  });

  it("resolves clean URLs and nothing outside the root, a sibling with the same prefix included", () => {
    expect(resolveRequestPath(root, "/profil/05315")).toBe(join(root, "profil", "05315.html"));
    expect(resolveRequestPath(root, "/")).toBe(join(root, "index.html"));
    expect(resolveRequestPath(root, "/../dist-old/secret.txt")).toBeNull();
    expect(resolveRequestPath(root, "/%2e%2e/dist-old/secret.txt")).toBeNull();
    expect(resolveRequestPath(root, "/index.html%00.png")).toBeNull();
  });
});
