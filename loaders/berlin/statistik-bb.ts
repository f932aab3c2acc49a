/**
 * Amt für Statistik Berlin-Brandenburg, Statistischer Bericht A I 5 – hj 2/2023 "Einwohnerinnen
 * und Einwohner im Land Berlin am 31. Dezember 2023" (original .xlsx, Einwohnerregister):
 * - Tabelle 3 (sheet "T3 T4"): Deutsche, Ausländer, insgesamt by Bezirk, 31.12.2013–31.12.2023;
 * - Tabelle 6 (sheet "T6"): by Bezirk and age group on 31.12.2023, last block = insgesamt/insgesamt.
 * Columns and rows are matched by their labels (in the report's order), never by position alone.
 */
import {InputError} from "../common/errors.ts";
import {excelSerialToIsoDate, readXlsxFile, type SheetRow} from "../common/xlsx.ts";
import {BERLIN_BEZIRKE, labelMatchesBezirk} from "./bezirke.ts";

export interface BezirkPopulation {
  /** ISO date of the Stichtag. */
  date: string;
  /** "01"–"12", or "berlin" for the Land total. */
  bezirk: string;
  insgesamt: number;
  deutsche: number;
  auslaender: number;
  row: number;
}

export const AGE_GROUPS_T6 = ["unter 6", "6 - 15", "15 - 18", "18 - 20", "20 - 25", "25 - 30", "30 - 35", "35 - 40", "40 - 45", "45 - 60", "60 - 65", "65 und mehr"] as const;
export type AgeGroupT6 = (typeof AGE_GROUPS_T6)[number];

export interface BezirkAgeGroups {
  date: string;
  bezirk: string;
  insgesamt: number;
  groups: Record<AgeGroupT6, number>;
  row: number;
}

export interface EinwohnerBericht {
  population: BezirkPopulation[];
  ages: BezirkAgeGroups[];
}

const T3 = "T3 T4";
const T6 = "T6";
const COLUMNS = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"] as const;

export async function readEinwohnerBericht(path: string, label: string): Promise<EinwohnerBericht> {
  const workbook = await readXlsxFile(path, label);
  return {population: readTable3(workbook.sheet(T3), label), ages: readTable6(workbook.sheet(T6), label)};
}

function count(text: string | undefined, file: string, row: number, column: string): number {
  if (text === undefined || !/^\d+$/.test(text.trim())) throw new InputError({file, line: row, field: `${column}${row}`}, "eine Anzahl (ganze Zahl)", text ?? "leer");
  return Number(text);
}

/** Table 3: header row with "Berlin" and the 12 Bezirke in C…N; blocks "Deutsche", "Ausländer", "insgesamt". */
export function readTable3(rows: SheetRow[], file: string): BezirkPopulation[] {
  const where = `${file}, Blatt ${T3}`;
  const header = rows.find((r) => r.cells.A === "Stichtag" && r.cells.B === "Berlin");
  if (!header) throw new InputError({file: where}, 'eine Kopfzeile "Stichtag | Berlin | Mitte …" (Tabelle 3)');
  BERLIN_BEZIRKE.forEach((b, i) => {
    const cell = header.cells[COLUMNS[i + 1]!];
    if (cell === undefined || !labelMatchesBezirk(cell, b.name)) throw new InputError({file: where, line: header.row, field: `${COLUMNS[i + 1]}${header.row}`}, `die Spalte des Bezirks ${b.name}`, cell ?? "leer");
  });
  const blocks: Record<string, Map<string, number[]>> = {Deutsche: new Map(), "Ausländer": new Map(), insgesamt: new Map()};
  const totalRows = new Map<string, number>();
  let block: string | undefined;
  for (const r of rows) {
    if (r.row <= header.row) continue;
    const label = r.cells.B;
    if (r.cells.A === undefined && label !== undefined && label in blocks && Object.keys(r.cells).length === 1) {
      block = label;
      continue;
    }
    // The next table (Tabelle 4, Durchschnittsalter) starts with its own title in column A.
    if (r.cells.A !== undefined && !/^\d+(\.\d+)?$/.test(r.cells.A)) {
      if (block === "insgesamt" && blocks.insgesamt!.size > 0) break;
      continue;
    }
    if (r.cells.A === undefined || block === undefined) continue;
    const date = excelSerialToIsoDate(Number(r.cells.A));
    if (blocks[block]!.has(date)) throw new InputError({file: where, line: r.row, field: `A${r.row}`}, "jeden Stichtag je Block nur einmal", date);
    blocks[block]!.set(date, COLUMNS.map((c) => count(r.cells[c], where, r.row, c)));
    if (block === "insgesamt") totalRows.set(date, r.row);
  }
  const out: BezirkPopulation[] = [];
  for (const [date, totals] of blocks.insgesamt!) {
    const deutsche = blocks.Deutsche!.get(date);
    const auslaender = blocks["Ausländer"]!.get(date);
    if (!deutsche || !auslaender) throw new InputError({file: where}, `Deutsche und Ausländer zum Stichtag ${date}`, "fehlt");
    totals.forEach((total, i) => {
      if (deutsche[i]! + auslaender[i]! !== total) throw new InputError({file: where, field: COLUMNS[i]}, `Deutsche + Ausländer = insgesamt am ${date}`, `${deutsche[i]} + ${auslaender[i]} ≠ ${total}`);
      out.push({date, bezirk: i === 0 ? "berlin" : BERLIN_BEZIRKE[i - 1]!.nr, insgesamt: total, deutsche: deutsche[i]!, auslaender: auslaender[i]!, row: totalRows.get(date)!});
    });
    const sum = totals.slice(1).reduce((a, b) => a + b, 0);
    if (sum !== totals[0]) throw new InputError({file: where}, `Summe der Bezirke = Berlin am ${date}`, `${sum} ≠ ${totals[0]}`);
  }
  if (out.length === 0) throw new InputError({file: where}, "einen Block \"insgesamt\" mit Stichtagen");
  return out;
}

