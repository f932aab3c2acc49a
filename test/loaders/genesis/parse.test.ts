import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Readable} from "node:stream";
import {strToU8, zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {parse as parseYaml} from "yaml";
import {InputError} from "../../../loaders/common/errors.ts";
import {parseGenesisFile, parseGenesisStream, parseGenesisText} from "../../../loaders/genesis/index.ts";
import {LEGACY_HEADER, V5_HEADER, collect, collectFile, describeFixtures, fixture, legacy, legacyRow, parseError, table, v5, v5Row} from "./helpers.ts";

const utf8 = (text: string) => Buffer.from(text, "utf8");
/** Windows-1252 bytes for text within Latin-1 (all German letters are). */
const cp1252 = (text: string) => Buffer.from(text, "latin1");
const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

const GOOD = v5(v5Row());
const GOOD_ZIP = zip({"12411-01-01-4_1_de_flat.csv": GOOD});
const EXPECTED_FILE = 'GENESIS-CSV (ffcsv mit Kopf \\"statistics_code;…\\" oder \\"Statistik_Code;…\\", oder Tabelle \\"GENESIS-Tabelle: …\\" bzw. \\"Tabelle: …\\")';
const ZIP = "vollständiges ZIP-Archiv mit genau einer CSV-Datei";
const NUMBER = "Zahl (Dezimalkomma) oder Sonderzeichen (- . ... / x)";
const SYMBOL = "bekanntes Sonderzeichen (- . ... / x) oder Zahl";
const KEY = "eindeutiger Schlüssel aus Tabelle, Zeit, Region, Variable und Merkmalen";
const TEXT = "Text in UTF-8 oder Windows-1252";

function corruptZip(): Uint8Array {
  const bytes = Buffer.from(zipSync({"a.csv": strToU8(GOOD.repeat(50))}));
  bytes.fill(0x41, 60, 120);
  return bytes;
}

/** [what, input, exact message]. The input is named "t.csv" (zip cases "t.zip"). */
const FAILURES: [string, string | Uint8Array, string][] = [
  // Not a CSV at all.
  ["empty file (0 bytes)", new Uint8Array(0), `t.csv, Zeile 1: erwartet: ${EXPECTED_FILE.replace(/\\"/g, '"')}, gefunden: "leere Datei (0 Bytes)"`],
  ["only whitespace", "  \n", `t.csv, Zeile 1: erwartet: ${EXPECTED_FILE.replace(/\\"/g, '"')}, gefunden: "  "`],
  ["HTML page", "<!DOCTYPE html>\n<html><head><title>Wartung</title></head></html>\n", 't.csv, Zeile 1: erwartet: CSV-Daten, keine HTML-Seite (Anmeldung, Wartung oder Fehlerseite des Webservice?), gefunden: "<!DOCTYPE html>"'],
  ["HTML page after blank lines", "\r\n\n  <html lang=\"de\"><body>Anmeldung</body></html>", 't.csv, Zeile 3: erwartet: CSV-Daten, keine HTML-Seite (Anmeldung, Wartung oder Fehlerseite des Webservice?), gefunden: "<html lang=\\"de\\"><body>Anmeldung</body></html>"'],
  [
    "JSON status envelope, code 104",
    JSON.stringify({Ident: {Service: "data", Method: "tablefile"}, Status: {Code: 104, Content: "Es gibt keine Objekte zum angegebenen Selektionskriterium", Type: "Information"}}),
    't.csv, Zeile 1: erwartet: CSV-Daten, keine Statusmeldung des GENESIS-Webservice (Status-Code 104, Typ Information), gefunden: "Es gibt keine Objekte zum angegebenen Selektionskriterium"'
  ],
  [
    "JSON status envelope, code -1 with line breaks",
    '{"Status":{"Code":-1,"Content":"Für die Teiltabelle\\nwurde kein Datenquader gefunden!","Type":"Fehler"}}',
    't.csv, Zeile 1: erwartet: CSV-Daten, keine Statusmeldung des GENESIS-Webservice (Status-Code -1, Typ Fehler), gefunden: "Für die Teiltabelle wurde kein Datenquader gefunden!"'
  ],
  ["bare JSON status (wrong credentials)", '{"Code":2,"Content":"Fehler bei der Anmeldung","Type":"ERROR"}', 't.csv, Zeile 1: erwartet: CSV-Daten, keine Statusmeldung des GENESIS-Webservice (Status-Code 2, Typ ERROR), gefunden: "Fehler bei der Anmeldung"'],
  ["other JSON", "[1,2,3]", 't.csv, Zeile 1: erwartet: CSV-Daten, keine JSON-Antwort, gefunden: "[1,2,3]"'],
  ["broken JSON", '{"Status": ', 't.csv, Zeile 1: erwartet: CSV-Daten, keine JSON-Antwort, gefunden: "{\\"Status\\": "'],
  ["unknown header", "Jahr;Region;Wert\n2015;05315;3\n", `t.csv, Zeile 1: erwartet: ${EXPECTED_FILE.replace(/\\"/g, '"')}, gefunden: "Jahr;Region;Wert"`],
  // Wrong delimiter.
  ["comma-separated ffcsv", V5_HEADER.replace(/;/g, ",") + "\n", 't.csv, Zeile 1: erwartet: Feldtrenner ";", gefunden: ","'],
  ["tab-separated old ffcsv", LEGACY_HEADER.replace(/;/g, "\t") + "\n", 't.csv, Zeile 1: erwartet: Feldtrenner ";", gefunden: "Tabulator"'],
  ["comma-separated data rows", V5_HEADER + "\n" + v5Row().replace(/;/g, ",") + "\n", 't.csv, Zeile 2: erwartet: Feldtrenner ";", gefunden: ","'],
  ["comma-separated table", "GENESIS-Tabelle: 1\nTitel,,,,\n,,,a,b\n", 't.csv, Zeile 2: erwartet: Feldtrenner ";", gefunden: ","'],
  // Missing columns.
  ["missing column value", V5_HEADER.replace(";value;", ";values;") + "\n", 't.csv, Zeile 1, Feld "value": erwartet: Pflichtspalte "value" im Kopf (ffcsv ab 2025), gefunden: "fehlt"'],
  ["missing columns time and value_unit", V5_HEADER.replace(";value_unit;", ";").replace(";time;", ";") + "\n", 't.csv, Zeile 1, Feld "time": erwartet: Pflichtspalten "time", "value_unit" im Kopf (ffcsv ab 2025), gefunden: "fehlt"'],
  ["missing attribute code of variable 2", V5_HEADER.replace("2_variable_attribute_code;", "") + "\n", 't.csv, Zeile 1, Feld "2_variable_attribute_code": erwartet: Pflichtspalte "2_variable_attribute_code" im Kopf (ffcsv ab 2025), gefunden: "fehlt"'],
  ["old ffcsv without Zeit", LEGACY_HEADER.replace(";Zeit;", ";") + "\n", 't.csv, Zeile 1, Feld "Zeit": erwartet: Pflichtspalte "Zeit" im Kopf (ffcsv bis 2024), gefunden: "fehlt"'],
  ["old ffcsv without value column", LEGACY_HEADER.replace(";BEVSTD__Bevoelkerungsstand__Anzahl", "") + "\n", 't.csv, Zeile 1: erwartet: mindestens eine Wertespalte der Form CODE__Label__Einheit, gefunden: "keine"'],
  ["old ffcsv with a stray column", LEGACY_HEADER + ";Bemerkung\n", 't.csv, Zeile 1, Feld "Bemerkung": erwartet: Wertespalte der Form CODE__Label__Einheit, gefunden: "Bemerkung"'],
  ["old ffcsv quality column without value column", LEGACY_HEADER.replace("BEVSTD__Bevoelkerungsstand__Anzahl", "BEVSTD__Bevoelkerungsstand__q") + "\n", 't.csv, Zeile 1, Feld "BEVSTD__Bevoelkerungsstand__q": erwartet: Qualitätsspalte direkt nach ihrer Wertespalte, gefunden: "BEVSTD__Bevoelkerungsstand__q"'],
  // Wrong number of fields.
  ["row with too few fields", v5(v5Row().split(";").slice(0, 15).join(";")), 't.csv, Zeile 2, Feld "value_variable_code": erwartet: 17 Felder wie im Kopf, gefunden: "15 Felder"'],
  ["row with too many fields", v5(v5Row() + ";extra"), 't.csv, Zeile 2, Feld "Spalte 18": erwartet: 17 Felder wie im Kopf, gefunden: "18 Felder"'],
  ["old ffcsv row with too many fields", legacy(legacyRow() + ";1"), 't.csv, Zeile 2, Feld "Spalte 15": erwartet: 14 Felder wie im Kopf, gefunden: "15 Felder"'],
  ["table row with too few fields", table(["2015;05315;Köln;1"]), 't.csv, Zeile 6, Feld "Schulabschluss / weiblich": erwartet: 5 Felder wie im Kopf, gefunden: "4 Felder"'],
  // Values.
  ["non-numeric value", v5(v5Row({value: "abc"})), `t.csv, Zeile 2, Feld "value": erwartet: ${NUMBER}, gefunden: "abc"`],
  ["number with a letter", v5(v5Row({value: "12a"})), `t.csv, Zeile 2, Feld "value": erwartet: ${NUMBER}, gefunden: "12a"`],
  ["thousands separator", v5(v5Row({value: "1.234,5"})), `t.csv, Zeile 2, Feld "value": erwartet: ${NUMBER}, gefunden: "1.234,5"`],
  ["unknown special symbol *", v5(v5Row({value: "*"})), `t.csv, Zeile 2, Feld "value": erwartet: ${SYMBOL}, gefunden: "*"`],
  ["unknown special symbol --", v5(v5Row({value: "--"})), `t.csv, Zeile 2, Feld "value": erwartet: ${SYMBOL}, gefunden: "--"`],
  ["() without a value", v5(v5Row({value: "()"})), `t.csv, Zeile 2, Feld "value": erwartet: ${SYMBOL}, gefunden: "()"`],
  ["empty value cell", v5(v5Row({value: ""})), 't.csv, Zeile 2, Feld "value": erwartet: Zahl oder Sonderzeichen (- . ... / x), gefunden: ""'],
  ["unknown quality mark", [V5_HEADER + ";value_q", v5Row() + ";z"].join("\n"), 't.csv, Zeile 2, Feld "value_q": erwartet: Qualitätskennzeichen (leer, e p r s (), - . ... / x), gefunden: "z"'],
  // A quality mark that contradicts its value (before: 1,024,621 kept with the flag "nothing").
  ["'-' (nothing) beside a number", [V5_HEADER + ";value_q", v5Row({value: "1024621"}) + ";-"].join("\n"), 't.csv, Zeile 2, Feld "value_q": erwartet: ein Kennzeichen, das zum Wert passt ("-" nur bei 0; ". ... / x" nur ohne Zahl), gefunden: "- neben 1024621"'],
  ["'.' (secret) beside a number", [V5_HEADER + ";value_q", v5Row({value: "47"}) + ";."].join("\n"), 't.csv, Zeile 2, Feld "value_q": erwartet: ein Kennzeichen, das zum Wert passt ("-" nur bei 0; ". ... / x" nur ohne Zahl), gefunden: ". neben 47"'],
  ["'x' beside '/' (old ffcsv)", legacy(legacyRow({value: "/"}) + ";x").replace("Anzahl\n", "Anzahl;BEVSTD__Bevoelkerungsstand__q\n"), 't.csv, Zeile 2, Feld "BEVSTD__Bevoelkerungsstand__q": erwartet: ein Kennzeichen, das zum Wert passt ("-" nur bei 0; ". ... / x" nur ohne Zahl), gefunden: "x neben /"'],
  ["table: non-numeric value", table(["2015;05315;Köln;1;zwei"]), `t.csv, Zeile 6, Feld "Schulabschluss / weiblich": erwartet: ${NUMBER}, gefunden: "zwei"`],
  ["table: unknown symbol", table(["2015;05315;Köln;1;#"]), `t.csv, Zeile 6, Feld "Schulabschluss / weiblich": erwartet: ${SYMBOL}, gefunden: "#"`],
  // Keys.
  ["duplicate key (ffcsv)", v5(v5Row(), v5Row({region: "05314"}), v5Row()), `t.csv, Zeile 4, Feld "1_variable_attribute_code": erwartet: ${KEY} (schon in Zeile 2), gefunden: "2024-12-31 | 05315 | BEVSTD | GES=GESM"`],
  ["duplicate key (old ffcsv)", legacy(legacyRow(), legacyRow()), `t.csv, Zeile 3, Feld "1_Auspraegung_Code": erwartet: ${KEY} (schon in Zeile 2), gefunden: "2022-12-31 | 05315 | BEVSTD | GES=GESM"`],
  ["duplicate key (table)", table(["2015;05315;Köln;1;2", "2015;05315;Köln;3;4"]), `t.csv, Zeile 7, Feld "Regionalschlüssel": erwartet: ${KEY} (schon in Zeile 6), gefunden: "2015 | 05315 | Köln"`],
  ["empty region key", v5(v5Row({region: ""})), 't.csv, Zeile 2, Feld "1_variable_attribute_code": erwartet: Regionalschlüssel, gefunden: ""'],
  ["old ffcsv: blank region key", legacy(legacyRow({region: "  "})), 't.csv, Zeile 2, Feld "1_Auspraegung_Code": erwartet: Regionalschlüssel, gefunden: ""'],
  ["empty time", v5(v5Row({time: ""})), 't.csv, Zeile 2, Feld "time": erwartet: Zeitangabe, gefunden: ""'],
  ["empty value variable", v5(v5Row({variable: ""})), 't.csv, Zeile 2, Feld "value_variable_code": erwartet: Code der Wertvariablen, gefunden: ""'],
  ["attribute without variable code", v5(v5Row().replace(";GES;", ";;")), 't.csv, Zeile 2, Feld "2_variable_code": erwartet: Merkmalscode, gefunden: ""'],
  // The same variable in two columns: before, the second attribute overwrote the first, so two
  // rows differing only in the first collapsed into one key with two values (exit 0).
  ["same classifying variable in two columns (ffcsv)", v5(v5Row().replace(";123;", ";GES;Geschlecht;GESW;weiblich;123;")).replace(";value;", ";3_variable_code;3_variable_label;3_variable_attribute_code;3_variable_attribute_label;value;"), 't.csv, Zeile 2, Feld "3_variable_code": erwartet: jedes Merkmal in nur einer Spalte, gefunden: "GES in 2_variable_code und 3_variable_code"'],
  ["regional variable again as a classifying one (ffcsv)", v5(v5Row().replace(";GES;Geschlecht;GESM;", ";KREISE;Kreise;05314;")), 't.csv, Zeile 2, Feld "2_variable_code": erwartet: jedes Merkmal in nur einer Spalte, gefunden: "KREISE in 1_variable_code und 2_variable_code"'],
  ["same classifying variable in two columns (old ffcsv)", legacy(legacyRow().replace(/;(\d+)$/, ";GES;Geschlecht;GESW;weiblich;$1")).replace(";BEVSTD", ";3_Merkmal_Code;3_Merkmal_Label;3_Auspraegung_Code;3_Auspraegung_Label;BEVSTD"), 't.csv, Zeile 2, Feld "3_Merkmal_Code": erwartet: jedes Merkmal in nur einer Spalte, gefunden: "GES in 2_Merkmal_Code und 3_Merkmal_Code"'],
  ["value variable in two columns (old ffcsv)", legacy(legacyRow() + ";7").replace("Anzahl\n", "Anzahl;BEVSTD__Bevoelkerung__Anzahl\n"), 't.csv, Zeile 1, Feld "BEVSTD__Bevoelkerung__Anzahl": erwartet: jede Wertvariable in nur einer Spalte, gefunden: "BEVSTD in Spalte 14 und Spalte 15"'],
  ["column name twice in the header (ffcsv)", [V5_HEADER + ";value", v5Row() + ";7"].join("\n"), 't.csv, Zeile 1, Feld "value": erwartet: jeder Spaltenname einmal im Kopf, gefunden: "Spalte 14 und Spalte 18"'],
  ["regional variable changes", v5(v5Row(), v5Row().replace(";KREISE;", ";GEMEIN;")), 't.csv, Zeile 3, Feld "1_variable_code": erwartet: Regionalmerkmal "KREISE" wie in der ersten Datenzeile, gefunden: "GEMEIN"'],
  // Quotes.
  ["unterminated quoted field", v5(v5Row({name: '"Köln'})), 't.csv, Zeile 2, Feld "Feld 9": erwartet: schließendes Anführungszeichen, gefunden: "Dateiende"'],
  ["text after a closing quote", v5(v5Row({name: '"Köln"x'})), 't.csv, Zeile 2, Feld "Feld 9": erwartet: Feldtrenner ";" oder Zeilenende nach dem schließenden Anführungszeichen, gefunden: "x;GES;Geschlecht;GES"'],
  ["table: unterminated quoted field", table(['2015;05315;"Köln;1;2'], {footer: false}), 't.csv, Zeile 6, Feld "Feld 3": erwartet: schließendes Anführungszeichen, gefunden: "Köln;1;2\\n"'],
  // Table structure.
  ["table without column headers", "GENESIS-Tabelle: 21111-02-06-4\nTitel;;;;\n2015;05315;Köln;1;2\n", 't.csv, Zeile 3: erwartet: Spaltenkopfzeilen (erste Zelle leer) vor der ersten Datenzeile, gefunden: "2015;05315;Köln"'],
  ["table with only a title", "GENESIS-Tabelle: 1\nTitel;;;;\n", 't.csv, Zeile 3: erwartet: Spaltenkopfzeilen (erste Zelle leer) nach dem Titel, gefunden: "Dateiende"'],
  ["table without code", "GENESIS-Tabelle:\n;;;a;b\n", 't.csv, Zeile 1, Feld "GENESIS-Tabelle": erwartet: Tabellencode nach "GENESIS-Tabelle:", gefunden: "GENESIS-Tabelle:"'],
  ["table with two row-label columns", "GENESIS-Tabelle: 1\n;;x;a;b\n2015;05315;Köln;1;2\n", 't.csv, Zeile 2: erwartet: Spaltenköpfe mit drei leeren Vorspalten (Zeit, Regionalschlüssel, Regionsname) und mindestens einer Wertespalte, gefunden: ";;x;a;b"'],
  ["table with a duplicate column label", "GENESIS-Tabelle: 1\n;;;a;a\n2015;05315;Köln;1;2\n", 't.csv, Zeile 2, Feld "a": erwartet: eindeutige Spaltenbeschriftung, gefunden: "a"'],
  ["table: not a period", table(["Summe;05315;Köln;1;2"]), 't.csv, Zeile 6, Feld "Zeit": erwartet: Zeitangabe (Jahr, Schuljahr oder Datum TT.MM.JJJJ), gefunden: "Summe"'],
  ["table: empty region key", table(["2015;;Köln;1;2"]), 't.csv, Zeile 6, Feld "Regionalschlüssel": erwartet: Regionalschlüssel, gefunden: ""'],
  // Bytes.
  ["invalid UTF-8 in a file with BOM", Buffer.concat([utf8("\uFEFF" + V5_HEADER + "\n" + v5Row({name: "K"})), Buffer.from([0xff, 0xfe]), utf8("ln\n")]), 't.csv, Zeile 2: erwartet: gültiges UTF-8 (die Datei ist als UTF-8 mit BOM erkannt), gefunden: "Bytes 0xFF 0xFE 0x6C 0x6E"'],
  ["UTF-8 and Windows-1252 mixed", Buffer.concat([utf8(V5_HEADER + "\n" + v5Row({name: "Köln"}) + "\n"), cp1252(v5Row({name: "Lübeck", region: "01003"}) + "\n")]), `t.csv, Zeile 3: erwartet: ${TEXT}, nicht beides gemischt, gefunden: "Bytes 0xF6 0x6C 0x6B 0x65"`],
  ["NUL bytes", Buffer.concat([utf8(GOOD), Buffer.from([0, 1, 2]), utf8("\n")]), `t.csv, Zeile 3: erwartet: ${TEXT}, gefunden: "Steuer- oder Binärbyte 0x00"`],
  ["binary garbage (PNG)", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), `t.csv, Zeile 3: erwartet: ${TEXT}, gefunden: "Steuer- oder Binärbyte 0x00"`],
  ["control byte in the first chunk", Buffer.concat([utf8("statistics_code;"), Buffer.from([0x1b, 0x5b, 0x32]), utf8("\n")]), `t.csv, Zeile 1: erwartet: ${TEXT}, gefunden: "Steuer- oder Binärbyte 0x1B"`],
  ["UTF-16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(V5_HEADER, "utf16le")]), `t.csv, Zeile 1: erwartet: ${TEXT}, gefunden: "UTF-16-Byte-Order-Mark"`],
  ["unassigned Windows-1252 byte", cp1252("GENESIS-Tabelle: 1\nAbg\u00e4nger;;;;\n;;;a;b\n2015;05315;K\u0081ln;1;2\n"), `t.csv, Zeile 4: erwartet: ${TEXT}, gefunden: "Steuer- oder Binärbyte 0x81"`],
  // Zip archives.
  ["truncated zip (end of archive missing)", GOOD_ZIP.subarray(0, GOOD_ZIP.length - 40), `t.zip, Feld "12411-01-01-4_1_de_flat.csv": erwartet: ${ZIP}, gefunden: "abgeschnittenes Archiv (Ende fehlt)"`],
  ["truncated zip (data cut)", GOOD_ZIP.subarray(0, 60), `t.zip, Feld "12411-01-01-4_1_de_flat.csv": erwartet: ${ZIP}, gefunden: "abgeschnittene oder beschädigte ZIP-Daten (invalid zip data)"`],
  ["zip without CSV member", zip({"readme.txt": "hallo"}), `t.zip: erwartet: ${ZIP}, gefunden: "keine CSV-Datei im Archiv"`],
  ["empty zip", zipSync({}), `t.zip: erwartet: ${ZIP}, gefunden: "keine CSV-Datei im Archiv"`],
  ["zip with two CSV members", zip({"a_flat.csv": GOOD, "b_flat.csv": GOOD}), `t.zip, Feld "b_flat.csv": erwartet: ${ZIP}, gefunden: "zweite CSV-Datei \\"b_flat.csv\\""`],
  ["corrupt zip data", corruptZip(), `t.zip, Feld "a.csv": erwartet: ${ZIP}, gefunden: "beschädigte Daten (invalid distance)"`],
  // A row without end (9 MB without a line break), in both layouts: cut off at 8 MB, in seconds
  // (kbm parse on a 50 MB line: 2 s and 135 MB instead of 69 s and 500 MB).
  ["ffcsv row longer than 8 MB", Buffer.from(`${V5_HEADER}\n${v5Row()}\n${"x".repeat(9 * 1024 ** 2)}`), `t.csv, Zeile 3, Feld "Zeile": erwartet: eine Zeile unter 8 MB, gefunden: "mehr als 8 MB ohne Zeilenende"`],
  ["table row longer than 8 MB", Buffer.from(`GENESIS-Tabelle: 21111-02-06-4\nAbgänger;;;;\n;;;a;b\n2015;05315;Köln;1;2\n"${"y".repeat(9 * 1024 ** 2)}`), `t.csv, Zeile 5, Feld "Zeile": erwartet: eine Zeile unter 8 MB, gefunden: "mehr als 8 MB ohne Zeilenende"`],
  // 20 MB of spaces packed into a few KB: refused while inflating, long before memory grows.
  ["zip bomb (inflates more than 200 times its size)", zipSync({"bomb_flat.csv": [strToU8(GOOD + " ".repeat(20 * 1024 ** 2)), {level: 9}]}), `t.zip, Feld "bomb_flat.csv": erwartet: ${ZIP}, gefunden: "entpackt mehr als das 200fache der gepackten Größe (ZIP-Bombe?)"`],
  ["error inside a zip member names the member", zip({"x_flat.csv": v5(v5Row({value: "abc"}))}), `t.zip (x_flat.csv), Zeile 2, Feld "value": erwartet: ${NUMBER}, gefunden: "abc"`]
];

describe("bad input: every error names file, line, field and what was expected", () => {
  it("has at least 40 cases", () => expect(FAILURES.length).toBeGreaterThanOrEqual(40));

  it.each(FAILURES)("%s", async (_, input, message) => {
    const file = input instanceof Uint8Array && input[0] === 0x50 && input[1] === 0x4b ? "t.zip" : "t.csv";
    expect(await parseError(input, file)).toBe(message);
  });

  it.each(FAILURES.filter(([, input]) => typeof input === "string"))("%s, also fed byte by byte", async (_, input, message) => {
    const error = await collect(utf8(input as string), "t.csv", 1).catch((e: Error) => e.message);
    expect(error).toBe(message);
  });

  it("throws InputError with its parts", async () => {
    const error = await collect(v5(v5Row({value: "abc"}))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({file: "t.csv", line: 2, field: "value", found: "abc"});
  });

  it("keeps the full server text of a status message on the error", async () => {
    const content = "Für die Teiltabelle mit der Metadatenkombination: Verbraucherpreisindex für Deutschland (61111) wurde kein Datenquader gefunden!";
    const error = await collect(JSON.stringify({Status: {Code: -1, Content: content, Type: "Fehler"}})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).found).toBe(content);
    expect((error as InputError).message).toContain("Status-Code -1");
  });

  it("names a missing file", async () => {
    await expect(parseGenesisFile("/nonexistent/x.csv")).rejects.toThrow('/nonexistent/x.csv: erwartet: lesbare Datei, gefunden: "Datei nicht gefunden"');
  });
});

describe("encoding detection", () => {
  const tableText = "GENESIS-Tabelle: 21111-02-06-4\nAbsolventen/Abgänger (Anzahl);;;;\n;;;Insgesamt;weiblich\n2015;01003;Lübeck, Hansestadt;1989;1002\n";

  it.each([
    ["Windows-1252", cp1252(tableText), "windows-1252"],
    ["UTF-8 without BOM", utf8(tableText), "utf-8"],
    ["UTF-8 with BOM", utf8("\uFEFF" + tableText), "utf-8-bom"]
  ])("detects %s, also across every chunk boundary", async (_, bytes, encoding) => {
    for (const size of [undefined, 1, 2, 3, 7]) {
      const result = await collect(bytes, "t.csv", size);
      expect(result.summary.encoding, `chunks of ${size}`).toBe(encoding);
      expect(result.records[0]!.region_name).toBe("Lübeck, Hansestadt");
    }
  });

  it("reports a pure-ASCII file as UTF-8", async () => {
    expect((await collect(v5(v5Row({name: "Koeln"})).replace("Bevölkerung", "Bevoelkerung").replace(/[äöüß]/g, "x"))).summary.encoding).toBe("utf-8");
  });

  it("decides on the first non-ASCII bytes even when they come megabytes into the file", async () => {
    const rows = Array.from({length: 20_000}, (_, i) => `2015;${String(i).padStart(5, "0")};Kreis ${i};1;2`);
    const text = "GENESIS-Tabelle: 1\nTitel;;;;\n;;;a;b\n" + rows.join("\n") + "\n2016;01003;Lübeck;1;2\n";
    const result = await collect(cp1252(text), "t.csv", 65536);
    expect(result.summary.encoding).toBe("windows-1252");
    expect(result.records.at(-1)!.region_name).toBe("Lübeck");
  });

  it("fails on UTF-8 that appears after the file was recognised as Windows-1252", async () => {
    const bytes = Buffer.concat([cp1252("GENESIS-Tabelle: 1\nAbgänger;;;;\n;;;a;b\n2015;01003;Lübeck;1;2\n"), utf8("2015;05315;Köln;1;2\n")]);
    await expect(collect(bytes, "t.csv", 16)).rejects.toThrow(`t.csv, Zeile 5: erwartet: ${TEXT}, nicht beides gemischt, gefunden: "Bytes 0xC3 0xB6 0x6C 0x6E"`);
  });

  it("never produces U+FFFD", async () => {
    const result = await collectFile(fixture("21111-02-06-4.csv")).catch(() => undefined);
    if (result) expect(result.records.some((r) => r.region_name.includes("\uFFFD") || r.variable.includes("\uFFFD"))).toBe(false);
  });
});

describe("input sources", () => {
  it("parses text, a Node stream and an async generator the same way", async () => {
    const text = v5(v5Row({value: "1"}), v5Row({value: "2,5", sex: "GESW", unit: "Prozent"}));
    const fromText: number[] = [];
    await parseGenesisText(text, {file: "t.csv", onRecord: (r) => fromText.push(r.value!)});
    const fromStream: number[] = [];
    await parseGenesisStream(Readable.from([utf8(text)]), {file: "t.csv", onRecord: (r) => fromStream.push(r.value!)});
    const fromGenerator: number[] = [];
    await parseGenesisStream(
      (async function* () {
        for (const byte of utf8(text)) yield Uint8Array.of(byte);
      })(),
      {file: "t.csv", onRecord: (r) => fromGenerator.push(r.value!)}
    );
    expect(fromText).toEqual([1, 2.5]);
    expect(fromStream).toEqual(fromText);
    expect(fromGenerator).toEqual(fromText);
  });

  it("awaits onChunk between chunks (backpressure)", async () => {
    const events: string[] = [];
    const rows = Array.from({length: 2000}, (_, i) => v5Row({region: String(i).padStart(5, "0")}));
    await parseGenesisStream(
      (function* () {
        const bytes = utf8(v5(...rows));
        for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
      })(),
      {
        file: "t.csv",
        onRecord: () => {
          if (events.at(-1) !== "record") events.push("record");
        },
        onChunk: async () => {
          events.push("chunk");
          await new Promise((resolve) => setTimeout(resolve, 1));
          events.push("resumed");
        }
      }
    );
    expect(events.slice(0, 4)).toEqual(["record", "chunk", "resumed", "record"]);
  });

  it("reads a zip built by the service (data descriptor, deflate) from the recorded exchange", async () => {
    const cassette = parseYaml(readFileSync(fixture("12411-01-01-4.yaml"), "utf8")) as {interactions: {response: {body: {string: Uint8Array}}}[]};
    const body = cassette.interactions[0]!.response.body.string;
    const records: number[] = [];
    const summary = await parseGenesisStream([body.subarray(0, 5000), body.subarray(5000)], {file: "12411-01-01-4.zip", onRecord: (r) => records.push(r.value ?? NaN)});
    expect(summary).toMatchObject({layout: "ffcsv", encoding: "utf-8-bom", table: "12411-01-01-4", records: 1467, zipMember: "12411-01-01-4_1773175772751_de_flat.csv", file: "12411-01-01-4.zip (12411-01-01-4_1773175772751_de_flat.csv)"});
    expect(records).toHaveLength(1467);
  });

  it("takes the table code from the zip member and reads a stored (uncompressed) zip", async () => {
    const stored = zipSync({"12411-01-01-4_1_de_flat.csv": strToU8(v5(v5Row()))}, {level: 0});
    const result = await collect(stored, "download.zip");
    expect(result.records[0]!.table).toBe("12411-01-01-4");
  });

  it.runIf(existsSync("/proc/self/fd"))("closes the file when parsing fails, also inside a zip", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-genesis-"));
    const rows = Array.from({length: 5000}, (_, i) => v5Row({region: String(i).padStart(5, "0")}));
    const text = v5(...rows, v5Row({value: "abc"}), ...rows.map((row) => row.replace("2024-12-31", "2023-12-31")));
    writeFileSync(join(dir, "bad.csv"), text);
    writeFileSync(join(dir, "bad.zip"), zip({"bad_flat.csv": text}));
    const open = () => readdirSync("/proc/self/fd").length;
    const before = open();
    for (const name of ["bad.csv", "bad.zip"]) {
      await expect(parseGenesisFile(join(dir, name))).rejects.toThrow('Zeile 5002, Feld "value"');
      // The stream closes its descriptor asynchronously after destroy().
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(open(), name).toBe(before);
    }
    rmSync(dir, {recursive: true, force: true});
  });

  it("lets the caller name the table", async () => {
    const summary = await parseGenesisText(v5(v5Row()), {file: "t.csv", table: "12411-01-01-4"});
    expect(summary.table).toBe("12411-01-01-4");
  });
});

describeFixtures("every real fixture CSV parses, also byte by byte in odd chunks", () => {
  const files = ["12211-Z-11_1773175349407_de_flat.csv", "12411-01-01-4_1773175772751_de_flat.csv", "12411-01-01-4_flat.csv", "13211-02-05-4_00.csv", "21111-02-06-4.csv", "22543-01-02-4_00.csv", "61511-01-03-4_1773175078131_de_flat.csv"];

  it.each(files)("%s", async (name) => {
    const whole = await collectFile(fixture(name));
    expect(whole.summary.records).toBeGreaterThan(0);
    expect(whole.summary.recordRows + whole.summary.setAsideRows).toBe(whole.summary.dataRows);
    const chunked = await collect(readFileSync(fixture(name)), name, 4093);
    expect(chunked.records).toEqual(whole.records);
    expect(chunked.setAside).toEqual(whole.setAside);
    expect({...chunked.summary, file: ""}).toEqual({...whole.summary, file: ""});
  });
});
