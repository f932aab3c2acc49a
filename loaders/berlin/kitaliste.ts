/**
 * SenBJF "Kitaliste" (all Kitas in Berlin with approved places), original .xlsx, November 2023.
 * Only what the snapshot needs leaves this loader: Bezirk, facility number and places. Names,
 * addresses, phone numbers and carriers stay here.
 */
import {InputError} from "../common/errors.ts";
import {readXlsxFile} from "../common/xlsx.ts";
import {BERLIN_BEZIRKE} from "./bezirke.ts";

export interface Kita {
  row: number;
  bezirk: string;
  id: string;
  /** Approved places; null where the list gives none (an empty cell). */
  places: number | null;
  type: string;
}

export interface Kitaliste {
  kitas: Kita[];
  /** The sheet's own "Gesamtsumme" of places, checked against the rows. */
  total: number;
}

const HEADERS = {A: "Betreuungsbezirk Nr", B: "Betreuungsbezirk", C: "Einrichtungsnummer", H: "Anzahl Plätze", I: "Einrichtungsart"} as const;

export async function readKitaliste(path: string, label: string): Promise<Kitaliste> {
  const workbook = await readXlsxFile(path, label);
  const sheetName = workbook.sheetNames[0];
  if (sheetName === undefined) throw new InputError({file: label}, "ein Tabellenblatt");
  const rows = workbook.sheet(sheetName);
  const header = rows[0];
  for (const [column, name] of Object.entries(HEADERS)) {
    if (header?.cells[column] !== name) throw new InputError({file: label, line: header?.row ?? 1, field: `${column}1`}, `die Spalte "${name}"`, header?.cells[column] ?? "leer");
  }
  const kitas: Kita[] = [];
  const seen = new Set<string>();
  let total: number | undefined;
  for (const r of rows.slice(1)) {
    const where = {file: label, line: r.row};
    if (r.cells.A === "Gesamtsumme") {
      total = Number(r.cells.H);
      continue;
    }
    if (Object.keys(r.cells).length === 0) continue;
    const nr = r.cells.A ?? "";
    const bezirk = BERLIN_BEZIRKE.find((b) => b.nr === nr);
    if (!bezirk) throw new InputError({...where, field: HEADERS.A}, "eine Bezirksnummer 01–12", nr);
    if (r.cells.B !== bezirk.name) throw new InputError({...where, field: HEADERS.B}, `den Bezirksnamen ${bezirk.name}`, r.cells.B ?? "leer");
    const id = r.cells.C ?? "";
    if (!/^\d{8}$/.test(id)) throw new InputError({...where, field: HEADERS.C}, "eine 8-stellige Einrichtungsnummer", id);
    if (seen.has(id)) throw new InputError({...where, field: HEADERS.C}, "jede Einrichtung nur einmal", id);
    seen.add(id);
    const places = r.cells.H;
    if (places !== undefined && !/^\d+$/.test(places)) throw new InputError({...where, field: HEADERS.H}, "eine Anzahl Plätze (ganze Zahl) oder ein leeres Feld", places);
    kitas.push({row: r.row, bezirk: nr, id, places: places === undefined ? null : Number(places), type: r.cells.I ?? ""});
  }
  if (total === undefined) throw new InputError({file: label}, 'eine Zeile "Gesamtsumme"');
  const sum = kitas.reduce((a, k) => a + (k.places ?? 0), 0);
  if (sum !== total) throw new InputError({file: label, field: "Gesamtsumme"}, "Summe der Plätze = Gesamtsumme", `${sum} ≠ ${total}`);
  return {kitas, total};
}
