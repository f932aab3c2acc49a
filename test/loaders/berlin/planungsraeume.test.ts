import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readMss, readPlanungsraeume, readPlrKitas, readPlrPopulation, readPlrSchools} from "../../../loaders/berlin/planungsraeume.ts";
import {describeShared, sharedPath} from "../shared-data.ts";

function write(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "kbm-plr-"));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

const POP_HEAD = "\uFEFFGesamt;unter6;6-15;15-18;18-27;27-45;45-55;55-65;65undmehr;weiblich;ausländer;PLR-ID";

describe("Einwohnerregister by Planungsraum", () => {
  it("reads – as nothing (0) and checks that the age groups add up", () => {
    const rows = readPlrPopulation(write("p.csv", `${POP_HEAD}\n52;4;6;3;–;9;–;18;12;22;6;03300515\n–;–;–;–;–;–;–;–;–;–;–;03400831\n`), "p.csv");
    expect(rows[0]).toMatchObject({id: "03300515", total: 52, foreign: 6, dashes: ["18-27", "45-55"]});
    expect(rows[0]!.ages["18-27"]).toBe(0);
    expect(rows[1]).toMatchObject({id: "03400831", total: 0});
  });

  it("rejects sums that do not match, bad and duplicate PLR_IDs, a missing column", () => {
    expect(() => readPlrPopulation(write("p.csv", `${POP_HEAD}\n53;4;6;3;–;9;–;18;12;22;6;03300515\n`), "p.csv")).toThrow('p.csv, Zeile 2, Feld "Gesamt": erwartet: Summe der Altersgruppen = Gesamt, gefunden: "52 ≠ 53"');
    expect(() => readPlrPopulation(write("p.csv", `${POP_HEAD}\n1;1;0;0;0;0;0;0;0;0;0;3300515\n`), "p.csv")).toThrow(
      'p.csv, Zeile 2, Feld "PLR-ID": erwartet: eine 8-stellige PLR_ID (erste zwei Stellen = Bezirk 01–12), gefunden: "3300515"'
    );
    expect(() => readPlrPopulation(write("p.csv", `${POP_HEAD}\n1;1;0;0;0;0;0;0;0;0;0;13300515\n`), "p.csv")).toThrow(/erwartet: eine 8-stellige PLR_ID/);
    expect(() => readPlrPopulation(write("p.csv", `${POP_HEAD}\n1;1;0;0;0;0;0;0;0;0;0;03300515\n1;1;0;0;0;0;0;0;0;0;0;03300515\n`), "p.csv")).toThrow('p.csv, Zeile 3, Feld "PLR-ID": erwartet: jeden Planungsraum nur einmal, gefunden: "03300515"');
    expect(() => readPlrPopulation(write("p.csv", "Gesamt;PLR-ID\n1;03300515\n"), "p.csv")).toThrow('p.csv, Zeile 1, Feld "unter6": erwartet: Spalte "unter6" in der Kopfzeile, gefunden: "Gesamt;PLR-ID"');
    expect(() => readPlrPopulation(write("p.csv", `${POP_HEAD}\n1;1;0;0;0;0;0;0;0;0;zwei;03300515\n`), "p.csv")).toThrow('p.csv, Zeile 2, Feld "ausländer": erwartet: eine Zahl mit Dezimalpunkt oder ein leeres Feld, gefunden: "zwei"');
  });
});

describe("MSS 2021", () => {
  const HEAD = "PLR_NAME,PLR_ID,EW,S1,S3,S4,KI_04";
  it("reads shares and keeps unpublished ones as null", () => {
    const rows = readMss(write("m.csv", `${HEAD}\nStülerstraße,01100101,3419,4.22594,8.04329,19.39799,83.18\nLandweg,06200418,0,,,,\n`), "m.csv");
    expect(rows.map((r) => [r.id, r.ew, r.values.S4])).toEqual([
      ["01100101", 3419, 19.39799],
      ["06200418", 0, null]
    ]);
  });
  it("rejects a share above 100", () => {
    expect(() => readMss(write("m.csv", `${HEAD}\nX,01100101,3419,4.2,8.0,101.5,83.18\n`), "m.csv")).toThrow('m.csv, Zeile 2, Feld "S4": erwartet: einen Anteil zwischen 0 und 100, gefunden: "101.5"');
  });
});

