/**
 * Numbers as German spreadsheets write them: decimal comma, optional thousands dots
 * (`1.234,5`, `-0,25`, `1234`). A decimal point (`1,234.5`, `12.5`) is English and ambiguous
 * (`1.234` is read as one thousand two hundred thirty-four), so it is refused, not guessed.
 */
export type NumberReading = {kind: "number"; value: number; decimals: number} | {kind: "english"} | {kind: "excel-date"} | {kind: "invalid"};

const GERMAN = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
const ENGLISH = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$/;
// What German Excel makes of "1.3" or "12.5" typed into a cell: a date ("01. Mrz", "12.05.").
const EXCEL_DATE = /^\d{1,2}\.\s?(?:Jan|Feb|Mrz|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\.?(?:\s?\d{2,4})?$|^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?$/i;

export function readGermanNumber(text: string): NumberReading {
  const t = text.trim();
  const german = GERMAN.exec(t);
  if (german) return {kind: "number", value: Number(t.replaceAll(".", "").replace(",", ".")), decimals: german[1]?.length ?? 0};
  if (EXCEL_DATE.test(t)) return {kind: "excel-date"};
  if (ENGLISH.test(t)) return {kind: "english"};
  return {kind: "invalid"};
}
