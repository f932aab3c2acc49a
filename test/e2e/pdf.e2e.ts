import {describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {execFileSync} from "node:child_process";
import {join, resolve} from "node:path";
import {captureIO} from "../support/capture-io.ts";
import {runCli} from "../../pipelines/cli/main.ts";

const root = resolve(import.meta.dirname, "../..");

/** Page objects of a PDF (Chromium writes them uncompressed in the object headers). */
function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

describe("kbm pdf", () => {
  it("prints a Kreis and a district profile as A4 Steckbriefe of one or two pages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-pdf-"));
    for (const region of ["05315", "11008008"]) {
      const out = join(dir, `${region}.pdf`);
      const c = captureIO(root);
      expect(await runCli(["pdf", "--region", region, "--out", out], c.io), c.stderr()).toBe(0);
      const pdf = readFileSync(out);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
      // Köln has 50+ indicators since the data-depth work: the Steckbrief runs to three pages.
      expect(pageCount(pdf)).toBeLessThanOrEqual(3);
      // A4 in PostScript points.
      expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/);
    }
  });

  it("refuses a region without a profile and a bad key, writing nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-pdf-"));
    const missing = captureIO(root);
    expect(await runCli(["pdf", "--region", "99999", "--out", join(dir, "x.pdf")], missing.io)).toBe(1);
    expect(missing.stderr()).toContain('Kein Profil für "99999"');
    const bad = captureIO(root);
    // Names resolve since #13 ("Köln" → 05315); a key that matches no region is a data error.
    expect(await runCli(["pdf", "--region", "1234567", "--out", join(dir, "y.pdf")], bad.io)).toBe(1);
    expect(bad.stderr()).toContain('keine Region passt zu "1234567"');
  });

  it("an unknown --gruppe exits 2 and lists the groups; a group the region is not in lists the region's groups", async () => {
    const unknown = captureIO(root);
    expect(await runCli(["pdf", "--region", "05315", "--gruppe", "staedte"], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('Unbekannte Vergleichsgruppe "staedte"');
    for (const id of ["grossstaedte", "kreisfrei", "landkreise", "kreistyp_1", "kreise", "bezirke", "land_05"]) expect(unknown.stderr()).toContain(`  ${id}`);
    const foreign = captureIO(root);
    expect(await runCli(["pdf", "--region", "05315", "--gruppe", "bezirke"], foreign.io)).toBe(2);
    expect(foreign.stderr()).toContain("05315 gehört nicht zur Gruppe bezirke");
    expect(foreign.stderr()).toContain("  grossstaedte");
  });

  it("the Köln Steckbrief prints its date, data status, Land and Bund columns and sparkline years, with no orphan last page", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-pdf-"));
    const out = join(dir, "koeln.pdf");
    const c = captureIO(root);
    expect(await runCli(["pdf", "--region", "05315", "--out", out], c.io), c.stderr()).toBe(0);
    const text = execFileSync("pdftotext", ["-layout", out, "-"], {encoding: "utf-8"});
    expect(text).toMatch(/Gedruckt am \d{2}\.\d{2}\.\d{4}/);
    expect(text).toContain("Datenstand:");
    expect(text).toContain("Nordrhein-");
    expect(text).toContain("Deutschland");
    expect(text).toMatch(/Verlauf[\s\S]{0,400}?(19|20)\d\d\s+(19|20)\d\d/);
    // Every page carries at least a fifth of a page of text: no page holds only a line or two.
    const pages = text.split("\f").filter((p) => p.trim());
    for (const p of pages) expect(p.trim().split("\n").length).toBeGreaterThan(12);
  });
});