describe("Schools and Kitas per Planungsraum", () => {
  const HEAD = "PLR_ID,PLR_NAME,school_count,school_names,privat,öffentlich,Andere Schule,Berufsschule,Grundschule,Gymnasium,Integrierte Sekundarschule,Privatschule,Schule mit sonderpädagogischem Förderschwerpunkt";
  it("reads empty cells as 0 and checks the type and carrier sums", () => {
    const rows = readPlrSchools(write("s.csv", `${HEAD}\n01100101,A,,,,,,,,,,,\n01100102,B,2.0,"['x', 'y']",1.0,1.0,0.0,0.0,1.0,0.0,0.0,1.0,0.0\n`), "s.csv");
    expect(rows.map((r) => [r.id, r.total, r.public, r.private, r.types.Grundschule])).toEqual([
      ["01100101", 0, 0, 0, 0],
      ["01100102", 2, 1, 1, 1]
    ]);
    expect(() => readPlrSchools(write("s.csv", `${HEAD}\n01100102,B,3.0,x,1.0,1.0,0.0,0.0,1.0,0.0,0.0,1.0,0.0\n`), "s.csv")).toThrow('s.csv, Zeile 2, Feld "school_count": erwartet: Summe der Schularten = school_count, gefunden: "2 ≠ 3"');
  });
  it("counts Kitas, empty = 0", () => {
    expect(readPlrKitas(write("k.csv", "PLR_ID,PLR_NAME,kita_count,kita_names\n01100101,A,1.0,x\n01100102,B,,\n"), "k.csv").map((r) => r.count)).toEqual([1, 0]);
  });
});

describe("PLR geometry attributes", () => {
  const feature = (props: object) => ({type: "Feature", properties: props, geometry: {type: "Polygon", coordinates: []}});
  it("checks id, Bezirk and area", () => {
    const ok = write("g.geojson", JSON.stringify({type: "FeatureCollection", features: [feature({PLR_ID: "01100101", PLR_NAME: "Stülerstraße", bezirk_id: "01", GROESSE_M2: 366928.8})]}));
    expect(readPlanungsraeume(ok, "g.geojson")).toEqual([{id: "01100101", name: "Stülerstraße", bezirk: "01", area_km2: 0.3669288}]);
    const bad = write("g.geojson", JSON.stringify({type: "FeatureCollection", features: [feature({PLR_ID: "01100101", PLR_NAME: "X", bezirk_id: "02", GROESSE_M2: 1})]}));
    expect(() => readPlanungsraeume(bad, "g.geojson")).toThrow('g.geojson, Feld "features[0].properties.bezirk_id": erwartet: den Bezirk 01 (erste Stellen der PLR_ID), gefunden: "02"');
  });
});

describeShared("Berlin small-area files, real", () => {
  it("all have the 542 Planungsräume; population adds up to 3,821,881", () => {
    const plr = readPlanungsraeume(sharedPath("data/berlin/berlin_lor_planungsraeume_2021.geojson"), "g");
    const pop = readPlrPopulation(sharedPath("data/berlin/einwohner_plr_2022-06-30.csv"), "p");
    expect(plr).toHaveLength(542);
    expect(pop).toHaveLength(542);
    expect(pop.reduce((a, p) => a + p.total, 0)).toBe(3821881);
    expect(readMss(sharedPath("data/berlin/mss_2021_plr.csv"), "m").filter((m) => m.values.S4 === null)).toHaveLength(6);
    expect(readPlrSchools(sharedPath("data/berlin/schulen_je_plr_2023-10.csv"), "s").reduce((a, s) => a + s.total, 0)).toBe(902);
    expect(readPlrKitas(sharedPath("data/berlin/kitas_je_plr_2022-12.csv"), "k").reduce((a, s) => a + s.count, 0)).toBe(2880);
  });
});
