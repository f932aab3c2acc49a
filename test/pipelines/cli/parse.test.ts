import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Writable} from "node:stream";
import {strToU8, zipSync} from "fflate";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {V5_HEADER, describeFixtures, fixture, table, v5, v5Row} from "../../loaders/genesis/helpers.ts";
import {captureIO} from "../../support/capture-io.ts";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kbm-parse-"));
  writeFileSync(join(dir, "12411-01-01-4_1_de_flat.csv"), "\uFEFF" + v5(v5Row({value: "1024621", sex: ""}), v5Row({value: "-", region: "16056", name: "Eisenach, Stadt"}), v5Row({value: "191,67", region: "09474", name: 'Forchheim, "Landkreis"', unit: "Prozent"})));
  writeFileSync(join(dir, "header-only.csv"), V5_HEADER + "\n");
  symlinkSync(join(dir, "loop-b.csv"), join(dir, "loop-a.csv"));
  symlinkSync(join(dir, "loop-a.csv"), join(dir, "loop-b.csv"));
  mkdirSync(join(dir, "folder.csv"));
  writeFileSync(join(dir, "mac.csv"), v5(v5Row(), v5Row({region: "05314"})).replace(/\r?\n/g, "\r"));
  writeFileSync(join(dir, "formula.csv"), v5(v5Row({name: '=HYPERLINK("http://example.org")'}), v5Row({region: "05314", name: "@SUM(A1)"}), v5Row({region: "05313", name: "+49 Bonn"})));
  writeFileSync(join(dir, "table.csv"), table(["2015;05315;      Köln, Kreisfreie Stadt;10106;x", "2015;03159;      Göttingen, Landkreis;-;-"]));
  writeFileSync(join(dir, "bad.csv"), v5(v5Row(), v5Row({value: "abc"})));
  writeFileSync(join(dir, "status.csv"), '{"Ident":{},"Status":{"Code":104,"Content":"Es gibt keine Objekte zum angegebenen Selektionskriterium","Type":"Information"}}');
  // Stored, with one digit changed after zipping: inflates fine, only the CRC at the end tells.
  // 6,000 rows: the records would fill stdout's buffer several times before the end of the archive.
  const rows = Array.from({length: 6000}, (_, i) => v5Row({region: String(10000 + i), value: i === 5999 ? "4711" : "1"}));
  const damaged = Buffer.from(zipSync({"12411-01-01-4_9_de_flat.csv": [strToU8(v5(...rows)), {level: 0}]}));
  damaged[damaged.indexOf(";4711;") + 1] = "5".charCodeAt(0);
  writeFileSync(join(dir, "damaged.zip"), damaged);
  writeFileSync(join(dir, "download.zip"), zipSync({"12411-01-01-4_9_de_flat.csv": strToU8(v5(v5Row()))}));
  const varying = V5_HEADER + "\n" + v5Row() + "\n" + v5Row({region: "05314"}).replace(";GES;", ";ALTX20;") + "\n";
  writeFileSync(join(dir, "varying.csv"), varying);
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));

async function kbm(...args: string[]) {
  const c = captureIO(dir);
  const code = await runCli(["parse", ...args], c.io);
  return {code, stdout: c.stdout(), stderr: c.stderr()};
}

