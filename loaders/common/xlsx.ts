/**
 * A minimal reader for the cell values of one worksheet of an .xlsx file (Office Open XML):
 * enough for the published tables of statistical offices, which are plain grids of numbers
 * and labels. Formulas are read as their cached values; styles, dates and merged cells are
 * not interpreted (an Excel date stays its serial number, see excelSerialToIsoDate).
 */
import {unzipSync, strFromU8} from "fflate";
import {readFileSync} from "node:fs";
import {InputError} from "./errors.ts";

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Column letter ("A", "B", …, "AA") → cell text; empty cells are absent. */
  cells: Record<string, string>;
}

export interface Workbook {
  sheetNames: string[];
  sheet(name: string): SheetRow[];
}

export function readXlsxFile(path: string, label: string): Workbook {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(readFileSync(path)));
  } catch {
    throw new InputError({file: label}, "eine .xlsx-Datei (ZIP-Archiv)", "keine lesbare ZIP-Datei");
  }
  const text = (name: string): string => {
    const entry = entries[name];
    if (!entry) throw new InputError({file: label}, `den Bestandteil ${name} der Arbeitsmappe`, "fehlt");
    return strFromU8(entry);
  };
  const shared = entries["xl/sharedStrings.xml"] ? parseSharedStrings(strFromU8(entries["xl/sharedStrings.xml"]!)) : [];
  const relations = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(m[1]!, "Id");
    const target = attribute(m[1]!, "Target");
    if (id && target) relations.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets = new Map<string, string>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attribute(m[1]!, "name");
    const id = attribute(m[1]!, "r:id");
    if (name !== undefined && id && relations.has(id)) sheets.set(decodeXml(name), relations.get(id)!);
  }
  return {
    sheetNames: [...sheets.keys()],
    sheet(name) {
      const target = sheets.get(name);
      if (!target) throw new InputError({file: label, field: name}, `ein Tabellenblatt "${name}"`, [...sheets.keys()].join(", "));
      return parseSheet(text(target), shared);
    }
  };
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) out.push(textRuns(m[1]!));
  return out;
}

/** The text of an <si> or <is> element: all <t> runs, phonetic runs (<rPh>) left out. */
function textRuns(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let text = "";
  for (const m of withoutPhonetic.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) text += decodeXml(m[1] ?? "");
  return text;
}

function parseSheet(xml: string, shared: string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const row = Number(attribute(rowMatch[1]!, "r"));
    const cells: Record<string, string> = {};
    for (const cellMatch of (rowMatch[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cellMatch[1]!;
      const ref = attribute(attrs, "r");
      const body = cellMatch[2] ?? "";
      if (!ref) continue;
      const column = ref.replace(/\d+$/, "");
      const type = attribute(attrs, "t");
      let value: string | undefined;
      if (type === "inlineStr") {
        const is = /<is>([\s\S]*?)<\/is>/.exec(body);
        value = is ? textRuns(is[1]!) : undefined;
      } else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(body);
        if (v) value = type === "s" ? shared[Number(v[1])] : decodeXml(v[1]!);
      }
      if (value !== undefined && value !== "") cells[column] = value;
    }
    rows.push({row, cells});
  }
  return rows;
}

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}="([^"]*)"`).exec(attrs);
  return m ? m[1] : undefined;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    return String.fromCodePoint(entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

/** Excel's 1900 date system: serial 45291 is 2023-12-31. */
export function excelSerialToIsoDate(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
