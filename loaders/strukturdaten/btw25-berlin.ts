/**
 * Berlin rows of the "Strukturdaten für die Wahlkreise zum 21. Deutschen Bundestag" (BTW 2025),
 * tidy extract: 12 Wahlkreise (74–85) and the Land row (911). Eight Wahlkreise are identical to
 * one Bezirk (`wk_gleich_bezirk` = ja, `bezirk_id` filled); the other four carry one joint value
 * for the Bezirke 02–05 and no Bezirk of their own.
 */
import {parseDecimal, readCsvFile} from "../common/csv.ts";
import {InputError} from "../common/errors.ts";

export interface Btw25BerlinRow {
  line: number;
  wk_nr: string;
  wk_name: string;
  /** "01"…"12" when the Wahlkreis is exactly one Bezirk, else null. */
  bezirk_id: string | null;
  kind: "bezirk" | "joint" | "land";
  /** What the values refer to, as the file says ("Bezirk 01 Mitte", "Bezirke 02+03+04+05 gemeinsam …"). */
  applies_to: string;
  values: Record<string, number | null>;
}

const ID_COLUMNS = ["wk_nr", "wk_name", "bezirk_id", "bezirk_name", "wk_gleich_bezirk", "werte_gelten_fuer"] as const;

export function readBtw25Berlin(path: string, label: string, columns: readonly string[]): Btw25BerlinRow[] {
  const seenWk = new Set<string>();
  const seenBezirk = new Set<string>();
  return readCsvFile(path, label, {required: [...ID_COLUMNS, ...columns]}).map(({line, fields}) => {
    const wk = fields.wk_nr!;
    if (!/^\d{2,3}$/.test(wk)) throw new InputError({file: label, line, field: "wk_nr"}, "eine Wahlkreisnummer", wk);
    if (seenWk.has(wk)) throw new InputError({file: label, line, field: "wk_nr"}, "jeden Wahlkreis nur einmal", wk);
    seenWk.add(wk);
    const equal = fields.wk_gleich_bezirk!;
    const bezirk = fields.bezirk_id!;
    let kind: Btw25BerlinRow["kind"];
    if (equal === "ja") {
      if (!/^(0[1-9]|1[0-2])$/.test(bezirk)) throw new InputError({file: label, line, field: "bezirk_id"}, "eine Bezirksnummer 01–12, wenn wk_gleich_bezirk = ja", bezirk);
      if (seenBezirk.has(bezirk)) throw new InputError({file: label, line, field: "bezirk_id"}, "jeden Bezirk höchstens einmal", bezirk);
      seenBezirk.add(bezirk);
      kind = "bezirk";
    } else if (equal === "nein") {
      if (bezirk !== "") throw new InputError({file: label, line, field: "bezirk_id"}, "ein leeres Feld, wenn der Wahlkreis keinem Bezirk entspricht", bezirk);
      kind = "joint";
    } else if (equal === "") {
      kind = "land";
    } else {
      throw new InputError({file: label, line, field: "wk_gleich_bezirk"}, "ja, nein oder leer (Landeszeile)", equal);
    }
    const values: Record<string, number | null> = {};
    for (const column of columns) values[column] = parseDecimal(fields[column]!, label, line, column);
    return {line, wk_nr: wk, wk_name: fields.wk_name!, bezirk_id: kind === "bezirk" ? bezirk : null, kind, applies_to: fields.werte_gelten_fuer!, values};
  });
}