describe("kbm parse", () => {
  it("prints every cell as a JSON record and a summary on stderr", async () => {
    const {code, stdout, stderr} = await kbm("12411-01-01-4_1_de_flat.csv");
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toEqual([
      {table: "12411-01-01-4", period: "2024-12-31", region: "05315", region_name: "Köln, kreisfreie Stadt", variable: "BEVSTD", dimensions: {GES: ""}, value: 1024621, unit: "Anzahl", flag: null},
      {table: "12411-01-01-4", period: "2024-12-31", region: "16056", region_name: "Eisenach, Stadt", variable: "BEVSTD", dimensions: {GES: "GESM"}, value: 0, unit: "Anzahl", flag: "-"},
      {table: "12411-01-01-4", period: "2024-12-31", region: "09474", region_name: 'Forchheim, "Landkreis"', variable: "BEVSTD", dimensions: {GES: "GESM"}, value: 191.67, unit: "Prozent", flag: null}
    ]);
    expect(stderr).toBe(
      "kbm parse: 12411-01-01-4_1_de_flat.csv: ffcsv (ab 2025), Kodierung utf-8-bom, Tabelle 12411-01-01-4\n" + "kbm parse: 3 Datensätze aus 3 Datenzeilen; 0 von 3 Datenzeilen beiseitegelegt\n"
    );
  });

  it("writes CSV with the dimensions as dim_<code> columns", async () => {
    const {code, stdout} = await kbm("12411-01-01-4_1_de_flat.csv", "--format", "csv");
    expect(code).toBe(EXIT_OK);
    expect(stdout).toBe(
      [
        "table,period,region,region_name,variable,dim_GES,value,unit,flag",
        '12411-01-01-4,2024-12-31,05315,"Köln, kreisfreie Stadt",BEVSTD,,1024621,Anzahl,',
        '12411-01-01-4,2024-12-31,16056,"Eisenach, Stadt",BEVSTD,GESM,0,Anzahl,-',
        '12411-01-01-4,2024-12-31,09474,"Forchheim, ""Landkreis""",BEVSTD,GESM,191.67,Prozent,',
        ""
      ].join("\n")
    );
  });

  it("neutralises formula starts in CSV text cells (a leading '), keeps the JSON literal and the flag - as it is", async () => {
    const csv = await kbm("formula.csv", "--format", "csv");
    expect(csv.code).toBe(EXIT_OK);
    const lines = csv.stdout.split("\n");
    expect(lines[1]).toContain(`,05315,"'=HYPERLINK(""http://example.org"")",BEVSTD,`);
    expect(lines[2]).toContain(",05314,'@SUM(A1),BEVSTD,");
    expect(lines[3]).toContain(",05313,'+49 Bonn,BEVSTD,");
    const json = JSON.parse((await kbm("formula.csv")).stdout) as {region_name: string}[];
    expect(json.map((r) => r.region_name)).toEqual(['=HYPERLINK("http://example.org")', "@SUM(A1)", "+49 Bonn"]);
  });

  it.each([
    ["loop-a.csv", "Symlink-Schleife (der Verweis zeigt auf sich selbst zurück)"],
    ["folder.csv", "Verzeichnis"],
    ["missing.csv", "Datei nicht gefunden"]
  ])("%s: the usual message, not a system error", async (name, found) => {
    const {code, stdout, stderr} = await kbm(name);
    expect(code).toBe(EXIT_DATA_ERROR);
    expect(stdout).toBe("");
    expect(stderr).toBe(`kbm parse: ${name}: erwartet: lesbare Datei, gefunden: "${found}"\n`);
  });

  it("writes nothing to stdout for a zip whose CRC does not match (the check is at the archive's end)", async () => {
    const {code, stdout, stderr} = await kbm("damaged.zip");
    expect(code).toBe(EXIT_DATA_ERROR);
    expect(stdout).toBe("");
    expect(stderr).toBe('kbm parse: damaged.zip, Feld "12411-01-01-4_9_de_flat.csv": erwartet: vollständiges ZIP-Archiv mit genau einer CSV-Datei, gefunden: "beschädigte Daten (Prüfsumme CRC-32 oder Größe stimmt nicht)"\n');
  });

  it("refuses a file whose lines end in CR only, naming file, line and what was expected", async () => {
    const {code, stdout, stderr} = await kbm("mac.csv");
    expect(code).toBe(EXIT_DATA_ERROR);
    expect(stdout).toBe("");
    expect(stderr).toBe('kbm parse: mac.csv, Zeile 1, Feld "Zeilenende": erwartet: LF oder CRLF (die Datei so speichern), gefunden: "nur CR (altes Mac-Format)"\n');
  });

  it("reports set-aside rows and the footnotes of a table, and writes null as an empty cell", async () => {
    const {code, stdout, stderr} = await kbm("table.csv", "--format", "csv");
    expect(code).toBe(EXIT_OK);
    expect(stdout.split("\n")).toEqual([
      "table,period,region,region_name,variable,value,unit,flag",
      '21111-02-06-4,2015,05315,"Köln, Kreisfreie Stadt",Schulabschluss / Insgesamt,10106,Anzahl,',
      '21111-02-06-4,2015,05315,"Köln, Kreisfreie Stadt",Schulabschluss / weiblich,,Anzahl,x',
      ""
    ]);
    expect(stderr.split("\n")).toEqual([
      "kbm parse: table.csv: Tabellen-CSV, Kodierung utf-8, Tabelle 21111-02-06-4",
      "kbm parse: 2 Datensätze aus 1 Datenzeilen; 1 von 2 Datenzeilen beiseitegelegt",
      'kbm parse:   Zeile 7: alle Werte "-": Region 03159 Göttingen, Landkreis bestand 2015 nicht',
      "kbm parse:   ab Zeile 8: Fußnoten, Quellenangabe und Stand (4 Zeilen)",
      ""
    ]);
  });

  it("states a header-only file on stderr and prints an empty result", async () => {
    const json = await kbm("header-only.csv");
    expect(json).toEqual({code: EXIT_OK, stdout: "[]\n", stderr: "kbm parse: header-only.csv: ffcsv (ab 2025), Kodierung utf-8, Tabelle unbekannt\nkbm parse: keine Datenzeilen (nur Kopf): 0 Datensätze\n"});
    const csv = await kbm("header-only.csv", "--format", "csv");
    expect(csv.stdout).toBe("table,period,region,region_name,variable,value,unit,flag\n");
  });

  it("reads the zip the web service delivers", async () => {
    const {code, stdout, stderr} = await kbm("download.zip", "--format", "json");
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toHaveLength(1);
    expect(stderr).toContain("kbm parse: download.zip (12411-01-01-4_9_de_flat.csv): ffcsv (ab 2025)");
  });

  it("exits 1 on bad input with the file, line and field", async () => {
    expect(await kbm("bad.csv")).toMatchObject({code: EXIT_DATA_ERROR, stderr: 'kbm parse: bad.csv, Zeile 3, Feld "value": erwartet: Zahl (Dezimalkomma) oder Sonderzeichen (- . ... / x), gefunden: "abc"\n'});
    expect(await kbm("status.csv")).toMatchObject({
      code: EXIT_DATA_ERROR,
      stderr: 'kbm parse: status.csv, Zeile 1: erwartet: CSV-Daten, keine Statusmeldung des GENESIS-Webservice (Status-Code 104, Typ Information), gefunden: "Es gibt keine Objekte zum angegebenen Selektionskriterium"\n'
    });
    expect(await kbm("missing.csv")).toMatchObject({code: EXIT_DATA_ERROR, stderr: 'kbm parse: missing.csv: erwartet: lesbare Datei, gefunden: "Datei nicht gefunden"\n'});
  });

  it("exits 1 when CSV output meets a dimension the first row did not have", async () => {
    const {code, stderr} = await kbm("varying.csv", "--format", "csv");
    expect(code).toBe(EXIT_DATA_ERROR);
    expect(stderr).toBe('kbm parse: CSV-Ausgabe: Merkmal "ALTX20" kommt in der ersten Datenzeile nicht vor, die Spalten stehen schon fest; bitte --format json verwenden\n');
    expect((await kbm("varying.csv")).code).toBe(EXIT_OK);
  });

  it("exits 2 on usage errors", async () => {
    const none = await kbm();
    expect(none.code).toBe(EXIT_USAGE);
    expect(none.stderr).toContain('kbm parse: "kbm parse" erwartet genau eine DATEI');
    const format = await kbm("table.csv", "--format", "xml");
    expect(format.code).toBe(EXIT_USAGE);
    expect(format.stderr).toContain('kbm parse: --format erwartet json|csv, bekam "xml"');
    expect((await kbm("a.csv", "b.csv")).code).toBe(EXIT_USAGE);
    expect((await kbm("a.csv", "--frobnicate")).code).toBe(EXIT_USAGE);
  });

  it("waits for a slow stdout and still writes everything", async () => {
    const rows = Array.from({length: 3000}, (_, i) => v5Row({region: String(i).padStart(5, "0")}));
    writeFileSync(join(dir, "many.csv"), v5(...rows));
    const parts: string[] = [];
    let writes = 0;
    const stdout = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, callback) {
        parts.push(chunk.toString("utf8"));
        writes++;
        setTimeout(callback, 1);
      }
    });
    const c = captureIO(dir);
    const code = await runCli(["parse", "many.csv", "--format", "csv"], {...c.io, stdout});
    expect(code).toBe(EXIT_OK);
    expect(parts.join("").trimEnd().split("\n")).toHaveLength(3001);
    expect(writes).toBeGreaterThan(1);
  });

  it("stops quietly when the reader goes away (kbm parse … | head)", async () => {
    writeFileSync(join(dir, "long.csv"), v5(...Array.from({length: 20_000}, (_, i) => v5Row({region: String(i).padStart(5, "0")}))));
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        const error: NodeJS.ErrnoException = new Error("write EPIPE");
        error.code = "EPIPE";
        callback(error);
      }
    });
    const c = captureIO(dir);
    expect(await runCli(["parse", "long.csv"], {...c.io, stdout})).toBe(EXIT_OK);
    expect(c.stderr()).toBe("");
  });

  it("is listed in kbm --help", async () => {
    const c = captureIO(dir);
    await runCli(["--help"], c.io);
    expect(c.stdout()).toContain("  parse ");
  });
});

