import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readBbsrKreistypen, readBbsrKreistypenOriginal} from "../../../loaders/kreise/bbsr-kreistypen.ts";
import {readKreisMetadata} from "../../../loaders/kreise/metadata.ts";
import {backCalculated, describeNonCurrentKey, dissolvedBy, olderTerritory} from "../../../loaders/kreise/territory.ts";
import {inkarGaps, readInkarCells, readInkarWide} from "../../../loaders/inkar/kreise.ts";
import {readZensusGemeinden} from "../../../loaders/zensus/gemeinden.ts";
import {describeShared, sharedPath} from "../shared-data.ts";

function write(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "kbm-kreise-"));
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

describe("territorial changes", () => {
  it("knows the dissolved keys and the reform that formed a current territory", () => {
    expect(dissolvedBy("16056")?.date).toBe("2021-07-01");
    expect(describeNonCurrentKey("13051")).toBe("aufgelöst am 04.09.2011 (Kreisgebietsreform Mecklenburg-Vorpommern; heute 13071, 13072, 13073, 13074, 13075, 13076)");
    expect(describeNonCurrentKey("99999")).toBe("kein Kreis im Gebietsstand 01.07.2021");
    expect(olderTerritory("16063", 2015)?.label).toContain("Eisenach");
    expect(olderTerritory("16063", 2022)).toBeUndefined();
    expect(olderTerritory("05315", 1995)).toBeUndefined();
    // New keys are not an older territory: a value before the reform is recalculated back.
    expect(olderTerritory("14511", 1995)).toBeUndefined();
    expect(backCalculated("14511", 1995)?.date).toBe("2008-08-01");
    expect(backCalculated("14511", 2009)).toBeUndefined();
    expect(backCalculated("16063", 2015)).toBeUndefined();
  });
});

describe("BBSR Kreistypen", () => {
  const HEAD = '"Kreise (2020) Kennziffer";"Kreise (2020) Name";"Siedlungsstruktureller Kreistyp (2020) Kennziffer";"Siedlungsstruktureller Kreistyp (2020) Name"';
  it("reads the ISO-8859-1 original with 8-digit keys", () => {
    const path = write("b.csv", Buffer.from(`${HEAD}\n"16056000";"Eisenach, Stadt";"4";"D\xfcnn besiedelter l\xe4ndlicher Kreis"\n`, "latin1"));
    expect(readBbsrKreistypenOriginal(path, "b.csv")).toEqual([{ags: "16056", name: "Eisenach, Stadt", kreistyp_id: 4, kreistyp_name: "Dünn besiedelter ländlicher Kreis", line: 2}]);
  });
  it("rejects a bad key, a type outside 1–4 and a duplicate", () => {
    expect(() => readBbsrKreistypenOriginal(write("b.csv", Buffer.from(`${HEAD}\n"16056";"Eisenach";"4";"x"\n`, "latin1")), "b.csv")).toThrow(
      'b.csv, Zeile 2, Feld "Kreise (2020) Kennziffer": erwartet: 8-stellige Kennziffer (Kreisschlüssel + 000), gefunden: "16056"'
    );
    expect(() => readBbsrKreistypenOriginal(write("b.csv", Buffer.from(`${HEAD}\n"16056000";"Eisenach";"5";"x"\n`, "latin1")), "b.csv")).toThrow(/Feld "Siedlungsstruktureller Kreistyp \(2020\) Kennziffer": erwartet: Kreistyp 1–4, gefunden: "5"/);
    expect(() => readBbsrKreistypen(write("t.csv", "ags,kreistyp_id,kreistyp_name\n01001,4,x\n01001,4,x\n"), "t.csv")).toThrow('t.csv, Zeile 3, Feld "ags": erwartet: jeden Kreis nur einmal, gefunden: "01001"');
  });
});

describe("GV-ISys Kreis metadata", () => {
  const HEAD = "ags,name,kreistyp,kreisfrei,land_ags,land_name,flaeche_km2,bevoelkerung";
  it("rejects a Land that does not match the key, a duplicate, a non-integer population", () => {
    expect(() => readKreisMetadata(write("m.csv", `${HEAD}\n01001,Flensburg,Kreisfreie Stadt,ja,02,SH,56.73,91113\n`), "m.csv")).toThrow('m.csv, Zeile 2, Feld "land_ags": erwartet: Land passend zum Kreisschlüssel 01001, gefunden: "02"');
    expect(() => readKreisMetadata(write("m.csv", `${HEAD}\n01001,F,Kreisfreie Stadt,ja,01,SH,56.73,91113\n01001,F,Kreisfreie Stadt,ja,01,SH,56.73,91113\n`), "m.csv")).toThrow('m.csv, Zeile 3, Feld "ags": erwartet: jeden Kreis nur einmal, gefunden: "01001"');
    expect(() => readKreisMetadata(write("m.csv", `${HEAD}\n01001,F,Kreisfreie Stadt,ja,01,SH,56.73,91113.5\n`), "m.csv")).toThrow('m.csv, Zeile 2, Feld "bevoelkerung": erwartet: eine ganze Zahl, gefunden: "91113.5"');
    expect(() => readKreisMetadata(write("m.csv", `${HEAD}\n1001,F,Kreisfreie Stadt,ja,01,SH,56.73,91113\n`), "m.csv")).toThrow('m.csv, Zeile 2, Feld "ags": erwartet: 5-stelliger Kreisschlüssel mit führender Null, gefunden: "1001"');
  });
});

