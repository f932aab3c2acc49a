/** German number and date formats for every page: 1.234,5 · 12,3 % · 31.12.2022. */
import {formatLocale, type FormatLocaleObject} from "d3";

export const locale: FormatLocaleObject = formatLocale({
  decimal: ",",
  thousands: ".",
  grouping: [3],
  currency: ["", " €"],
  percent: "\u00a0%",
  minus: "−"
});

/** A number with a fixed count of decimals, German separators; null → "–". */
export function formatNumber(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return locale.format(`,.${decimals}f`)(roundHalfUp(value, decimals));
}

/**
 * Commercial rounding on the decimal digits as published: 11.35 → 11.4, −2.25 → −2.3.
 * Formatting the binary double directly would give 11,3 (11.35 is stored as 11.3499…).
 */
export function roundHalfUp(value: number, decimals: number): number {
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  if (!Number.isFinite(shifted)) return value;
  return Math.sign(value) * Number(`${Math.round(shifted)}e-${decimals}`);
}

/** A formatted value after "mit" (dative plural): "10.446 Kinder" → "10.446 Kindern", "12 Plätze je 100 Kinder" → "12 Plätzen je 100 Kinder". */
export function afterMit(formatted: string): string {
  return formatted.replace(/^([^A-Za-zÄÖÜäöü]*\d\s)(Kinder|Plätze)\b/, "$1$2n");
}

/** A value in its unit: "12,3 %", "1.234 Personen", "8,4 je 100". */
export function formatValue(value: number | null | undefined, unit: string, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  // A no-break space keeps number and unit on one line.
  const number = formatNumber(value, decimals);
  return unit ? `${number}\u00a0${unit}` : number;
}

/** "2023-03-01" → "01.03.2023"; "2020" stays "2020". */
export function formatPeriod(period: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : period;
}
