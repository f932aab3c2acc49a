import {afterEach, describe, expect, it} from "vitest";
import {rmSync} from "node:fs";
import {join} from "node:path";
import {InputError} from "../../../loaders/common/errors.ts";
import {loadProgramme, MAX_SHEET_BYTES, ProgrammeSheetsError, readProgramme} from "../../../loaders/programme/load.ts";
import {SHEETS} from "../../../loaders/programme/sheets.ts";
import {FIXTURE, once, writeSheets, type FixtureDir} from "./fixture.ts";

let fixture: FixtureDir | undefined;
afterEach(() => fixture?.cleanup());

/** The messages `kbm check` would print for the fixture with one change. */
function problemsWith(change: Record<string, (text: string) => string>, knownRegions?: Set<string>): string[] {
  fixture = writeSheets(change);
  return readProgramme(fixture.dir, {label: "data/programme", knownRegions}).problems.map((p) => p.message);
}

describe("readProgramme on valid sheets", () => {
  it("reads every sheet without a problem", () => {
    fixture = writeSheets();
    const {data, problems} = readProgramme(fixture.dir);
    expect(problems).toEqual([]);
    expect(data.municipalities.map((m) => [m.id, m.profile_id, m.eligible])).toEqual([
      ["bochum", "05911", true],
      ["berlin-mitte", "11001001", true],
      ["hannover", "03241", true],
      ["kiel", "01002", false]
    ]);
    expect(data.stand).toEqual({municipalities: "2015-06-30", events: "2015-06-30", attendance: "2015-06-30", topicGroups: "2015-06-30", modules: "2015-06-30"});
    expect(data.note).toBe("Testdaten");
    expect(data.events.find((e) => e.id === "V4")).toMatchObject({type: "Fachgruppentreffen", date: "2015-09-01", topic_group: "monitoring", cancelled: true});
    expect(data.municipalities[0]!.stages).toEqual({contact: "2014-07-01", analysis: "2015-03-10", agreement: null, training: null, topic_group: null});
  });

  it("numbers people by first appearance, the same address in any case being one person", () => {
    fixture = writeSheets();
    const {attendance} = loadProgramme(fixture.dir);
    expect(attendance.map((a) => [a.event, a.person])).toEqual([["V1", 1], ["V1", 2], ["V1", 3], ["V2", 1], ["V2", 4]]);
  });

  it("keeps no name, address or phone number", () => {
    fixture = writeSheets();
    const text = JSON.stringify(loadProgramme(fixture.dir));
    for (const secret of ["Fixtur", "@", "example.org", "+49 000 1111"]) expect(text).not.toContain(secret);
  });

  it("reads CRLF line ends, a byte order mark and extra columns", () => {
    fixture = writeSheets({
      "teilnahmen.csv": (t) => "\uFEFF" + t.replaceAll("\n", "\r\n").replace("bereich\r\n", "bereich;notiz\r\n").replaceAll(/(Jugend|Schule|Bildung|;)\r\n/g, "$1;privat\r\n").replace("bereich;notiz;privat", "bereich;notiz")
    });
    const {data, problems} = readProgramme(fixture.dir);
    expect(problems).toEqual([]);
    expect(data.attendance).toHaveLength(5);
    expect(JSON.stringify(data)).not.toContain("privat");
  });
});

