import {describe, expect, it} from "vitest";
import {mkdtempSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {finalizeDist, setLanguage} from "../../../pipelines/site/finalize-dist.ts";

const page = '<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"></head><body><p>&lt;html&gt;</p></body>\n</html>\n';

describe("finalizeDist", () => {
  it("declares German on the root element only", () => {
    expect(setLanguage(page)).toBe(page.replace("<html>", '<html lang="de">'));
  });

  it("refuses a page whose prologue it does not know, instead of guessing", () => {
    expect(() => setLanguage("<html><body></body></html>")).toThrow(/Framework's HTML template changed/);
  });

  it("rewrites every HTML file below dist/, nested ones included, and leaves other files alone", async () => {
    const dist = mkdtempSync(join(tmpdir(), "kbm-dist-"));
    mkdirSync(join(dist, "profil"));
    writeFileSync(join(dist, "index.html"), page);
    writeFileSync(join(dist, "profil", "05315.html"), page);
    writeFileSync(join(dist, "data.json"), "<html>");
    expect(await finalizeDist(dist)).toBe(2);
    expect(readFileSync(join(dist, "profil", "05315.html"), "utf-8")).toContain('<html lang="de">');
    expect(readFileSync(join(dist, "data.json"), "utf-8")).toBe("<html>");
  });
});
