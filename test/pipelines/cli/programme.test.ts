import ExcelJS from "exceljs";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {loadProgramme} from "../../../loaders/programme/load.ts";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {captureIO} from "../../support/capture-io.ts";
import {EXAMPLE_DIR, rawSheet} from "../programme/count-sheets.ts";

const root = resolve(import.meta.dirname, "../../..");
const work = mkdtempSync(join(tmpdir(), "kbm-workbook-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const SHEETS = ["kommunen", "veranstaltungen", "teilnahmen", "fachgruppen", "module", "meilensteine", "stand"];
const DATE_COLUMNS = new Set(["erstkontakt", "analyseworkshop", "vereinbarung", "erste_fortbildung", "fachgruppe", "datum", "exportiert_am"]);

type Change = (sheets: Map<string, {header: string[]; rows: string[][]}>) => void;

/**
 * A workbook made here from the example sheets, as a programme office would keep it: one sheet
 * per list, dates as real Excel date cells, everything else as text. `change` edits it first.
 */
async function makeWorkbook(name: string, change: Change = () => {}): Promise<string> {
  const sheets = new Map(SHEETS.map((s) => {
    const rows = rawSheet(`${s}.csv`);
    const header = Object.keys(rows[0]!);
    return [s, {header, rows: rows.map((r) => header.map((h) => r[h] ?? ""))}];
  }));
  change(sheets);
  const wb = new ExcelJS.Workbook();
  for (const [s, {header, rows}] of sheets) {
    const ws = wb.addWorksheet(s);
    ws.addRow(header);
    for (const row of rows) {
      ws.addRow(row.map((cell, i) => {
        const m = DATE_COLUMNS.has(header[i]!) ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(cell) : null;
        return m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : cell;
      }));
    }
  }
  const path = join(work, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** In the temp folder (files named as given); region keys checked against the project's snapshot. */
async function kbm(args: string[]) {
  const c = captureIO(work);
  if (args[0] === "check" || args[0] === "programme" || args[0] === "reach") args = [...args, ...(args[0] === "reach" ? [] : ["--snapshot", join(root, "data/snapshot")])];
  const code = await runCli(args, c.io);
  return {code, stdout: c.stdout(), stderr: c.stderr()};
}

describe("the programme sheets as one Excel workbook", () => {
  it("kbm check --from passes the example record kept as a workbook", async () => {
    const path = await makeWorkbook("ok.xlsx");
    const {code, stdout, stderr} = await kbm(["check", "--from", path]);
    expect(code, stdout).toBe(EXIT_OK);
    expect(stderr).toBe("Programmlisten in Ordnung: 53 Kommunen, 43 Veranstaltungen, 660 Teilnahmen\n");
  });

  it("kbm programme import writes CSV sheets that load to the same records and the published figures", async () => {
    const path = await makeWorkbook("import.xlsx");
    const out = join(work, "imported");
    const {code, stderr} = await kbm(["programme", "import", path, "--dir", out]);
    expect(code, stderr).toBe(EXIT_OK);
    expect(readdirSync(out).sort()).toEqual(["fachgruppen.csv", "kommunen.csv", "meilensteine.csv", "module.csv", "stand.csv", "teilnahmen.csv", "veranstaltungen.csv"]);
    expect(loadProgramme(out)).toEqual(loadProgramme(EXAMPLE_DIR));
    // Same bytes as the example sheets: dates back as TT.MM.JJJJ, BOM, `;`.
    for (const name of readdirSync(out)) expect(readFileSync(join(out, name), "utf-8"), name).toBe(readFileSync(join(EXAMPLE_DIR, name), "utf-8"));
    const reach = JSON.parse((await kbm(["reach", "--dir", out, "--as-of", "2015-08-28"])).stdout);
    expect(reach.engaged).toEqual({total: 21, berlin_districts: 10});
  });

  it("names sheet, row and column of every problem, exactly, and imports nothing", async () => {
    const path = await makeWorkbook("bad.xlsx", (sheets) => {
      sheets.delete("stand");
      const events = sheets.get("veranstaltungen")!;
      events.rows[1]![events.header.indexOf("agentur")] = "Köln";
      // Typed as text (not a date cell), and no such day.
      events.rows[2]![events.header.indexOf("datum")] = "31.2.2015";
      const municipalities = sheets.get("kommunen")!;
      // Excel drops the leading zero of a key typed as a number.
      municipalities.rows[13]![municipalities.header.indexOf("regionalschluessel")] = "5913";
      const milestones = sheets.get("meilensteine")!;
      milestones.header[2] = "herkunft";
    });
    const {code, stdout} = await kbm(["check", "--from", path]);
    expect(code).toBe(EXIT_DATA_ERROR);
    expect(stdout.split("\n").filter(Boolean)).toEqual([
      'bad.xlsx, Blatt kommunen, Zeile 15, Feld "regionalschluessel, Spalte D": erwartet: ein Regionalschlüssel mit 2, 5 oder 8 Ziffern, gefunden: "5913"',
      'bad.xlsx, Blatt veranstaltungen, Zeile 3, Feld "agentur, Spalte I": erwartet: einer von: Berlin, Bremen, Hamburg, gefunden: "Köln"',
      'bad.xlsx, Blatt veranstaltungen, Zeile 4, Feld "datum, Spalte C": erwartet: ein Datum TT.MM.JJJJ, gefunden: "31.2.2015"',
      'bad.xlsx, Blatt meilensteine, Zeile 1, Feld "quelle": erwartet: die Spalte "quelle" in Zeile 1, gefunden: "datum, text, herkunft"',
      'bad.xlsx, Blatt stand: erwartet: ein Tabellenblatt "stand" (wie in der Vorlage: kbm programme vorlage), gefunden: "fehlt"'
    ]);
    const out = join(work, "not-written");
    const imported = await kbm(["programme", "import", path, "--dir", out]);
    expect(imported.code).toBe(EXIT_DATA_ERROR);
    expect(imported.stdout).toBe(stdout);
    expect(imported.stderr).toContain("nichts geschrieben");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a file that is not a workbook, with its name", async () => {
    const {code, stdout, stderr} = await kbm(["check", "--from", join(EXAMPLE_DIR, "module.csv")]);
    // (named relative to the folder the command runs in)
    expect(code).toBe(EXIT_DATA_ERROR);
    expect(stdout + stderr).toMatch(/module\.csv: erwartet: eine \.xlsx-Datei \(ZIP-Archiv\), gefunden: "keine lesbare ZIP-Datei"/);
  });

  it("kbm programme vorlage writes the empty template: every sheet with its columns", async () => {
    const path = join(work, "vorlage.xlsx");
    const c = captureIO(work);
    expect(await runCli(["programme", "vorlage", path], c.io)).toBe(EXIT_OK);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
    expect((wb.getWorksheet("veranstaltungen")!.getRow(1).values as string[]).slice(1)).toEqual(["id", "typ", "datum", "gastgeber", "titel", "modul", "fachgruppe", "abgesagt", "agentur"]);
    expect((wb.getWorksheet("teilnahmen")!.getRow(1).values as string[]).slice(1)).toEqual(["veranstaltung", "name", "email", "telefon", "organisation", "kommune", "bereich"]);
    expect(wb.getWorksheet("kommunen")!.rowCount).toBe(1);
  });

  it("exits 2 on a wrong call", async () => {
    expect((await kbm(["programme", "export", "x.xlsx"])).code).toBe(EXIT_USAGE);
    expect((await kbm(["programme", "import"])).code).toBe(EXIT_USAGE);
    expect((await kbm(["check", "--from", "x.xlsx", "--dir", "."])).code).toBe(EXIT_USAGE);
  });
});
