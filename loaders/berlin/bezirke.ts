/**
 * Berlin's twelve Bezirke: number (the `bezirk_id` of the Berlin files, "01"–"12"), official
 * name, and the key the Regionaldatenbank uses ("11001001" Mitte … "11012012" Reinickendorf),
 * which is the region id in the snapshot. Planungsräume (8-digit PLR_ID) start with the number.
 */

export const BERLIN_BEZIRKE = [
  {nr: "01", name: "Mitte"},
  {nr: "02", name: "Friedrichshain-Kreuzberg"},
  {nr: "03", name: "Pankow"},
  {nr: "04", name: "Charlottenburg-Wilmersdorf"},
  {nr: "05", name: "Spandau"},
  {nr: "06", name: "Steglitz-Zehlendorf"},
  {nr: "07", name: "Tempelhof-Schöneberg"},
  {nr: "08", name: "Neukölln"},
  {nr: "09", name: "Treptow-Köpenick"},
  {nr: "10", name: "Marzahn-Hellersdorf"},
  {nr: "11", name: "Lichtenberg"},
  {nr: "12", name: "Reinickendorf"}
] as const;

export const BERLIN_KREIS = "11000";

/** "01" → "11001001". */
export function bezirkKey(nr: string): string {
  if (!/^(0[1-9]|1[0-2])$/.test(nr)) throw new Error(`keine Berliner Bezirksnummer: ${nr}`);
  return `110${nr}0${nr}`;
}

export function isBezirkKey(id: string): boolean {
  return /^110(0[1-9]|1[0-2])0\1$/.test(id);
}

/**
 * Whether a table label names the Bezirk, also in the abbreviated and hyphenated forms of the
 * statistical reports ("Friedrh.-Kreuzb.", "Charlotten-\nburg-\nWilmers-\ndorf"): each part of
 * the label must be the start of the corresponding part of the name, letters in order.
 */
export function labelMatchesBezirk(label: string, name: string): boolean {
  const clean = (s: string) => s.replace(/-\s*\r?\n\s*/g, "").replace(/\s+/g, " ").trim().toLowerCase();
  const labelJoined = clean(label);
  const nameLower = name.toLowerCase();
  if (labelJoined.replace(/-/g, "") === nameLower.replace(/-/g, "")) return true;
  const labelParts = label.replace(/\s+/g, " ").trim().toLowerCase().split("-").map((p) => p.replace(/\./g, "").trim());
  const nameParts = nameLower.split("-");
  if (labelParts.length !== nameParts.length) return false;
  return labelParts.every((part, i) => part.length > 0 && part[0] === nameParts[i]![0] && isSubsequence(part, nameParts[i]!));
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (const c of long) if (c === short[j]) j++;
  return j === short.length;
}
