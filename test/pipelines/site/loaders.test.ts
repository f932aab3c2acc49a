import {strToU8, zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {zipMembers} from "../../../pipelines/exports/archive.ts";
import {inflateArchive, listLoaders, loadersNamedByPages} from "../../../pipelines/site/loaders.ts";

describe("inflateArchive", () => {
  it("writes every member beside the archive, under the archive's name, byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-inflate-"));
    const zip = join(dir, "profiles.zip");
    const members = {"05315.json": '{"id":"05315"}', "11008008.json": '{"name":"Neukölln"}', "sub/deep.json": "[1,2]"};
    writeFileSync(zip, zipMembers(members));
    expect(await inflateArchive(zip)).toBe(3);
    for (const [name, text] of Object.entries(members)) expect(readFileSync(join(dir, "profiles", name), "utf-8")).toBe(text);
  });

  it("removes members of an earlier build that the new archive no longer has", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-inflate-"));
    mkdirSync(join(dir, "profiles"));
    writeFileSync(join(dir, "profiles", "16056.json"), "{}");
    writeFileSync(join(dir, "profiles.zip"), zipMembers({"16063.json": "{}"}));
    await inflateArchive(join(dir, "profiles.zip"));
    expect(readdirSync(join(dir, "profiles"))).toEqual(["16063.json"]);
    expect(existsSync(join(dir, "profiles", "16056.json"))).toBe(false);
  });

  it("refuses a damaged archive and leaves the members of the last build in place", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-inflate-"));
    mkdirSync(join(dir, "profiles"));
    writeFileSync(join(dir, "profiles", "05315.json"), '{"value":1024621}');
    const archive = zipSync({"05315.json": strToU8('{"value":1024621}')}, {level: 0});
    const at = Buffer.from(archive).indexOf("1024621");
    archive[at + 6] = 0x39; // 1024621 → 1024629
    writeFileSync(join(dir, "profiles.zip"), archive);
    await expect(inflateArchive(join(dir, "profiles.zip"))).rejects.toThrow(/profiles\.zip: 05315\.json: beschädigte Daten \(Prüfsumme CRC-32 oder Größe stimmt nicht\)$/);
    expect(readFileSync(join(dir, "profiles", "05315.json"), "utf-8")).toBe('{"value":1024621}');
  });

  it("refuses a member whose name leads out of the folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-inflate-"));
    writeFileSync(join(dir, "profiles.zip"), zipMembers({"../escaped.json": "{}"}));
    await expect(inflateArchive(join(dir, "profiles.zip"))).rejects.toThrow("../escaped.json: Eintrag zeigt aus dem Ordner profiles hinaus");
    expect(existsSync(join(dir, "escaped.json"))).toBe(false);
  });
});

describe("listLoaders", () => {
  it("finds the site's zip loaders, whose members pages read one by one", () => {
    const loaders = listLoaders(join(import.meta.dirname, "../../../src"));
    expect(loaders).toContain("data/profiles.zip.ts");
    expect(loaders.every((l) => !l.startsWith("components/") && !l.startsWith("shared/"))).toBe(true);
  });
});

describe("loadersNamedByPages", () => {
  const src = join(import.meta.dirname, "../../../src");

  it("keeps every loader of the site: each one is named by some page", () => {
    expect(loadersNamedByPages(src)).toEqual(listLoaders(src));
  });

  it("for a copy with one page, keeps only what that page names, archive members and template paths included", () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-named-"));
    mkdirSync(join(dir, "data"));
    mkdirSync(join(dir, "programm"));
    mkdirSync(join(dir, "components"));
    for (const loader of ["programm.json.ts", "geo.zip.ts", "profiles.zip.ts", "training-kreise.json.ts", "training-kita-u3.json.ts"]) writeFileSync(join(dir, "data", loader), "");
    writeFileSync(join(dir, "programm", "index.md"), 'FileAttachment("../data/programm.json") FileAttachment("../data/geo/kreise.json")\n```js\nFileAttachment(`../data/profiles/${id}.json`)\n```\n');
    // A component's text is not a page: its mention of a loader does not count.
    writeFileSync(join(dir, "components", "note.md"), "data/training-kita-u3.json");
    expect(loadersNamedByPages(dir)).toEqual(["data/geo.zip.ts", "data/profiles.zip.ts", "data/programm.json.ts"]);
  });
});