describe("readProgramme: every problem with file, line and field", () => {
  it("an unknown municipality", () => {
    expect(problemsWith({"teilnahmen.csv": once("Kommune;kiel;Schule", "Kommune;atlantis;Schule")})).toEqual([
      'data/programme/teilnahmen.csv, Zeile 4, Feld "kommune": erwartet: die ID einer Kommune aus kommunen.csv, gefunden: "atlantis"'
    ]);
  });

  it("an unknown host", () => {
    expect(problemsWith({"veranstaltungen.csv": once("25.09.2014;bochum", "25.09.2014;bochumm")})).toEqual([
      'data/programme/veranstaltungen.csv, Zeile 2, Feld "gastgeber": erwartet: die ID einer Kommune aus kommunen.csv, gefunden: "bochumm"'
    ]);
  });

  it("an event without its organising agency, and a milestone without source or date", () => {
    expect(
      problemsWith({
        "veranstaltungen.csv": once("Analyseworkshop Bochum;;;nein;Bremen", "Analyseworkshop Bochum;;;nein;"),
        "meilensteine.csv": once("28.08.2015;21 von 26 Städten im Austausch;Testmeldung vom 28.08.2015", "28.13.2015;21 von 26 Städten im Austausch;")
      })
    ).toEqual([
      'data/programme/veranstaltungen.csv, Zeile 3, Feld "agentur": erwartet: einer von: Berlin, Bremen, Hamburg, gefunden: ""',
      'data/programme/meilensteine.csv, Zeile 2, Feld "datum": erwartet: ein Datum TT.MM.JJJJ, gefunden: "28.13.2015"',
      'data/programme/meilensteine.csv, Zeile 2, Feld "quelle": erwartet: die Quelle (wer hat es wann veröffentlicht), gefunden: ""'
    ]);
  });

  it("reads the organiser and the milestones", () => {
    fixture = writeSheets();
    const data = loadProgramme(fixture.dir);
    expect(data.events.map((e) => [e.id, e.host, e.agency])).toEqual([["V1", "bochum", "Bremen"], ["V2", "bochum", "Bremen"], ["V3", "berlin-mitte", "Berlin"], ["V4", "bochum", "Bremen"], ["V5", "berlin-mitte", "Berlin"]]);
    expect(data.milestones).toEqual([{date: "2015-08-28", text: "21 von 26 Städten im Austausch", source: "Testmeldung vom 28.08.2015"}]);
  });

  it("an unknown event", () => {
    expect(problemsWith({"teilnahmen.csv": once("V2;Dirk", "V9;Dirk")})).toEqual([
      'data/programme/teilnahmen.csv, Zeile 6, Feld "veranstaltung": erwartet: die ID einer Veranstaltung aus veranstaltungen.csv, gefunden: "V9"'
    ]);
  });

  it("an unknown department", () => {
    expect(problemsWith({"teilnahmen.csv": once("bochum;Koordinierung Bildung", "bochum;Kultur")})).toEqual([
      'data/programme/teilnahmen.csv, Zeile 6, Feld "bereich": erwartet: leer oder einer von: Jugend, Schule, Koordinierung Bildung, Stabsstelle Oberbürgermeister, Stadtentwicklung, Soziales, Sonstige, gefunden: "Kultur"'
    ]);
  });

  it("a municipal participant without department", () => {
    expect(problemsWith({"teilnahmen.csv": once("bochum;Koordinierung Bildung", "bochum;")})).toEqual([
      'data/programme/teilnahmen.csv, Zeile 6, Feld "bereich": erwartet: der Bereich der Person (Organisation Kommune), gefunden: ""'
    ]);
  });

  it("a duplicate municipality id and a duplicate event id", () => {
    expect(
      problemsWith({
        "kommunen.csv": once("hannover;Hannover;", "bochum;Hannover;"),
        "veranstaltungen.csv": once("V5;", "V4;")
      })
    ).toEqual([
      'data/programme/kommunen.csv, Zeile 4, Feld "id": erwartet: eine eindeutige ID (schon in Zeile 2), gefunden: "bochum"',
      'data/programme/veranstaltungen.csv, Zeile 6, Feld "id": erwartet: eine eindeutige ID (schon in Zeile 5), gefunden: "V4"'
    ]);
  });

  it("stage dates out of order", () => {
    expect(problemsWith({"kommunen.csv": once("01.07.2014;10.03.2015", "01.07.2014;10.03.2014")})).toEqual([
      'data/programme/kommunen.csv, Zeile 2, Feld "analyseworkshop": erwartet: ein Datum nicht vor der Stufe „Erstkontakt“ (01.07.2014), gefunden: "10.03.2014"'
    ]);
  });

  it("a later stage without the earlier one", () => {
    expect(problemsWith({"kommunen.csv": once("01.07.2014;10.03.2015;;", "01.07.2014;;10.03.2015;")})).toEqual([
      'data/programme/kommunen.csv, Zeile 2, Feld "analyseworkshop": erwartet: ein Datum, weil die spätere Stufe „Vereinbarung“ eines hat, gefunden: ""'
    ]);
  });

  it("a stage date after the export date of the list", () => {
    expect(problemsWith({"kommunen.csv": once("01.07.2014;10.03.2015", "01.07.2014;10.07.2015")})).toEqual([
      'data/programme/kommunen.csv, Zeile 2, Feld "analyseworkshop": erwartet: ein Datum bis zum Exportdatum der Liste (30.06.2015), gefunden: "10.07.2015"'
    ]);
  });

  it("an attendance at an event dated after the export date of the attendance list", () => {
    expect(problemsWith({"teilnahmen.csv": (t) => `${t}V5;Eva Fixtur;eva.fixtur@example.org;;Verband;;\n`})).toEqual([
      'data/programme/teilnahmen.csv, Zeile 7, Feld "veranstaltung": erwartet: eine Veranstaltung bis zum Exportdatum der Liste (30.06.2015), gefunden: "V5 am 03.12.2015"'
    ]);
  });

  it("an attendance at a cancelled event", () => {
    expect(problemsWith({"teilnahmen.csv": (t) => `${t}V4;Eva Fixtur;eva.fixtur@example.org;;Kommune;bochum;Schule\n`})).toEqual([
      'data/programme/teilnahmen.csv, Zeile 7, Feld "veranstaltung": erwartet: eine Veranstaltung, die nicht abgesagt ist, gefunden: "V4"'
    ]);
  });

  it("the same person twice at one event", () => {
    expect(problemsWith({"teilnahmen.csv": (t) => `${t}V2;Anna F.;ANNA.FIXTUR@example.org;;Kommune;bochum;Jugend\n`})).toEqual([
      'data/programme/teilnahmen.csv, Zeile 7, Feld "email": erwartet: eine Teilnahme je Person und Veranstaltung (dieselbe Adresse schon in Zeile 5)'
    ]);
  });

  it("a row without e-mail address", () => {
    expect(problemsWith({"teilnahmen.csv": once("ben.fixtur@example.org", "")})).toEqual([
      'data/programme/teilnahmen.csv, Zeile 3, Feld "email": erwartet: eine E-Mail-Adresse (zählt verschiedene Personen), gefunden: ""'
    ]);
  });

  it("a department for a participant who is not from a municipality", () => {
    expect(problemsWith({"teilnahmen.csv": once("Wissenschaft;;", "Wissenschaft;;Schule")})).toEqual([
      'data/programme/teilnahmen.csv, Zeile 3, Feld "bereich": erwartet: leer (ein Bereich nur bei Organisation Kommune), gefunden: "Schule"'
    ]);
  });

  it("an impossible date, an unknown type and a bad yes/no in one row: each reported", () => {
    expect(problemsWith({"veranstaltungen.csv": once("V1;Kommunalsalon;25.09.2014;bochum;Kommunalsalon eins;;;nein", "V1;Salon;31.09.2014;bochum;Kommunalsalon eins;;;vielleicht")})).toEqual([
      'data/programme/veranstaltungen.csv, Zeile 2, Feld "typ": erwartet: einer von: Auftaktveranstaltung, Kommunalsalon, Analyseworkshop, Fortbildung, Fachgruppentreffen, Exkursion, gefunden: "Salon"',
      'data/programme/veranstaltungen.csv, Zeile 2, Feld "datum": erwartet: ein Datum TT.MM.JJJJ, gefunden: "31.09.2014"',
      'data/programme/veranstaltungen.csv, Zeile 2, Feld "abgesagt": erwartet: ja oder nein, gefunden: "vielleicht"'
    ]);
  });

  it("a training without module and a module on another event", () => {
    expect(problemsWith({"veranstaltungen.csv": (t) => once(";M2;;", ";;;")(t).replace("Kommunalsalon zwei;;", "Kommunalsalon zwei;M2;")})).toEqual([
      'data/programme/veranstaltungen.csv, Zeile 4, Feld "modul": erwartet: das Modul der Fortbildung (ID aus module.csv), gefunden: ""',
      'data/programme/veranstaltungen.csv, Zeile 6, Feld "modul": erwartet: leer (ein Modul haben nur Fortbildungen), gefunden: "M2"'
    ]);
  });

  it("a district key that is not one of Berlin's twelve, and a Kreis the statistics do not know", () => {
    expect(problemsWith({"kommunen.csv": (t) => once("11001001", "11013013")(t).replace("01002", "01099")}, new Set(["01", "01002", "05911", "03241"]))).toEqual([
      'data/programme/kommunen.csv, Zeile 3, Feld "regionalschluessel": erwartet: der Schlüssel eines Berliner Bezirks, 11001001 (Mitte) … 11012012 (Reinickendorf), gefunden: "11013013"',
      'data/programme/kommunen.csv, Zeile 5, Feld "regionalschluessel": erwartet: ein Kreis der Statistik (Gebietsstand 2021), gefunden: "01099"'
    ]);
  });

  it("a city within a Kreis needs its 8-digit Gemeinde key", () => {
    expect(problemsWith({"kommunen.csv": once("03241001", "03241")})).toEqual([
      'data/programme/kommunen.csv, Zeile 4, Feld "regionalschluessel": erwartet: ein Gemeindeschlüssel mit 8 Ziffern (kreisangehörige Stadt; das Profil zeigt ihren Kreis), gefunden: "03241"'
    ]);
  });

  it("an eligible municipality without agency, a stage for an ineligible one", () => {
    expect(problemsWith({"kommunen.csv": (t) => once(";Hamburg;", ";;")(t).replace("unter 250.000 Einwohner;;;", "unter 250.000 Einwohner;;01.01.2015;")})).toEqual([
      'data/programme/kommunen.csv, Zeile 4, Feld "agentur": erwartet: die zuständige Agentur (Berlin, Bremen, Hamburg) bei förderfähigen Kommunen, gefunden: ""',
      'data/programme/kommunen.csv, Zeile 5, Feld "erstkontakt": erwartet: leer: Stufen nur bei förderfähigen Kommunen, gefunden: "01.01.2015"'
    ]);
  });

  it("a missing column, a row with too many fields, a missing sheet", () => {
    fixture = writeSheets({
      "module.csv": () => "id;name\nM2;Datengestütztes Steuern\n",
      "fachgruppen.csv": (t) => `${t}extra;Extra;zu viel\n`
    });
    rmSync(join(fixture.dir, "stand.csv"));
    // module.csv cannot be read, so the training's module is unknown as well.
    expect(readProgramme(fixture.dir, {label: "p"}).problems.map((p) => p.message)).toEqual([
      'p/veranstaltungen.csv, Zeile 4, Feld "modul": erwartet: die ID eines Moduls aus module.csv, gefunden: "M2"',
      'p/fachgruppen.csv, Zeile 3: erwartet: 2 Felder getrennt durch ";", gefunden: "3 Felder"',
      'p/module.csv, Zeile 1, Feld "nummer": erwartet: die Spalte "nummer" in der Kopfzeile (Trennzeichen ;), gefunden: "id;name"',
      'p/stand.csv: erwartet: die Datei (Vorlage in data/programme/README.md), gefunden: "fehlt"'
    ]);
  });

  it("a column name twice in a header is refused naming both places, not read with the second overwriting the first", () => {
    fixture = writeSheets({"fachgruppen.csv": once("id;name", "id;id")});
    expect(readProgramme(fixture.dir, {label: "p"}).problems.map((p) => p.message)).toContain(
      'p/fachgruppen.csv, Zeile 1, Feld "id": erwartet: jeden Spaltennamen nur einmal in der Kopfzeile, gefunden: "Spalte 1 und Spalte 2"'
    );
  });

  it("a sheet above 20 MB is refused before it is read, with its size", () => {
    fixture = writeSheets({"teilnahmen.csv": (t) => t + " ".repeat(MAX_SHEET_BYTES)});
    const problems = readProgramme(fixture.dir, {label: "p"}).problems.map((p) => p.message);
    expect(problems).toEqual(['p/teilnahmen.csv: erwartet: eine Programmliste bis 20 MB, gefunden: "20,0 MB"']);
  });

  it("one municipality under two ids is refused naming the first one, not counted twice", () => {
    fixture = writeSheets({"kommunen.csv": (t) => `${t}kiel-2;Kiel (doppelt);kreisfreie Stadt;01002;nein;unter 250.000 Einwohner;;;;;;\n`});
    const {data, problems} = readProgramme(fixture.dir, {label: "p"});
    const lines = FIXTURE["kommunen.csv"]!.trimEnd().split("\n");
    const kiel = lines.findIndex((l) => l.startsWith("kiel;")) + 1;
    expect(problems.map((p) => p.message)).toContain(`p/kommunen.csv, Zeile ${lines.length + 1}, Feld "regionalschluessel": erwartet: jeden Regionalschlüssel nur einmal (schon in Zeile ${kiel} als „kiel“), gefunden: "01002"`);
    expect(data.municipalities.filter((m) => m.region_key === "01002")).toHaveLength(1);
  });

  it("an export date after today is refused; today itself is fine", () => {
    const kommunen = FIXTURE["stand.csv"]!.split("\n").findIndex((l) => l.startsWith("kommunen.csv;")) + 1;
    const exported = /^kommunen\.csv;(\d{2}\.\d{2}\.\d{4});/m.exec(FIXTURE["stand.csv"]!)![1]!;
    fixture = writeSheets({"stand.csv": once(`kommunen.csv;${exported};`, "kommunen.csv;06.12.2026;")});
    expect(readProgramme(fixture.dir, {label: "p", today: "2026-12-05"}).problems.map((p) => p.message)).toContain(
      `p/stand.csv, Zeile ${kommunen}, Feld "exportiert_am": erwartet: ein Exportdatum bis heute (05.12.2026), gefunden: "06.12.2026"`
    );
    expect(readProgramme(fixture.dir, {label: "p", today: "2026-12-06"}).problems.filter((p) => p.field === "exportiert_am")).toEqual([]);
  });

  it("counts one person once however the address is written: case, zero-width characters, composed or decomposed ü", () => {
    fixture = writeSheets({
      "teilnahmen.csv": (t) =>
        t.replace("V2;Dirk Fixtur;dirk.fixtur@example.org;", "V2;Dirk Fixtur;dirk.fixtur@example.org;") +
        "V2;Ben Fixtur;BEN.fixtur\u200b@example.org;;Wissenschaft;;\n" +
        "V1;Jörg Müller;mu\u0308ller@example.org;;Wissenschaft;;\n" +
        "V2;Jörg Müller;m\u00fcller@example.org\u2060;;Wissenschaft;;\n"
    });
    const {data, problems} = readProgramme(fixture.dir);
    expect(problems).toEqual([]);
    const people = (event: string) => data.attendance.filter((a) => a.event === event).map((a) => a.person);
    // V1: Anna, Ben, Clara, Müller; V2: Anna, Dirk, Ben, Müller. Five people, not seven.
    expect(new Set(data.attendance.map((a) => a.person)).size).toBe(5);
    expect(people("V2").filter((p) => people("V1").includes(p))).toHaveLength(3);
  });

  it("the same person twice at one event is refused, also when the address differs only invisibly", () => {
    fixture = writeSheets({"teilnahmen.csv": (t) => `${t}V1;Anna F.;ANNA.fixtur@example.org\u200b;;Kommune;bochum;Jugend\n`});
    const lines = FIXTURE["teilnahmen.csv"]!.trimEnd().split("\n");
    const anna = lines.findIndex((l) => l.startsWith("V1;Anna Fixtur;")) + 1;
    expect(readProgramme(fixture.dir, {label: "p"}).problems.map((p) => p.message)).toEqual([
      `p/teilnahmen.csv, Zeile ${lines.length + 1}, Feld "email": erwartet: eine Teilnahme je Person und Veranstaltung (dieselbe Adresse schon in Zeile ${anna})`
    ]);
  });

  it("a row with a problem is reported and refused, never dropped silently", () => {
    fixture = writeSheets({"teilnahmen.csv": once("Kommune;kiel;Schule", "Kommune;atlantis;Schule")});
    const {data, problems} = readProgramme(fixture.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(InputError);
    expect(problems[0]).toMatchObject({line: 4, field: "kommune", found: "atlantis"});
    expect(data.attendance).toHaveLength(4);
    expect(() => loadProgramme(fixture!.dir)).toThrow(ProgrammeSheetsError);
    expect(() => loadProgramme(fixture!.dir)).toThrow(/1 Problem in den Programmlisten.*\n.*atlantis/);
  });
});

describe("fixture", () => {
  it("covers every sheet of the template", () => {
    expect(Object.keys(FIXTURE).sort()).toEqual(["fachgruppen.csv", "kommunen.csv", "meilensteine.csv", "module.csv", "stand.csv", "teilnahmen.csv", "veranstaltungen.csv"]);
    expect(Object.keys(FIXTURE).sort()).toEqual(Object.values(SHEETS).sort());
  });
});