/** Table 6: the last "insgesamt" block of the "insgesamt" nationality group, rows = Bezirke + Berlin. */
export function readTable6(rows: SheetRow[], file: string): BezirkAgeGroups[] {
  const where = `${file}, Blatt ${T6}`;
  const title = rows.find((r) => r.cells.A?.includes("31. Dezember"));
  const dateMatch = title && /(\d{1,2})\. Dezember (\d{4})/.exec(title.cells.A!);
  if (!dateMatch) throw new InputError({file: where}, 'einen Titel mit dem Stichtag ("am 31. Dezember JJJJ")');
  const date = `${dateMatch[2]}-12-${dateMatch[1]!.padStart(2, "0")}`;
  const header = rows.find((r) => r.cells.C?.trim() === "unter 6");
  if (!header) throw new InputError({file: where}, 'eine Kopfzeile mit den Altersgruppen ("unter 6" …)');
  const ageColumns = COLUMNS.slice(1);
  AGE_GROUPS_T6.forEach((group, i) => {
    const cell = header.cells[ageColumns[i]!]?.replace(/\s+/g, " ").trim();
    if (cell !== group) throw new InputError({file: where, line: header.row, field: `${ageColumns[i]}${header.row}`}, `die Altersgruppe "${group}"`, cell ?? "leer");
  });
  let nationality: string | undefined;
  let sex: string | undefined;
  const blocks = new Map<string, SheetRow[]>();
  for (const r of rows) {
    if (r.row <= header.row) continue;
    const label = r.cells.B;
    if (r.cells.A === undefined && label !== undefined && Object.keys(r.cells).length === 1) {
      if (label === "Deutsche" || label === "Ausländer") {
        nationality = label;
        sex = undefined;
      } else if (label === "männlich" || label === "weiblich") sex = label;
      else if (label === "insgesamt") {
        if (sex === "insgesamt") {
          nationality = "insgesamt";
          sex = undefined;
        } else sex = "insgesamt";
      }
      continue;
    }
    if (r.cells.A === undefined || nationality === undefined || sex === undefined) continue;
    const key = `${nationality}/${sex}`;
    if (!blocks.has(key)) blocks.set(key, []);
    blocks.get(key)!.push(r);
  }
  const block = blocks.get("insgesamt/insgesamt");
  if (!block || block.length !== 13) throw new InputError({file: where}, "einen Block insgesamt/insgesamt mit 12 Bezirken und Berlin", block ? `${block.length} Zeilen` : "fehlt");
  return block.map((r, i) => {
    const label = r.cells.A!.trim();
    const bezirk = i < 12 ? BERLIN_BEZIRKE[i]! : undefined;
    if (bezirk ? !labelMatchesBezirk(label, bezirk.name) : label !== "Berlin") {
      throw new InputError({file: where, line: r.row, field: `A${r.row}`}, bezirk ? `den Bezirk ${bezirk.name}` : "die Zeile Berlin", label);
    }
    const insgesamt = count(r.cells.B, where, r.row, "B");
    const groups = Object.fromEntries(AGE_GROUPS_T6.map((g, j) => [g, count(r.cells[ageColumns[j]!], where, r.row, ageColumns[j]!)])) as Record<AgeGroupT6, number>;
    const sum = Object.values(groups).reduce((a, b) => a + b, 0);
    if (sum !== insgesamt) throw new InputError({file: where, line: r.row}, "Summe der Altersgruppen = Insgesamt", `${sum} ≠ ${insgesamt}`);
    return {date, bezirk: bezirk ? bezirk.nr : "berlin", insgesamt, groups, row: r.row};
  });
}