describeFixtures("kbm parse on a real file", () => {
  it("writes 21111-02-06-4 as CSV and names the dissolved regions it set aside", async () => {
    const c = captureIO(dir);
    expect(await runCli(["parse", fixture("21111-02-06-4.csv"), "--format", "csv"], c.io)).toBe(EXIT_OK);
    const lines = c.stdout().trimEnd().split("\n");
    expect(lines).toHaveLength(144354 + 1);
    expect(lines).toContain('21111-02-06-4,2015,05315,"Köln, Kreisfreie Stadt",Schulabschluss / ohne Hauptschulabschluss / Insgesamt,517,Anzahl,');
    expect(lines).toContain("21111-02-06-4,2015,14612,\"Dresden, Stadt\",Schulabschluss / mit Fachhochschulreife / Insgesamt,,Anzahl,x");
    const err = c.stderr().split("\n");
    expect(err[0]).toBe(`kbm parse: ${fixture("21111-02-06-4.csv")}: Tabellen-CSV, Kodierung windows-1252, Tabelle 21111-02-06-4`);
    expect(err[1]).toBe("kbm parse: 144354 Datensätze aus 10311 Datenzeilen; 735 von 11046 Datenzeilen beiseitegelegt");
    expect(err[2]).toBe('kbm parse:   Zeile 41: alle Werte "-": Region 03159 Göttingen, Landkreis bestand 2015 nicht');
    expect(c.stderr()).toContain("kbm parse:   … und 730 weitere Zeilen");
  });
});
