import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readBtw25Berlin} from "../../../loaders/strukturdaten/btw25-berlin.ts";
import {describeShared, sharedPath} from "../shared-data.ts";

const HEAD = "wk_nr,wk_name,bezirk_id,bezirk_name,wk_gleich_bezirk,werte_gelten_fuer,kita_quote_u3_2023";
function write(...rows: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "kbm-btw-"));
  const path = join(dir, "btw.csv");
  writeFileSync(path, [HEAD, ...rows].join("\n") + "\n");
  return path;
}

describe("BTW 2025 Strukturdaten, Berlin", () => {
  it("separates Bezirk rows, joint rows and the Land row", () => {
    const rows = readBtw25Berlin(write("74,Berlin-Mitte,01,Mitte,ja,Bezirk 01 Mitte,66.5", '75,Berlin-Pankow,,,nein,"Bezirke 02+03",52.4', "911,Land insgesamt,,,,Berlin insgesamt,50.0"), "btw.csv", ["kita_quote_u3_2023"]);
    expect(rows.map((r) => [r.wk_nr, r.kind, r.bezirk_id, r.values.kita_quote_u3_2023])).toEqual([
      ["74", "bezirk", "01", 66.5],
      ["75", "joint", null, 52.4],
      ["911", "land", null, 50]
    ]);
  });

  it("rejects a Bezirk row without Bezirk, a joint row with one, a duplicate and a non-numeric value", () => {
    expect(() => readBtw25Berlin(write("74,Berlin-Mitte,,Mitte,ja,x,66.5"), "btw.csv", ["kita_quote_u3_2023"])).toThrow('btw.csv, Zeile 2, Feld "bezirk_id": erwartet: eine Bezirksnummer 01–12, wenn wk_gleich_bezirk = ja, gefunden: ""');
    expect(() => readBtw25Berlin(write("75,Berlin-Pankow,03,,nein,x,52.4"), "btw.csv", ["kita_quote_u3_2023"])).toThrow('btw.csv, Zeile 2, Feld "bezirk_id": erwartet: ein leeres Feld, wenn der Wahlkreis keinem Bezirk entspricht, gefunden: "03"');
    expect(() => readBtw25Berlin(write("74,A,01,Mitte,ja,x,1", "76,B,01,Mitte,ja,x,2"), "btw.csv", ["kita_quote_u3_2023"])).toThrow('btw.csv, Zeile 3, Feld "bezirk_id": erwartet: jeden Bezirk höchstens einmal, gefunden: "01"');
    expect(() => readBtw25Berlin(write("74,A,01,Mitte,ja,x,66,5"), "btw.csv", ["kita_quote_u3_2023"])).toThrow("btw.csv, Zeile 2: erwartet: 7 Felder getrennt durch \",\", gefunden: \"8 Felder\"");
    expect(() => readBtw25Berlin(write("74,A,01,Mitte,ja,x,hoch"), "btw.csv", ["kita_quote_u3_2023"])).toThrow('btw.csv, Zeile 2, Feld "kita_quote_u3_2023": erwartet: eine Zahl mit Dezimalpunkt oder ein leeres Feld, gefunden: "hoch"');
    expect(() => readBtw25Berlin(write("74,A,01,Mitte,ja,x,1"), "btw.csv", ["kita_quote_3bis6_2023"])).toThrow('btw.csv, Zeile 1, Feld "kita_quote_3bis6_2023": erwartet: Spalte "kita_quote_3bis6_2023" in der Kopfzeile');
  });
});

describeShared("BTW 2025 Strukturdaten, real Berlin file", () => {
  it("has 8 Wahlkreise equal to one Bezirk and 4 joint ones", () => {
    const rows = readBtw25Berlin(sharedPath("data/berlin/btw25_strukturdaten_berlin_wahlkreise.csv"), "btw", ["kita_quote_u3_2023"]);
    expect(rows.filter((r) => r.kind === "bezirk").map((r) => r.bezirk_id)).toEqual(["01", "12", "06", "07", "08", "09", "10", "11"]);
    expect(rows.filter((r) => r.kind === "joint").map((r) => r.wk_nr)).toEqual(["75", "77", "79", "82"]);
  });
});
