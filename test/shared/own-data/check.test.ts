import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {checkOwnFiles, decodeText, ownChanges, ownIndicators, readGermanNumber, type OwnFile} from "../../../src/shared/own-data/index.ts";

const fixture = (name: string): OwnFile => ({name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/own-data/${name}`, import.meta.url)))});
const text = (name: string, content: string): OwnFile => ({name, bytes: new TextEncoder().encode(content)});
const cp1252 = (name: string, content: string): OwnFile => ({name, bytes: Uint8Array.from([...content].map((c) => ({ä: 0xe4, ö: 0xf6, ü: 0xfc, ß: 0xdf})[c] ?? c.charCodeAt(0)))});
const HEADER = "gebiet_id;gebiet_name;kennzahl;jahr;wert";
const messages = (files: Parameters<typeof checkOwnFiles>[0]) => checkOwnFiles(files).problems.map((p) => p.message);

describe("German numbers", () => {
  it("reads decimal comma and thousands dots, refuses English and Excel dates", () => {
    expect(readGermanNumber("1.234,5")).toEqual({kind: "number", value: 1234.5, decimals: 1});
    expect(readGermanNumber("-0,25")).toEqual({kind: "number", value: -0.25, decimals: 2});
    expect(readGermanNumber("1.234.567")).toEqual({kind: "number", value: 1234567, decimals: 0});
    expect(readGermanNumber("1.234")).toEqual({kind: "number", value: 1234, decimals: 0});
    expect(readGermanNumber("1,234.5").kind).toBe("english");
    expect(readGermanNumber("12.5").kind).toBe("english");
    expect(readGermanNumber("01. Mrz").kind).toBe("excel-date");
    expect(readGermanNumber("12.05.").kind).toBe("excel-date");
    expect(readGermanNumber("1.23,4").kind).toBe("invalid");
    expect(readGermanNumber("1e5").kind).toBe("invalid");
  });
});

describe("encodings", () => {
  it("reads UTF-8 with and without BOM and Windows-1252 as German Excel writes it", () => {
    const utf8 = new TextEncoder().encode("Süd");
    expect(decodeText(utf8, "a.csv")).toEqual({ok: true, text: "Süd", encoding: "UTF-8"});
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), "a.csv")).toEqual({ok: true, text: "Süd", encoding: "UTF-8 mit BOM"});
    expect(decodeText(cp1252("a.csv", "Süd").bytes, "a.csv")).toEqual({ok: true, text: "Süd", encoding: "Windows-1252"});
  });

  it("refuses a file that mixes UTF-8 and Windows-1252, naming the lines", () => {
    const mixed = Uint8Array.from([...new TextEncoder().encode(`${HEADER}\n01;Süd;x;2020;1\n`), ...cp1252("", "02;Nörd;x;2020;2\n").bytes]);
    expect(messages({data: {name: "daten.csv", bytes: mixed}})).toEqual([
      'daten.csv, Zeile 3: erwartet: eine einzige Kodierung für die ganze Datei (UTF-8 oder Windows-1252), gefunden: "UTF-8 ab Zeile 2, Windows-1252 in Zeile 3"'
    ]);
    const bomThen1252 = Uint8Array.from([0xef, 0xbb, 0xbf, ...cp1252("", `${HEADER}\n01;Süd;x;2020;1\n`).bytes]);
    expect(messages({data: {name: "daten.csv", bytes: bomThen1252}})).toEqual([
      'daten.csv, Zeile 2: erwartet: eine einzige Kodierung für die ganze Datei (UTF-8 oder Windows-1252), gefunden: "Byte-Order-Mark (UTF-8), Windows-1252 in Zeile 2"'
    ]);
  });
});

describe("bad input: exact messages", () => {
  it("wrong separator", () => {
    expect(messages({data: text("daten.csv", "gebiet_id,gebiet_name,kennzahl,jahr,wert\n01,A,x,2020,1\n")})).toEqual([
      'daten.csv, Zeile 1: erwartet: Semikolon (;) als Trennzeichen; die Kopfzeile ist mit Komma getrennt, gefunden: "gebiet_id,gebiet_name,kennzahl,jahr,wert"'
    ]);
    expect(messages({data: text("daten.csv", "gebiet_id\tgebiet_name\tkennzahl\tjahr\twert\n")})[0]).toBe(
      'daten.csv, Zeile 1: erwartet: Semikolon (;) als Trennzeichen; die Kopfzeile ist mit Tabulator getrennt, gefunden: "gebiet_id\\tgebiet_name\\tkennzahl\\tjahr\\twert"'
    );
  });

  it("refuses a file above its size limit before reading it (a 45 MB table took 11 s and 1.1 GB)", () => {
    const row = "SR01;Altstadt;sprachfoerderbedarf;2022;21,4\n";
    const big = text("daten.csv", HEADER + "\n" + row.repeat(Math.ceil((20 * 1024 ** 2) / row.length) + 1));
    const result = checkOwnFiles({data: big});
    expect(result.problems.map((p) => p.message)).toEqual([`daten.csv: erwartet: eine Datei bis 20 MB, gefunden: "${(big.bytes.length / 1024 ** 2).toFixed(1).replace(".", ",")} MB"`]);
    expect([result.dataset, result.errors, result.counts.rows]).toEqual([null, 1, 0]);
  });

  it("missing column", () => {
    expect(messages({data: text("daten.csv", "gebiet_id;gebiet_name;kennzahl;wert\n")})).toEqual([
      'daten.csv, Zeile 1, Feld "jahr": erwartet: Spalte jahr (Kopfzeile: gebiet_id;gebiet_name;kennzahl;jahr;wert), gefunden: "gebiet_id;gebiet_name;kennzahl;wert"'
    ]);
  });

  it("English numbers, Excel dates, text in wert, a wrong field count: every problem with its line and field", () => {
    const csv = [HEADER, "01;A;x;2020;1.234,5", "02;B;x;2020;1,234.5", "03;C;x;2020;12.5", "04;D;x;2020;01. Mrz", "05;E;x;2020;k. A.", "06;F;x;2020", ";;;;", "07;G;x;2020;-"].join("\r\n");
    const result = checkOwnFiles({data: text("daten.csv", csv)});
    expect(result.problems.map((p) => p.message)).toEqual([
      'daten.csv, Zeile 3, Feld "wert": erwartet: Zahl mit Dezimalkomma (1.234,5); Zahlen mit Dezimalpunkt wie 1,234.5 sind mehrdeutig, gefunden: "1,234.5"',
      'daten.csv, Zeile 4, Feld "wert": erwartet: Zahl mit Dezimalkomma (1.234,5); Zahlen mit Dezimalpunkt wie 1,234.5 sind mehrdeutig, gefunden: "12.5"',
      'daten.csv, Zeile 5, Feld "wert": erwartet: Zahl mit Dezimalkomma; Excel hat die Zahl in ein Datum verwandelt (Zelle als Text oder Zahl formatieren), gefunden: "01. Mrz"',
      'daten.csv, Zeile 6, Feld "wert": erwartet: Zahl in deutscher Schreibweise (1.234,5), "." (geheim), "-" (nichts) oder leer, gefunden: "k. A."',
      'daten.csv, Zeile 7: erwartet: 5 Felder wie in der Kopfzeile, getrennt durch ;, gefunden: "4 Felder: 06;F;x;2020"'
    ]);
    expect(result.dataset).toBeNull();
    // The rows without a problem were read (and are counted), the others are reported, none dropped silently.
    expect(result.counts.rows).toBe(2);
  });

  it("duplicates of (gebiet_id, kennzahl, jahr), also when the repeated row has other problems", () => {
    const csv = [HEADER, "01;A;x;2020;1", "01;A;x;2021;1", "01;A;x;2020;2", "01;A;x;2020;zwei"].join("\n");
    expect(messages({data: text("daten.csv", csv)})).toEqual([
      'daten.csv, Zeile 4, Feld "gebiet_id": erwartet: jede Kombination aus gebiet_id, kennzahl und jahr nur einmal (schon in Zeile 2), gefunden: "01;x;2020"',
      'daten.csv, Zeile 5, Feld "gebiet_id": erwartet: jede Kombination aus gebiet_id, kennzahl und jahr nur einmal (schon in Zeile 2), gefunden: "01;x;2020"'
    ]);
  });

  it("ids missing from the geometry are errors; geometry without data is a note", () => {
    const csv = [HEADER, "SR01;Altstadt;x;2020;1", "SR09;Nirgendwo;x;2020;2", "SR09;Nirgendwo;x;2021;2"].join("\n");
    const result = checkOwnFiles({data: text("daten.csv", csv), geo: fixture("musterstadt-gebiete-25832.geojson")});
    expect(result.problems.map((p) => `${p.severity}: ${p.message}`)).toEqual([
      'fehler: daten.csv, Zeile 3, Feld "gebiet_id": erwartet: ein Gebiet aus musterstadt-gebiete-25832.geojson, gefunden: "SR09"',
      'hinweis: musterstadt-gebiete-25832.geojson, Gebiet Nr. 2, Feld "gebiet_id": erwartet: Werte in daten.csv für jedes Gebiet, gefunden: "SR02"',
      'hinweis: musterstadt-gebiete-25832.geojson, Gebiet Nr. 3, Feld "gebiet_id": erwartet: Werte in daten.csv für jedes Gebiet, gefunden: "SR03"',
      'hinweis: musterstadt-gebiete-25832.geojson, Gebiet Nr. 4, Feld "gebiet_id": erwartet: Werte in daten.csv für jedes Gebiet, gefunden: "SR04"'
    ]);
    expect(result.errors).toBe(1);
  });

  it("the error fixture: one problem per bad line, in line order", () => {
    expect(messages({data: fixture("musterstadt-fehler.csv"), geo: fixture("musterstadt-gebiete-25832.geojson")}).filter((m) => m.startsWith("musterstadt-fehler.csv"))).toEqual([
      'musterstadt-fehler.csv, Zeile 2, Feld "wert": erwartet: Zahl mit Dezimalkomma (1.234,5); Zahlen mit Dezimalpunkt wie 1,234.5 sind mehrdeutig, gefunden: "21.4"',
      'musterstadt-fehler.csv, Zeile 3, Feld "wert": erwartet: Zahl in deutscher Schreibweise (1.234,5), "." (geheim), "-" (nichts) oder leer, gefunden: "viel"',
      'musterstadt-fehler.csv, Zeile 4, Feld "wert": erwartet: Zahl mit Dezimalkomma (1.234,5); Zahlen mit Dezimalpunkt wie 1,234.5 sind mehrdeutig, gefunden: "1,234.5"',
      'musterstadt-fehler.csv, Zeile 5, Feld "gebiet_id": erwartet: jede Kombination aus gebiet_id, kennzahl und jahr nur einmal (schon in Zeile 4), gefunden: "SR03;sprachfoerderbedarf;2023"',
      'musterstadt-fehler.csv, Zeile 6, Feld "gebiet_id": erwartet: ein Gebiet aus musterstadt-gebiete-25832.geojson, gefunden: "SR09"',
      'musterstadt-fehler.csv, Zeile 7, Feld "kennzahl": erwartet: Kennzahl-ID aus Kleinbuchstaben, Ziffern und _ (z. B. sprachfoerderbedarf), gefunden: "Sprachförderung"',
      'musterstadt-fehler.csv, Zeile 7, Feld "jahr": erwartet: Jahr mit vier Ziffern (1990 bis 2100), gefunden: "23"',
      'musterstadt-fehler.csv, Zeile 7, Feld "wert": erwartet: Zahl mit Dezimalkomma; Excel hat die Zahl in ein Datum verwandelt (Zelle als Text oder Zahl formatieren), gefunden: "01. Mrz"',
      'musterstadt-fehler.csv, Zeile 7, Feld "zaehler": erwartet: Anzahl als ganze Zahl ab 0 in deutscher Schreibweise oder leer, gefunden: "-2"'
    ]);
  });

  it("metadata: duplicate kennzahl, unknown polarity, unused kennzahl as a note", () => {
    const meta = ["kennzahl;name;polaritaet", "x;Kennzahl X;hoch_gut", "x;noch einmal;", "y;Kennzahl Y;besser"].join("\n");
    expect(messages({data: text("daten.csv", `${HEADER}\n01;A;x;2020;1\n`), meta: text("kennzahlen.csv", meta)})).toEqual([
      'kennzahlen.csv, Zeile 3, Feld "kennzahl": erwartet: jede Kennzahl nur einmal (schon in Zeile 2), gefunden: "x"',
      'kennzahlen.csv, Zeile 4, Feld "polaritaet": erwartet: hoch_gut, hoch_schlecht, neutral oder leer, gefunden: "besser"'
    ]);
  });

  it("HTML and formulas in names are data: kept as written", () => {
    const result = checkOwnFiles({data: fixture("musterstadt-namen.csv")});
    expect(result.errors).toBe(0);
    expect(result.dataset!.rows.map((r) => r.gebiet_name)).toEqual(["<img src=x onerror=alert(1)>", '=HYPERLINK("http://example.invalid";"klick")', "+49 Hafen", "@SUMME(A1)"]);
  });
});

describe("areas", () => {
  const square = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
  const collection = (crs: string | null, ring: number[][]) =>
    JSON.stringify({type: "FeatureCollection", ...(crs ? {crs: {type: "name", properties: {name: crs}}} : {}), features: [{type: "Feature", properties: {gebiet_id: "01", gebiet_name: "Mitte"}, geometry: {type: "Polygon", coordinates: [ring]}}]});
  const data = text("daten.csv", `${HEADER}\n01;Mitte;x;2020;1\n`);

  it("reprojects ETRS89/UTM 33 (EPSG:25833): the square at the Fernsehturm lands at 13.41° E, 52.52° N", () => {
    const result = checkOwnFiles({data, geo: text("gebiete.geojson", collection("urn:ogc:def:crs:EPSG::25833", square(392000, 5820000, 100)))});
    expect(result.problems).toEqual([]);
    expect(result.dataset!.crs).toBe("EPSG:25833");
    const [lon, lat] = (result.dataset!.areas!.features[0]!.geometry.coordinates[0] as number[][])[0]!;
    expect(lon).toBeCloseTo(13.408, 2);
    expect(lat).toBeCloseTo(52.519, 2);
  });

  it("reprojects EPSG:25832: the fixture lies in Köln", () => {
    const result = checkOwnFiles({data: fixture("musterstadt-zwei-jahre.csv"), geo: fixture("musterstadt-gebiete-25832.geojson")});
    const xs = result.dataset!.areas!.features.flatMap((f) => (f.geometry.coordinates[0] as number[][]).map((p) => p[0]!));
    const ys = result.dataset!.areas!.features.flatMap((f) => (f.geometry.coordinates[0] as number[][]).map((p) => p[1]!));
    expect(Math.min(...xs)).toBeGreaterThan(6.9);
    expect(Math.max(...xs)).toBeLessThan(7.0);
    expect(Math.min(...ys)).toBeGreaterThan(50.92);
    expect(Math.max(...ys)).toBeLessThan(50.97);
  });

  it("accepts WGS84 and rewinds rings for d3 (exterior clockwise) whatever the file's winding", () => {
    const ccw = square(13.3, 52.5, 0.01);
    for (const ring of [ccw, [...ccw].reverse()]) {
      const result = checkOwnFiles({data, geo: text("gebiete.geojson", collection(null, ring))});
      expect(result.dataset!.crs).toBe("WGS84");
      const out = result.dataset!.areas!.features[0]!.geometry.coordinates[0] as number[][];
      let area = 0;
      for (let i = 0, j = out.length - 1; i < out.length; j = i++) area += (out[j]![0]! - out[i]![0]!) * (out[j]![1]! + out[i]![1]!);
      expect(area).toBeLessThan(0);
    }
  });

  it("refuses other coordinate systems and metres without a crs", () => {
    expect(messages({data, geo: text("gebiete.geojson", collection("EPSG:31468", square(4590000, 5820000, 100)))})).toEqual([
      'gebiete.geojson, Feld "crs": erwartet: WGS84 (EPSG:4326) oder ETRS89/UTM (EPSG:25832, EPSG:25833); andere Koordinatensysteme bitte vorher umrechnen, gefunden: "EPSG:31468"'
    ]);
    expect(messages({data, geo: text("gebiete.geojson", collection(null, square(392000, 5820000, 100)))})).toEqual([
      'gebiete.geojson, Gebiet Nr. 1, Feld "crs": erwartet: Längen- und Breitengrade (WGS84); Koordinaten in Metern brauchen die Angabe "crs" mit WGS84 (EPSG:4326) oder ETRS89/UTM (EPSG:25832, EPSG:25833), gefunden: "392000, 5820000"',
      'daten.csv, Zeile 2, Feld "gebiet_id": erwartet: ein Gebiet aus gebiete.geojson, gefunden: "01"'
    ].toSorted((a, b) => (a.startsWith("daten") ? -1 : 1) - (b.startsWith("daten") ? -1 : 1)));
  });

  it("refuses what is no FeatureCollection and features without gebiet_id", () => {
    expect(messages({data, geo: text("gebiete.geojson", '{"type": "Feature"}')})).toEqual(['gebiete.geojson, Feld "type": erwartet: eine GeoJSON FeatureCollection mit features, gefunden: "Feature"']);
    const noId = JSON.stringify({type: "FeatureCollection", features: [{type: "Feature", properties: {name: "Mitte"}, geometry: {type: "Polygon", coordinates: [square(13, 52, 0.1)]}}]});
    expect(messages({data, geo: text("gebiete.geojson", noId)})[1]).toBe('gebiete.geojson, Gebiet Nr. 1, Feld "gebiet_id": erwartet: Eigenschaft gebiet_id an jedem Gebiet, gefunden: ""');
  });
});

describe("the model the page draws", () => {
  const result = checkOwnFiles({data: fixture("musterstadt-zwei-jahre.csv"), meta: fixture("musterstadt-kennzahlen.csv"), geo: fixture("musterstadt-gebiete-25832.geojson")});

  it("reads the Windows-1252 fixture with its umlauts", () => {
    expect(result.problems).toEqual([]);
    expect(result.dataset!.encoding).toEqual({data: "Windows-1252", meta: "UTF-8 mit BOM"});
    expect(result.dataset!.rows.find((r) => r.gebiet_id === "SR04")!.gebiet_name).toBe("Bürgerpark");
  });

  it("hides values whose zaehler is below the threshold; special values stay values without a number", () => {
    const [sprache] = ownIndicators(result.dataset!);
    expect(sprache!.name).toBe("Kinder mit Sprachförderbedarf (Einschulungsuntersuchung)");
    expect(sprache!.polarity).toBe("higher_worse");
    expect(sprache!.years).toEqual([2022, 2023]);
    expect(sprache!.values.get(2022)!.map((v) => [v.id, v.value, v.flag])).toEqual([
      ["SR01", 21.4, null],
      ["SR02", 34, null],
      ["SR03", null, "klein"],
      ["SR04", null, "."]
    ]);
    // A higher threshold hides more; threshold 1 shows the zaehler of 2.
    expect(ownIndicators(result.dataset!, {threshold: 50})[0]!.values.get(2022)!.map((v) => v.flag)).toEqual(["klein", null, "klein", "."]);
    expect(ownIndicators(result.dataset!, {threshold: 1})[0]!.values.get(2022)![2]!.value).toBe(12.5);
  });

  it("computes the change between years only where both years have a shown number", () => {
    const u3 = ownIndicators(result.dataset!)[1]!;
    expect(ownChanges(u3, 2022, 2023).map((c) => [c.id, c.change === null ? null : Math.round(c.change * 10) / 10])).toEqual([
      ["SR01", 2.2],
      ["SR02", 1.6],
      ["SR03", null],
      ["SR04", 1.2]
    ]);
  });
});
