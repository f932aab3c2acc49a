/**
 * A seeded generator of a new-layout GENESIS ffcsv (since 2025) at Gemeinde level: the real
 * 17-column English header of 12411-01-01-4_…_de_flat.csv, UTF-8 with BOM, `;`, ISO dates,
 * decimal commas, ≈ 2 % special values (`-` `.` `...` `/` `x`), 8-digit Gemeinde keys.
 * Every (time, Gemeinde, age group) is one row, so keys are unique as in a real table.
 */
import {closeSync, openSync, writeSync} from "node:fs";
import {mulberry32} from "../pipelines/common/random.ts";

export const FFCSV_HEADER =
  "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;" +
  "2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label";

const AGE_GROUPS = [
  ["ALT000B03", "unter 3 Jahre"], ["ALT003B06", "3 bis unter 6 Jahre"], ["ALT006B10", "6 bis unter 10 Jahre"],
  ["ALT010B15", "10 bis unter 15 Jahre"], ["ALT015B18", "15 bis unter 18 Jahre"], ["ALT018B20", "18 bis unter 20 Jahre"],
  ["ALT020B25", "20 bis unter 25 Jahre"], ["ALT025B30", "25 bis unter 30 Jahre"], ["ALT030B35", "30 bis unter 35 Jahre"],
  ["ALT035B40", "35 bis unter 40 Jahre"], ["ALT040B45", "40 bis unter 45 Jahre"], ["ALT045B50", "45 bis unter 50 Jahre"],
  ["ALT050B55", "50 bis unter 55 Jahre"], ["ALT055B60", "55 bis unter 60 Jahre"], ["ALT060B65", "60 bis unter 65 Jahre"],
  ["ALT065B75", "65 bis unter 75 Jahre"], ["ALT075UM", "75 Jahre und mehr"], ["", "Insgesamt"]
] as const;
const SPECIAL = ["-", ".", "...", "/", "x"] as const;
const GEMEINDEN = 10_800;

export interface GeneratedFile {
  rows: number;
  bytes: number;
  /** Rows whose value cell is a special value. */
  special: number;
}

export function generateFfcsv(path: string, rows: number, seed = 20250101): GeneratedFile {
  const random = mulberry32(seed);
  const keys: string[] = [];
  const names: string[] = [];
  for (let g = 0; g < GEMEINDEN; g++) {
    const land = String(1 + (g % 16)).padStart(2, "0");
    const key = `${land}${String(100 + Math.floor(g / 16) % 900).padStart(3, "0")}${String(g % 1000).padStart(3, "0")}`;
    keys.push(key);
    names.push(`Gemeinde ${key}`);
  }
  const fd = openSync(path, "w");
  let buffer = "\uFEFF" + FFCSV_HEADER + "\n";
  let bytes = 0;
  let special = 0;
  let written = 0;
  const flush = () => {
    bytes += writeSync(fd, buffer);
    buffer = "";
  };
  try {
    outer: for (let year = 2024; ; year--) {
      const prefix = `12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;${year}-12-31;GEMEIN;Gemeinden;`;
      for (let g = 0; g < GEMEINDEN; g++) {
        const head = `${prefix}${keys[g]};${names[g]};ALTX20;Altersgruppen;`;
        for (const [code, label] of AGE_GROUPS) {
          if (written === rows) break outer;
          const r = random();
          let value: string;
          if (r < 0.02) {
            value = SPECIAL[Math.floor(r * 250) % SPECIAL.length]!;
            special++;
          } else {
            // Share in percent with one decimal, written with a decimal comma.
            const tenths = Math.floor(random() * 1000);
            value = `${Math.floor(tenths / 10)},${tenths % 10}`;
          }
          buffer += `${head}${code};${label};${value};Prozent;BEV012;Anteil\n`;
          written++;
          if (buffer.length > 1 << 20) flush();
        }
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return {rows: written, bytes, special};
}
