import {describe, expect, it} from "vitest";
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {cloneDynamicPages, clonePage, pathsToRender} from "../../../pipelines/site/clone-pages.ts";

describe("pathsToRender", () => {
  const paths = ["/profil/01001", "/profil/01002", "/profil/01003", "/indikatoren/a", "/indikatoren/b", "/indikatoren/c"];
  it("renders every path without sampling", () => {
    expect(pathsToRender(paths, false)).toEqual(paths);
  });
  it("renders the first two of each template when sampling", () => {
    expect(pathsToRender(paths, true)).toEqual(["/profil/01001", "/profil/01002", "/indikatoren/a", "/indikatoren/b"]);
  });
});

/** A page as Framework 1.13 writes a dynamic page: the registerFile line and the FileAttachment call. */
function page(id: string, file: {hash: string; mtime: number; size: number}, title = "Kommunalprofil"): string {
  return [
    "<!DOCTYPE html>",
    `<title>${title}</title>`,
    '<script type="module">',
    "",
    `registerFile("../data/profiles/${id}.json", {"name":"../data/profiles/${id}.json","mimeType":"application/json","path":"../_file/data/profiles/${id}.${file.hash}.json","lastModified":${file.mtime},"size":${file.size}});`,
    "",
    `const file = await FileAttachment("../data/profiles/${id}.json").json();`,
    "</script>",
    ""
  ].join("\n");
}

function site() {
  const dir = mkdtempSync(join(tmpdir(), "kbm-clone-"));
  const src = join(dir, "src");
  const dist = join(dir, "dist");
  const cache = join(src, ".observablehq", "cache", "data", "profiles");
  mkdirSync(cache, {recursive: true});
  mkdirSync(join(dist, "profil"), {recursive: true});
  const info: Record<string, {hash: string; mtime: number; size: number}> = {};
  for (const [id, body] of [["01001", '{"id":"01001"}'], ["01002", '{"id":"01002","x":1}'], ["01003", '{"id":"01003","longer":true}']] as const) {
    const path = join(cache, `${id}.json`);
    writeFileSync(path, body);
    utimesSync(path, 1_700_000_000, 1_700_000_000.5);
    info[id] = {hash: createHash("sha256").update(body).digest("hex").slice(0, 8), mtime: Math.floor(statSync(path).mtimeMs), size: Buffer.byteLength(body)};
  }
  return {src, dist, info};
}

describe("clonePage", () => {
  it("writes what Framework writes for another parameter: file name, hashed path, time and size", () => {
    const {src, dist, info} = site();
    const {html, files} = clonePage({srcRoot: src, dist}, page("01001", info["01001"]!), "/profil/01001", "/profil/01003");
    expect(html).toBe(page("01003", info["01003"]!));
    expect(files).toEqual([{source: join(src, ".observablehq/cache/data/profiles/01003.json"), output: `_file/data/profiles/01003.${info["01003"]!.hash}.json`}]);
  });
});

describe("cloneDynamicPages", () => {
  it("writes the pages Framework did not render and copies their data files", () => {
    const {src, dist, info} = site();
    writeFileSync(join(dist, "profil/01001.html"), page("01001", info["01001"]!));
    writeFileSync(join(dist, "profil/01002.html"), page("01002", info["01002"]!));
    expect(cloneDynamicPages({srcRoot: src, dist}, ["/profil/01001", "/profil/01002", "/profil/01003"])).toBe(true);
    expect(readFileSync(join(dist, "profil/01003.html"), "utf-8")).toBe(page("01003", info["01003"]!));
    expect(readFileSync(join(dist, `_file/data/profiles/01003.${info["01003"]!.hash}.json`), "utf-8")).toBe('{"id":"01003","longer":true}');
  });

  it("writes nothing when Framework's second page is not the clone of its first", () => {
    const {src, dist, info} = site();
    const logs: string[] = [];
    writeFileSync(join(dist, "profil/01001.html"), page("01001", info["01001"]!));
    // The template printed its parameter somewhere else: cloning would miss it.
    writeFileSync(join(dist, "profil/01002.html"), page("01002", info["01002"]!, "Profil 01002"));
    expect(cloneDynamicPages({srcRoot: src, dist}, ["/profil/01001", "/profil/01002", "/profil/01003"], (m) => logs.push(m))).toBe(false);
    expect(existsSync(join(dist, "profil/01003.html"))).toBe(false);
    expect(logs.join("\n")).toContain("/profil/01002 weicht von der Kopie von /profil/01001 ab");
  });
});
