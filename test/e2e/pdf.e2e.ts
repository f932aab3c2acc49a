import {describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
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
      expect(pageCount(pdf)).toBeLessThanOrEqual(2);
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
    expect(await runCli(["pdf", "--region", "Köln"], bad.io)).toBe(2);
    expect(bad.stderr()).toContain("5-stelligen Kreisschlüssel");
  });
});