describe("INKAR wide extract", () => {
  const HEAD = "county_code,year,share_no_degree";
  it("reads long records and skips empty cells", () => {
    expect(readInkarWide(write("i.csv", `${HEAD}\n05315,2015,5.12\n05315,2016,\n`), "i.csv", {keyColumn: "county_code", yearColumn: "year", columns: ["share_no_degree"]})).toEqual([{column: "share_no_degree", region: "05315", year: 2015, value: 5.12, line: 2}]);
  });
  it("an empty cell inside a column's years is a gap; before the first or after the last year with a value it is not", () => {
    const text = "county_code,year,share_no_degree,childcare_under3\n05315,2004,5.1,\n05315,2005,,\n05315,2006,5.3,30.2\n05334,2006,,31.0\n05334,2007,4.9,\n";
    const cells = readInkarCells(write("g.csv", text), "g.csv", {keyColumn: "county_code", yearColumn: "year", columns: ["share_no_degree", "childcare_under3"]});
    expect(cells).toHaveLength(10);
    expect(inkarGaps(cells).map((c) => [c.column, c.region, c.year, c.line])).toEqual([
      ["share_no_degree", "05315", 2005, 3],
      ["share_no_degree", "05334", 2006, 5]
    ]);
  });
  it("rejects a bad key, a duplicate Kreis-year, a non-numeric value and a missing column", () => {
    const read = (text: string, columns = ["share_no_degree"]) => readInkarWide(write("i.csv", text), "i.csv", {keyColumn: "county_code", yearColumn: "year", columns});
    expect(() => read(`${HEAD}\n5315,2015,5.12\n`)).toThrow('i.csv, Zeile 2, Feld "county_code": erwartet: 5-stelliger Kreisschlüssel, gefunden: "5315"');
    expect(() => read(`${HEAD}\n05315,2015,5.12\n05315,2015,5.12\n`)).toThrow('i.csv, Zeile 3, Feld "county_code": erwartet: jede Kombination aus Kreis und Jahr nur einmal, gefunden: "05315|2015"');
    expect(() => read(`${HEAD}\n05315,2015,5,12\n`)).toThrow('i.csv, Zeile 2: erwartet: 3 Felder getrennt durch ",", gefunden: "4 Felder"');
    expect(() => read(`${HEAD}\n05315,2015,k.A.\n`)).toThrow('i.csv, Zeile 2, Feld "share_no_degree": erwartet: eine Zahl mit Dezimalpunkt oder ein leeres Feld, gefunden: "k.A."');
    expect(() => read(`${HEAD}\n05315,2015,5.12\n`, ["share_abitur"])).toThrow('i.csv, Zeile 1, Feld "share_abitur": erwartet: Spalte "share_abitur" in der Kopfzeile, gefunden: "county_code,year,share_no_degree"');
  });
});

describe("Zensus 2022 Gemeinden", () => {
  const HEAD = "ags,municipality_name,population_census22,share_migration_bg_census22,share_foreign_census22";
  it("reads 8-digit keys and empty shares as null", () => {
    expect(readZensusGemeinden(write("z.csv", `${HEAD}\n11000000,Berlin,3596999,39.4,\n`), "z.csv")).toEqual([{line: 2, ags: "11000000", name: "Berlin", population: 3596999, share_migration_bg: 39.4, share_foreign: null}]);
  });
  it("rejects a bad key, a duplicate, a share out of range", () => {
    expect(() => readZensusGemeinden(write("z.csv", `${HEAD}\n1100000,Berlin,3596999,39.4,\n`), "z.csv")).toThrow('z.csv, Zeile 2, Feld "ags": erwartet: 8-stelliger Gemeindeschlüssel mit führender Null, gefunden: "1100000"');
    expect(() => readZensusGemeinden(write("z.csv", `${HEAD}\n11000000,B,1,1,\n11000000,B,1,1,\n`), "z.csv")).toThrow('z.csv, Zeile 3, Feld "ags": erwartet: jede Gemeinde nur einmal, gefunden: "11000000"');
    expect(() => readZensusGemeinden(write("z.csv", `${HEAD}\n11000000,B,1,139.4,\n`), "z.csv")).toThrow('z.csv, Zeile 2, Feld "share_migration_bg_census22": erwartet: einen Anteil zwischen 0 und 100, gefunden: "139.4"');
  });
});

describeShared("Kreis sources, real files", () => {
  it("BBSR original has 401 Kreise including 16056 Eisenach, the tidy one 400", () => {
    const original = readBbsrKreistypenOriginal(sharedPath("data/kreise/bbsr_kreistypen_2020_original_latin1.csv"), "bbsr");
    expect(original).toHaveLength(401);
    expect(original.find((k) => k.ags === "16056")?.name).toBe("Eisenach, Stadt");
    expect(readBbsrKreistypen(sharedPath("data/kreise/bbsr_kreistypen_2020.csv"))).toHaveLength(400);
  });
  it("Zensus 2022 Gemeinden add up to 82,711,282 and map onto the 400 Kreise", () => {
    const g = readZensusGemeinden(sharedPath("data/kreise/zensus2022_gemeinden.csv"), "z");
    expect(g.reduce((a, x) => a + x.population, 0)).toBe(82711282);
    expect(new Set(g.map((x) => x.ags.slice(0, 5))).size).toBe(400);
  });
});
