import {afterEach, describe, expect, it} from "vitest";
import {resolve} from "node:path";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {captureIO} from "../../support/capture-io.ts";
import {once, writeSheets, type FixtureDir} from "../../loaders/programme/fixture.ts";

const root = resolve(import.meta.dirname, "../../..");
let fixture: FixtureDir | undefined;
afterEach(() => fixture?.cleanup());

describe("kbm check", () => {
  it("passes the example data, checking region keys against the snapshot", async () => {
    const c = captureIO(root);
    expect(await runCli(["check"], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).toBe("");
    expect(c.stderr()).toBe("Programmlisten in Ordnung: 53 Kommunen, 43 Veranstaltungen, 660 Teilnahmen\n");
  });

  it("prints every problem on stdout, one per line, and exits 1", async () => {
    fixture = writeSheets({
      "teilnahmen.csv": (t) => once("Kommune;kiel;Schule", "Kommune;atlantis;Schule")(t).replace("bochum;Koordinierung Bildung", "bochum;Kultur"),
      "kommunen.csv": once("01.07.2014;10.03.2015", "01.07.2014;10.03.2014")
    });
    const c = captureIO(fixture.dir);
    expect(await runCli(["check", "--dir", "."], c.io)).toBe(EXIT_DATA_ERROR);
    expect(c.stdout().split("\n")).toEqual([
      'kommunen.csv, Zeile 2, Feld "analyseworkshop": erwartet: ein Datum nicht vor der Stufe „Erstkontakt“ (01.07.2014), gefunden: "10.03.2014"',
      'teilnahmen.csv, Zeile 4, Feld "kommune": erwartet: die ID einer Kommune aus kommunen.csv, gefunden: "atlantis"',
      'teilnahmen.csv, Zeile 6, Feld "bereich": erwartet: leer oder einer von: Jugend, Schule, Koordinierung Bildung, Stabsstelle Oberbürgermeister, Stadtentwicklung, Soziales, Sonstige, gefunden: "Kultur"',
      ""
    ]);
    expect(c.stderr()).toBe("kbm check: 3 Probleme in den Programmlisten\n");
  });

  it("names the folder as given", async () => {
    fixture = writeSheets({"module.csv": () => "id;nummer;name\nM2;zwei;Datengestütztes Steuern\n"});
    const c = captureIO(resolve(fixture.dir, ".."));
    await runCli(["check", "--dir", fixture.dir.split("/").at(-1)!], c.io);
    expect(c.stdout()).toContain(`${fixture.dir.split("/").at(-1)}/module.csv, Zeile 2, Feld "nummer": erwartet: eine Modulnummer (1, 2, …), gefunden: "zwei"`);
  });

  it("exits 2 for a folder that does not exist, and answers --help", async () => {
    const c = captureIO(root);
    expect(await runCli(["check", "--dir", "nirgends"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain("Ordner nirgends gibt es nicht");
    const h = captureIO(root);
    expect(await runCli(["check", "--help"], h.io)).toBe(EXIT_OK);
    expect(h.stdout()).toContain("Aufruf: kbm check [--dir DIR]");
  });
});
